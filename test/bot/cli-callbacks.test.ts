import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SqlCallbackRepository } from '../../bot/storage/callback-repository';
import { openPglite, type Database } from '../../bot/storage/database';
import { migrate } from '../../bot/storage/migrate';
import { startPurgeSchedule } from '../../bot/storage/purge-schedule';
import type { NewBooking } from '../../knowledge/callbacks/repository';
import { ZONE } from '../../knowledge/clock';
import { freshSchema, TEST_DATABASE_URL, type TestSchema } from './storage/pg-test-db';
import { runFrontdoor, type Run } from '../helpers/cli';

const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: ZONE });

/** Runs the command with only the storage and clock variables given. */
function frontdoor(args: readonly string[], env: Record<string, string>): Promise<Run> {
  return runFrontdoor(args, { env });
}

const booking = (over: Partial<NewBooking>): NewBooking => ({
  unit: 'pladsanvisning',
  slotStart: at('2026-12-07T09:00'),
  slotEnd: at('2026-12-07T09:15'),
  capacity: 2,
  phone: '+4523456789',
  name: 'Karen',
  topic: null,
  lang: 'da',
  idempotencyKey: null,
  now: at('2026-12-05T10:00'),
  ...over,
});

/** Three callbacks: one on Monday 7th at Pladsanvisningen, one at Borgerservice, one the day after. */
async function seed(db: Database): Promise<string[]> {
  await migrate(db);
  const repo = new SqlCallbackRepository(db);
  const refs: string[] = [];
  for (const b of [
    booking({ unit: 'borgerservice', slotStart: at('2026-12-07T10:00'), slotEnd: at('2026-12-07T10:15'), phone: '+4587654321' }),
    booking({}),
    booking({ slotStart: at('2026-12-08T09:00'), slotEnd: at('2026-12-08T09:15') }),
  ]) {
    const result = await repo.book(b);
    if (!result.ok) throw new Error(result.reason);
    refs.push(result.booking.reference);
  }
  return refs;
}

describe('frontdoor callbacks on PGlite in FRONTDOOR_DATA_DIR', () => {
  let dir: string;
  let refs: string[];
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontdoor-cli-'));
    const db = await openPglite(dir);
    refs = await seed(db);
    await db.close();
    env = { FRONTDOOR_DATA_DIR: dir, FRONTDOOR_NOW: '2026-12-06T12:00:00+01:00' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('list --json prints reference, unit, slot start and status only, in slot order', async () => {
    const r = await frontdoor(['callbacks', 'list', '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { reference: refs[1], unit: 'pladsanvisning', slotStart: '2026-12-07T09:00:00+01:00', status: 'booked' },
      { reference: refs[0], unit: 'borgerservice', slotStart: '2026-12-07T10:00:00+01:00', status: 'booked' },
      { reference: refs[2], unit: 'pladsanvisning', slotStart: '2026-12-08T09:00:00+01:00', status: 'booked' },
    ]);
    expect(r.stdout).not.toMatch(/4523456789|Karen/);
  });

  test('list filters by unit and local day', async () => {
    const r = await frontdoor(['callbacks', 'list', '--unit', 'pladsanvisning', '--date', '2026-12-07', '--json'], env);
    expect(JSON.parse(r.stdout)).toEqual([{ reference: refs[1], unit: 'pladsanvisning', slotStart: '2026-12-07T09:00:00+01:00', status: 'booked' }]);
  });

  test('the table masks the phone number but for its last two digits', async () => {
    const r = await frontdoor(['callbacks', 'list', '--date', '2026-12-07'], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${refs[1]}  2026-12-07 09:00  pladsanvisning\\s+booked\\s+\\+45 •• •• •• 89$`));
    expect(lines[1]).toContain('+45 •• •• •• 21');
    expect(r.stdout).not.toMatch(/23456789|87654321/);
  });

  test.each([
    [['callbacks', 'list', '--date', '7/12'], /--date must be YYYY-MM-DD/],
    [['callbacks', 'list', '--unit', 'findes-ikke'], /unknown unit "findes-ikke"/],
    [['callbacks', 'list', '--status', 'waiting'], /--status must be one of/],
    [['callbacks', 'frobnicate'], /usage: frontdoor callbacks list/],
  ])('%j is a usage error: exit 2 and one line on stderr', async (args, message) => {
    const r = await frontdoor(args, env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  test('purge expires what earlier days left open, then erases personal data after FRONTDOOR_PURGE_DAYS', async () => {
    const expiring = await frontdoor(['callbacks', 'purge'], { ...env, FRONTDOOR_NOW: '2026-12-09T00:10:00+01:00' });
    expect(expiring.stdout.trim()).toBe('purged 0 callbacks that ended more than 30 days ago; 3 left open from earlier days expired');

    const purging = await frontdoor(['callbacks', 'purge'], { ...env, FRONTDOOR_NOW: '2026-12-20T12:00:00+01:00', FRONTDOOR_PURGE_DAYS: '7' });
    expect(purging.code).toBe(0);
    expect(purging.stdout.trim()).toBe('purged 3 callbacks that ended more than 7 days ago; 0 left open from earlier days expired');

    const table = await frontdoor(['callbacks', 'list'], env);
    expect(table.stdout.trim().split('\n').every((l) => l.includes('expired') && l.endsWith('(purged)'))).toBe(true);
  }, 60_000);

  test('refuses a FRONTDOOR_PURGE_DAYS that is not a number of days', async () => {
    const r = await frontdoor(['callbacks', 'purge'], { ...env, FRONTDOOR_PURGE_DAYS: 'ten' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('frontdoor callbacks: FRONTDOOR_PURGE_DAYS must be a whole number of days from 1 to 3650, not "ten"');
  });
});

describe('frontdoor callbacks on PostgreSQL at DATABASE_URL', () => {
  let schema: TestSchema;
  let refs: string[];

  beforeAll(async () => {
    schema = await freshSchema();
    const db = schema.open();
    refs = await seed(db);
    await db.close();
  });
  afterAll(() => schema.drop());

  test('list --json reads the same rows from PostgreSQL', async () => {
    const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
    const r = await frontdoor(['callbacks', 'list', '--json'], { DATABASE_URL: url, FRONTDOOR_NOW: '2026-12-06T12:00:00+01:00' });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { reference: string }[]).map((b) => b.reference)).toEqual([refs[1], refs[0], refs[2]]);
  });

  test('says storage is unavailable, without the connection string, when PostgreSQL is not there', async () => {
    const r = await frontdoor(['callbacks', 'list'], { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/test' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('frontdoor callbacks: storage unavailable (ECONNREFUSED)');
  });
});

describe('startPurgeSchedule', () => {
  test('purges at once and then at every interval until stopped', async () => {
    const calls: number[] = [];
    const schedule = startPurgeSchedule({ purge: async (days = 0) => (calls.push(days), { ok: true, expired: 0, purged: 0 }) }, 30, { intervalMs: 20 });
    await new Promise((r) => setTimeout(r, 75));
    schedule.stop();
    const seen = calls.length;
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(calls.every((d) => d === 30)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.length).toBe(seen);
  });
});
