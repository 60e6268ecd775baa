import { writeLine, type CliIo } from '../cli/io';
import type { Database } from '../storage/database';
import { openStorage } from '../storage/open';

/**
 * For the `agents` and `audit` commands: the database the environment names (DATABASE_URL, else
 * PGlite in FRONTDOOR_DATA_DIR), migrated, closed after `work`. When it cannot be opened: one
 * line on stderr and exit 1 — the driver's message may hold the connection string, so only its
 * error code is shown.
 */
export async function withDatabase(io: CliIo, command: string, work: (db: Database) => Promise<number>): Promise<number> {
  let db: Database;
  try {
    db = await openStorage(io.env);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    writeLine(io.stderr, `frontdoor ${command}: storage unavailable${typeof code === 'string' ? ` (${code})` : ''}`);
    return 1;
  }
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
