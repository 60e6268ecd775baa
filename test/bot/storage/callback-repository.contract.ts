import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { NewBooking } from '../../../knowledge/callbacks/repository';
import { ZONE } from '../../../knowledge/clock';
import { SqlCallbackRepository } from '../../../bot/storage/callback-repository';
import type { Database } from '../../../bot/storage/database';
import { loadMigrations, migrate } from '../../../bot/storage/migrate';

/**
 * How to get at one kind of storage: open it (migrated or not), close and open the same data
 * again (a restart), and clean up afterwards.
 */
export interface StorageHarness {
  open(): Promise<Database>;
  /** Opens the same data again after the caller closed its database. */
  reopen(): Promise<Database>;
  cleanup(): Promise<void>;
}

const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: ZONE });
const NOW = at('2026-12-07T08:00');
const SLOT = at('2026-12-07T09:00');

/** The one contract every CallbackRepository keeps, run against each storage kind. */
export function callbackRepositoryContract(kind: string, harness: () => Promise<StorageHarness>): void {
  describe(`CallbackRepository on ${kind}`, () => {
    let h: StorageHarness;
    let db: Database;
    let repo: SqlCallbackRepository;
    let unitSeq = 0;
    let unit: string;

    beforeAll(async () => {
      h = await harness();
      db = await h.open();
      await migrate(db);
      repo = new SqlCallbackRepository(db);
    });
    afterAll(async () => {
      await db.close();
      await h.cleanup();
    });
    // Each test books in a unit of its own, so tests share the database without sharing rows.
    beforeEach(() => {
      unit = `unit-${++unitSeq}`;
    });

    const booking = (over: Partial<NewBooking> = {}): NewBooking => ({
      unit,
      slotStart: SLOT,
      slotEnd: SLOT.plus({ minutes: 15 }),
      capacity: 2,
      phone: '+4523456789',
      name: 'Karen',
      topic: 'vuggestue',
      lang: 'da',
      idempotencyKey: null,
      now: NOW,
      ...over,
    });

    const bookOk = async (over: Partial<NewBooking> = {}) => {
      const result = await repo.book(booking(over));
      if (!result.ok) throw new Error(`expected a booking, got ${result.reason}`);
      return result.booking;
    };

    test('stores a booking with everything the citizen gave and finds it by reference', async () => {
      const result = await repo.book(booking({ lang: 'en' }));
      expect(result).toMatchObject({ ok: true, created: true });
      if (!result.ok) return;
      const found = await repo.findByReference(result.booking.reference);
      expect(found).toBeDefined();
      expect(found?.reference).toMatch(/^[A-Z]{3}[2-9]{3}$/);
      expect(found?.slotStart.toMillis()).toBe(SLOT.toMillis());
      expect(found?.slotEnd.toISO()).toBe('2026-12-07T09:15:00.000+01:00');
      expect(found).toMatchObject({ unit, status: 'booked', phone: '+4523456789', name: 'Karen', topic: 'vuggestue', lang: 'en', attemptsMade: 0, claimedBy: null, note: null, endedAt: null });
      expect(found?.createdAt.toMillis()).toBe(NOW.toMillis());
    });

    test('fills a slot up to its capacity and no further', async () => {
      await bookOk();
      await bookOk({ phone: '+4587654321' });
      expect(await repo.book(booking({ phone: '+4522222222' }))).toEqual({ ok: false, reason: 'slot_full' });
      const next = SLOT.plus({ minutes: 15 });
      await bookOk({ slotStart: next, slotEnd: next.plus({ minutes: 15 }) });
      const counts = await repo.bookedCounts(unit, SLOT, SLOT.plus({ hours: 1 }));
      expect(counts).toEqual(new Map([[SLOT.toMillis(), 2], [next.toMillis(), 1]]));
    });

    test('counts slots per unit', async () => {
      await bookOk();
      expect(await repo.bookedCounts(`${unit}-other`, SLOT, SLOT.plus({ hours: 1 }))).toEqual(new Map());
    });

    test('returns the first booking for a repeated idempotency key and books nothing new', async () => {
      const key = `activity-${unit}`;
      const first = await repo.book(booking({ idempotencyKey: key }));
      const again = await repo.book(booking({ idempotencyKey: key, phone: '+4599999999' }));
      expect(first).toMatchObject({ ok: true, created: true });
      expect(again).toMatchObject({ ok: true, created: false });
      if (!first.ok || !again.ok) return;
      expect(again.booking.reference).toBe(first.booking.reference);
      expect(again.booking.phone).toBe('+4523456789');
      expect(await repo.bookedCounts(unit, SLOT, SLOT.plus({ hours: 1 }))).toEqual(new Map([[SLOT.toMillis(), 1]]));
      expect((await repo.findByIdempotencyKey(key))?.reference).toBe(first.booking.reference);
    });

    test('draws another reference when the first one is taken', async () => {
      const refs = ['KMR472', 'KMR472', 'PQT385'];
      const colliding = new SqlCallbackRepository(db, { reference: () => refs.shift() ?? 'ZZZ999' });
      const a = await colliding.book(booking({ unit: `${unit}-a` }));
      const b = await colliding.book(booking({ unit: `${unit}-b` }));
      expect(a).toMatchObject({ ok: true, booking: { reference: 'KMR472' } });
      expect(b).toMatchObject({ ok: true, booking: { reference: 'PQT385' } });
    });

    test('cancels with the right phone and frees the place in the slot', async () => {
      const a = await bookOk();
      await bookOk({ phone: '+4587654321' });
      const cancelled = await repo.cancel(a.reference, '+4523456789', NOW.plus({ minutes: 5 }));
      expect(cancelled).toMatchObject({ ok: true, booking: { status: 'cancelled' } });
      if (cancelled.ok) expect(cancelled.booking.endedAt?.toMillis()).toBe(NOW.plus({ minutes: 5 }).toMillis());
      expect(await repo.bookedCounts(unit, SLOT, SLOT.plus({ hours: 1 }))).toEqual(new Map([[SLOT.toMillis(), 1]]));
      expect(await repo.book(booking({ phone: '+4533333333' }))).toMatchObject({ ok: true });
    });

    test('answers not_found to a wrong phone or an unknown reference alike', async () => {
      const a = await bookOk();
      expect(await repo.cancel(a.reference, '+4511111111', NOW)).toEqual({ ok: false, reason: 'not_found' });
      expect(await repo.cancel('ZZZ999', '+4523456789', NOW)).toEqual({ ok: false, reason: 'not_found' });
      expect((await repo.findByReference(a.reference))?.status).toBe('booked');
    });

    test('treats a second cancel as done and refuses to cancel a callback that has ended', async () => {
      const a = await bookOk();
      await repo.cancel(a.reference, '+4523456789', NOW);
      expect(await repo.cancel(a.reference, '+4523456789', NOW)).toMatchObject({ ok: true, booking: { status: 'cancelled' } });
      expect(await repo.bookedCounts(unit, SLOT, SLOT.plus({ hours: 1 }))).toEqual(new Map());
      const b = await bookOk();
      await repo.claim(b.reference, 'agent-1', NOW);
      await repo.complete({ reference: b.reference, outcome: 'done', note: null, maxAttempts: 2, now: NOW });
      expect(await repo.cancel(b.reference, '+4523456789', NOW)).toEqual({ ok: false, reason: 'invalid_state' });
    });

    test('lists by unit, day and status in slot order', async () => {
      const later = await bookOk({ slotStart: SLOT.plus({ hours: 1 }), slotEnd: SLOT.plus({ hours: 1, minutes: 15 }) });
      const early = await bookOk();
      const tomorrow = await bookOk({ slotStart: SLOT.plus({ days: 1 }), slotEnd: SLOT.plus({ days: 1, minutes: 15 }) });
      await bookOk({ unit: `${unit}-other` });
      await repo.cancel(later.reference, '+4523456789', NOW);
      const all = await repo.list({ unit });
      expect(all.map((b) => b.reference)).toEqual([early.reference, later.reference, tomorrow.reference]);
      const today = await repo.list({ unit, from: SLOT.startOf('day'), to: SLOT.plus({ days: 1 }).startOf('day') });
      expect(today.map((b) => b.reference)).toEqual([early.reference, later.reference]);
      const open = await repo.list({ unit, statuses: ['booked'] });
      expect(open.map((b) => b.reference)).toEqual([early.reference, tomorrow.reference]);
    });

    test('lets one agent claim a booked callback and complete it as done', async () => {
      const a = await bookOk();
      expect(await repo.claim(a.reference, 'agent-1', NOW)).toMatchObject({ ok: true, booking: { status: 'claimed', claimedBy: 'agent-1' } });
      expect(await repo.claim(a.reference, 'agent-2', NOW)).toEqual({ ok: false, reason: 'invalid_state' });
      expect(await repo.complete({ reference: a.reference, outcome: 'done', note: null, agent: 'agent-2', maxAttempts: 2, now: NOW })).toEqual({
        ok: false,
        reason: 'invalid_state',
      });
      const done = await repo.complete({ reference: a.reference, outcome: 'done', note: 'Svar givet', agent: 'agent-1', maxAttempts: 2, now: NOW });
      expect(done).toMatchObject({ ok: true, booking: { status: 'done', attemptsMade: 1, claimedBy: 'agent-1', note: 'Svar givet' } });
      if (done.ok) expect(done.booking.endedAt?.toMillis()).toBe(NOW.toMillis());
      expect(await repo.claim('ZZZ999', 'agent-1', NOW)).toEqual({ ok: false, reason: 'not_found' });
      expect(await repo.complete({ reference: 'ZZZ999', outcome: 'done', note: null, maxAttempts: 2, now: NOW })).toEqual({ ok: false, reason: 'not_found' });
    });

    test('puts an unanswered call back in the queue while attempts are left, then ends it as no_answer', async () => {
      const a = await bookOk();
      await repo.claim(a.reference, 'agent-1', NOW);
      const first = await repo.complete({ reference: a.reference, outcome: 'no_answer', note: 'Telefonsvarer', maxAttempts: 2, now: NOW });
      expect(first).toMatchObject({ ok: true, booking: { status: 'booked', attemptsMade: 1, claimedBy: null, note: 'Telefonsvarer', endedAt: null } });
      await repo.claim(a.reference, 'agent-2', NOW);
      const second = await repo.complete({ reference: a.reference, outcome: 'no_answer', note: null, maxAttempts: 2, now: NOW });
      expect(second).toMatchObject({ ok: true, booking: { status: 'no_answer', attemptsMade: 2, claimedBy: 'agent-2', note: 'Telefonsvarer' } });
      expect(await repo.claim(a.reference, 'agent-1', NOW)).toEqual({ ok: false, reason: 'invalid_state' });
    });

    test('refuses to complete a callback nobody claimed', async () => {
      const a = await bookOk();
      expect(await repo.complete({ reference: a.reference, outcome: 'done', note: null, maxAttempts: 2, now: NOW })).toEqual({ ok: false, reason: 'invalid_state' });
    });

    test('expires open callbacks whose slot has passed: untried as expired, tried as no_answer', async () => {
      const untried = await bookOk();
      const tried = await bookOk({ phone: '+4587654321' });
      const future = await bookOk({ slotStart: SLOT.plus({ days: 1 }), slotEnd: SLOT.plus({ days: 1, minutes: 15 }) });
      await repo.claim(tried.reference, 'agent-1', NOW);
      await repo.complete({ reference: tried.reference, outcome: 'no_answer', note: null, maxAttempts: 3, now: NOW });
      const midnight = SLOT.plus({ days: 1 }).startOf('day');
      const count = await repo.expire(midnight, midnight.plus({ minutes: 1 }));
      expect(count).toBeGreaterThanOrEqual(2);
      expect((await repo.findByReference(untried.reference))?.status).toBe('expired');
      expect((await repo.findByReference(tried.reference))?.status).toBe('no_answer');
      expect((await repo.findByReference(future.reference))?.status).toBe('booked');
    });

    test('purges personal data only of callbacks that ended before the cut-off, once', async () => {
      const old = await bookOk();
      const recent = await bookOk({ phone: '+4587654321' });
      const open = await bookOk({ slotStart: SLOT.plus({ days: 40 }), slotEnd: SLOT.plus({ days: 40, minutes: 15 }) });
      await repo.claim(old.reference, 'agent-1', NOW);
      await repo.complete({ reference: old.reference, outcome: 'done', note: 'ring igen', maxAttempts: 2, now: NOW });
      await repo.cancel(recent.reference, '+4587654321', NOW.plus({ days: 20 }));
      const now = NOW.plus({ days: 35 });
      expect(await repo.purge(now.minus({ days: 30 }), now)).toBeGreaterThanOrEqual(1);
      expect(await repo.findByReference(old.reference)).toMatchObject({ status: 'done', phone: null, name: null, topic: null, note: null });
      expect(await repo.findByReference(recent.reference)).toMatchObject({ phone: '+4587654321', name: 'Karen' });
      expect(await repo.findByReference(open.reference)).toMatchObject({ phone: '+4523456789' });
      expect(await repo.purge(now.minus({ days: 30 }), now)).toBe(0);
      // A purged booking cannot be found by its phone number any more.
      expect(await repo.cancel(old.reference, '+4523456789', now)).toEqual({ ok: false, reason: 'not_found' });
    });

    test('applies migrations once: running them again changes nothing', async () => {
      expect(await migrate(db)).toEqual([]);
      const versions = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    });

    test('rolls back a transaction that throws', async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO callback_slots (unit, slot_start, booked) VALUES ($1, $2, 1)`, [unit, SLOT.toISO()]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await repo.bookedCounts(unit, SLOT, SLOT.plus({ hours: 1 }))).toEqual(new Map());
    });

    test('keeps every confirmed booking across a restart', async () => {
      const a = await bookOk({ idempotencyKey: `restart-${unit}` });
      await db.close();
      db = await h.reopen();
      expect(await migrate(db)).toEqual([]);
      repo = new SqlCallbackRepository(db);
      expect(await repo.findByReference(a.reference)).toMatchObject({ reference: a.reference, phone: '+4523456789', status: 'booked' });
      expect(await repo.book(booking({ idempotencyKey: `restart-${unit}` }))).toMatchObject({ ok: true, created: false, booking: { reference: a.reference } });
    });
  });
}
