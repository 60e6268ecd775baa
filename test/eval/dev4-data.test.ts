import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadKnowledgeBase } from '../../knowledge/kb';
import { parseCases, TriageCase } from '../../knowledge/triage/evaluate';

// dev4.jsonl is a development set (tuning may look at it), written apart from dev.jsonl and from the
// units: if the KB learned its texts, its figures would measure memory, not understanding.
const parsed = parseCases(readFileSync(fileURLToPath(new URL('./dev4.jsonl', import.meta.url)), 'utf8'), TriageCase);
const loaded = loadKnowledgeBase();
const normalise = (text: string): string => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

describe('the fourth development set (dev4.jsonl)', () => {
  test('parses, has at least 300 questions and at least 40 out of scope', () => {
    if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
    expect(parsed.cases.length).toBeGreaterThanOrEqual(300);
    expect(parsed.cases.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(40);
  });

  test('expects only unit ids of the shipped knowledge base', () => {
    if (!parsed.ok || !loaded.ok) throw new Error('dev4.jsonl or the knowledge base does not load');
    const ids = new Set(loaded.kb.list().map((u) => u.id));
    const unknown = parsed.cases.flatMap((c) => (c.expect ?? []).filter((id) => !ids.has(id)));
    expect(unknown).toEqual([]);
  });

  test('shares no text with an example, keyword or topic the triage learns from', () => {
    if (!parsed.ok || !loaded.ok) throw new Error('dev4.jsonl or the knowledge base does not load');
    const learned = new Set(
      loaded.kb.list().flatMap((u) => (['da', 'en'] as const).flatMap((l) => [...u.examples[l], ...u.keywords[l], ...u.topics[l]])).map(normalise),
    );
    expect(parsed.cases.map((c) => c.text).filter((t) => learned.has(normalise(t)))).toEqual([]);
  });
});
