import { parseInterval, WEEKDAYS, type HolidayPolicy, type Hours } from '../schema/unit';
import { holidayOnIso, type Holiday } from './holidays';
import type { LocalDay } from './local-day';

/** [start, end) in minutes since local midnight; end may be 1440 ("24:00"). */
export type Span = readonly [number, number];

interface Version {
  /** First day (YYYY-MM-DD) the version applies; null = since always. */
  readonly from: string | null;
  /** Index 0 = Monday; each day's spans sorted, adjacent ones merged. */
  readonly days: readonly (readonly Span[])[];
}

/** A unit's hours resolved once into weekly tables of minutes, ready for day look-ups. */
export type Schedule =
  | { readonly kind: 'always-open' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'weekly'; readonly versions: readonly Version[]; readonly holidays: HolidayPolicy };

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** `same-as` is resolved by the caller (the engine follows it to the unit whose hours apply). */
export function resolveSchedule(hours: Exclude<Hours, { kind: 'same-as' }>): Schedule {
  switch (hours.kind) {
    case 'always-open':
    case 'unknown':
      return { kind: hours.kind };
    case 'weekly':
      return {
        kind: 'weekly',
        holidays: hours.holidays,
        versions: hours.versions.map((v) => ({
          from: v.from ?? null,
          days: WEEKDAYS.map((d) => mergeSpans((v.weekly[d] ?? []).map(parseInterval))),
        })),
      };
  }
}

/** The version in force on a day: the last one whose `from` is on or before it. */
function versionOn(versions: readonly Version[], iso: string): Version | undefined {
  let found: Version | undefined;
  for (const v of versions) {
    if (v.from === null || v.from <= iso) found = v;
    else break;
  }
  return found;
}

/** The holiday that changes a weekly unit's hours on a day, or null. */
export function holidayAffecting(schedule: Schedule, day: LocalDay): Holiday | null {
  return schedule.kind === 'weekly' && schedule.holidays === 'standard' ? holidayOnIso(day.iso) : null;
}

/**
 * A weekly unit's spans on one day: the version in force (none before the first version's `from`:
 * we have no hours for that time and do not invent them), less the holiday closures.
 */
export function spansOn(schedule: Extract<Schedule, { kind: 'weekly' }>, day: LocalDay): readonly Span[] {
  const spans = versionOn(schedule.versions, day.iso)?.days[day.weekday] ?? [];
  if (spans.length === 0) return spans;
  const holiday = holidayAffecting(schedule, day);
  if (!holiday) return spans;
  if (holiday.closedFrom === 0) return [];
  return spans.filter(([start]) => start < holiday.closedFrom).map(([start, end]) => [start, Math.min(end, holiday.closedFrom)] as const);
}
