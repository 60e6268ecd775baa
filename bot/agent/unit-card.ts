import { DateTime } from 'luxon';
import { unitAnswer, type AnswerDeps } from '../../dialogs/answer';
import { ZONE } from '../../knowledge/clock';
import { describeStatus, describeWeek } from '../../knowledge/hours';
import type { Link, Localized, LocalizedList, Source, Unit } from '../../knowledge/schema/unit';

/** A unit's facts are flagged stale when nobody has checked them for longer than this. */
export const STALE_AFTER_DAYS = 365;

/** Where a fact comes from: the seed document, its date, and how firmly it says so. */
export interface SourceView {
  readonly seed: string;
  readonly title: string;
  readonly date: string;
  readonly basis: Source['basis'];
  /** The seed is vague and the fact is our assumption: show it as assumed. */
  readonly assumed: boolean;
  readonly quote: string | null;
  readonly note: string | null;
}

export interface DayView {
  /** YYYY-MM-DD, local. */
  readonly date: string;
  readonly today: boolean;
  /** "HH:MM" local; "24:00" for a window running to midnight. */
  readonly windows: readonly { readonly start: string; readonly end: string }[];
  readonly holiday: Localized | null;
  /** "Torsdag (i dag): 9.00–11.00, 16.00–17.15" and the English line. */
  readonly text: Localized;
}

export interface LinkView {
  readonly label: Localized;
  readonly url: string | null;
  readonly source: SourceView;
}

/** Everything an agent needs about one unit (`GET /api/agent/units/ID`). Shapes in bot/agent/API.md. */
export interface UnitCard {
  readonly id: string;
  readonly name: Localized;
  readonly aliases: readonly string[];
  readonly description: Localized;
  readonly parent: { readonly id: string; readonly name: Localized } | null;
  readonly openNow: boolean | null;
  readonly status: Localized;
  readonly nextOpening: string | null;
  readonly closesAt: string | null;
  readonly hours: {
    readonly kind: 'weekly' | 'always-open' | 'unknown';
    /** The unit whose line and hours these are, when the unit is reached through another. */
    readonly sameAs: { readonly id: string; readonly name: Localized } | null;
    readonly week: readonly DayView[];
    readonly note: Localized | null;
    readonly source: SourceView;
  };
  readonly phones: readonly { readonly number: string; readonly tel: string; readonly label: Localized | null; readonly source: SourceView }[];
  readonly emails: readonly { readonly address: string; readonly label: Localized | null; readonly source: SourceView }[];
  readonly web: readonly LinkView[];
  readonly selfService: readonly LinkView[];
  readonly digitalPost: { readonly note: Localized; readonly source: SourceView } | null;
  readonly agentNotes: LocalizedList;
  readonly callbacks: { readonly offered: boolean; readonly slotMinutes: number; readonly capacity: number; readonly attempts: number; readonly source: SourceView | null };
  readonly acute: { readonly note: Localized; readonly source: SourceView } | null;
  readonly provenance: readonly SourceView[];
  readonly lastVerified: string;
  readonly verifiedDaysAgo: number;
  readonly stale: boolean;
  /** The citizen answer in plain text, ready to paste into a reply. */
  readonly answer: Localized;
}

/** ISO 8601 with the Aarhus offset, to the second. */
export function isoInstant(dt: DateTime | null): string | null {
  return dt === null ? null : (dt.setZone(ZONE).toISO({ suppressMilliseconds: true }) as string);
}

