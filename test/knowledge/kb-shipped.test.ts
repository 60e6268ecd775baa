import { describe, expect, test } from 'vitest';
import { formatProblem, loadKnowledgeBase, type KnowledgeBase } from '../../knowledge/kb';
import type { AcuteCategory, Hours, Source, Unit, Week } from '../../knowledge/schema/unit';

/** The shipped knowledge base, loaded once; a failure lists the validator's lines. */
function shipped(): KnowledgeBase {
  const result = loadKnowledgeBase();
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.kb;
}
const kb = shipped();

/** Issue 2: exactly these ids must exist. */
const REQUIRED = [
  'aarhus-kommune', 'borgerservice', 'biblioteker', 'digital-hotline', 'pladsanvisning', 'opkraevningen',
  'folkeregisteret', 'ejendomsskat', 'naevnssekretariatet', 'kontrolteamet', 'valg', 'vielser',
  'koordineret-koersel', 'socialforvaltningen', 'udrykningsteamet', 'boern-og-ungevagten', 'beskaeftigelse',
  'sundhed-og-omsorg', 'plejehjem', 'teknik-og-miljoe', 'affaldvarme', 'affaldvarme-doegnvagt', 'miljoevagten',
  'parkering', 'parkering-fejltelefon', 'byraadsservice',
] as const;

const MAIN_NUMBER = '+45 89 40 20 00';
/** Direct e-mails of named people in the letterheads of seeds 000/001: never a unit's mailbox. */
const PERSONAL_EMAILS = ['kbn@aarhus.dk', 'jekc@aarhus.dk', 'mahpe@aarhus.dk', 'sclas@aarhus.dk', 'krhj@aarhus.dk', 'lmr@aarhus.dk'];

