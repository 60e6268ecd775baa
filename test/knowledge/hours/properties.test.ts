import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { ZONE } from '../../../knowledge/clock';
import { KnowledgeBase } from '../../../knowledge/kb';
import { HoursEngine } from '../../../knowledge/hours';
import { alwaysOpen, fixtureUnit, sameAs, shippedKb, unknownHours, weekly } from './fixture';

/** The shipped units plus shapes the data does not have yet: midnight runs, a never-open line, holidays ignored. */
const shipped = shippedKb();
const kb = new KnowledgeBase(
  [
    ...shipped.list(),
    fixtureUnit('x-midnat', weekly({ mon: ['20:00-24:00'], tue: ['00:00-02:00', '02:00-06:00', '08:00-09:00'], sun: ['01:00-04:00', '22:00-24:00'] })),
    fixtureUnit('x-aldrig', weekly({})),
    fixtureUnit('x-helligdag', weekly({ thu: ['02:30-03:30', '11:00-13:00'] }, { holidays: 'open-on-holidays' })),
    fixtureUnit('x-foelger', sameAs('x-helligdag')),
    fixtureUnit('x-doegn', alwaysOpen),
    fixtureUnit('x-ukendt', unknownHours),
  ],
  shipped.seeds(),
);
const engine = new HoursEngine(kb);
const ids = kb.list().map((u) => u.id);

const MINUTE = 60_000;
const FROM = DateTime.fromISO('2022-01-01T00:00:00', { zone: ZONE }).toMillis();
const TO = DateTime.fromISO('2028-12-31T00:00:00', { zone: ZONE }).toMillis();

const unitArb = fc.constantFrom(...ids);
const atMinute = (m: number): DateTime => DateTime.fromMillis(m * MINUTE, { zone: ZONE });
/** The daylight-saving changes 2022–2028 (last Sundays of March and October, 01:00 UTC). */
const CHANGES = [2022, 2023, 2024, 2025, 2026, 2027, 2028].flatMap((y) =>
  [3, 10].map((month) => {
    const last = DateTime.fromObject({ year: y, month, day: 31 }, { zone: 'UTC' });
    return last.minus({ days: last.weekday % 7 }).set({ hour: 1 }).toMillis() / MINUTE;
  }),
);
/** Whole minutes, so "a minute before" is a real minute of the schedule; one in three within two days of a DST change. */
const instantArb = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map(atMinute) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 })).map(([c, d]) => atMinute(c + d)) },
);
const RUNS = { numRuns: 400 };

const openAt = (unit: string, at: DateTime): boolean | null => engine.status(unit, at).open;

describe('hours engine invariants (fast-check)', () => {
  test('at nextOpening the unit is open, a minute before it is closed, and nothing opens in between', () => {
    fc.assert(
      fc.property(unitArb, instantArb, (unit, at) => {
        const s = engine.status(unit, at);
        if (s.open !== false || s.nextOpening === null) return;
        expect(s.nextOpening > at).toBe(true);
        expect(openAt(unit, s.nextOpening)).toBe(true);
        expect(openAt(unit, s.nextOpening.minus({ minutes: 1 }))).toBe(false);
        expect(engine.windows(unit, at, s.nextOpening)).toEqual([]);
      }),
      RUNS,
    );
  });

  test('at closesAt the unit is closed, a millisecond before it is open, and it is open all the way', () => {
    fc.assert(
      fc.property(unitArb, instantArb, (unit, at) => {
        const s = engine.status(unit, at);
        if (s.open !== true || s.closesAt === null) return;
        expect(s.closesAt > at).toBe(true);
        expect(openAt(unit, s.closesAt)).toBe(false);
        expect(openAt(unit, s.closesAt.minus({ milliseconds: 1 }))).toBe(true);
        const w = engine.windows(unit, at, s.closesAt);
        expect(w.map((x) => [x.start.toMillis(), x.end.toMillis()])).toEqual([[at.toMillis(), s.closesAt.toMillis()]]);
      }),
      RUNS,
    );
  });

  test('windows are ordered, never overlap or touch, are not empty and lie within [from, to)', () => {
    fc.assert(
      fc.property(unitArb, instantArb, fc.integer({ min: 0, max: 45 * 24 * 60 }), (unit, from, minutes) => {
        const to = from.plus({ minutes });
        const w = engine.windows(unit, from, to);
        w.forEach((x, i) => {
          expect(x.start < x.end).toBe(true);
          expect(x.start >= from && x.end <= to).toBe(true);
          const prev = w[i - 1];
          if (prev) expect(prev.end < x.start).toBe(true);
        });
      }),
      RUNS,
    );
  });

  test('status(open) agrees with the windows around the instant', () => {
    fc.assert(
      fc.property(unitArb, instantArb, (unit, at) => {
        const s = engine.status(unit, at);
        const inWindow = engine.windows(unit, at.minus({ days: 1 }), at.plus({ days: 1 })).some((w) => w.start <= at && at < w.end);
        if (s.kind === 'unknown') expect(inWindow).toBe(false);
        else expect(s.open).toBe(inWindow);
      }),
      RUNS,
    );
  });

  test('closesAt is set exactly when open and nextOpening exactly when closed', () => {
    fc.assert(
      fc.property(unitArb, instantArb, (unit, at) => {
        const s = engine.status(unit, at);
        if (s.kind === 'scheduled' && s.open) expect(s.nextOpening).toBeNull();
        if (s.kind === 'scheduled' && !s.open) expect(s.closesAt).toBeNull();
        if (s.kind !== 'scheduled') expect([s.closesAt, s.nextOpening]).toEqual([null, null]);
      }),
      RUNS,
    );
  });

  test('the windows of a day are the windows of the range covering that day', () => {
    fc.assert(
      fc.property(unitArb, instantArb, (unit, at) => {
        const day = engine.day(unit, at);
        const next = engine.day(unit, day.date.plus({ hours: 30 })).date;
        const range = engine.windows(unit, day.date, next);
        // day() does not merge with the neighbouring days, windows() clips to the day: the same spans.
        expect(day.windows.map((w) => [w.start.toMillis(), w.end.toMillis()])).toEqual(range.map((w) => [w.start.toMillis(), w.end.toMillis()]));
      }),
      RUNS,
    );
  });
});
