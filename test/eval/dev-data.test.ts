import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadKnowledgeBase } from '../../knowledge/kb';
import { parseCases, TriageCase } from '../../knowledge/triage/evaluate';

// The triage development sets (tuning may look at them; README.md in this folder). dev2-dev5 were each
// written apart from the sets before them and from the units: if the KB learned their texts, their
// figures would measure memory, not understanding.
const SETS = [
  { file: 'dev2.jsonl', min: 300, minOutOfScope: 40 },
  { file: 'dev3.jsonl', min: 300, minOutOfScope: 40 },
  { file: 'dev4.jsonl', min: 300, minOutOfScope: 40 },
  { file: 'dev5.jsonl', min: 300, minOutOfScope: 35 },
] as const;

const loaded = loadKnowledgeBase();
const normalise = (text: string): string => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

describe.each(SETS)('the development set $file', ({ file, min, minOutOfScope }) => {
  const parsed = parseCases(readFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)), 'utf8'), TriageCase);

  test(`parses, has at least ${min} questions and at least ${minOutOfScope} out of scope`, () => {
    if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
    expect(parsed.cases.length).toBeGreaterThanOrEqual(min);
    expect(parsed.cases.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(minOutOfScope);
  });

  test('expects only unit ids of the shipped knowledge base', () => {
    if (!parsed.ok || !loaded.ok) throw new Error(`${file} or the knowledge base does not load`);
    const ids = new Set(loaded.kb.list().map((u) => u.id));
    expect(parsed.cases.flatMap((c) => (c.expect ?? []).filter((id) => !ids.has(id)))).toEqual([]);
  });

  test('shares no text with an example, keyword or topic the triage learns from', () => {
    if (!parsed.ok || !loaded.ok) throw new Error(`${file} or the knowledge base does not load`);
    const learned = new Set(
      loaded.kb.list().flatMap((u) => (['da', 'en'] as const).flatMap((l) => [...u.examples[l], ...u.keywords[l], ...u.topics[l]])).map(normalise),
    );
    expect(parsed.cases.map((c) => c.text).filter((t) => learned.has(normalise(t)))).toEqual([]);
  });
});
