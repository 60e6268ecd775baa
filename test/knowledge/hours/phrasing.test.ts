import { describe, expect, test } from 'vitest';
import { describeStatus, describeWeek, formatDayRelative, formatTime, HoursEngine, type Lang } from '../../../knowledge/hours';
import { KnowledgeBase } from '../../../knowledge/kb';
import { fixtureUnit, shippedKb, t, weekly } from './fixture';

const shipped = shippedKb();
const SOURCE = { seed: '001_1292bd2007d0c0f5.txt', date: '2018-04-16' };
const engine = new HoursEngine(
  new KnowledgeBase(
    [
      ...shipped.list(),
      fixtureUnit('x-midnat', weekly({ mon: ['20:00-24:00'], tue: ['00:00-06:00'] })),
      fixtureUnit('x-aldrig', weekly({})),
      fixtureUnit('x-senere', { kind: 'weekly', versions: [{ from: '2028-06-01', weekly: { mon: ['09:00-10:00'] }, source: SOURCE }] }),
    ],
    shipped.seeds(),
  ),
);

const say = (unit: string, at: string, lang: Lang): string => describeStatus(engine.status(unit, t(at)), t(at), lang);

describe('describeStatus', () => {
  test.each([
    ['borgerservice', '2026-11-30T10:00:00+01:00', 'Åbent nu – lukker kl. 16.00', 'Open now – closes at 4 pm'],
    ['pladsanvisning', '2026-12-03T16:30:00+01:00', 'Åbent nu – lukker kl. 17.15', 'Open now – closes at 5:15 pm'],
    ['pladsanvisning', '2026-12-01T12:00:00+01:00', 'Lukket nu – åbner torsdag kl. 9.00', 'Closed – opens Thursday at 9 am'],
    ['pladsanvisning', '2026-12-03T12:00:00+01:00', 'Lukket nu – åbner i dag kl. 16.00', 'Closed – opens today at 4 pm'],
    ['pladsanvisning', '2026-11-30T11:00:00+01:00', 'Lukket nu – åbner i morgen kl. 9.00', 'Closed – opens tomorrow at 9 am'],
    ['pladsanvisning', '2026-12-03T17:15:00+01:00', 'Lukket nu – åbner mandag kl. 9.00', 'Closed – opens Monday at 9 am'],
    ['borgerservice', '2026-06-05T11:00:00+02:00', 'Åbent nu – lukker kl. 12.00', 'Open now – closes at 12 noon'],
    ['borgerservice', '2026-12-23T17:00:00+01:00', 'Lukket nu – åbner mandag kl. 9.00', 'Closed – opens Monday at 9 am'],
    ['pladsanvisning', '2026-03-31T12:00:00+02:00', 'Lukket nu – åbner tirsdag 7. april kl. 9.00', 'Closed – opens Tuesday 7 April at 9 am'],
    ['digital-hotline', '2026-12-05T12:00:00+01:00', 'Lukket nu – åbner i morgen kl. 16.00', 'Closed – opens tomorrow at 4 pm'],
    ['x-midnat', '2026-11-30T23:00:00+01:00', 'Åbent nu – lukker i morgen kl. 6.00', 'Open now – closes tomorrow at 6 am'],
    ['x-senere', '2027-12-03T10:00:00+01:00', 'Lukket nu – åbner mandag 12. juni 2028 kl. 9.00', 'Closed – opens Monday 12 June 2028 at 9 am'],
    ['x-aldrig', '2026-12-03T10:00:00+01:00', 'Lukket nu – åbner ikke inden for det næste år', 'Closed – not open at any time in the coming year'],
    ['boern-og-ungevagten', '2026-12-24T03:00:00+01:00', 'Åbent døgnet rundt', 'Open around the clock'],
  ])('%s at %s: "%s" / "%s"', (unit, at, da, en) => {
    expect(say(unit, at, 'da')).toBe(da);
    expect(say(unit, at, 'en')).toBe(en);
  });

  test('says honestly that unknown hours are unknown, in both languages', () => {
    expect(say('udrykningsteamet', '2026-12-03T22:00:00+01:00', 'da')).toMatch(/^Telefontiden kendes ikke/);
    expect(say('udrykningsteamet', '2026-12-03T22:00:00+01:00', 'en')).toMatch(/^The phone hours are not known/);
    expect(say('udrykningsteamet', '2026-12-03T22:00:00+01:00', 'da')).not.toMatch(/Åbent|Lukket/);
  });
});