/** Every `source`-shaped object in a unit (facts, hours, provenance), with where it sits. */
function sources(unit: Unit): { path: string; source: Source }[] {
  const out: { path: string; source: Source }[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.seed === 'string' && typeof record.date === 'string') out.push({ path, source: record as Source });
      for (const [k, v] of Object.entries(record)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(unit, '');
  return out;
}

const WEEKDAYS_ONLY = (interval: string): Week => ({ mon: [interval], tue: [interval], wed: [interval], thu: [interval], fri: [interval] });

/** The weekly table of a unit's only (or given) version. */
function week(hours: Hours, version = 0): Week | undefined {
  return hours.kind === 'weekly' ? hours.versions[version]?.weekly : undefined;
}

describe('the shipped knowledge base', () => {
  test('is valid and has every unit issue 2 requires', () => {
    const ids = kb.list().map((u) => u.id);
    for (const id of REQUIRED) expect(ids, id).toContain(id);
  });

  test('gives every unit a phone number in the +45 xx xx xx xx form with a source', () => {
    for (const unit of kb.list()) {
      expect(unit.contacts.phones.length, unit.id).toBeGreaterThan(0);
      for (const phone of unit.contacts.phones) {
        expect(phone.number, unit.id).toMatch(/^\+45 \d{2} \d{2} \d{2} \d{2}$/);
        expect(phone.source.seed, unit.id).toMatch(/\.txt$/);
      }
    }
  });

  test("never gives a named person's direct line or e-mail as a unit's contact", () => {
    const personal = new Set(kb.seeds().flatMap((s) => s.personalNumbers));
    expect(personal.size).toBeGreaterThan(0);
    for (const unit of kb.list()) {
      for (const phone of unit.contacts.phones) expect(personal.has(phone.number), `${unit.id} ${phone.number}`).toBe(false);
      for (const email of unit.contacts.emails) expect(PERSONAL_EMAILS, unit.id).not.toContain(email.address);
    }
  });

  test('labels the main number, when a unit has no number of its own, as the way in to that unit', () => {
    for (const unit of kb.list().filter((u) => u.id !== 'aarhus-kommune')) {
      for (const phone of unit.contacts.phones.filter((p) => p.number === MAIN_NUMBER)) {
        expect(phone.label?.da, unit.id).toMatch(/hovednummer/i);
        expect(phone.label?.en, unit.id).toMatch(/main number/i);
      }
    }
  });

  test('dates no source after its document and names a registered seed', () => {
    for (const unit of kb.list()) {
      for (const { path, source } of sources(unit)) {
        const seed = kb.seed(source.seed);
        expect(seed, `${unit.id} ${path}`).toBeDefined();
        expect(source.date <= seed!.date, `${unit.id} ${path}: ${source.date} after ${seed!.date}`).toBe(true);
      }
    }
  });

  test('explains every assumed or adopted fact in a note', () => {
    for (const unit of kb.list()) {
      for (const { path, source } of sources(unit)) {
        if (source.basis !== 'stated') expect(source.note, `${unit.id} ${path}`).toBeTruthy();
      }
    }
  });

  test('shows agents that assumed weekly hours are assumed', () => {
    for (const unit of kb.list()) {
      const { hours } = unit;
      if (hours.kind !== 'weekly' || !hours.versions.some((v) => v.source.basis === 'assumed')) continue;
      expect(hours.note?.da, unit.id).toMatch(/antagelse/);
      expect(hours.note?.en, unit.id).toMatch(/assumption/);
      expect(unit.agentNotes?.da.some((n) => /antaget/.test(n)), unit.id).toBe(true);
    }
  });

  test('names its provenance and was last verified on 2026-11-23 for every unit', () => {
    for (const unit of kb.list()) {
      expect(unit.provenance.length, unit.id).toBeGreaterThan(0);
      expect(unit.lastVerified, unit.id).toBe('2026-11-23');
    }
  });

  test.each<[string, Week]>([
    ['borgerservice', { ...WEEKDAYS_ONLY('09:00-16:00'), thu: ['09:00-18:00'] }],
    ['biblioteker', { ...WEEKDAYS_ONLY('09:00-16:00'), thu: ['09:00-18:00'] }],
    ['digital-hotline', { ...WEEKDAYS_ONLY('08:00-20:00'), fri: ['08:00-16:00'], sun: ['16:00-20:00'] }],
    ['pladsanvisning', { mon: ['09:00-11:00'], tue: ['09:00-11:00'], thu: ['09:00-11:00', '16:00-17:15'] }],
    ['koordineret-koersel', WEEKDAYS_ONLY('06:00-22:00')],
    ['sundhed-og-omsorg', WEEKDAYS_ONLY('08:00-15:00')],
  ])('encodes the phone hours the seeds state for %s', (id, expected) => {
    const { hours } = kb.require(id);
    expect(week(hours)).toEqual(expected);
    expect(hours.kind === 'weekly' && hours.versions[0]?.source.basis).toBe('stated');
  });

  test('changes Opkrævningen’s hours on 1 January 2024 as an adopted proposal', () => {
    const { hours } = kb.require('opkraevningen');
    expect(hours.kind).toBe('weekly');
    if (hours.kind !== 'weekly') return;
    expect(hours.versions.map((v) => v.from)).toEqual([undefined, '2024-01-01']);
    expect(week(hours, 0)).toEqual({ ...WEEKDAYS_ONLY('10:00-15:00'), thu: ['10:00-17:00'], fri: ['10:00-12:00'] });
    expect(week(hours, 1)).toEqual({ ...WEEKDAYS_ONLY('10:00-12:00'), thu: ['15:00-17:00'] });
    expect(hours.versions[1]?.source.basis).toBe('adopted-proposal');
  });

  test('does not invent a full number from Opkrævningen’s extension 1818, and tells agents about it', () => {
    const unit = kb.require('opkraevningen');
    expect(unit.contacts.phones.map((p) => p.number)).toEqual([MAIN_NUMBER]);
    expect(unit.agentNotes?.da.some((n) => n.includes('1818'))).toBe(true);
    const overview = unit.contacts.selfService.find((l) => l.label.da.includes('Mit Betalingsoverblik'));
    expect(overview).toBeDefined();
    expect(overview?.url).toBeUndefined();
  });

  test('gives Den Digitale Hotline its own number', () => {
    expect(kb.require('digital-hotline').contacts.phones.map((p) => p.number)).toContain('+45 70 20 00 00');
  });

  test.each(['boern-og-ungevagten', 'plejehjem', 'affaldvarme-doegnvagt', 'miljoevagten', 'parkering-fejltelefon'])(
    'keeps %s always open',
    (id) => expect(kb.require(id).hours.kind).toBe('always-open'),
  );

  test('says that Udrykningsteamet has no hours in the seeds instead of inventing them', () => {
    const { hours } = kb.require('udrykningsteamet');
    expect(hours.kind).toBe('unknown');
    expect(hours.kind === 'unknown' && hours.note.da).toMatch(/aften- og nat/);
  });

  test.each(['folkeregisteret', 'ejendomsskat', 'naevnssekretariatet', 'kontrolteamet', 'valg', 'vielser'])(
    'reaches the back-office team %s through Borgerservice',
    (id) => {
      const { hours } = kb.require(id);
      expect(hours.kind === 'same-as' && hours.unit).toBe('borgerservice');
    },
  );

  test.each<[string, AcuteCategory]>([
    ['boern-og-ungevagten', 'child'],
    ['udrykningsteamet', 'crisis'],
    ['miljoevagten', 'environment'],
    ['affaldvarme-doegnvagt', 'heating'],
    ['plejehjem', 'care'],
    ['parkering-fejltelefon', 'parking'],
  ])('lists %s as the acute line for %s', (id, category) => {
    expect(kb.acuteLines([category]).map((u) => u.id)).toEqual([id]);
  });

  test.each(['pladsanvisning', 'opkraevningen', 'sundhed-og-omsorg', 'parkering'])(
    'offers callbacks for %s on the strength of a seed',
    (id) => {
      const { callbacks } = kb.require(id);
      expect(callbacks.offered).toBe(true);
      expect(callbacks.source?.basis).toBe('stated');
      expect(callbacks.capacity).toBeGreaterThanOrEqual(2);
      expect(callbacks.capacity).toBeLessThanOrEqual(4);
      expect(callbacks.slotMinutes).toBe(15);
    },
  );

  test('gives triage enough to learn from for every citizen-facing unit, in Danish and English', () => {
    for (const unit of kb.list().filter((u) => u.kind === 'unit')) {
      for (const lang of ['da', 'en'] as const) {
        expect(unit.keywords[lang].length, `${unit.id} ${lang} keywords`).toBeGreaterThanOrEqual(10);
        expect(unit.keywords[lang].length, `${unit.id} ${lang} keywords`).toBeLessThanOrEqual(25);
        expect(unit.examples[lang].length, `${unit.id} ${lang} examples`).toBeGreaterThanOrEqual(6);
        expect(unit.examples[lang].length, `${unit.id} ${lang} examples`).toBeLessThanOrEqual(12);
        expect(unit.topics[lang].length, `${unit.id} ${lang} topics`).toBeGreaterThan(0);
      }
    }
  });

  test('never teaches triage the same example question for two units', () => {
    const owner = new Map<string, string>();
    for (const unit of kb.list()) {
      for (const example of [...unit.examples.da, ...unit.examples.en]) {
        const key = example.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').trim();
        expect(owner.get(key), `"${example}" in ${unit.id}`).toBeUndefined();
        owner.set(key, unit.id);
      }
    }
  });

  test('hangs every unit under aarhus-kommune', () => {
    for (const unit of kb.list()) {
      const seen = new Set<string>();
      let current: Unit | undefined = unit;
      while (current?.parent) {
        expect(seen.has(current.id), unit.id).toBe(false);
        seen.add(current.id);
        current = kb.get(current.parent);
      }
      expect(current?.id, unit.id).toBe('aarhus-kommune');
    }
  });
});
