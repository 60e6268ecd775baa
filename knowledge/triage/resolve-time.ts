import type { DateTime } from 'luxon';
import { ZONE } from '../clock';
import { normalize, tokens as tokenize } from './normalize';
import type { TimeQuery } from './types';
import {
  AFTER_WORDS,
  BEFORE_WORDS,
  CLOCK_MARKERS,
  DAY_OFFSETS,
  DAY_PARTS,
  MONTHS,
  NEXT_WORDS,
  NOW_WORDS,
  RANGE_JOIN,
  RANGE_OPEN,
  TODAY_PART_PREFIXES,
  WEEKDAYS,
  WEEKEND_WORDS,
  type DayPart,
} from './time-words';

type DayRef =
  | { kind: 'offset'; days: number }
  | { kind: 'weekday'; weekday: number; strictlyNext: boolean }
  | { kind: 'date'; day: number; month: number; year: number | null }
  | { kind: 'weekend' };

type ClockRef =
  | { kind: 'point'; minutes: number; meridiem: Meridiem }
  | { kind: 'after'; minutes: number; meridiem: Meridiem }
  | { kind: 'before'; minutes: number; meridiem: Meridiem }
  | { kind: 'range'; from: number; to: number; meridiem: Meridiem };

type Meridiem = 'am' | 'pm' | null;

interface Parsed {
  day: DayRef | null;
  part: DayPart | null;
  clock: ClockRef | null;
  now: boolean;
  used: Set<number>;
}

/** "24/12" and "24/12-2026" become "24 december (2026)" before normalising turns the slash into a space. */
function rewriteSlashDates(text: string): string {
  const names = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
  return text.replace(/(?<!\d)(\d{1,2})\/(\d{1,2})(?:[/-](\d{4}))?(?!\d)/g, (match, d: string, m: string, y: string | undefined) => {
    const name = names[Number(m) - 1];
    if (name === undefined || Number(d) < 1 || Number(d) > 31) return match;
    return ` ${d} ${name}${y ? ` ${y}` : ''} `;
  });
}

interface ClockValue {
  minutes: number;
  meridiem: Meridiem;
  length: number;
  /** Written so that it cannot be anything but a time: "16:30", "9am", "halv 10". */
  unambiguous: boolean;
}

/** A clock time starting at token i, if there is one. */
function readClock(t: readonly string[], i: number): ClockValue | null {
  const a = t[i];
  if (a === undefined) return null;
  if (a === 'halv' || a === 'kvart') {
    // Danish: "halv 10" is 9:30, "kvart over 9" 9:15, "kvart i 10" 9:45.
    if (a === 'halv') {
      const hour = hourOf(t[i + 1]);
      return hour === null ? null : { minutes: ((hour + 23) % 24) * 60 + 30, meridiem: null, length: 2, unambiguous: true };
    }
    const hour = hourOf(t[i + 2]);
    if (hour === null) return null;
    if (t[i + 1] === 'over') return { minutes: hour * 60 + 15, meridiem: null, length: 3, unambiguous: true };
    if (t[i + 1] === 'i') return { minutes: ((hour + 23) % 24) * 60 + 45, meridiem: null, length: 3, unambiguous: true };
    return null;
  }
  if (a === 'noon' || a === 'middag' || a === 'midday') return { minutes: 12 * 60, meridiem: null, length: 1, unambiguous: true };
  if (a === 'midnight' || a === 'midnat') return { minutes: 0, meridiem: null, length: 1, unambiguous: true };
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(a);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return null;
  let meridiem: Meridiem = (m[3] as Meridiem | undefined) ?? null;
  let length = 1;
  const next = t[i + 1];
  if (meridiem === null && (next === 'am' || next === 'pm')) {
    meridiem = next;
    length = 2;
  } else if (meridiem === null && (next === 'a' || next === 'p') && t[i + 2] === 'm') {
    meridiem = next === 'a' ? 'am' : 'pm';
    length = 3;
  } else if (next === 'o' && t[i + 2] === 'clock') {
    length = 3;
  }
  return { minutes: (hour % 24) * 60 + minute, meridiem, length, unambiguous: m[2] !== undefined || meridiem !== null };
}

function hourOf(token: string | undefined): number | null {
  if (token === undefined || !/^\d{1,2}$/.test(token)) return null;
  const n = Number(token);
  return n >= 1 && n <= 24 ? n % 24 : null;
}

