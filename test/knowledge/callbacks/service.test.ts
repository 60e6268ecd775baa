import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SqlCallbackRepository } from '../../../bot/storage/callback-repository';
import { openPglite, openPostgres, type Database } from '../../../bot/storage/database';
import { migrate } from '../../../bot/storage/migrate';
import { CallbackService, type BookInput } from '../../../knowledge/callbacks/service';
import { ZONE, type Clock } from '../../../knowledge/clock';
import { HoursEngine } from '../../../knowledge/hours';
import { loadKnowledgeBase } from '../../../knowledge/kb';
import { testKb } from './fixtures';

const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: ZONE });
const SATURDAY = at('2026-12-05T10:00');

const kb = testKb();
const hours = new HoursEngine(kb);
let db: Database;
let now: DateTime;
const clock: Clock = () => now;
let service: CallbackService;

beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db);
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.exec('TRUNCATE callbacks, callback_slots');
  now = SATURDAY;
  service = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(db), clock });
});

const slotTimes = async (unit: string, limit?: number): Promise<string[]> => {
  const result = await service.slots(unit, limit === undefined ? {} : { limit });
  if (!result.ok) throw new Error(result.reason);
  return result.slots.map((s) => s.start.toFormat('ccc dd HH:mm'));
};

const input = (over: Partial<BookInput> = {}): BookInput => ({
  unit: 'telefon',
  phone: '23 45 67 89',
  slotStart: '2026-12-07T09:00:00+01:00',
  ...over,
});

describe('CallbackService.slots', () => {
  test('offers the first slots after the line next opens when it is closed', async () => {
    expect(await slotTimes('telefon', 7)).toEqual([
      'Mon 07 09:00', 'Mon 07 09:30', 'Mon 07 10:00', 'Mon 07 10:30', 'Mon 07 11:00', 'Mon 07 11:30', 'Tue 08 09:00',
    ]);
  });

  test('offers slots a little after now while the line is open, aligned to the opening', async () => {
    now = at('2026-12-07T10:07');
    expect(await slotTimes('telefon', 3)).toEqual(['Mon 07 10:30', 'Mon 07 11:00', 'Mon 07 11:30']);
  });

  test('gives ISO instants, the capacity as free places, and ten slots unless asked', async () => {
    const result = await service.slots('telefon');
    expect(result.ok && result.slots).toHaveLength(10);
    if (!result.ok) return;
    expect(result.unit).toBe('telefon');
    expect(result.slots[0]?.start.toISO()).toBe('2026-12-07T09:00:00.000+01:00');
    expect(result.slots[0]?.end.toISO()).toBe('2026-12-07T09:30:00.000+01:00');
    expect(result.slots[0]?.free).toBe(2);
  });

  test('skips Christmas Eve and Christmas Day', async () => {
    now = at('2026-12-23T13:00');
    expect(await slotTimes('telefon', 1)).toEqual(['Mon 28 09:00']);
  });

  test('stops at 12:00 on Grundlovsdag', async () => {
    now = at('2026-06-05T08:00');
    const times = await slotTimes('henvisning', 20);
    expect(times.filter((t) => t.startsWith('Fri 05'))).toHaveLength(12);
    expect(times.at(12)).toBe('Mon 08 09:00');
  });

  test('follows the hours of the unit a same-as unit points to', async () => {
    expect(await slotTimes('henvisning', 2)).toEqual(['Mon 07 09:00', 'Mon 07 09:15']);
  });

  test('uses the callback windows of the knowledge base instead of the phone hours', async () => {
    expect(await slotTimes('aften', 3)).toEqual(['Mon 07 17:00', 'Mon 07 18:00', 'Tue 08 17:00']);
  });

  test('offers no slots for a unit whose hours are unknown', async () => {
    expect(await service.slots('ukendt')).toEqual({ ok: true, unit: 'ukendt', slots: [] });
  });

  test('answers unknown_unit and no_callbacks', async () => {
    expect(await service.slots('findes-ikke')).toEqual({ ok: false, reason: 'unknown_unit' });
    expect(await service.slots('lukket')).toEqual({ ok: false, reason: 'no_callbacks' });
  });

  test('counts bookings against free places and leaves full slots out', async () => {
    await service.book(input());
    const one = await service.slots('telefon', { limit: 1 });
    expect(one.ok && one.slots[0]?.free).toBe(1);
    await service.book(input({ phone: '87654321' }));
    expect(await slotTimes('telefon', 1)).toEqual(['Mon 07 09:30']);
  });

  test('offers the shipped Pladsanvisningen on Monday at 09:00 when asked on a Saturday', async () => {
    const loaded = loadKnowledgeBase();
    if (!loaded.ok) throw new Error('the shipped knowledge base does not load');
    const real = new CallbackService({ kb: loaded.kb, hours: new HoursEngine(loaded.kb), repo: new SqlCallbackRepository(db), clock });
    const result = await real.slots('pladsanvisning', { limit: 1 });
    expect(result.ok && result.slots[0]?.start.toISO()).toBe('2026-12-07T09:00:00.000+01:00');
  });
});

