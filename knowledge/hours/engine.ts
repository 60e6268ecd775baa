import type { DateTime } from 'luxon';
import { ZONE } from '../clock';
import type { KnowledgeBase } from '../kb';
import type { Localized, Unit } from '../schema/unit';
import { instantAt, localDayFromEpoch, localDayOf } from './local-day';
import { holidayAffecting, resolveSchedule, spansOn, type Schedule } from './schedule';

/** An open window [start, end) in Europe/Copenhagen. */
export interface OpenWindow {
  readonly start: DateTime;
  readonly end: DateTime;
}

/**
 * Whether a unit's line is open at an instant. `closesAt`: the end of the current (merged)
 * interval when open; `nextOpening`: the start of the next interval when closed. Either is null
 * when no change happens within SEARCH_DAYS.
 */
export type HoursStatus =
  | { kind: 'always-open'; open: true; closesAt: null; nextOpening: null }
  | { kind: 'scheduled'; open: boolean; closesAt: DateTime | null; nextOpening: DateTime | null }
  | { kind: 'unknown'; open: null; closesAt: null; nextOpening: null };

/** One local day of a unit: its windows and the holiday that changes its hours that day, if any. */
export interface DayHours {
  /** Local midnight starting the day. */
  readonly date: DateTime;
  readonly windows: OpenWindow[];
  readonly holiday: Localized | null;
}

/**
 * How far ahead the engine looks for the next opening or closing. The longest real closure is
 * Christmas to the first weekday after New Year (about two weeks); a year and a month covers a
 * unit whose only interval is on one weekday across every holiday, and bounds the work.
 */
export const SEARCH_DAYS = 400;

type Weekly = Extract<Schedule, { kind: 'weekly' }>;

/**
 * A unit's resolved hours; a weekly one with its days' windows memoised. Building instants in a
 * zone is the engine's main cost (about 50 µs per status call without the memo, measured), and
 * callers ask about the same few days over and over. The memo is dropped when it passes
 * DAY_MEMO_LIMIT days, which bounds memory for long scans.
 */
type Table =
  | { readonly kind: 'always-open' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'weekly'; readonly schedule: Weekly; readonly days: Map<number, readonly OpenWindow[]> };

type WeeklyTable = Extract<Table, { kind: 'weekly' }>;

const DAY_MEMO_LIMIT = 2000;

/**
 * The phone-hours engine over a knowledge base. Schedules are resolved once per unit (units that
 * are `same-as` another share its table) and each day's windows are memoised. `status` while open
 * looks at the current day (and onward only while intervals run into the next midnight); while
 * closed it walks days until the next interval, at most SEARCH_DAYS.
 *
 * Unit ids must come from the knowledge base: an unknown id is a bug and throws.
 */
export class HoursEngine {
  readonly #kb: KnowledgeBase;
  readonly #tables = new Map<string, Table>();

  constructor(kb: KnowledgeBase) {
    this.#kb = kb;
  }

  /** The unit whose hours (and holiday policy) apply: follows `same-as` to its end. */
  hoursUnit(unitId: string): Unit {
    let unit = this.#kb.require(unitId);
    // The loader rejects same-as cycles; the bound only guards against a bug there.
    for (let hops = 0; unit.hours.kind === 'same-as'; hops++) {
      if (hops > 50) throw new Error(`same-as hours of ${unitId} form a cycle`);
      unit = this.#kb.require(unit.hours.unit);
    }
    return unit;
  }

  /** Open or not at `at`, with when the current interval ends or the next one starts (see HoursStatus). */
  status(unitId: string, at: DateTime): HoursStatus {
    const table = this.#table(unitId);
    if (table.kind === 'always-open') return { kind: 'always-open', open: true, closesAt: null, nextOpening: null };
    if (table.kind === 'unknown') return { kind: 'unknown', open: null, closesAt: null, nextOpening: null };
    const t = at.toMillis();
    const today = localDayOf(at);
    // An interval ends by 24:00 of its own day, so only today's intervals can contain `at`.
    for (const w of windowsOn(table, today.epochDay)) {
      if (w.start.toMillis() <= t && t < w.end.toMillis()) {
        return { kind: 'scheduled', open: true, closesAt: closingAfter(table, today.epochDay, w.end), nextOpening: null };
      }
      if (w.start.toMillis() > t) return { kind: 'scheduled', open: false, closesAt: null, nextOpening: w.start };
    }
    return { kind: 'scheduled', open: false, closesAt: null, nextOpening: firstOpeningAfter(table, today.epochDay) };
  }

