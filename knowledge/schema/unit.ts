import { z } from 'zod';

/**
 * The knowledge base's shapes. These zod schemas are the single source of the TypeScript types:
 * every type below is `z.infer` of a schema, never a hand-written twin.
 *
 * One YAML file per unit in `knowledge/data/units/<id>.yaml`; the seed documents the facts come
 * from are registered in `knowledge/data/seeds.yaml`.
 */

export const UnitId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by "-" (no æ/ø/å: write ae/oe/aa)');

export const IsoDate = z.iso.date({ error: 'dates are written YYYY-MM-DD' });

export const Localized = z.strictObject({ da: z.string().min(1), en: z.string().min(1) });
export const LocalizedList = z.strictObject({
  da: z.array(z.string().min(1)).default([]),
  en: z.array(z.string().min(1)).default([]),
});

/** A seed file name as it appears in ../shared/seeds/, e.g. `004_ef82f19613635d1f.txt`. */
export const SeedFile = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'a seed is named by its file name, e.g. 004_ef82f19613635d1f.txt');

/**
 * Where a fact comes from. `basis` says how strongly the seed supports it:
 * - `stated`: the seed says it in so many words;
 * - `adopted-proposal`: the seed proposes it and we treat it as adopted (say so in `note`);
 * - `assumed`: the seed is vague ("normal arbejdstid") and the fact is our assumption (explain in `note`).
 */
export const Source = z
  .strictObject({
    seed: SeedFile,
    date: IsoDate,
    basis: z.enum(['stated', 'adopted-proposal', 'assumed']).default('stated'),
    quote: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .refine((s) => s.basis === 'stated' || s.note !== undefined, {
    message: 'an assumed or adopted fact needs a note saying why',
    path: ['note'],
  });

export const PhoneNumber = z
  .string()
  .regex(/^\+45 \d{2} \d{2} \d{2} \d{2}$/, 'phone numbers are written "+45 xx xx xx xx"');

export const Phone = z.strictObject({
  number: PhoneNumber,
  label: Localized.optional(),
  source: Source,
});

export const Link = z.strictObject({
  label: Localized,
  url: z.url({ protocol: /^https?$/, error: 'links are absolute http(s) URLs' }).optional(),
  source: Source,
});

export const Email = z.strictObject({
  address: z.email({ error: 'not an e-mail address' }),
  label: Localized.optional(),
  source: Source,
});

export const Contacts = z.strictObject({
  phones: z.array(Phone).min(1, 'every unit needs a way in by phone; where the seeds give none, use the main number +45 89 40 20 00'),
  emails: z.array(Email).default([]),
  web: z.array(Link).default([]),
  selfService: z.array(Link).default([]),
  digitalPost: z.strictObject({ note: Localized, source: Source }).optional(),
});

/** "HH:MM-HH:MM", start included, end excluded; "24:00" may end a day. */
export const IntervalText = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'intervals are written "HH:MM-HH:MM"');

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const Week = z.strictObject({
  mon: z.array(IntervalText).optional(),
  tue: z.array(IntervalText).optional(),
  wed: z.array(IntervalText).optional(),
  thu: z.array(IntervalText).optional(),
  fri: z.array(IntervalText).optional(),
  sat: z.array(IntervalText).optional(),
  sun: z.array(IntervalText).optional(),
});

/** Minutes since midnight of "HH:MM". */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** [start, end) in minutes since midnight for each "HH:MM-HH:MM". */
export function parseInterval(text: string): [number, number] {
  const [a, b] = text.split('-') as [string, string];
  return [minutesOf(a), minutesOf(b)];
}

/** Adds an issue for each reversed, empty or overlapping interval of a week. */
function checkWeek(week: z.infer<typeof Week>, ctx: z.RefinementCtx, path: (string | number)[]): void {
  for (const day of WEEKDAYS) {
    const intervals = week[day];
    if (!intervals) continue;
    const parsed = intervals.map(parseInterval);
    parsed.forEach(([start, end], i) => {
      if (end <= start) {
        ctx.addIssue({ code: 'custom', path: [...path, day, i], message: `interval ${intervals[i]} ends before it starts` });
      }
    });
    // Compare each interval with the one reaching furthest so far, not just its sorted neighbour:
    // in 09-17, 10-11, 12-13 the last overlaps the first. Reversed intervals are reported above.
    const order = parsed
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p[1] > p[0])
      .sort((x, y) => x.p[0] - y.p[0]);
    let reach: { p: [number, number]; i: number } | undefined;
    for (const cur of order) {
      if (reach && cur.p[0] < reach.p[1]) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, day, cur.i],
          message: `interval ${intervals[cur.i]} overlaps ${intervals[reach.i]}`,
        });
      }
      if (!reach || cur.p[1] > reach.p[1]) reach = cur;
    }
  }
}

