import { DateTime } from 'luxon';
import { ZONE } from '../clock';

/**
 * A calendar day in Aarhus, counted as days since 1970-01-01. The engine walks days as plain
 * integers and only builds luxon DateTimes for the intervals it returns, so scanning ahead for the
 * next opening (over Christmas, Easter) costs map look-ups, not time-zone arithmetic.
 */
export interface LocalDay {
  readonly epochDay: number;
  /** YYYY-MM-DD */
  readonly iso: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** 0 = Monday … 6 = Sunday, the order of WEEKDAYS. */
  readonly weekday: number;
}

const MS_PER_DAY = 86_400_000;

export function localDayFromEpoch(epochDay: number): LocalDay {
  // A UTC Date is only a calendar here (no "now", no zone): it turns a day count into y/m/d.
  const d = new Date(epochDay * MS_PER_DAY);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // 1970-01-01 was a Thursday (index 3).
  const weekday = (((epochDay + 3) % 7) + 7) % 7;
  return { epochDay, iso, year, month, day, weekday };
}

/** The Aarhus calendar day an instant falls on. */
export function localDayOf(at: DateTime): LocalDay {
  const local = at.setZone(ZONE);
  return localDayFromEpoch(Math.round(Date.UTC(local.year, local.month - 1, local.day) / MS_PER_DAY));
}

/**
 * The first instant the Aarhus wall clock of `day` reads `minutes` past midnight ("24:00" is the next
 * midnight). The daylight-saving changes in Europe/Copenhagen shift by one hour, on the hour:
 * - a time skipped in spring (02:00–03:00 on the last Sunday of March) is reached at the change
 *   itself, 03:00 CEST, so an interval lying wholly in the gap is empty (luxon alone would move it
 *   an hour forward instead);
 * - a time repeated in autumn (02:00–03:00 on the last Sunday of October) is taken at its first
 *   occurrence, CEST (luxon alone picks the second), so "02:00-03:00" lasts two real hours.
 */
export function instantAt(day: LocalDay, minutes: number): DateTime {
  if (minutes >= 24 * 60) return instantAt(localDayFromEpoch(day.epochDay + 1), minutes - 24 * 60);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const dt = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: ZONE });
  if (dt.hour !== hour || dt.minute !== minute) return dt.startOf('hour');
  const earlier = dt.minus({ hours: 1 });
  return earlier.hour === hour && earlier.minute === minute ? earlier : dt;
}