/**
 * The answer's markdown as plain text for an e-mail or chat reply: no bold or italics, a link as
 * "label: url".
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1: $2')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/^_(.+)_$/gm, '$1');
}

function hhmm(dt: DateTime, day: DateTime): string {
  const local = dt.setZone(ZONE);
  return local.startOf('day').toMillis() === day.toMillis() ? local.toFormat('HH:mm') : '24:00';
}

/** The unit card for `unit` at `now`. */
export function unitCard(deps: AnswerDeps, unit: Unit, now: DateTime): UnitCard {
  const { kb, hours } = deps;
  const source = (s: Source): SourceView => ({
    seed: s.seed,
    title: kb.seed(s.seed)?.title ?? s.seed,
    date: s.date,
    basis: s.basis,
    assumed: s.basis === 'assumed',
    quote: s.quote ?? null,
    note: s.note ?? null,
  });
  const link = (l: Link): LinkView => ({ label: l.label, url: l.url ?? null, source: source(l.source) });
  const status = hours.status(unit.id, now);
  const owner = hours.hoursUnit(unit.id);
  const today = now.setZone(ZONE).startOf('day').toMillis();
  const lines = { da: describeWeek(hours, unit.id, now, 'da'), en: describeWeek(hours, unit.id, now, 'en') };
  const week = hours.week(unit.id, now).map((day, i): DayView => ({
    date: day.date.toISODate() as string,
    today: day.date.toMillis() === today,
    windows: day.windows.map((w) => ({ start: hhmm(w.start, day.date), end: hhmm(w.end, day.date) })),
    holiday: day.holiday,
    text: { da: lines.da[i] ?? '', en: lines.en[i] ?? '' },
  }));
  const verifiedDaysAgo = Math.round(now.setZone(ZONE).startOf('day').diff(DateTime.fromISO(unit.lastVerified, { zone: ZONE }), 'days').days);
  const parent = unit.parent === null ? undefined : kb.get(unit.parent);
  const answer = (lang: 'da' | 'en'): string => plainText(unitAnswer(deps, unit, { lang, now }).text);
  return {
    id: unit.id,
    name: unit.name,
    aliases: unit.aliases,
    description: unit.description,
    parent: parent ? { id: parent.id, name: parent.name } : null,
    openNow: status.open,
    status: { da: describeStatus(status, now, 'da'), en: describeStatus(status, now, 'en') },
    nextOpening: isoInstant(status.nextOpening),
    closesAt: isoInstant(status.closesAt),
    hours: {
      kind: owner.hours.kind === 'same-as' ? 'unknown' : owner.hours.kind,
      sameAs: owner.id === unit.id ? null : { id: owner.id, name: owner.name },
      week,
      note: unit.hours.note ?? owner.hours.note ?? null,
      source: source(currentHoursSource(unit, now)),
    },
    phones: unit.contacts.phones.map((p) => ({ number: p.number, tel: p.number.replace(/ /g, ''), label: p.label ?? null, source: source(p.source) })),
    emails: unit.contacts.emails.map((e) => ({ address: e.address, label: e.label ?? null, source: source(e.source) })),
    web: unit.contacts.web.map(link),
    selfService: unit.contacts.selfService.map(link),
    digitalPost: unit.contacts.digitalPost ? { note: unit.contacts.digitalPost.note, source: source(unit.contacts.digitalPost.source) } : null,
    agentNotes: unit.agentNotes ?? { da: [], en: [] },
    callbacks: {
      offered: unit.callbacks.offered,
      slotMinutes: unit.callbacks.slotMinutes,
      capacity: unit.callbacks.capacity,
      attempts: unit.callbacks.attempts,
      source: unit.callbacks.source ? source(unit.callbacks.source) : null,
    },
    acute: unit.acute ? { note: unit.acute.note, source: source(unit.acute.source) } : null,
    provenance: unit.provenance.map(source),
    lastVerified: unit.lastVerified,
    verifiedDaysAgo,
    stale: verifiedDaysAgo > STALE_AFTER_DAYS,
    answer: { da: answer('da'), en: answer('en') },
  };
}

/** The source of the hours in force today (the latest version that has started). */
function currentHoursSource(unit: Unit, now: DateTime): Source {
  const h = unit.hours;
  if (h.kind !== 'weekly') return h.source;
  const today = now.setZone(ZONE).toISODate() as string;
  return [...h.versions].reverse().find((v) => v.from === undefined || v.from <= today)?.source ?? (h.versions[0] as (typeof h.versions)[number]).source;
}