function parse(t: readonly string[]): Parsed {
  const p: Parsed = { day: null, part: null, clock: null, now: false, used: new Set() };
  const use = (from: number, length: number): void => {
    for (let k = from; k < from + length; k++) p.used.add(k);
  };
  for (let i = 0; i < t.length; i++) {
    const w = t[i] as string;
    const two = `${w} ${t[i + 1] ?? ''}`;
    const three = `${two} ${t[i + 2] ?? ''}`;

    // "god morgen", "good evening": a greeting, not a time.
    if ((w === 'god' || w === 'good' || w === 'godmorgen') && DAY_PARTS.has(t[i + 1] ?? '')) {
      i += 1;
      continue;
    }

    // "i morgen tidlig": tomorrow, early.
    if (DAY_OFFSETS.has(three)) {
      p.day = { kind: 'offset', days: DAY_OFFSETS.get(three) as number };
      use(i, 3);
      i += 2;
      continue;
    }
    if (DAY_OFFSETS.has(two)) {
      p.day = { kind: 'offset', days: DAY_OFFSETS.get(two) as number };
      use(i, 2);
      i += 1;
      if (t[i + 1] === 'tidlig' || t[i + 1] === 'early') {
        p.part = DAY_PARTS.get('morgen') ?? null;
        use(i + 1, 1);
        i += 1;
      }
      continue;
    }
    if (DAY_OFFSETS.has(w)) {
      p.day = { kind: 'offset', days: DAY_OFFSETS.get(w) as number };
      if (w === 'tonight') p.part = DAY_PARTS.get('tonight') ?? null;
      use(i, 1);
      continue;
    }
    // "i aften", "this afternoon": today's part of the day.
    if (TODAY_PART_PREFIXES.has(w) && DAY_PARTS.has(t[i + 1] ?? '')) {
      p.day ??= { kind: 'offset', days: 0 };
      p.part = DAY_PARTS.get(t[i + 1] as string) ?? null;
      use(i, 2);
      i += 1;
      continue;
    }
    if (DAY_PARTS.has(w)) {
      p.part = DAY_PARTS.get(w) ?? null;
      use(i, 1);
      continue;
    }
    if (WEEKDAYS.has(w)) {
      const strictlyNext = NEXT_WORDS.has(t[i - 1] ?? '');
      p.day = { kind: 'weekday', weekday: WEEKDAYS.get(w) as number, strictlyNext };
      use(strictlyNext ? i - 1 : i, strictlyNext ? 2 : 1);
      continue;
    }
    if (WEEKEND_WORDS.has(w)) {
      p.day = { kind: 'weekend' };
      use(i, 1);
      continue;
    }
    // Dates: "24 december", "24th of december", "december 24", "d 24:12" (normalised from "d. 24.12").
    const date = readDate(t, i);
    if (date) {
      p.day = date.ref;
      use(i, date.length);
      i += date.length - 1;
      continue;
    }
    if (NOW_WORDS.has(w)) {
      p.now = true;
      use(i, 1);
      continue;
    }
    // Clock times.
    const clockStart = readClockPhrase(t, i);
    if (clockStart) {
      p.clock = clockStart.clock;
      use(i, clockStart.length);
      i += clockStart.length - 1;
    }
  }
  return p;
}

function readDate(t: readonly string[], i: number): { ref: DayRef; length: number } | null {
  const w = t[i] as string;
  const dayOf = (s: string | undefined): number | null => {
    const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(s ?? '');
    const n = m ? Number(m[1]) : NaN;
    return n >= 1 && n <= 31 ? n : null;
  };
  const yearOf = (s: string | undefined): number | null => (s !== undefined && /^20\d\d$/.test(s) ? Number(s) : null);
  const day = dayOf(w);
  if (day !== null) {
    let k = i + 1;
    if (t[k] === 'of') k += 1;
    const month = MONTHS.get(t[k] ?? '');
    if (month !== undefined) {
      const year = yearOf(t[k + 1]);
      return { ref: { kind: 'date', day, month, year }, length: k - i + 1 + (year === null ? 0 : 1) };
    }
  }
  const month = MONTHS.get(w);
  if (month !== undefined) {
    const d = dayOf(t[i + 1]);
    if (d !== null && !/^\d{1,2}$/.test(t[i + 2] ?? '') ) {
      const year = yearOf(t[i + 2]);
      return { ref: { kind: 'date', day: d, month, year }, length: 2 + (year === null ? 0 : 1) };
    }
  }
  // "d. 24.12" / "den 24.12": with "den" or "d" in front, dd:mm is a date, not a time.
  if ((w === 'd' || w === 'den') && /^\d{1,2}:\d{1,2}$/.test(t[i + 1] ?? '')) {
    const [d, m] = (t[i + 1] as string).split(':').map(Number) as [number, number];
    if (d >= 1 && d <= 31 && m >= 1 && m <= 12) {
      const year = yearOf(t[i + 2]);
      return { ref: { kind: 'date', day: d, month: m, year }, length: 2 + (year === null ? 0 : 1) };
    }
  }
  return null;
}

