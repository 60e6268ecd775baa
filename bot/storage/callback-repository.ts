import { DateTime } from 'luxon';
import { z } from 'zod';
import { BookingStatus, type Booking } from '../../knowledge/callbacks/booking';
import { newReference } from '../../knowledge/callbacks/reference';
import type {
  CallbackRepository,
  ChangeResult,
  CompleteInput,
  ListFilter,
  NewBooking,
  StoreBookResult,
} from '../../knowledge/callbacks/repository';
import { ZONE } from '../../knowledge/clock';
import type { Database, Queryable } from './database';

/** A row of `callbacks` as both drivers return it (timestamptz as Date). */
const CallbackRow = z.object({
  reference: z.string(),
  unit: z.string(),
  slot_start: z.date(),
  slot_end: z.date(),
  status: BookingStatus,
  phone: z.string().nullable(),
  name: z.string().nullable(),
  topic: z.string().nullable(),
  lang: z.enum(['da', 'en']),
  attempts_made: z.number().int(),
  claimed_by: z.string().nullable(),
  note: z.string().nullable(),
  created_at: z.date(),
  ended_at: z.date().nullable(),
});
type CallbackRow = z.infer<typeof CallbackRow>;

const CountRow = z.object({ slot_start: z.date(), booked: z.number().int() });

const COLUMNS =
  'reference, unit, slot_start, slot_end, status, phone, name, topic, lang, attempts_made, claimed_by, note, created_at, ended_at';

/** How many fresh references to try when one is taken (1 in 6.2 million per try while the table is small). */
const REFERENCE_TRIES = 8;

function toBooking(raw: unknown): Booking {
  const row: CallbackRow = CallbackRow.parse(raw);
  const at = (d: Date): DateTime => DateTime.fromJSDate(d, { zone: ZONE });
  return {
    reference: row.reference,
    unit: row.unit,
    slotStart: at(row.slot_start),
    slotEnd: at(row.slot_end),
    status: row.status,
    phone: row.phone,
    name: row.name,
    topic: row.topic,
    lang: row.lang,
    attemptsMade: row.attempts_made,
    claimedBy: row.claimed_by,
    note: row.note,
    createdAt: at(row.created_at),
    endedAt: row.ended_at ? at(row.ended_at) : null,
  };
}

/** Instants go to the database as ISO strings with offset: both drivers read them exactly. */
function iso(dt: DateTime): string {
  return dt.toUTC().toISO() as string;
}

/** Leaves a transaction by rolling it back, carrying the answer out. */
class Rollback<T> {
  constructor(readonly value: T) {}
}

async function rollingBack<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
}

/** `CallbackRepository` in SQL that runs unchanged on PostgreSQL and PGlite. */
export class SqlCallbackRepository implements CallbackRepository {
  readonly #db: Database;
  readonly #newReference: () => string;

  /** `reference` is for tests that need to force a collision; production uses the crypto-random one. */
  constructor(db: Database, options: { readonly reference?: () => string } = {}) {
    this.#db = db;
    this.#newReference = options.reference ?? (() => newReference());
  }

