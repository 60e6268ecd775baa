import { describe, expect, test } from 'vitest';
import { HoursEngine, SEARCH_DAYS } from '../../../knowledge/hours';
import { alwaysOpen, fixtureKb, isoOrNull, sameAs, shippedKb, t, unknownHours, weekly } from './fixture';

const engine = new HoursEngine(shippedKb());

/** unit, at, open, closesAt, nextOpening (ISO in Aarhus), why. */
type Row = readonly [string, string, boolean | null, string | null, string | null, string];

function statusOf(e: HoursEngine, unit: string, at: string): { open: boolean | null; closesAt: string | null; nextOpening: string | null } {
  const s = e.status(unit, t(at));
  return { open: s.open, closesAt: isoOrNull(s.closesAt), nextOpening: isoOrNull(s.nextOpening) };
}

function check(e: HoursEngine, rows: readonly Row[]): void {
  test.each(rows)('%s at %s: open %s, closes %s, opens %s (%s)', (unit, at, open, closesAt, nextOpening) => {
    expect(statusOf(e, unit, at)).toEqual({ open, closesAt, nextOpening });
  });
}

describe('interval boundaries: the start is included, the end excluded', () => {
  check(engine, [
    ['pladsanvisning', '2026-12-03T16:00:00+01:00', true, '2026-12-03T17:15:00+01:00', null, 'opens at 16:00 sharp'],
    ['pladsanvisning', '2026-12-03T17:14:00+01:00', true, '2026-12-03T17:15:00+01:00', null, 'open at 17:14'],
    ['pladsanvisning', '2026-12-03T17:14:59.999+01:00', true, '2026-12-03T17:15:00+01:00', null, 'open until the last millisecond'],
    ['pladsanvisning', '2026-12-03T17:15:00+01:00', false, null, '2026-12-07T09:00:00+01:00', 'closed at 17:15'],
    ['pladsanvisning', '2026-12-03T15:59:00+01:00', false, null, '2026-12-03T16:00:00+01:00', 'between the two Thursday intervals'],
    ['pladsanvisning', '2026-12-03T11:00:00+01:00', false, null, '2026-12-03T16:00:00+01:00', 'the morning interval ends at 11:00'],
    ['pladsanvisning', '2026-12-02T10:00:00+01:00', false, null, '2026-12-03T09:00:00+01:00', 'no hours on Wednesday'],
    ['borgerservice', '2026-12-03T08:59:00+01:00', false, null, '2026-12-03T09:00:00+01:00', 'before opening'],
    ['borgerservice', '2026-12-03T17:59:00+01:00', true, '2026-12-03T18:00:00+01:00', null, 'Thursday until 18:00'],
    ['borgerservice', '2026-12-04T16:00:00+01:00', false, null, '2026-12-07T09:00:00+01:00', 'Friday closes at 16:00, weekend closed'],
    ['borgerservice', '2026-12-03T15:30:00Z', true, '2026-12-03T18:00:00+01:00', null, 'an instant given in UTC is read in Aarhus'],
  ]);
});

