import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../storage/database';

/** A signed-in agent's session ends this long after sign-in, whatever they do. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** One signed-in agent. `csrfToken` goes with every state change (header X-CSRF-Token or form field csrfToken). */
export interface Session {
  readonly username: string;
  readonly csrfToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  /** The SHA-256 of the session id, the session's key in storage. */
  readonly idHash: string;
}

export interface SessionStoreOptions {
  /**
   * The HMAC key for cookies and CSRF tokens (FRONTDOOR_SESSION_SECRET). Empty: a random key for
   * this process, so sessions end when it restarts.
   */
  readonly secret: string;
  /** Wall-clock epoch milliseconds. Real time on purpose: FRONTDOOR_NOW must not make sessions eternal. */
  readonly now?: () => number;
  readonly ttlMs?: number;
}

const SessionRow = z.object({ username: z.string(), expires_at: z.date() });

/**
 * Sessions in signed cookies backed by a table. The cookie value is `id.expiry.mac`, the mac an
 * HMAC-SHA256 of `id.expiry`; a forged or altered cookie is refused before storage is asked, and
 * the table lets sign-out (or removing the agent) end a session at once.
 */
export class SessionStore {
  readonly #db: Database;
  readonly #key: Buffer;
  readonly #now: () => number;
  readonly #ttl: number;

  constructor(db: Database, options: SessionStoreOptions) {
    this.#db = db;
    this.#key = options.secret === '' ? randomBytes(32) : createHash('sha256').update(`frontdoor-agent-session:${options.secret}`).digest();
    this.#now = options.now ?? (() => Date.now());
    this.#ttl = options.ttlMs ?? SESSION_TTL_MS;
  }

  get ttlMs(): number {
    return this.#ttl;
  }

  /** Starts a session: the cookie value to set, and the session. */
  async create(username: string): Promise<{ readonly cookieValue: string; readonly session: Session }> {
    const now = this.#now();
    const id = randomBytes(32).toString('base64url');
    const expiresAt = now + this.#ttl;
    const idHash = sha256(id);
    // Expired rows are swept here rather than by a timer: sign-ins are rare and cheap to piggyback on.
    await this.#db.query('DELETE FROM agent_sessions WHERE expires_at < $1', [new Date(now).toISOString()]);
    await this.#db.query('INSERT INTO agent_sessions (id_hash, username, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      idHash,
      username,
      new Date(now).toISOString(),
      new Date(expiresAt).toISOString(),
    ]);
    const payload = `${id}.${expiresAt}`;
    return { cookieValue: `${payload}.${this.#mac(payload)}`, session: { username, csrfToken: this.#csrf(id), expiresAt, idHash } };
  }

  /** The session a cookie value stands for, or undefined when it is forged, expired or ended. */
  async read(cookieValue: string | undefined): Promise<Session | undefined> {
    if (cookieValue === undefined || cookieValue.length > 200) return undefined;
    const parts = cookieValue.split('.');
    if (parts.length !== 3) return undefined;
    const [id, expiry, mac] = parts as [string, string, string];
    if (!safeEqual(mac, this.#mac(`${id}.${expiry}`))) return undefined;
    const expiresAt = Number(expiry);
    if (!Number.isSafeInteger(expiresAt) || expiresAt <= this.#now()) return undefined;
    const idHash = sha256(id);
    const found = await this.#db.query('SELECT username, expires_at FROM agent_sessions WHERE id_hash = $1', [idHash]);
    if (found.rows[0] === undefined) return undefined;
    const row = SessionRow.parse(found.rows[0]);
    if (row.expires_at.getTime() <= this.#now()) return undefined;
    return { username: row.username, csrfToken: this.#csrf(id), expiresAt, idHash };
  }

  /** Ends a session (sign-out). */
  async destroy(session: Session): Promise<void> {
    await this.#db.query('DELETE FROM agent_sessions WHERE id_hash = $1', [session.idHash]);
  }

  /** Whether `token` is this session's CSRF token (compared in constant time). */
  checkCsrf(session: Session, token: string | undefined): boolean {
    return token !== undefined && safeEqual(token, session.csrfToken);
  }

  #mac(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }

  /** Derived from the session id, so it needs no storage and differs per session. */
  #csrf(id: string): string {
    return createHmac('sha256', this.#key).update(`csrf:${id}`).digest('base64url');
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
