import type { Database, Queryable, QueryResult } from './database';

/**
 * A database that may not be there yet. The server starts even when the database cannot be
 * opened (the bot still answers who to contact and when); every query then fails, which the
 * callback service turns into `storage_unavailable` — the citizen is told plainly that nothing was
 * booked and what to do instead. Opening is retried at most every `retryMs`.
 */
export class ReopeningDatabase implements Database {
  #db: Database | undefined;
  #opening: Promise<Database> | undefined;
  #lastFailure = -Infinity;

  constructor(
    private readonly open: () => Promise<Database>,
    private readonly onError: (error: Error) => void,
    private readonly retryMs = 30_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get kind(): Database['kind'] {
    return this.#db?.kind ?? 'pglite';
  }

  /** Opens now; resolves false (and keeps trying later) when the database is not reachable. */
  async ready(): Promise<boolean> {
    try {
      await this.#get();
      return true;
    } catch {
      return false;
    }
  }

  get isOpen(): boolean {
    return this.#db !== undefined;
  }

  async #get(): Promise<Database> {
    if (this.#db) return this.#db;
    if (this.#opening) return this.#opening;
    if (this.now() - this.#lastFailure < this.retryMs) throw new Error('database unavailable');
    this.#opening = this.open()
      .then((db) => (this.#db = db))
      .catch((error: unknown) => {
        this.#lastFailure = this.now();
        this.onError(error instanceof Error ? error : new Error(String(error)));
        throw error;
      })
      .finally(() => (this.#opening = undefined));
    return this.#opening;
  }

  async query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
    return (await this.#get()).query<T>(sql, params);
  }

  async exec(sql: string): Promise<void> {
    return (await this.#get()).exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return (await this.#get()).transaction(fn);
  }

  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    if (db) await db.close();
  }
}
