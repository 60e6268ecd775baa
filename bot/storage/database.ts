import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The rows of a statement, and how many rows it touched (for UPDATE/DELETE without RETURNING). */
export interface QueryResult<T> {
  readonly rows: T[];
  readonly rowCount: number;
}

/** What a statement can run on: the database, or one transaction in it. */
export interface Queryable {
  /** One statement with `$1`-style parameters. Rows are unchecked: parse them with a zod schema. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * PostgreSQL, or PGlite embedded: the same SQL runs on both. Methods throw when the database
 * fails; callers at the edge turn that into `storage_unavailable`.
 */
export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PostgresOptions {
  /** Every connection uses this schema (tests run in a schema of their own). */
  readonly schema?: string;
  readonly maxConnections?: number;
  /** Told about errors of idle connections (the database restarted); the pool replaces them. */
  readonly onError?: (error: Error) => void;
}

/** A valid unquoted PostgreSQL identifier; schema names go into SQL, so nothing else passes. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** PostgreSQL through a `pg` pool. Opening does not connect: the first query does. */
export function openPostgres(connectionString: string, options: PostgresOptions = {}): Database {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) throw new Error(`invalid schema name ${options.schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // A database that is down should fail a booking in seconds, not hang the conversation.
    connectionTimeoutMillis: 5_000,
    query_timeout: 15_000,
    ...(options.schema !== undefined && { options: `-c search_path=${options.schema}` }),
  });
  // Without a listener an idle client's error (server restart) would crash the process.
  pool.on('error', options.onError ?? (() => {}));
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, [...params]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...on(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await fn(on(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        // A connection that could not roll back is not given to the next caller.
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * PGlite: PostgreSQL compiled to WebAssembly, in this process. `dataDir` is a directory (created
 * when missing) or `memory://` for a database that lives as long as the process. One process at a
 * time may open a directory.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const on = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...on(db),
    // PGlite runs one transaction at a time and queues other statements behind it.
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
    close: () => db.close(),
  };
}
