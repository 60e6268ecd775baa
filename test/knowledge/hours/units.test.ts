import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { ZONE } from '../../../knowledge/clock';
import { HoursEngine } from '../../../knowledge/hours';
import { WEEKDAYS, type Unit, type Weekday } from '../../../knowledge/schema/unit';
import { isoOrNull, shippedKb, t } from './fixture';

/**
 * Every unit of the shipped knowledge base and the hours it must have (issue 2 §2). A unit added
 * to the knowledge base without a row here fails the first test: add its row.
 */
type Week = Partial<Record<Weekday, string[]>>;
const weekdays = (span: string): Week => ({ mon: [span], tue: [span], wed: [span], thu: [span], fri: [span] });

const BORGERSERVICE: Week = { ...weekdays('09:00-16:00'), thu: ['09:00-18:00'] };
/** The office-hours profile for units the seeds only call "normal arbejdstid": assumed, not sourced. */
const OFFICE: Week = weekdays('09:00-15:00');
const DIGITAL_HOTLINE: Week = { ...weekdays('08:00-20:00'), fri: ['08:00-16:00'], sun: ['16:00-20:00'] };
const PLADSANVISNING: Week = { mon: ['09:00-11:00'], tue: ['09:00-11:00'], thu: ['09:00-11:00', '16:00-17:15'] };
const OPKRAEVNINGEN_2024: Week = { ...weekdays('10:00-12:00'), thu: ['15:00-17:00'] };

type Basis = 'stated' | 'assumed' | 'adopted-proposal';
type Row =
  | { kind: 'weekly'; week: Week; basis: Basis; via?: string }
  | { kind: 'always-open' }
  | { kind: 'unknown' };

const sameAsBorgerservice: Row = { kind: 'weekly', week: BORGERSERVICE, basis: 'assumed', via: 'borgerservice' };
const office: Row = { kind: 'weekly', week: OFFICE, basis: 'assumed' };
const always: Row = { kind: 'always-open' };

const UNITS: Record<string, Row> = {
  'aarhus-kommune': sameAsBorgerservice,
  'affaldvarme': office,
  'affaldvarme-doegnvagt': always,
  'beskaeftigelse': office,
  'biblioteker': { kind: 'weekly', week: BORGERSERVICE, basis: 'stated' },
  'boern-og-unge': sameAsBorgerservice,
  'boern-og-ungevagten': always,
  'borgerservice': { kind: 'weekly', week: BORGERSERVICE, basis: 'stated' },
  'borgmesterens-afdeling': sameAsBorgerservice,
  'byraadsservice': office,
  'digital-hotline': { kind: 'weekly', week: DIGITAL_HOTLINE, basis: 'stated' },
  'ejendomsskat': sameAsBorgerservice,
  'folkeregisteret': sameAsBorgerservice,
  'kontrolteamet': sameAsBorgerservice,
  'koordineret-koersel': { kind: 'weekly', week: weekdays('06:00-22:00'), basis: 'stated' },
  'kultur-og-borgerservice': office,
  'miljoevagten': always,
  'naevnssekretariatet': sameAsBorgerservice,
  'opkraevningen': { kind: 'weekly', week: OPKRAEVNINGEN_2024, basis: 'adopted-proposal' },
  'parkering': office,
  'parkering-fejltelefon': always,
  'pladsanvisning': { kind: 'weekly', week: PLADSANVISNING, basis: 'stated' },
  'plejehjem': always,
  'sociale-forhold-og-beskaeftigelse': sameAsBorgerservice,
  'socialforvaltningen': office,
  'sundhed-og-omsorg': { kind: 'weekly', week: weekdays('08:00-15:00'), basis: 'stated' },
  'teknik-og-miljoe': office,
  'udrykningsteamet': { kind: 'unknown' },
  'valg': sameAsBorgerservice,
  'vielser': sameAsBorgerservice,
};

const kb = shippedKb();
const engine = new HoursEngine(kb);
const rows = Object.entries(UNITS);

/** Two ordinary weeks (no holiday, no DST change): Monday 30 November to Sunday 13 December 2026. */
const MONDAY = DateTime.fromISO('2026-11-30T00:00:00', { zone: ZONE });

