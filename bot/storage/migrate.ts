import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Database } from './database';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** One versioned migration: `NNN_name.sql`. */
export interface Migration {
  readonly version: string;
  readonly name: string;
  readonly sql: string;
}

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The migrations in a directory, in version order. Throws on a badly named file or a repeated version (a bug). */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.sql')) continue;
    const match = FILE.exec(file);
    if (!match) throw new Error(`migration ${file} is not named NNN_name.sql`);
    const [, version, name] = match as unknown as [string, string, string];
    if (out.some((m) => m.version === version)) throw new Error(`migration version ${version} appears twice`);
    out.push({ version, name, sql: readFileSync(join(dir, file), 'utf8') });
  }
  return out;
}

/**
 * Applies every migration not yet applied, in order, each in its own transaction together with
 * its row in `schema_migrations`. The first statement of each transaction takes an advisory lock,
 * so processes starting at once apply each migration exactly once (the second waits, then sees it
 * applied). Returns the versions applied now.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      // hashtext gives a stable lock id per name; transaction-scoped, so a crash cannot leave it held.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('frontdoor.schema_migrations'))`);
      await tx.exec(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version text PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (seen.rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