describe('every kind of holiday closes a standard unit', () => {
  check(engine, [
    ['borgerservice', '2026-01-01T10:00:00+01:00', false, null, '2026-01-02T09:00:00+01:00', 'nytårsdag'],
    ['borgerservice', '2026-04-01T15:00:00+02:00', true, '2026-04-01T16:00:00+02:00', null, 'the Wednesday before Easter is ordinary'],
    ['borgerservice', '2026-04-01T16:00:00+02:00', false, null, '2026-04-07T09:00:00+02:00', 'closed from skærtorsdag to 2. påskedag'],
    ['borgerservice', '2026-04-02T10:00:00+02:00', false, null, '2026-04-07T09:00:00+02:00', 'skærtorsdag'],
    ['borgerservice', '2026-04-03T10:00:00+02:00', false, null, '2026-04-07T09:00:00+02:00', 'langfredag'],
    ['digital-hotline', '2026-04-05T17:00:00+02:00', false, null, '2026-04-07T08:00:00+02:00', 'påskedag (a Sunday the hotline would be open)'],
    ['borgerservice', '2026-04-06T10:00:00+02:00', false, null, '2026-04-07T09:00:00+02:00', '2. påskedag'],
    ['borgerservice', '2026-05-14T10:00:00+02:00', false, null, '2026-05-15T09:00:00+02:00', 'Kristi himmelfartsdag'],
    ['digital-hotline', '2026-05-24T17:00:00+02:00', false, null, '2026-05-26T08:00:00+02:00', 'pinsedag (a Sunday) and 2. pinsedag'],
    ['borgerservice', '2026-05-25T10:00:00+02:00', false, null, '2026-05-26T09:00:00+02:00', '2. pinsedag'],
    ['borgerservice', '2026-12-25T10:00:00+01:00', false, null, '2026-12-28T09:00:00+01:00', 'juledag'],
    ['borgerservice', '2025-12-26T10:00:00+01:00', false, null, '2025-12-29T09:00:00+01:00', '2. juledag on a Friday'],
    ['borgerservice', '2023-05-05T10:00:00+02:00', false, null, '2023-05-08T09:00:00+02:00', 'store bededag 2023'],
    ['opkraevningen', '2023-05-05T10:30:00+02:00', false, null, '2023-05-08T10:00:00+02:00', 'store bededag 2023 for Opkrævningen too'],
    ['borgerservice', '2024-04-26T10:00:00+02:00', true, '2024-04-26T16:00:00+02:00', null, 'no store bededag from 2024'],
    ['borgerservice', '2026-12-24T10:00:00+01:00', false, null, '2026-12-28T09:00:00+01:00', 'juleaftensdag, all day'],
    ['borgerservice', '2026-12-23T15:00:00+01:00', true, '2026-12-23T16:00:00+01:00', null, 'the 23rd is ordinary'],
    ['borgerservice', '2026-12-31T10:00:00+01:00', false, null, '2027-01-04T09:00:00+01:00', 'nytårsaftensdag and nytårsdag'],
    ['borgerservice', '2026-06-05T11:59:00+02:00', true, '2026-06-05T12:00:00+02:00', null, 'Grundlovsdag: open in the morning, closing at 12:00'],
    ['borgerservice', '2026-06-05T12:00:00+02:00', false, null, '2026-06-08T09:00:00+02:00', 'Grundlovsdag: closed from 12:00'],
    ['digital-hotline', '2026-06-05T09:00:00+02:00', true, '2026-06-05T12:00:00+02:00', null, 'Grundlovsdag cuts the hotline short too'],
    ['pladsanvisning', '2025-06-05T10:00:00+02:00', true, '2025-06-05T11:00:00+02:00', null, 'Grundlovsdag on a Thursday keeps the morning interval'],
    ['pladsanvisning', '2025-06-05T15:00:00+02:00', false, null, '2025-06-10T09:00:00+02:00', 'drops the afternoon one (and 9 June 2025 is 2. pinsedag)'],
    ['aarhus-kommune', '2026-12-24T10:00:00+01:00', false, null, '2026-12-28T09:00:00+01:00', 'same-as units follow the holidays of the unit they follow'],
  ]);
});

describe('Opkrævningen changes its hours on 1 January 2024', () => {
  check(engine, [
    ['opkraevningen', '2023-12-27T14:00:00+01:00', true, '2023-12-27T15:00:00+01:00', null, 'Wednesday until 15:00 in 2023'],
    ['opkraevningen', '2023-12-28T16:30:00+01:00', true, '2023-12-28T17:00:00+01:00', null, 'Thursday 10–17 in 2023'],
    ['opkraevningen', '2023-12-29T11:00:00+01:00', true, '2023-12-29T12:00:00+01:00', null, 'Friday 10–12 in both'],
    ['opkraevningen', '2023-12-29T12:00:00+01:00', false, null, '2024-01-02T10:00:00+01:00', 'over New Year into the new hours'],
    ['opkraevningen', '2024-01-03T11:00:00+01:00', true, '2024-01-03T12:00:00+01:00', null, 'Wednesday until 12:00 from 2024'],
    ['opkraevningen', '2024-01-03T14:00:00+01:00', false, null, '2024-01-04T15:00:00+01:00', 'afternoons closed from 2024'],
    ['opkraevningen', '2024-01-04T11:00:00+01:00', false, null, '2024-01-04T15:00:00+01:00', 'Thursday opens at 15:00 from 2024'],
    ['opkraevningen', '2024-01-04T16:59:00+01:00', true, '2024-01-04T17:00:00+01:00', null, 'Thursday 15–17 from 2024'],
    ['opkraevningen', '2026-12-03T10:00:00+01:00', false, null, '2026-12-03T15:00:00+01:00', 'the 2024 hours still apply in 2026'],
  ]);

  test('lists the windows of the week across the change', () => {
    const w = engine.windows('opkraevningen', t('2023-12-25T00:00:00+01:00'), t('2024-01-08T00:00:00+01:00'));
    expect(w.map((x) => `${isoOrNull(x.start)}/${x.end.toFormat('HH:mm')}`)).toEqual([
      '2023-12-27T10:00:00+01:00/15:00',
      '2023-12-28T10:00:00+01:00/17:00',
      '2023-12-29T10:00:00+01:00/12:00',
      '2024-01-02T10:00:00+01:00/12:00',
      '2024-01-03T10:00:00+01:00/12:00',
      '2024-01-04T15:00:00+01:00/17:00',
      '2024-01-05T10:00:00+01:00/12:00',
    ]);
  });
});

