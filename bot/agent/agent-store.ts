import bcrypt from 'bcryptjs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../knowledge/clock';
import type { Database } from '../storage/database';

/**
 * bcrypt's work factor for new passwords: 2^12 rounds take about 350 ms in bcryptjs on this
 * machine (measured; cost 10 about 130 ms), slow enough to make guessing from a stolen table
 * expensive and still quick for one sign-in. Checking a password costs what its hash was made with.
 */
export const DEFAULT_BCRYPT_COST = 12;
export const MIN_BCRYPT_COST = 10;
/** NIST SP 800-63B's minimum for a password chosen by its user. */
export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt reads at most 72 bytes; a longer password would silently lose its end, so it is refused. */
export const MAX_PASSWORD_BYTES = 72;

/** Agent names: lower case letters (æøå too), digits, ".", "_", "-"; 2 to 40 characters. */
export const AgentName = z
  .string()
  .transform((s) => s.normalize('NFC').trim().toLocaleLowerCase('da'))
  .pipe(z.string().regex(/^[a-z0-9æøå][a-z0-9æøå._-]{1,39}$/));

const AgentRow = z.object({ username: z.string(), password_hash: z.string(), created_at: z.date() });

export interface Agent {
  readonly username: string;
  readonly createdAt: DateTime;
}

export type AddAgentResult =
  | { readonly ok: true; readonly agent: Agent }
  | { readonly ok: false; readonly reason: 'invalid_name' | 'weak_password' | 'exists' };

export type VerifyResult = { readonly ok: true; readonly username: string } | { readonly ok: false; readonly reason: 'invalid_credentials' };

/** Why a password is not accepted, or undefined when it is. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return `a password may be at most ${MAX_PASSWORD_BYTES} bytes`;
  if (/[\u0000-\u001F\u007F]/.test(password)) return 'a password may not contain control characters';
  return undefined;
}

/** The agents who may sign in to the console, with bcrypt-hashed passwords. Throws only when storage fails. */
export class AgentStore {
  readonly #db: Database;
  readonly #cost: number;
  #dummy: Promise<string> | undefined;

  /** `cost` is bcrypt's work factor for new passwords (at least 10; tests use 10 to stay quick). */
  constructor(db: Database, options: { readonly cost?: number } = {}) {
    const cost = options.cost ?? DEFAULT_BCRYPT_COST;
    if (!Number.isInteger(cost) || cost < MIN_BCRYPT_COST || cost > 15) throw new Error(`bcrypt cost ${cost} is outside ${MIN_BCRYPT_COST}..15`);
    this.#db = db;
    this.#cost = cost;
  }

  async add(name: string, password: string, now: DateTime): Promise<AddAgentResult> {
    const parsed = AgentName.safeParse(name);
    if (!parsed.success) return { ok: false, reason: 'invalid_name' };
    if (passwordProblem(password) !== undefined) return { ok: false, reason: 'weak_password' };
    const hash = await bcrypt.hash(password, this.#cost);
    const inserted = await this.#db.query(
      `INSERT INTO agents (username, password_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING username, password_hash, created_at`,
      [parsed.data, hash, now.toUTC().toISO()],
    );
    const row = inserted.rows[0];
    if (row === undefined) return { ok: false, reason: 'exists' };
    return { ok: true, agent: toAgent(row) };
  }

  /**
   * Checks a name and password. An unknown name costs the same bcrypt work as a wrong password,
   * so the answer's timing does not tell which agents exist.
   */
  async verify(name: string, password: string): Promise<VerifyResult> {
    const parsed = AgentName.safeParse(name);
    const found = parsed.success
      ? await this.#db.query('SELECT username, password_hash, created_at FROM agents WHERE username = $1', [parsed.data])
      : { rows: [] };
    const row = found.rows[0] === undefined ? undefined : AgentRow.parse(found.rows[0]);
    const candidate = Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES ? '' : password;
    const match = await bcrypt.compare(candidate, row?.password_hash ?? (await this.#dummyHash()));
    return row !== undefined && match && candidate !== '' ? { ok: true, username: row.username } : { ok: false, reason: 'invalid_credentials' };
  }

  async list(): Promise<Agent[]> {
    const result = await this.#db.query('SELECT username, password_hash, created_at FROM agents ORDER BY username');
    return result.rows.map(toAgent);
  }

  /** Removes an agent and ends their sessions. False when there was no such agent. */
  async remove(name: string): Promise<boolean> {
    const parsed = AgentName.safeParse(name);
    if (!parsed.success) return false;
    const result = await this.#db.query('DELETE FROM agents WHERE username = $1 RETURNING username', [parsed.data]);
    return result.rows.length > 0;
  }

  #dummyHash(): Promise<string> {
    this.#dummy ??= bcrypt.hash('no agent has this password', this.#cost);
    return this.#dummy;
  }
}

function toAgent(raw: unknown): Agent {
  const row = AgentRow.parse(raw);
  return { username: row.username, createdAt: DateTime.fromJSDate(row.created_at, { zone: ZONE }) };
}