/** The expected windows of those two weeks, built from the row alone (an oracle independent of the engine). */
function expectedWindows(week: Week): [DateTime, DateTime][] {
  const out: [DateTime, DateTime][] = [];
  for (let i = 0; i < 14; i++) {
    const day = MONDAY.plus({ days: i });
    for (const span of week[WEEKDAYS[i % 7] as Weekday] ?? []) {
      const [a, b] = span.split('-') as [string, string];
      const at = (hm: string): DateTime => day.plus({ hours: Number(hm.slice(0, 2)), minutes: Number(hm.slice(3)) });
      out.push([at(a), at(b)]);
    }
  }
  return out;
}

/** The basis of the facts a unit's own hours entry rests on (a same-as entry has one source). */
function hoursBasis(unit: Unit): Basis[] {
  const h = unit.hours;
  if (h.kind === 'weekly') return h.versions.map((v) => v.source.basis);
  return [h.source.basis];
}

test('every unit in the knowledge base has a row here, and every row is a unit', () => {
  expect(kb.list().map((u) => u.id).sort()).toEqual(Object.keys(UNITS).sort());
});

describe.each(rows)('%s', (id, row) => {
  test('follows the right unit for its hours', () => {
    expect(engine.hoursUnit(id).id).toBe(row.kind === 'weekly' && row.via ? row.via : id);
  });

  if (row.kind === 'weekly') {
    const expected = expectedWindows(row.week);

    test('has exactly the expected windows in two ordinary weeks', () => {
      const got = engine.windows(id, MONDAY, MONDAY.plus({ days: 14 }));
      expect(got.map((w) => [isoOrNull(w.start), isoOrNull(w.end)])).toEqual(expected.map(([a, b]) => [isoOrNull(a), isoOrNull(b)]));
    });

    test('is open from each start, closes at each end, and names the next start when closed', () => {
      expected.forEach(([start, end], i) => {
        const next = expected[i + 1]?.[0] ?? null;
        expect(engine.status(id, start)).toMatchObject({ open: true, nextOpening: null });
        expect(isoOrNull(engine.status(id, end.minus({ minutes: 1 })).closesAt)).toBe(isoOrNull(end));
        const after = engine.status(id, end);
        expect(after.open).toBe(false);
        if (next) expect(isoOrNull(after.nextOpening)).toBe(isoOrNull(next));
        expect(engine.status(id, start.minus({ minutes: 1 })).open).toBe(false);
      });
    });

    test('is closed on juleaftensdag, juledag and from 12:00 on Grundlovsdag', () => {
      expect(engine.status(id, t('2026-12-24T10:00:00+01:00')).open).toBe(false);
      expect(engine.status(id, t('2026-12-25T10:00:00+01:00')).open).toBe(false);
      expect(engine.status(id, t('2026-06-05T13:00:00+02:00')).open).toBe(false);
    });

    test(`has hours whose source is marked ${row.basis}`, () => {
      expect(hoursBasis(kb.require(id))).toContain(row.basis);
    });
  }

  if (row.kind === 'always-open') {
    test('is open at any hour, holidays included', () => {
      for (const at of ['2026-12-24T03:00:00+01:00', '2026-12-25T23:59:00+01:00', '2026-06-05T13:00:00+02:00', '2026-03-29T02:30:00+01:00', '2026-12-06T12:00:00+01:00']) {
        expect(engine.status(id, t(at))).toEqual({ kind: 'always-open', open: true, closesAt: null, nextOpening: null });
      }
    });

    test('has one window covering any range', () => {
      const w = engine.windows(id, MONDAY, MONDAY.plus({ days: 14 }));
      expect(w.map((x) => [isoOrNull(x.start), isoOrNull(x.end)])).toEqual([[isoOrNull(MONDAY), isoOrNull(MONDAY.plus({ days: 14 }))]]);
    });
  }

  if (row.kind === 'unknown') {
    test('says neither open nor closed and has no windows', () => {
      expect(engine.status(id, t('2026-12-03T22:00:00+01:00'))).toEqual({ kind: 'unknown', open: null, closesAt: null, nextOpening: null });
      expect(engine.windows(id, MONDAY, MONDAY.plus({ days: 14 }))).toEqual([]);
    });
  }
});