describe('rules the shipped data does not exercise (fixture units)', () => {
  const kb = fixtureKb({
    'doegn': alwaysOpen,
    'ukendt': unknownHours,
    'ukendt-via': sameAs('ukendt'),
    'helligdagsaaben': weekly({ mon: ['09:00-12:00'], fri: ['09:00-12:00'] }, { holidays: 'open-on-holidays' }),
    'foelger': sameAs('helligdagsaaben'),
    'foelger-igen': sameAs('foelger'),
    'aldrig': weekly({}),
    'midnat': weekly({ mon: ['20:00-24:00'], tue: ['00:00-02:00', '02:00-06:00', '08:00-09:00'] }),
    'hele-ugen': weekly({ mon: ['00:00-24:00'], tue: ['00:00-24:00'], wed: ['00:00-24:00'], thu: ['00:00-24:00'], fri: ['00:00-24:00'], sat: ['00:00-24:00'], sun: ['00:00-24:00'] }, { holidays: 'open-on-holidays' }),
    'fra-2027': {
      kind: 'weekly',
      versions: [{ from: '2027-01-04', weekly: { mon: ['09:00-10:00'] }, source: { seed: '001_1292bd2007d0c0f5.txt', date: '2018-04-16' } }],
    },
    'kun-helligdag': weekly({ thu: ['09:00-10:00'] }),
  });
  const e = new HoursEngine(kb);

  check(e, [
    ['doegn', '2026-12-24T03:00:00+01:00', true, null, null, 'always-open is open on a holiday at night'],
    ['ukendt', '2026-12-03T10:00:00+01:00', null, null, null, 'unknown hours say neither open nor closed'],
    ['ukendt-via', '2026-12-03T10:00:00+01:00', null, null, null, 'same-as an unknown unit is unknown'],
    ['helligdagsaaben', '2026-12-25T10:00:00+01:00', true, '2026-12-25T12:00:00+01:00', null, 'open-on-holidays ignores juledag'],
    ['foelger', '2026-12-25T10:00:00+01:00', true, '2026-12-25T12:00:00+01:00', null, 'same-as follows the holiday policy of its target'],
    ['foelger-igen', '2026-06-05T11:00:00+02:00', true, '2026-06-05T12:00:00+02:00', null, 'same-as of same-as follows to the end'],
    ['foelger-igen', '2026-06-05T12:30:00+02:00', false, null, '2026-06-08T09:00:00+02:00', 'open-on-holidays is open on Grundlovsdag until the normal close'],
    ['aldrig', '2026-12-03T10:00:00+01:00', false, null, null, 'a unit that never opens has no next opening'],
    ['midnat', '2026-11-30T23:00:00+01:00', true, '2026-12-01T06:00:00+01:00', null, 'an interval to 24:00 runs on into the next day'],
    ['midnat', '2026-12-01T01:00:00+01:00', true, '2026-12-01T06:00:00+01:00', null, 'adjacent intervals are one'],
    ['midnat', '2026-12-01T07:00:00+01:00', false, null, '2026-12-01T08:00:00+01:00', 'a gap ends the merged interval'],
    ['midnat', '2026-12-24T10:00:00+01:00', false, null, '2026-12-28T20:00:00+01:00', 'a Monday opening is the next one after Christmas'],
    ['hele-ugen', '2026-12-03T10:00:00+01:00', true, null, null, 'a line open every hour of every day never closes in the search window'],
    ['fra-2027', '2026-12-03T10:00:00+01:00', false, null, '2027-01-04T09:00:00+01:00', 'no hours before the first version; it opens when the version starts'],
    ['kun-helligdag', '2026-12-24T11:00:00+01:00', false, null, '2027-01-07T09:00:00+01:00', 'Thursdays 24 and 31 December are both closed'],
  ]);

  test('gives no windows for unknown hours and one window for an always-open line', () => {
    const from = t('2026-12-01T00:00:00+01:00');
    const to = t('2026-12-08T00:00:00+01:00');
    expect(e.windows('ukendt', from, to)).toEqual([]);
    const all = e.windows('doegn', from, to);
    expect(all.map((w) => [isoOrNull(w.start), isoOrNull(w.end)])).toEqual([['2026-12-01T00:00:00+01:00', '2026-12-08T00:00:00+01:00']]);
  });

  test('merges windows across midnight and clips them to the range asked for', () => {
    const w = e.windows('midnat', t('2026-11-30T21:00:00+01:00'), t('2026-12-01T08:30:00+01:00'));
    expect(w.map((x) => [isoOrNull(x.start), isoOrNull(x.end)])).toEqual([
      ['2026-11-30T21:00:00+01:00', '2026-12-01T06:00:00+01:00'],
      ['2026-12-01T08:00:00+01:00', '2026-12-01T08:30:00+01:00'],
    ]);
  });

  test('returns no windows for an empty or reversed range', () => {
    expect(e.windows('doegn', t('2026-12-02T00:00:00+01:00'), t('2026-12-02T00:00:00+01:00'))).toEqual([]);
    expect(e.windows('midnat', t('2026-12-02T00:00:00+01:00'), t('2026-12-01T00:00:00+01:00'))).toEqual([]);
  });

  test('searches at most SEARCH_DAYS ahead', () => {
    expect(SEARCH_DAYS).toBeGreaterThanOrEqual(366);
    const sparse = new HoursEngine(fixtureKb({ 'langt-ude': { kind: 'weekly', versions: [{ from: '2028-06-01', weekly: { mon: ['09:00-10:00'] }, source: { seed: '001_1292bd2007d0c0f5.txt', date: '2018-04-16' } }] } }));
    expect(sparse.status('langt-ude', t('2026-12-03T10:00:00+01:00')).nextOpening).toBeNull();
    expect(isoOrNull(sparse.status('langt-ude', t('2027-12-03T10:00:00+01:00')).nextOpening)).toBe('2028-06-12T09:00:00+02:00'); // 5 June 2028 is 2. pinsedag
  });

  test('throws on an id that is not in the knowledge base (a caller bug)', () => {
    expect(() => e.status('findes-ikke', t('2026-12-03T10:00:00+01:00'))).toThrow(/unknown unit/);
  });
});