describe('CallbackService.book', () => {
  test('books a free slot and gives a reference to read aloud', async () => {
    const result = await service.book(input({ name: '  Karen  ', topic: 'Vuggestue', lang: 'en', phone: '+45 23 45 67 89' }));
    expect(result).toMatchObject({ ok: true, created: true, booking: { unit: 'telefon', phone: '+4523456789', name: 'Karen', topic: 'Vuggestue', lang: 'en', status: 'booked' } });
    if (!result.ok) return;
    expect(result.booking.reference).toMatch(/^[A-Z]{3}[2-9]{3}$/);
    expect(result.booking.slotEnd.toISO()).toBe('2026-12-07T09:30:00.000+01:00');
    expect(result.booking.createdAt.toMillis()).toBe(SATURDAY.toMillis());
  });

  test('accepts the slot start written in UTC or as a DateTime', async () => {
    expect(await service.book(input({ slotStart: '2026-12-07T08:00:00Z' }))).toMatchObject({ ok: true });
    expect(await service.book(input({ slotStart: at('2026-12-07T09:00') }))).toMatchObject({ ok: true });
  });

  test.each([
    ['a time between slots', '2026-12-07T09:10:00+01:00'],
    ['a time outside the hours', '2026-12-07T13:00:00+01:00'],
    ['a slot in the past', '2026-12-04T09:00:00+01:00'],
    ['a slot beyond the horizon', '2027-02-01T09:00:00+01:00'],
    ['something that is not a time', 'mandag morgen'],
  ])('refuses %s as invalid_slot', async (_, slotStart) => {
    expect(await service.book(input({ slotStart }))).toEqual({ ok: false, reason: 'invalid_slot' });
  });

  test('refuses a slot that starts within the lead time', async () => {
    now = at('2026-12-07T08:50');
    expect(await service.book(input())).toEqual({ ok: false, reason: 'invalid_slot' });
  });

  test.each([
    ['unknown_unit', { unit: 'findes-ikke' }],
    ['no_callbacks', { unit: 'lukket' }],
    ['invalid_phone', { phone: '1234' }],
    ['invalid_name', { name: 'x'.repeat(101) }],
    ['invalid_name', { name: 'Karen\u0007' }],
    ['invalid_topic', { topic: 'y'.repeat(501) }],
    ['invalid_request', { idempotencyKey: 'k'.repeat(201) }],
  ] as const)('answers %s', async (reason, over) => {
    expect(await service.book(input(over))).toEqual({ ok: false, reason });
    expect(await service.list()).toEqual({ ok: true, bookings: [] });
  });

  test('answers slot_full once the capacity is taken', async () => {
    await service.book(input());
    await service.book(input({ phone: '87654321' }));
    expect(await service.book(input({ phone: '33333333' }))).toEqual({ ok: false, reason: 'slot_full' });
  });

  test('returns the same booking for a repeated key, even after the slot has passed', async () => {
    const first = await service.book(input({ idempotencyKey: 'turn-1' }));
    now = at('2026-12-08T10:00');
    const again = await service.book(input({ idempotencyKey: 'turn-1' }));
    expect(again).toMatchObject({ ok: true, created: false });
    expect(first.ok && again.ok && again.booking.reference === first.booking.reference).toBe(true);
  });
});