export const HoursVersion = z
  .strictObject({
    /** First day this version applies (Europe/Copenhagen); absent = since always. */
    from: IsoDate.optional(),
    weekly: Week,
    source: Source,
  })
  .superRefine((v, ctx) => checkWeek(v.weekly, ctx, ['weekly']));

/**
 * Unless a unit says otherwise it is closed on Danish public holidays, on 24 and 31 December,
 * and from 12:00 on Grundlovsdag (issue 2).
 */
export const HolidayPolicy = z.enum(['standard', 'open-on-holidays']);

export const Hours = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('weekly'),
      versions: z.array(HoursVersion).min(1),
      holidays: HolidayPolicy.default('standard'),
      note: Localized.optional(),
    })
    .superRefine((h, ctx) => {
      h.versions.forEach((v, i) => {
        if (i > 0 && v.from === undefined) {
          ctx.addIssue({ code: 'custom', path: ['versions', i, 'from'], message: 'every version after the first needs a from date' });
        }
        const prev = h.versions[i - 1];
        if (i > 0 && prev?.from !== undefined && v.from !== undefined && v.from <= prev.from) {
          ctx.addIssue({ code: 'custom', path: ['versions', i, 'from'], message: 'versions must be in date order' });
        }
      });
    }),
  z.strictObject({ kind: z.literal('always-open'), source: Source, note: Localized.optional() }),
  /** Reached through another unit's line (e.g. the back-office teams through Borgerservice). */
  z.strictObject({ kind: z.literal('same-as'), unit: UnitId, source: Source, note: Localized.optional() }),
  /** The seeds say something but give no hours we could encode: say so, never invent. */
  z.strictObject({ kind: z.literal('unknown'), source: Source, note: Localized }),
]);

export const Callbacks = z
  .strictObject({
    offered: z.boolean(),
    /** When calls back are made; default: the unit's phone hours. */
    windows: Week.optional(),
    slotMinutes: z.number().int().min(5).max(120).default(15),
    capacity: z.number().int().min(1).max(100).default(2),
    attempts: z.number().int().min(1).max(5).default(2),
    /** Why this unit offers callbacks: a seed, or Frontdoor's own service decision explained in `note`. */
    source: Source.optional(),
    note: z.string().min(1).optional(),
  })
  .refine((c) => !c.offered || c.source !== undefined || c.note !== undefined, {
    message: 'a unit that offers callbacks says why: a source or a note',
    path: ['source'],
  })
  .superRefine((c, ctx) => {
    if (c.windows) checkWeek(c.windows, ctx, ['windows']);
  });

export const AcuteCategory = z.enum(['child', 'crisis', 'environment', 'heating', 'care', 'parking', 'general']);

/** Always-open lines for acute matters; an emergency answer lists these after 112. */
export const Acute = z.strictObject({
  categories: z.array(AcuteCategory).min(1),
  note: Localized,
  source: Source,
});

export const Unit = z.strictObject({
  id: UnitId,
  name: Localized,
  /** Other names citizens use ("Pladsanvisningen", "AVA"). */
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(['organisation', 'unit']).default('unit'),
  parent: UnitId.nullable(),
  description: Localized,
  topics: LocalizedList,
  keywords: LocalizedList,
  examples: LocalizedList,
  contacts: Contacts,
  hours: Hours,
  callbacks: Callbacks.default({ offered: false, slotMinutes: 15, capacity: 2, attempts: 2 }),
  acute: Acute.optional(),
  agentNotes: LocalizedList.optional(),
  /** Where the unit itself (its existence, role, place in the organisation) is described. */
  provenance: z.array(Source).min(1, 'every unit names the seed it comes from'),
  lastVerified: IsoDate,
});

export const SeedDocument = z.strictObject({
  file: SeedFile,
  title: z.string().min(1),
  date: IsoDate,
  summary: z.string().min(1),
  /** Direct lines of named people in the letterheads: never a unit's public number. */
  personalNumbers: z.array(PhoneNumber).default([]),
});

export const SeedRegistry = z.strictObject({ seeds: z.array(SeedDocument).min(1) });

export type UnitId = z.infer<typeof UnitId>;
export type Localized = z.infer<typeof Localized>;
export type LocalizedList = z.infer<typeof LocalizedList>;
export type Source = z.infer<typeof Source>;
export type Phone = z.infer<typeof Phone>;
export type Link = z.infer<typeof Link>;
export type Email = z.infer<typeof Email>;
export type Contacts = z.infer<typeof Contacts>;
export type Week = z.infer<typeof Week>;
export type HoursVersion = z.infer<typeof HoursVersion>;
export type HolidayPolicy = z.infer<typeof HolidayPolicy>;
export type Hours = z.infer<typeof Hours>;
export type Callbacks = z.infer<typeof Callbacks>;
export type AcuteCategory = z.infer<typeof AcuteCategory>;
export type Acute = z.infer<typeof Acute>;
export type Unit = z.infer<typeof Unit>;
export type SeedDocument = z.infer<typeof SeedDocument>;
export type Lang = 'da' | 'en';
