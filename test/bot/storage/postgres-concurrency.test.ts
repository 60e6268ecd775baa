import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SqlCallbackRepository } from '../../../bot/storage/callback-repository';
import type { Database } from '../../../bot/storage/database';
import { loadMigrations, migrate } from '../../../bot/storage/migrate';
import type { NewBooking } from '../../../knowledge/callbacks/repository';
import { ZONE } from '../../../knowledge/clock';
import { freshSchema, type TestSchema } from './pg-test-db';

const SLOT = DateTime.fromISO('2026-12-07T09:00', { zone: ZONE });

const booking = (i: number, over: Partial<NewBooking> = {}): NewBooking => ({
  unit: 'borgerservice',
  slotStart: SLOT,
  slotEnd: SLOT.plus({ minutes: 15 }),
  capacity: 3,
  phone: `+4520${String(i).padStart(6, '0')}`,
  name: null,
  topic: null,
  lang: 'da',
  idempotencyKey: null,
  now: SLOT.minus({ hours: 1 }),
  ...over,
});

describe('PostgreSQL under concurrent use', () => {
  let schema: TestSchema;
  let dbs: Database[] = [];

  beforeAll(async () => {
    schema = await freshSchema();
  });
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.close()));
    await schema.drop();
  });

  test('applies each migration exactly once when several processes start at the same time', async () => {
    dbs = Array.from({ length: 4 }, () => schema.open({ maxConnections: 2 }));
    const applied = await Promise.all(dbs.map((db) => migrate(db)));
    expect(applied.flat().sort()).toEqual(loadMigrations().map((m) => m.version));
    const rows = await dbs[0]!.query('SELECT version FROM schema_migrations');
    expect(rows.rows).toHaveLength(loadMigrations().length);
  });

  test('never overbooks a slot: of 60 concurrent bookings exactly the capacity succeed', async () => {
    // Several pools, like several server processes, each with many connections in flight.
    const repos = dbs.map((db) => new SqlCallbackRepository(db));
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => repos[i % repos.length]!.book(booking(i))));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'slot_full')).toHaveLength(57);
    const stored = await repos[0]!.list({ unit: 'borgerservice' });
    expect(stored).toHaveLength(3);
    expect(new Set(stored.map((b) => b.reference)).size).toBe(3);
    expect(await repos[0]!.bookedCounts('borgerservice', SLOT, SLOT.plus({ hours: 1 }))).toEqual(new Map([[SLOT.toMillis(), 3]]));
  });

  test('books one callback for 20 concurrent requests with the same idempotency key', async () => {
    const repos = dbs.map((db) => new SqlCallbackRepository(db));
    const slot = SLOT.plus({ hours: 1 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        repos[i % repos.length]!.book(booking(i, { slotStart: slot, slotEnd: slot.plus({ minutes: 15 }), capacity: 50, idempotencyKey: 'retried-turn' })),
      ),
    );
    const refs = new Set(results.map((r) => (r.ok ? r.booking.reference : r.reason)));
    expect(refs.size).toBe(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await repos[0]!.bookedCounts('borgerservice', slot, slot.plus({ minutes: 15 }))).toEqual(new Map([[slot.toMillis(), 1]]));
  });
});