describe('CallbackService.cancel', () => {
  test('cancels with the reference as the citizen says it and the phone in any format', async () => {
    const booked = await service.book(input());
    if (!booked.ok) throw new Error(booked.reason);
    const spoken = `${booked.booking.reference.slice(0, 3).toLowerCase()} ${booked.booking.reference.slice(3)}`;
    expect(await service.cancel(spoken, '+45 23456789')).toMatchObject({ ok: true, booking: { status: 'cancelled' } });
  });

  test('answers not_found to a wrong phone, an unknown reference and nonsense alike', async () => {
    const booked = await service.book(input());
    if (!booked.ok) throw new Error(booked.reason);
    expect(await service.cancel(booked.booking.reference, '87654321')).toEqual({ ok: false, reason: 'not_found' });
    expect(await service.cancel('ZZZ999', '23456789')).toEqual({ ok: false, reason: 'not_found' });
    expect(await service.cancel('ikke en reference', 'nej')).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('the agents’ queue', () => {
  test('retries an unanswered call as often as the unit’s attempts allow', async () => {
    const booked = await service.book(input());
    if (!booked.ok) throw new Error(booked.reason);
    const ref = booked.booking.reference;
    now = at('2026-12-07T09:05');
    expect(await service.claim(ref, 'agent-1')).toMatchObject({ ok: true, booking: { status: 'claimed', claimedBy: 'agent-1' } });
    expect(await service.complete(ref, 'no_answer', 'Ingen svar', 'agent-1')).toMatchObject({ ok: true, booking: { status: 'booked', attemptsMade: 1 } });
    await service.claim(ref, 'agent-2');
    expect(await service.complete(ref, 'no_answer', undefined, 'agent-2')).toMatchObject({ ok: true, booking: { status: 'no_answer', attemptsMade: 2 } });
  });

  test('refuses an over-long note', async () => {
    const booked = await service.book(input());
    if (!booked.ok) throw new Error(booked.reason);
    await service.claim(booked.booking.reference, 'agent-1');
    expect(await service.complete(booked.booking.reference, 'done', 'n'.repeat(1001))).toEqual({ ok: false, reason: 'invalid_note' });
  });

  test('lists a local day of one unit in slot order', async () => {
    await service.book(input({ slotStart: '2026-12-07T09:30:00+01:00' }));
    await service.book(input());
    await service.book(input({ slotStart: '2026-12-08T09:00:00+01:00' }));
    const listed = await service.list({ unit: 'telefon', date: '2026-12-07' });
    expect(listed.ok && listed.bookings.map((b) => b.slotStart.toFormat('dd HH:mm'))).toEqual(['07 09:00', '07 09:30']);
    expect(await service.list({ date: '7/12' })).toEqual({ ok: false, reason: 'invalid_request' });
    expect(await service.list({ unit: 'findes-ikke' })).toEqual({ ok: false, reason: 'unknown_unit' });
  });

  test('expires the day’s untouched callbacks after midnight and purges them after the set days', async () => {
    await service.book(input());
    now = at('2026-12-07T23:59');
    expect(await service.purge(30)).toEqual({ ok: true, expired: 0, purged: 0 });
    now = at('2026-12-08T00:01');
    expect(await service.purge(30)).toEqual({ ok: true, expired: 1, purged: 0 });
    now = at('2027-01-07T00:02');
    expect(await service.purge(30)).toEqual({ ok: true, expired: 0, purged: 1 });
    const listed = await service.list();
    expect(listed.ok && listed.bookings.map((b) => [b.status, b.phone])).toEqual([['expired', null]]);
  });
});

describe('when storage fails', () => {
  const failing = (): Database => {
    const fail = async (): Promise<never> => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    };
    return { kind: 'postgres', query: fail, exec: fail, transaction: fail, close: async () => {} };
  };

  test('answers storage_unavailable to every operation and reports the failure', async () => {
    const failures: string[] = [];
    const down = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(failing()), clock, onStorageError: (op) => failures.push(op) });
    expect(await down.slots('telefon')).toEqual({ ok: false, reason: 'storage_unavailable' });
    expect(await down.book(input())).toEqual({ ok: false, reason: 'storage_unavailable' });
    expect(await down.book(input({ idempotencyKey: 'k' }))).toEqual({ ok: false, reason: 'storage_unavailable' });
    expect(await down.cancel('KMR472', '23456789')).toEqual({ ok: false, reason: 'storage_unavailable' });
    expect(await down.purge()).toEqual({ ok: false, reason: 'storage_unavailable' });
    expect(failures).toEqual(['slots', 'book', 'book', 'cancel', 'expire']);
  });

  test('still checks the input first: a bad number is invalid_phone, not a storage error', async () => {
    const down = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(failing()), clock });
    expect(await down.book(input({ phone: '12' }))).toEqual({ ok: false, reason: 'invalid_phone' });
  });

  test('claims nothing when the commit fails, and nothing is stored', async () => {
    const commitFails: Database = {
      ...db,
      kind: db.kind,
      query: (sql, params) => db.query(sql, params),
      exec: (sql) => db.exec(sql),
      close: () => db.close(),
      transaction: (fn) =>
        db.transaction(async (tx) => {
          await fn(tx);
          throw new Error('could not write to file: No space left on device');
        }),
    };
    const full = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(commitFails), clock });
    expect(await full.book(input())).toEqual({ ok: false, reason: 'storage_unavailable' });
    expect(await service.list()).toEqual({ ok: true, bookings: [] });
    const slots = await service.slots('telefon', { limit: 1 });
    expect(slots.ok && slots.slots[0]?.free).toBe(2);
  });

  test('answers storage_unavailable within seconds when PostgreSQL is not listening', async () => {
    const closed = openPostgres('postgres://postgres@127.0.0.1:1/test');
    try {
      const down = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(closed), clock });
      const started = Date.now();
      expect(await down.book(input())).toEqual({ ok: false, reason: 'storage_unavailable' });
      expect(Date.now() - started).toBeLessThan(6_000);
    } finally {
      await closed.close();
    }
  });
});
