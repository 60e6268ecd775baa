/**
 * The words of time expressions, Danish and English, in normalised form (lower case, æ/ø/å kept, see
 * normalize.ts). resolve-time.ts reads them; nothing here knows about "now".
 */

/** ISO weekday numbers (Monday = 1), also for plurals and the definite form ("torsdage", "mandagen"). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'mandag mandage mandagen monday mondays'],
      [2, 'tirsdag tirsdage tirsdagen tuesday tuesdays tues'],
      [3, 'onsdag onsdage onsdagen wednesday wednesdays'],
      [4, 'torsdag torsdage torsdagen thursday thursdays thurs'],
      [5, 'fredag fredage fredagen friday fridays'],
      [6, 'lørdag lørdage lørdagen lordag saturday saturdays'],
      [7, 'søndag søndage søndagen sondag sunday sundays'],
    ] as const
  ).flatMap(([n, words]) => words.split(' ').map((w) => [w, n] as const)),
);

export const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'januar january jan'],
      [2, 'februar february feb'],
      [3, 'marts march mar'],
      [4, 'april apr'],
      [5, 'maj may'],
      [6, 'juni june jun'],
      [7, 'juli july jul'],
      [8, 'august aug'],
      [9, 'september sep sept'],
      [10, 'oktober october okt oct'],
      [11, 'november nov'],
      [12, 'december dec'],
    ] as const
  ).flatMap(([n, words]) => words.split(' ').map((w) => [w, n] as const)),
);

/** A part of the day as [start, end) in minutes; an end below the start runs past midnight. */
export interface DayPart {
  readonly start: number;
  readonly end: number;
  /** An hour 1-11 said in this part is afternoon/evening ("torsdag eftermiddag kl. 4" is 16:00). */
  readonly pm: boolean;
}

const h = (hour: number): number => hour * 60;

// The issue fixes formiddag 9-12, eftermiddag 12-17, aften 17-22, nat 22-06. "morgen" (early morning,
// 6-9) is the Danish word before formiddag; English "morning" covers both, 6-12.
export const DAY_PARTS: ReadonlyMap<string, DayPart> = new Map([
  ['morgen', { start: h(6), end: h(9), pm: false }],
  ['morgenen', { start: h(6), end: h(9), pm: false }],
  ['formiddag', { start: h(9), end: h(12), pm: false }],
  ['formiddagen', { start: h(9), end: h(12), pm: false }],
  ['eftermiddag', { start: h(12), end: h(17), pm: true }],
  ['eftermiddagen', { start: h(12), end: h(17), pm: true }],
  ['aften', { start: h(17), end: h(22), pm: true }],
  ['aftenen', { start: h(17), end: h(22), pm: true }],
  ['nat', { start: h(22), end: h(6), pm: false }],
  ['natten', { start: h(22), end: h(6), pm: false }],
  ['morning', { start: h(6), end: h(12), pm: false }],
  ['afternoon', { start: h(12), end: h(17), pm: true }],
  ['evening', { start: h(17), end: h(22), pm: true }],
  ['night', { start: h(22), end: h(6), pm: false }],
  ['tonight', { start: h(17), end: h(22), pm: true }],
]);

/** Days from today: "i dag" 0, "i morgen" 1. Two-word forms are matched on the joined tokens. */
export const DAY_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['idag', 0],
  ['i dag', 0],
  ['today', 0],
  ['tonight', 0],
  ['imorgen', 1],
  ['i morgen', 1],
  ['tomorrow', 1],
  ['i overmorgen', 2],
  ['overmorgen', 2],
  ['day after tomorrow', 2],
  ['i går', -1],
  ['igår', -1],
  ['yesterday', -1],
]);

/** "i aften" = this evening: a day offset of 0 plus a part of the day. */
export const TODAY_PART_PREFIXES: ReadonlySet<string> = new Set(['i', 'this']);

/** Words for "now". */
export const NOW_WORDS: ReadonlySet<string> = new Set(['nu', 'now', 'nuværende', 'currently', 'straks', 'immediately']);

/** Words before a clock time that make a bare number a time ("kl. 10", "at 9"). */
export const CLOCK_MARKERS: ReadonlySet<string> = new Set(['kl', 'klokken', 'at', 'omkring', 'around']);
export const AFTER_WORDS: ReadonlySet<string> = new Set(['efter', 'after', 'fra', 'from', 'siden', 'since']);
export const BEFORE_WORDS: ReadonlySet<string> = new Set(['før', 'inden', 'before', 'senest', 'until', 'till', 'indtil']);
export const RANGE_OPEN: ReadonlySet<string> = new Set(['mellem', 'between', 'fra', 'from']);
export const RANGE_JOIN: ReadonlySet<string> = new Set(['og', 'and', 'til', 'to', 'until', 'indtil']);
export const NEXT_WORDS: ReadonlySet<string> = new Set(['næste', 'next']);
export const WEEKEND_WORDS: ReadonlySet<string> = new Set(['weekend', 'weekenden', 'weekends']);
