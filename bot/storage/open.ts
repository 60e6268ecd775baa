import { resolve } from 'node:path';
import { openPglite, openPostgres, type Database } from './database';
import { migrate } from './migrate';

export const DEFAULT_DATA_DIR = './data';

export interface StorageEnv {
  readonly DATABASE_URL?: string | undefined;
  readonly FRONTDOOR_DATA_DIR?: string | undefined;
}

/**
 * The database the environment names — PostgreSQL at `DATABASE_URL`, else PGlite in
 * `FRONTDOOR_DATA_DIR` (default ./data) — with every migration applied. Throws when it cannot be
 * opened or migrated: at start-up that should stop the process with one clear line.
 */
export async function openStorage(env: StorageEnv, options: { readonly onError?: (error: Error) => void } = {}): Promise<Database> {
  const url = env.DATABASE_URL?.trim();
  const db =
    url !== undefined && url !== ''
      ? openPostgres(url, options.onError ? { onError: options.onError } : {})
      : await openPglite(dataDirOf(env));
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}

function dataDirOf(env: StorageEnv): string {
  const dir = env.FRONTDOOR_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  return dir.startsWith('memory://') ? dir : resolve(dir);
}