  async book(input: NewBooking): Promise<StoreBookResult> {
    return rollingBack(
      this.#db.transaction(async (tx): Promise<StoreBookResult> => {
        if (input.idempotencyKey !== null) {
          const seen = await findBy(tx, 'idempotency_key', input.idempotencyKey);
          if (seen) return { ok: true, booking: seen, created: false };
        }
        const slot = [input.unit, iso(input.slotStart)];
        await tx.query('INSERT INTO callback_slots (unit, slot_start) VALUES ($1, $2) ON CONFLICT DO NOTHING', slot);
        // The row lock taken here serialises bookings of one slot; READ COMMITTED re-checks
        // `booked < capacity` against the latest committed count after waiting.
        const taken = await tx.query(
          'UPDATE callback_slots SET booked = booked + 1 WHERE unit = $1 AND slot_start = $2 AND booked < $3 RETURNING booked',
          [...slot, input.capacity],
        );
        if (taken.rows.length === 0) return { ok: false, reason: 'slot_full' };
        for (let i = 0; i < REFERENCE_TRIES; i++) {
          const inserted = await tx.query(
            `INSERT INTO callbacks (reference, unit, slot_start, slot_end, status, phone, name, topic, lang, idempotency_key, created_at, updated_at)
             VALUES ($1, $2, $3, $4, 'booked', $5, $6, $7, $8, $9, $10, $10)
             ON CONFLICT DO NOTHING
             RETURNING ${COLUMNS}`,
            [
              this.#newReference(),
              input.unit,
              iso(input.slotStart),
              iso(input.slotEnd),
              input.phone,
              input.name,
              input.topic,
              input.lang,
              input.idempotencyKey,
              iso(input.now),
            ],
          );
          if (inserted.rows[0] !== undefined) return { ok: true, booking: toBooking(inserted.rows[0]), created: true };
          // A concurrent request with the same key committed first: give back its booking and
          // undo this one's place in the slot.
          if (input.idempotencyKey !== null) {
            const seen = await findBy(tx, 'idempotency_key', input.idempotencyKey);
            if (seen) throw new Rollback<StoreBookResult>({ ok: true, booking: seen, created: false });
          }
        }
        throw new Error(`no free reference after ${REFERENCE_TRIES} tries`);
      }),
    );
  }

  findByReference(reference: string): Promise<Booking | undefined> {
    return findBy(this.#db, 'reference', reference);
  }

  findByIdempotencyKey(key: string): Promise<Booking | undefined> {
    return findBy(this.#db, 'idempotency_key', key);
  }

  cancel(reference: string, phone: string, now: DateTime): Promise<ChangeResult> {
    return this.#db.transaction(async (tx): Promise<ChangeResult> => {
      const updated = await tx.query(
        `UPDATE callbacks SET status = 'cancelled', ended_at = $3, updated_at = $3
         WHERE reference = $1 AND phone = $2 AND status IN ('booked', 'claimed')
         RETURNING ${COLUMNS}`,
        [reference, phone, iso(now)],
      );
      if (updated.rows[0] !== undefined) {
        const booking = toBooking(updated.rows[0]);
        await tx.query('UPDATE callback_slots SET booked = booked - 1 WHERE unit = $1 AND slot_start = $2 AND booked > 0', [
          booking.unit,
          iso(booking.slotStart),
        ]);
        return { ok: true, booking };
      }
      const existing = await tx.query(`SELECT ${COLUMNS} FROM callbacks WHERE reference = $1 AND phone = $2`, [reference, phone]);
      if (existing.rows[0] === undefined) return { ok: false, reason: 'not_found' };
      const booking = toBooking(existing.rows[0]);
      return booking.status === 'cancelled' ? { ok: true, booking } : { ok: false, reason: 'invalid_state' };
    });
  }

  async list(filter: ListFilter): Promise<Booking[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.unit !== undefined) add('unit = ?', filter.unit);
    if (filter.from !== undefined) add('slot_start >= ?', iso(filter.from));
    if (filter.to !== undefined) add('slot_start < ?', iso(filter.to));
    if (filter.statuses !== undefined) add('status = ANY(?::text[])', [...filter.statuses]);
    const result = await this.#db.query(
      `SELECT ${COLUMNS} FROM callbacks ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY slot_start, created_at, reference`,
      params,
    );
    return result.rows.map(toBooking);
  }

  async bookedCounts(unit: string, from: DateTime, to: DateTime): Promise<Map<number, number>> {
    const result = await this.#db.query(
      'SELECT slot_start, booked FROM callback_slots WHERE unit = $1 AND slot_start >= $2 AND slot_start < $3 AND booked > 0',
      [unit, iso(from), iso(to)],
    );
    return new Map(result.rows.map((raw) => {
      const row = CountRow.parse(raw);
      return [row.slot_start.getTime(), row.booked] as const;
    }));
  }

  claim(reference: string, agent: string, now: DateTime): Promise<ChangeResult> {
    return this.#change(
      `UPDATE callbacks SET status = 'claimed', claimed_by = $2, updated_at = $3
       WHERE reference = $1 AND status = 'booked' RETURNING ${COLUMNS}`,
      [reference, agent, iso(now)],
      reference,
    );
  }

  complete(input: CompleteInput): Promise<ChangeResult> {
    // attempts_made + 1 is the call just made: done ends it; no answer ends it only on the last attempt.
    return this.#change(
      `UPDATE callbacks SET
         attempts_made = attempts_made + 1,
         status = CASE WHEN $2::text = 'done' THEN 'done' WHEN attempts_made + 1 >= $3::int THEN 'no_answer' ELSE 'booked' END,
         ended_at = CASE WHEN $2::text = 'done' OR attempts_made + 1 >= $3::int THEN $5::timestamptz ELSE NULL END,
         claimed_by = CASE WHEN $2::text = 'done' OR attempts_made + 1 >= $3::int THEN claimed_by ELSE NULL END,
         note = COALESCE($4, note),
         updated_at = $5::timestamptz
       WHERE reference = $1 AND status = 'claimed' AND ($6::text IS NULL OR claimed_by = $6)
       RETURNING ${COLUMNS}`,
      [input.reference, input.outcome, input.maxAttempts, input.note, iso(input.now), input.agent ?? null],
      input.reference,
    );
  }

  async expire(before: DateTime, now: DateTime): Promise<number> {
    const result = await this.#db.query(
      `UPDATE callbacks SET
         status = CASE WHEN attempts_made > 0 THEN 'no_answer' ELSE 'expired' END,
         ended_at = $2, updated_at = $2
       WHERE status IN ('booked', 'claimed') AND slot_end <= $1
       RETURNING reference`,
      [iso(before), iso(now)],
    );
    return result.rows.length;
  }

  async purge(endedBefore: DateTime, now: DateTime): Promise<number> {
    const result = await this.#db.query(
      `UPDATE callbacks SET phone = NULL, name = NULL, topic = NULL, note = NULL, purged_at = $2, updated_at = $2
       WHERE ended_at < $1 AND purged_at IS NULL
       RETURNING reference`,
      [iso(endedBefore), iso(now)],
    );
    return result.rows.length;
  }

  /** A conditional UPDATE of one booking; when it matches nothing, tells unknown from wrong state. */
  async #change(sql: string, params: readonly unknown[], reference: string): Promise<ChangeResult> {
    const updated = await this.#db.query(sql, params);
    if (updated.rows[0] !== undefined) return { ok: true, booking: toBooking(updated.rows[0]) };
    const exists = await findBy(this.#db, 'reference', reference);
    return { ok: false, reason: exists ? 'invalid_state' : 'not_found' };
  }
}

async function findBy(q: Queryable, column: 'reference' | 'idempotency_key', value: string): Promise<Booking | undefined> {
  const result = await q.query(`SELECT ${COLUMNS} FROM callbacks WHERE ${column} = $1`, [value]);
  return result.rows[0] === undefined ? undefined : toBooking(result.rows[0]);
}
