import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../knowledge/clock';
import type { Database } from '../storage/database';

/** What is audited: above all `phone_shown`, every time a citizen's number is shown to an agent. */
export const AuditAction = z.enum(['login', 'logout', 'phone_shown', 'claim', 'complete']);
export type AuditAction = z.infer<typeof AuditAction>;

/** One audit entry. Never holds a phone number: `reference` says whose number it was. */
export interface AuditEntry {
  readonly at: DateTime;
  readonly agent: string;
  readonly action: AuditAction;
  readonly reference: string | null;
  readonly unit: string | null;
  readonly detail: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'reference' | 'unit' | 'detail'> & {
  readonly reference?: string | null;
  readonly unit?: string | null;
  readonly detail?: string | null;
};

const AuditRow = z.object({
  at: z.date(),
  agent: z.string(),
  action: AuditAction,
  reference: z.string().nullable(),
  unit: z.string().nullable(),
  detail: z.string().nullable(),
});

/** The append-only audit log. Throws when storage fails: a caller must not show a number it could not log. */
export class AuditLog {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Appends entries in one statement (all or none). */
  async record(entries: readonly NewAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      params.push(e.at.toUTC().toISO(), e.agent, e.action, e.reference ?? null, e.unit ?? null, e.detail ?? null);
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await this.#db.query(`INSERT INTO audit_log (at, agent, action, reference, unit, detail) VALUES ${rows.join(', ')}`, params);
  }

  /** Entries at or after `since` (all when undefined), oldest first. */
  async list(filter: { readonly since?: DateTime; readonly action?: AuditAction } = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since !== undefined) {
      params.push(filter.since.toUTC().toISO());
      where.push(`at >= $${params.length}`);
    }
    if (filter.action !== undefined) {
      params.push(filter.action);
      where.push(`action = $${params.length}`);
    }
    const result = await this.#db.query(
      `SELECT at, agent, action, reference, unit, detail FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at, id`,
      params,
    );
    return result.rows.map((raw) => {
      const row = AuditRow.parse(raw);
      return { ...row, at: DateTime.fromJSDate(row.at, { zone: ZONE }) };
    });
  }
}
