import { KnowledgeBase } from '../../../knowledge/kb';
import { Unit } from '../../../knowledge/schema/unit';

const source = { seed: '001_1292bd2007d0c0f5.txt', date: '2018-04-19' };

function unit(id: string, over: Record<string, unknown>): Unit {
  return Unit.parse({
    id,
    name: { da: id, en: id },
    parent: id === 'aarhus-kommune' ? null : 'aarhus-kommune',
    description: { da: 'Test', en: 'Test' },
    topics: { da: [], en: [] },
    keywords: { da: [], en: [] },
    examples: { da: [], en: [] },
    contacts: { phones: [{ number: '+45 89 40 20 00', source }] },
    provenance: [source],
    lastVerified: '2026-11-23',
    ...over,
  });
}

const weekdays = (interval: string) => ({ mon: [interval], tue: [interval], wed: [interval], thu: [interval], fri: [interval] });

/**
 * Units with hours and callback policies chosen for the tests, independent of the shipped
 * knowledge base (which others edit):
 * - `telefon`: phone 09:00–12:00 on weekdays, 30-minute slots, 2 per slot, 2 attempts;
 * - `aften`: phone hours as `telefon`, but calls back 17:00–19:00 Monday and Tuesday;
 * - `ukendt`: offers callbacks but its hours are unknown;
 * - `lukket`: no callbacks; `henvisning`: hours `same-as` telefon, 15-minute slots.
 */
export function testKb(): KnowledgeBase {
  const weekly = { kind: 'weekly', versions: [{ weekly: weekdays('09:00-12:00'), source }] };
  const offered = { offered: true, note: 'test' };
  return new KnowledgeBase(
    [
      unit('aarhus-kommune', { kind: 'organisation', hours: weekly }),
      unit('telefon', { hours: weekly, callbacks: { ...offered, slotMinutes: 30, capacity: 2, attempts: 2 } }),
      unit('aften', { hours: weekly, callbacks: { ...offered, windows: { mon: ['17:00-19:00'], tue: ['17:00-19:00'] }, slotMinutes: 60, capacity: 1 } }),
      unit('ukendt', { hours: { kind: 'unknown', source, note: { da: 'ukendt', en: 'unknown' } }, callbacks: offered }),
      unit('lukket', { hours: weekly }),
      unit('henvisning', { hours: { kind: 'same-as', unit: 'telefon', source }, callbacks: { ...offered, capacity: 1 } }),
    ],
    [],
  );
}
