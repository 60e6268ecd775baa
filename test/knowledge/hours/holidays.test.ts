import { describe, expect, test } from 'vitest';
import { holidayOn } from '../../../knowledge/hours';
import { t } from './fixture';

/** Every day the standard policy closes on, by year: date, Danish name, closed from (minutes). */
const CLOSED_DAYS: Record<number, readonly [string, string, number][]> = {
  2023: [
    ['2023-01-01', 'Nytårsdag', 0],
    ['2023-04-06', 'Skærtorsdag', 0],
    ['2023-04-07', 'Langfredag', 0],
    ['2023-04-09', 'Påskedag', 0],
    ['2023-04-10', 'Anden påskedag', 0],
    ['2023-05-05', 'Store Bededag', 0],
    ['2023-05-18', 'Kristi Himmelfartsdag', 0],
    ['2023-05-28', 'Pinsedag', 0],
    ['2023-05-29', 'Anden Pinsedag', 0],
    ['2023-06-05', 'Grundlovsdag', 720],
    ['2023-12-24', 'Juleaftensdag', 0],
    ['2023-12-25', 'Juledag', 0],
    ['2023-12-26', 'Anden Juledag', 0],
    ['2023-12-31', 'Nytårsaftensdag', 0],
  ],
  2024: [
    ['2024-01-01', 'Nytårsdag', 0],
    ['2024-03-28', 'Skærtorsdag', 0],
    ['2024-03-29', 'Langfredag', 0],
    ['2024-03-31', 'Påskedag', 0],
    ['2024-04-01', 'Anden påskedag', 0],
    ['2024-05-09', 'Kristi Himmelfartsdag', 0],
    ['2024-05-19', 'Pinsedag', 0],
    ['2024-05-20', 'Anden Pinsedag', 0],
    ['2024-06-05', 'Grundlovsdag', 720],
    ['2024-12-24', 'Juleaftensdag', 0],
    ['2024-12-25', 'Juledag', 0],
    ['2024-12-26', 'Anden Juledag', 0],
    ['2024-12-31', 'Nytårsaftensdag', 0],
  ],
  2026: [
    ['2026-01-01', 'Nytårsdag', 0],
    ['2026-04-02', 'Skærtorsdag', 0],
    ['2026-04-03', 'Langfredag', 0],
    ['2026-04-05', 'Påskedag', 0],
    ['2026-04-06', 'Anden påskedag', 0],
    ['2026-05-14', 'Kristi Himmelfartsdag', 0],
    ['2026-05-24', 'Pinsedag', 0],
    ['2026-05-25', 'Anden Pinsedag', 0],
    ['2026-06-05', 'Grundlovsdag', 720],
    ['2026-12-24', 'Juleaftensdag', 0],
    ['2026-12-25', 'Juledag', 0],
    ['2026-12-26', 'Anden Juledag', 0],
    ['2026-12-31', 'Nytårsaftensdag', 0],
  ],
};

/** Every date of a year, YYYY-MM-DD. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = t(`${year}-01-01T12:00:00`); d.year === year; d = d.plus({ days: 1 })) out.push(d.toISODate() ?? '');
  return out;
}

describe('holidayOn', () => {
  test.each(Object.keys(CLOSED_DAYS).map(Number))('finds exactly the closing days of issue 2 in %i, nothing more', (year) => {
    const found = daysOf(year)
      .map((iso) => ({ iso, h: holidayOn(t(`${iso}T10:00:00`)) }))
      .filter((x) => x.h !== null)
      .map((x) => [x.iso, x.h?.name.da, x.h?.closedFrom]);
    expect(found).toEqual(CLOSED_DAYS[year]);
  });

  test('store bededag closes in 2023 and is an ordinary day from 2024, when it was abolished', () => {
    expect(holidayOn(t('2023-05-05T10:00:00+02:00'))?.name).toEqual({ da: 'Store Bededag', en: 'Prayer Day' });
    // Easter 2024 + 26 days: the Friday that would have been store bededag.
    expect(holidayOn(t('2024-04-26T10:00:00+02:00'))).toBeNull();
    expect(holidayOn(t('2025-05-16T10:00:00+02:00'))).toBeNull();
    expect(holidayOn(t('2026-05-01T10:00:00+02:00'))).toBeNull();
  });

  test('names the days in English too', () => {
    expect(holidayOn(t('2026-12-25T10:00:00+01:00'))?.name.en).toBe('Christmas Day');
    expect(holidayOn(t('2026-12-24T10:00:00+01:00'))?.name.en).toBe('Christmas Eve');
    expect(holidayOn(t('2026-12-31T10:00:00+01:00'))?.name.en).toBe("New Year's Eve");
    expect(holidayOn(t('2026-06-05T10:00:00+02:00'))?.name.en).toBe('Constitution Day');
    expect(holidayOn(t('2026-04-03T10:00:00+02:00'))?.name.en).toBe('Good Friday');
  });

  test('closes Grundlovsdag from 12:00 only', () => {
    expect(holidayOn(t('2026-06-05T08:00:00+02:00'))).toEqual({ name: { da: 'Grundlovsdag', en: 'Constitution Day' }, closedFrom: 12 * 60 });
  });

  test('closes all day when Grundlovsdag falls on pinsedag (5 June 2022)', () => {
    expect(holidayOn(t('2022-06-05T10:00:00+02:00'))).toEqual({ name: { da: 'Pinsedag', en: 'Pentecost' }, closedFrom: 0 });
  });

  test('reads the day in Aarhus, not in UTC: 23:30 UTC on 24 December is already juledag', () => {
    expect(holidayOn(t('2026-12-24T23:30:00Z'))?.name.da).toBe('Juledag');
    expect(holidayOn(t('2026-12-23T23:30:00Z'))?.name.da).toBe('Juleaftensdag');
    expect(holidayOn(t('2026-12-23T22:30:00Z'))).toBeNull();
  });

  test('is not fooled by days that are observances, not closing days (1 May, fastelavn, mors dag)', () => {
    expect(holidayOn(t('2026-05-01T10:00:00+02:00'))).toBeNull();
    expect(holidayOn(t('2026-02-15T10:00:00+01:00'))).toBeNull();
    expect(holidayOn(t('2026-05-10T10:00:00+02:00'))).toBeNull();
  });
});
