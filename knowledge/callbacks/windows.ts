import type { DateTime } from 'luxon';
import { ZONE } from '../clock';
import { holidayOn, type HoursEngine, type OpenWindow } from '../hours';
import { parseInterval, WEEKDAYS, type HolidayPolicy, type Unit, type Week } from '../schema/unit';

/**
 * When a unit makes callbacks between `from` and `to`: its own `callbacks.windows` week when the
 * knowledge base gives one, else its phone hours. Either way the holiday policy of the unit whose
 * hours apply holds (closed on public holidays, 24 and 31 December, from 12:00 on Grundlovsdag).
 * Ordered, adjacent windows merged, clipped to [from, to).
 */
export function callbackWindows(hours: HoursEngine, unit: Unit, from: DateTime, to: DateTime): OpenWindow[] {
  const week = unit.callbacks.windows;
  if (week === undefined) return hours.windows(unit.id, from, to);
  return weekWindows(week, holidayPolicyOf(hours.hoursUnit(unit.id)), from, to);
}

function holidayPolicyOf(unit: Unit): HolidayPolicy {
  // A line that is always open does not close for holidays; unknown hours get the standard policy.
  if (unit.hours.kind === 'weekly') return unit.hours.holidays;
  return unit.hours.kind === 'always-open' ? 'open-on-holidays' : 'standard';
}

/** A weekly table of "HH:MM-HH:MM" intervals as instants in Aarhus between `from` and `to`. */
export function weekWindows(week: Week, holidays: HolidayPolicy, from: DateTime, to: DateTime): OpenWindow[] {
  if (to <= from) return [];
  const lo = from.setZone(ZONE);
  const hi = to.setZone(ZONE);
  const merged: { start: DateTime; end: DateTime }[] = [];
  for (let day = lo.startOf('day'); day < hi; day = day.plus({ days: 1 }).startOf('day')) {
    const holiday = holidays === 'standard' ? holidayOn(day) : null;
    if (holiday?.closedFrom === 0) continue;
    const spans = (week[WEEKDAYS[day.weekday - 1]!] ?? [])
      .map(parseInterval)
      .sort((a, b) => a[0] - b[0])
      .map(([s, e]) => [s, holiday ? Math.min(e, holiday.closedFrom) : e] as const)
      .filter(([s, e]) => s < e);
    for (const [s, e] of spans) {
      const start = wallClock(day, s);
      const end = wallClock(day, e);
      // An interval wholly inside the spring-forward gap has no instants.
      if (start >= end) continue;
      const prev = merged[merged.length - 1];
      if (prev && prev.end.toMillis() >= start.toMillis()) prev.end = end > prev.end ? end : prev.end;
      else merged.push({ start, end });
    }
  }
  return merged
    .map((w) => ({ start: w.start < lo ? lo : w.start, end: w.end > hi ? hi : w.end }))
    .filter((w) => w.start < w.end);
}

/** `minutes` past local midnight of `day`; 1440 is the next midnight. */
function wallClock(day: DateTime, minutes: number): DateTime {
  if (minutes >= 24 * 60) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}