describe('days and weeks', () => {
  test('day() names the holiday that changes the hours and gives that day its windows', () => {
    const d = engine.day('borgerservice', t('2026-06-05T15:00:00+02:00'));
    expect(isoOrNull(d.date)).toBe('2026-06-05T00:00:00+02:00');
    expect(d.holiday).toEqual({ da: 'Grundlovsdag', en: 'Constitution Day' });
    expect(d.windows.map((w) => [isoOrNull(w.start), isoOrNull(w.end)])).toEqual([['2026-06-05T09:00:00+02:00', '2026-06-05T12:00:00+02:00']]);
  });

  test('day() on an ordinary day has no holiday', () => {
    expect(engine.day('pladsanvisning', t('2026-12-03T08:00:00+01:00')).holiday).toBeNull();
  });

  test('week() runs Monday to Sunday around the instant, also when asked on a Sunday', () => {
    const days = engine.week('pladsanvisning', t('2026-12-06T23:30:00+01:00'));
    expect(days.map((d) => d.date.toISODate())).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(days.map((d) => d.windows.length)).toEqual([1, 1, 0, 2, 0, 0, 0]);
  });

  test('hoursUnit() follows same-as to the unit whose hours apply', () => {
    expect(engine.hoursUnit('aarhus-kommune').id).toBe('borgerservice');
    expect(engine.hoursUnit('pladsanvisning').id).toBe('pladsanvisning');
  });
});
