import Holidays from 'date-holidays';
import type { DateTime } from 'luxon';
import type { Localized } from '../schema/unit';
import { localDayOf } from './local-day';

/** A day the standard holiday policy closes on: all day (`closedFrom` 0) or from a time of day. */
export interface Holiday {
  readonly name: Localized;
  /** Minutes since midnight from which the line is closed; 0 = all day. */
  readonly closedFrom: number;
}

/**
 * The movable feasts come from date-holidays: its DK rules give the Easter-based days and end
 * store bededag after 2023 (rule "easter 26 prior to 2024"), which is the law since 2024 (checked
 * against 2023, 2024 and 2026 in the tests). Its "public" type is exactly the list of issue 2;
 * the days the municipality closes on without their being public holidays are added here.
 */
const HOLIDAYS = new Holidays('DK');

const NOON = 12 * 60;

/** Closed all day on 24 and 31 December and from 12:00 on Grundlovsdag (issue 2). */
const FIXED: readonly { readonly monthDay: string; readonly holiday: Holiday }[] = [
  { monthDay: '06-05', holiday: { name: { da: 'Grundlovsdag', en: 'Constitution Day' }, closedFrom: NOON } },
  { monthDay: '12-24', holiday: { name: { da: 'Juleaftensdag', en: 'Christmas Eve' }, closedFrom: 0 } },
  { monthDay: '12-31', holiday: { name: { da: 'Nytårsaftensdag', en: "New Year's Eve" }, closedFrom: 0 } },
];

const byYear = new Map<number, ReadonlyMap<string, Holiday>>();

function yearTable(year: number): ReadonlyMap<string, Holiday> {
  const cached = byYear.get(year);
  if (cached) return cached;
  const table = new Map<string, Holiday>();
  const add = (iso: string, holiday: Holiday): void => {
    const seen = table.get(iso);
    // Grundlovsdag can fall on pinsedag (2022): closed all day wins over closed from noon.
    if (!seen || holiday.closedFrom < seen.closedFrom) table.set(iso, holiday);
  };
  const english = new Map(
    HOLIDAYS.getHolidays(year, 'en').filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]),
  );
  for (const h of HOLIDAYS.getHolidays(year, 'da')) {
    if (h.type !== 'public') continue;
    const iso = h.date.slice(0, 10);
    add(iso, { name: { da: h.name, en: english.get(iso) ?? h.name }, closedFrom: 0 });
  }
  for (const { monthDay, holiday } of FIXED) add(`${year}-${monthDay}`, holiday);
  byYear.set(year, table);
  return table;
}

/** The holiday of a YYYY-MM-DD day under the standard policy, or null. */
export function holidayOnIso(iso: string): Holiday | null {
  return yearTable(Number(iso.slice(0, 4))).get(iso) ?? null;
}

/** The holiday the standard policy closes on for the Aarhus calendar day of `date`, or null. */
export function holidayOn(date: DateTime): Holiday | null {
  return holidayOnIso(localDayOf(date).iso);
}