describe('formatTime', () => {
  test.each([
    ['2026-12-03T09:00:00+01:00', 'kl. 9.00', '9 am'],
    ['2026-12-03T17:15:00+01:00', 'kl. 17.15', '5:15 pm'],
    ['2026-12-03T16:00:00+01:00', 'kl. 16.00', '4 pm'],
    ['2026-12-03T12:00:00+01:00', 'kl. 12.00', '12 noon'],
    ['2026-12-03T12:30:00+01:00', 'kl. 12.30', '12:30 pm'],
    ['2026-12-03T00:05:00+01:00', 'kl. 0.05', '12:05 am'],
    ['2026-12-03T08:00:00Z', 'kl. 9.00', '9 am'],
  ])('writes %s as "%s" / "%s" (Aarhus time)', (at, da, en) => {
    expect(formatTime(t(at), 'da')).toBe(da);
    expect(formatTime(t(at), 'en')).toBe(en);
  });
});

describe('formatDayRelative', () => {
  const at = '2026-12-01T23:50:00+01:00'; // a Tuesday, late
  test.each([
    ['2026-12-01T09:00:00+01:00', 'i dag', 'today'],
    ['2026-12-02T00:10:00+01:00', 'i morgen', 'tomorrow'],
    ['2026-12-03T09:00:00+01:00', 'torsdag', 'Thursday'],
    ['2026-12-07T09:00:00+01:00', 'mandag', 'Monday'],
    ['2026-12-08T09:00:00+01:00', 'tirsdag 8. december', 'Tuesday 8 December'],
    ['2026-12-24T09:00:00+01:00', 'torsdag 24. december', 'Thursday 24 December'],
    ['2027-01-04T09:00:00+01:00', 'mandag 4. januar', 'Monday 4 January'],
    ['2027-09-01T09:00:00+02:00', 'onsdag 1. september 2027', 'Wednesday 1 September 2027'],
  ])('calls %s "%s" / "%s" seen from Tuesday 1 December at 23:50', (when, da, en) => {
    expect(formatDayRelative(t(when), t(at), 'da')).toBe(da);
    expect(formatDayRelative(t(when), t(at), 'en')).toBe(en);
  });

  test('counts calendar days in Aarhus, not 24-hour periods', () => {
    expect(formatDayRelative(t('2026-12-01T23:30:00Z'), t('2026-12-01T22:30:00Z'), 'da')).toBe('i morgen');
  });
});

describe('describeWeek', () => {
  test('lists pladsanvisning\'s week with today marked', () => {
    expect(describeWeek(engine, 'pladsanvisning', t('2026-12-03T10:00:00+01:00'), 'da')).toEqual([
      'Mandag: 9.00–11.00',
      'Tirsdag: 9.00–11.00',
      'Onsdag: lukket',
      'Torsdag (i dag): 9.00–11.00, 16.00–17.15',
      'Fredag: lukket',
      'Lørdag: lukket',
      'Søndag: lukket',
    ]);
    expect(describeWeek(engine, 'pladsanvisning', t('2026-12-03T10:00:00+01:00'), 'en')).toEqual([
      'Monday: 9 am–11 am',
      'Tuesday: 9 am–11 am',
      'Wednesday: closed',
      'Thursday (today): 9 am–11 am, 4 pm–5:15 pm',
      'Friday: closed',
      'Saturday: closed',
      'Sunday: closed',
    ]);
  });

  test('dates and names the holidays of Christmas week', () => {
    expect(describeWeek(engine, 'borgerservice', t('2026-12-22T10:00:00+01:00'), 'da')).toEqual([
      'Mandag: 9.00–16.00',
      'Tirsdag (i dag): 9.00–16.00',
      'Onsdag: 9.00–16.00',
      'Torsdag 24. december: lukket (Juleaftensdag)',
      'Fredag 25. december: lukket (Juledag)',
      'Lørdag 26. december: lukket (Anden Juledag)',
      'Søndag: lukket',
    ]);
  });

  test('shows Grundlovsdag closing at noon', () => {
    const lines = describeWeek(engine, 'borgerservice', t('2026-06-01T10:00:00+02:00'), 'en');
    expect(lines[4]).toBe('Friday 5 June: 9 am–12 noon (Constitution Day)');
  });

  test('writes an interval to midnight as 24.00', () => {
    expect(describeWeek(engine, 'x-midnat', t('2026-11-30T10:00:00+01:00'), 'da').slice(0, 2)).toEqual(['Mandag (i dag): 20.00–24.00', 'Tirsdag: 0.00–6.00']);
  });

  test('says around the clock for always-open lines and unknown for unknown hours', () => {
    expect(describeWeek(engine, 'plejehjem', t('2026-12-03T10:00:00+01:00'), 'da')[0]).toBe('Mandag: døgnet rundt');
    expect(describeWeek(engine, 'udrykningsteamet', t('2026-12-03T10:00:00+01:00'), 'en')[3]).toBe('Thursday (today): phone hours not known');
  });
});