const COUNTED = new Set(
  'uger uge dage dag måneder måned år timer time minutter minut børn gange weeks week days day months month years year hours hour minutes children times kr kroner'.split(' '),
);

/** "kl. 10", "efter kl. 16", "mellem 10 og 12", "16:30", "at 9am", "before noon". */
function readClockPhrase(t: readonly string[], i: number): { clock: ClockRef; length: number } | null {
  const w = t[i] as string;
  let k = i;
  let mode: 'point' | 'after' | 'before' | 'range' = 'point';
  let marked = false;
  if (RANGE_OPEN.has(w) || AFTER_WORDS.has(w) || BEFORE_WORDS.has(w)) {
    mode = BEFORE_WORDS.has(w) ? 'before' : RANGE_OPEN.has(w) ? 'range' : 'after';
    k += 1;
    marked = true;
  }
  if (CLOCK_MARKERS.has(t[k] ?? '')) {
    k += 1;
    marked = true;
  }
  const first = readClock(t, k);
  if (!first || (!marked && !first.unambiguous)) return null;
  // "efter 3 uger" is a duration, not three o'clock.
  if (!first.unambiguous && COUNTED.has(t[k + first.length] ?? '')) return null;
  k += first.length;
  if (mode === 'range' || mode === 'after') {
    const join = t[k];
    if (join !== undefined && RANGE_JOIN.has(join)) {
      const markerSkip = CLOCK_MARKERS.has(t[k + 1] ?? '') ? 1 : 0;
      const second = readClock(t, k + 1 + markerSkip);
      if (second) {
        const meridiem = second.meridiem ?? first.meridiem;
        return {
          clock: { kind: 'range', from: first.minutes, to: second.minutes, meridiem },
          length: k + 1 + markerSkip + second.length - i,
        };
      }
    }
    if (mode === 'range') mode = 'after';
  }
  return { clock: { kind: mode, minutes: first.minutes, meridiem: first.meridiem } as ClockRef, length: k - i };
}

/** Every word that can begin or be a time expression (numbers aside). */
const TRIGGERS = new Set<string>([
  ...WEEKDAYS.keys(),
  ...MONTHS.keys(),
  ...DAY_PARTS.keys(),
  ...[...DAY_OFFSETS.keys()].flatMap((k) => k.split(' ')),
  ...NOW_WORDS,
  ...CLOCK_MARKERS,
  ...AFTER_WORDS,
  ...BEFORE_WORDS,
  ...RANGE_OPEN,
  ...WEEKEND_WORDS,
  'halv',
  'kvart',
  'noon',
  'middag',
  'midday',
  'midnight',
  'midnat',
]);

/** 12-hour reading: explicit am/pm, else the part of the day, else 1-5 o'clock means the afternoon. */
function toDayMinutes(minutes: number, meridiem: Meridiem, part: DayPart | null): number {
  const hour = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (meridiem === 'pm' && hour < 12) return minutes + 12 * 60;
  if (meridiem === 'am' && hour === 12) return rest;
  if (meridiem !== null) return minutes;
  if (hour >= 1 && hour < 12 && part?.pm) return minutes + 12 * 60;
  // Nobody asks a municipal office about 4 in the morning: "kl. 4" is 16:00. From 6 on, as written.
  if (part === null && hour >= 1 && hour <= 5) return minutes + 12 * 60;
  return minutes;
}

