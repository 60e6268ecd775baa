import { DateTime } from 'luxon';
import { ZONE } from '../../../knowledge/clock';
import { KnowledgeBase, loadKnowledgeBase } from '../../../knowledge/kb';
import { Unit } from '../../../knowledge/schema/unit';

/** The shipped knowledge base; a broken one fails the tests that use it with its problems listed. */
export function shippedKb(): KnowledgeBase {
  const result = loadKnowledgeBase();
  if (!result.ok) throw new Error(`the shipped knowledge base is invalid:\n${result.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n')}`);
  return result.kb;
}

const SOURCE = { seed: '001_1292bd2007d0c0f5.txt', date: '2018-04-16' };

/** A minimal valid unit with the given hours, for rules the shipped data does not exercise. */
export function fixtureUnit(id: string, hours: unknown): Unit {
  return Unit.parse({
    id,
    name: { da: id, en: id },
    parent: null,
    description: { da: 'Testenhed', en: 'Test unit' },
    topics: {},
    keywords: {},
    examples: {},
    contacts: { phones: [{ number: '+45 89 40 20 00', source: SOURCE }] },
    hours,
    provenance: [SOURCE],
    lastVerified: '2026-11-23',
  });
}

export function fixtureKb(units: Record<string, unknown>): KnowledgeBase {
  return new KnowledgeBase(
    Object.entries(units).map(([id, hours]) => fixtureUnit(id, hours)),
    [],
  );
}

export function weekly(week: Record<string, string[]>, extra: Partial<Record<'holidays', string>> = {}): unknown {
  return { kind: 'weekly', versions: [{ weekly: week, source: SOURCE }], ...extra };
}

export const alwaysOpen = { kind: 'always-open', source: SOURCE };
export const unknownHours = { kind: 'unknown', source: SOURCE, note: { da: 'Ukendt', en: 'Unknown' } };
export const sameAs = (unit: string): unknown => ({ kind: 'same-as', unit, source: SOURCE });

/** An instant from ISO text (with offset), in Aarhus. Throws on a typo in a test table. */
export function t(text: string): DateTime {
  const dt = DateTime.fromISO(text, { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad instant in a test table: ${text}`);
  return dt;
}

/** ISO 8601 in Aarhus without milliseconds, as the CLI prints it. */
export function isoOrNull(d: DateTime | null): string | null {
  return d === null ? null : d.setZone(ZONE).toISO({ suppressMilliseconds: true });
}