  /** The open windows in [from, to): ordered, adjacent ones (across midnight too) merged, clipped to the range. */
  windows(unitId: string, from: DateTime, to: DateTime): OpenWindow[] {
    const table = this.#table(unitId);
    if (to <= from || table.kind === 'unknown') return [];
    const lo = from.setZone(ZONE);
    const hi = to.setZone(ZONE);
    if (table.kind === 'always-open') return [{ start: lo, end: hi }];
    const merged: { start: DateTime; end: DateTime }[] = [];
    const last = localDayOf(hi).epochDay;
    for (let e = localDayOf(lo).epochDay; e <= last; e++) {
      for (const w of windowsOn(table, e)) {
        const prev = merged[merged.length - 1];
        if (prev && prev.end.toMillis() === w.start.toMillis()) prev.end = w.end;
        else merged.push({ ...w });
      }
    }
    return merged
      .map((w) => ({ start: w.start < lo ? lo : w.start, end: w.end > hi ? hi : w.end }))
      .filter((w) => w.start < w.end);
  }

  /** The local day containing `date`. `holiday` is named only where it changes this unit's hours (standard policy). */
  day(unitId: string, date: DateTime): DayHours {
    const table = this.#table(unitId);
    const day = localDayOf(date);
    const start = instantAt(day, 0);
    switch (table.kind) {
      case 'always-open':
        return { date: start, windows: [{ start, end: instantAt(day, 24 * 60) }], holiday: null };
      case 'unknown':
        return { date: start, windows: [], holiday: null };
      case 'weekly':
        return { date: start, windows: [...windowsOn(table, day.epochDay)], holiday: holidayAffecting(table.schedule, day)?.name ?? null };
    }
  }

  /** Monday to Sunday of the local week containing `at`. */
  week(unitId: string, at: DateTime): DayHours[] {
    const today = localDayOf(at);
    const monday = today.epochDay - today.weekday;
    return Array.from({ length: 7 }, (_, i) => this.day(unitId, instantAt(localDayFromEpoch(monday + i), 0)));
  }

  #table(unitId: string): Table {
    const cached = this.#tables.get(unitId);
    if (cached) return cached;
    const owner = this.hoursUnit(unitId);
    let table = this.#tables.get(owner.id);
    if (!table) {
      if (owner.hours.kind === 'same-as') throw new Error('unreachable: hoursUnit follows same-as');
      const schedule = resolveSchedule(owner.hours);
      table = schedule.kind === 'weekly' ? { kind: 'weekly', schedule, days: new Map() } : schedule;
      this.#tables.set(owner.id, table);
    }
    this.#tables.set(unitId, table);
    return table;
  }
}

/** A day's windows as instants; intervals lost in the spring-forward gap are dropped. */
function windowsOn(table: WeeklyTable, epochDay: number): readonly OpenWindow[] {
  const memo = table.days.get(epochDay);
  if (memo) return memo;
  const day = localDayFromEpoch(epochDay);
  const out: OpenWindow[] = [];
  for (const [s, e] of spansOn(table.schedule, day)) {
    const start = instantAt(day, s);
    const end = instantAt(day, e);
    if (start < end) out.push({ start, end });
  }
  if (table.days.size >= DAY_MEMO_LIMIT) table.days.clear();
  table.days.set(epochDay, out);
  return out;
}

/** The end of the merged interval ending at `end`: runs on while the next day opens at that midnight. */
function closingAfter(table: WeeklyTable, epochDay: number, end: DateTime): DateTime | null {
  let closes = end;
  for (let e = epochDay + 1; e <= epochDay + SEARCH_DAYS; e++) {
    const first = windowsOn(table, e)[0];
    if (!first || first.start.toMillis() !== closes.toMillis()) return closes;
    closes = first.end;
  }
  return null;
}

function firstOpeningAfter(table: WeeklyTable, epochDay: number): DateTime | null {
  for (let e = epochDay + 1; e <= epochDay + SEARCH_DAYS; e++) {
    const first = windowsOn(table, e)[0];
    if (first) return first.start;
  }
  return null;
}