/**
 * Finds a time expression in `text` and resolves it against `now` in Europe/Copenhagen. A point in time
 * has `end: null`; a day, a part of the day or "after 16" is an interval [start, end). A weekday means
 * the next such day, today if the time asked about is still ahead; "næste mandag"/"next Monday" is never
 * today. A bare time already passed today means tomorrow.
 */
export function resolveTime(text: string, now: DateTime, lang: 'da' | 'en'): TimeQuery | null {
  void lang; // both languages' words are read from one lexicon: a Danish text may say "weekend".
  const local = now.setZone(ZONE);
  const t = tokenize(normalize(rewriteSlashDates(text)));
  // Most messages name no time at all: skip the parser unless a word or number could start one.
  if (!t.some((w) => TRIGGERS.has(w) || /\d/.test(w))) return null;
  const p = parse(t);
  if (p.used.size === 0) return null;
  const phrase = [...p.used].sort((a, b) => a - b).map((k) => t[k]).join(' ');
  if (p.day === null && p.part === null && p.clock === null) {
    return p.now ? { start: local, end: null, text: phrase } : null;
  }

  const build = (day: DateTime): { start: DateTime; end: DateTime | null } => {
    const startOfDay = day.startOf('day');
    // Wall-clock time on that day: adding minutes to midnight would be an hour off on a DST day.
    const at = (minutes: number): DateTime =>
      startOfDay.plus({ days: Math.floor(minutes / (24 * 60)) }).set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 });
    const part = p.part;
    const partStart = part ? at(part.start) : startOfDay;
    const partEnd = part ? (part.end > part.start ? at(part.end) : at(part.end + 24 * 60)) : startOfDay.plus({ days: 1 });
    const clock = p.clock;
    if (clock === null) {
      if (p.day?.kind === 'weekend') return { start: startOfDay, end: startOfDay.plus({ days: 2 }) };
      return { start: partStart, end: partEnd };
    }
    switch (clock.kind) {
      case 'point':
        return { start: at(toDayMinutes(clock.minutes, clock.meridiem, part)), end: null };
      case 'after':
        return { start: at(toDayMinutes(clock.minutes, clock.meridiem, part)), end: partEnd };
      case 'before':
        return { start: partStart, end: at(toDayMinutes(clock.minutes, clock.meridiem, part)) };
      case 'range': {
        const from = toDayMinutes(clock.from, clock.meridiem ?? null, part);
        let to = toDayMinutes(clock.to, clock.meridiem ?? null, part);
        if (to <= from) to += 12 * 60 <= 24 * 60 - from ? 12 * 60 : 24 * 60;
        return { start: at(from), end: at(to) };
      }
    }
  };
  /** Still ahead: the point, or the interval's end, is after now. */
  const ahead = (r: { start: DateTime; end: DateTime | null }): boolean => (r.end ?? r.start) > local;

  const today = local.startOf('day');
  let resolved: { start: DateTime; end: DateTime | null };
  const day = p.day;
  if (day === null) {
    resolved = build(today);
    if (!ahead(resolved)) resolved = build(today.plus({ days: 1 }));
  } else if (day.kind === 'offset') {
    resolved = build(today.plus({ days: day.days }));
  } else if (day.kind === 'weekday') {
    let offset = (day.weekday - local.weekday + 7) % 7;
    if (offset === 0 && day.strictlyNext) offset = 7;
    resolved = build(today.plus({ days: offset }));
    if (offset === 0 && !ahead(resolved)) resolved = build(today.plus({ days: 7 }));
  } else if (day.kind === 'weekend') {
    const offset = (6 - local.weekday + 7) % 7;
    // On a Sunday "this weekend" is today: the weekend started yesterday.
    resolved = local.weekday === 7 ? { start: today, end: today.plus({ days: 1 }) } : build(today.plus({ days: offset }));
  } else {
    const inYear = (year: number): DateTime => local.set({ year, month: day.month, day: day.day }).startOf('day');
    let date = inYear(day.year ?? local.year);
    if (date.month !== day.month) return null; // 31 June and the like
    resolved = build(date);
    if (day.year === null && !ahead(resolved)) {
      date = inYear(local.year + 1);
      resolved = build(date);
    }
  }
  // Asked about today: what has passed already is of no use to the citizen.
  if (resolved.end !== null && resolved.start < local && local < resolved.end) resolved = { start: local, end: resolved.end };
  return { start: resolved.start, end: resolved.end, text: phrase };
}
