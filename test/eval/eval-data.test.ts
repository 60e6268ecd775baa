import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { formatProblem, loadKnowledgeBase, type KnowledgeBase } from '../../knowledge/kb';
import { UnitId } from '../../knowledge/schema/unit';
import { loadEmergencyExamples } from '../../knowledge/triage/emergency-model';

/**
 * Guards the held-out evaluation data (see README.md in this folder): the files parse, are big
 * enough to measure the issue-3 targets, name only units the knowledge base ships, and share no
 * text with what the triage engine learns from, so the scores stay honest.
 */

const TriageLine = z.strictObject({
  text: z.string().min(1),
  expect: z.array(UnitId).min(1).nullable(),
});
const EmergencyLine = z.strictObject({ text: z.string().min(1), emergency: z.boolean() });
const IntentLine = z.strictObject({
  text: z.string().min(1),
  intent: z.enum(['contact', 'hours', 'callback', 'howto', 'unknown']),
});

type Parsed<T> = { rows: T[]; problems: string[] };

function readJsonl<T>(name: string, schema: z.ZodType<T>): Parsed<T> {
  const text = readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), 'utf8');
  const rows: T[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`${name}:${i + 1}: not JSON`);
      return;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) rows.push(parsed.data);
    else problems.push(`${name}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
  });
  return { rows, problems };
}

/** The comparison key the brief fixes: lower case, whitespace collapsed (and NFC, so "å" is one form). */
function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function duplicates(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const t of texts) {
    const key = normalise(t);
    if (seen.has(key)) dups.push(t);
    seen.add(key);
  }
  return dups;
}

const triage = readJsonl('triage.jsonl', TriageLine);
const emergency = readJsonl('emergency.jsonl', EmergencyLine);
const sealed = readJsonl('emergency-sealed.jsonl', EmergencyLine);
const intent = readJsonl('intent.jsonl', IntentLine);

describe('held-out evaluation data', () => {
  let kb: KnowledgeBase;
  beforeAll(() => {
    const loaded = loadKnowledgeBase();
    if (!loaded.ok) throw new Error(`knowledge base does not load:\n${loaded.problems.map(formatProblem).join('\n')}`);
    kb = loaded.kb;
  });

  test('every line of every file parses against its schema', () => {
    expect([...triage.problems, ...emergency.problems, ...sealed.problems, ...intent.problems]).toEqual([]);
  });

  test('the triage set has at least 300 questions, 50 of them out of scope', () => {
    expect(triage.rows.length).toBeGreaterThanOrEqual(300);
    expect(triage.rows.filter((r) => r.expect === null).length).toBeGreaterThanOrEqual(50);
  });

  test('every unit the triage set expects is expected by at least 8 questions', () => {
    const counts = new Map<string, number>();
    for (const id of triage.rows.flatMap((r) => r.expect ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1);
    const thin = [...counts].filter(([, n]) => n < 8).map(([id, n]) => `${id}: ${n}`);
    expect(thin).toEqual([]);
  });

  test('the emergency set has at least 60 positives and 60 hard negatives', () => {
    expect(emergency.rows.filter((r) => r.emergency).length).toBeGreaterThanOrEqual(60);
    expect(emergency.rows.filter((r) => !r.emergency).length).toBeGreaterThanOrEqual(60);
  });

  test('the intent set has at least 60 lines and uses every intent', () => {
    expect(intent.rows.length).toBeGreaterThanOrEqual(60);
    expect(new Set(intent.rows.map((r) => r.intent)).size).toBe(IntentLine.shape.intent.options.length);
  });

  test('every expected unit id exists in the shipped knowledge base', () => {
    const missing = [...new Set(triage.rows.flatMap((r) => r.expect ?? []))].filter((id) => !kb.has(id)).sort();
    expect(missing).toEqual([]);
  });

  test('no expected unit is listed twice on one line', () => {
    const repeated = triage.rows.filter((r) => r.expect !== null && new Set(r.expect).size !== r.expect.length);
    expect(repeated.map((r) => r.text)).toEqual([]);
  });

  test.each([
    ['triage.jsonl', triage.rows.map((r) => r.text)],
    ['emergency.jsonl', emergency.rows.map((r) => r.text)],
    ['emergency-sealed.jsonl', sealed.rows.map((r) => r.text)],
    ['intent.jsonl', intent.rows.map((r) => r.text)],
  ])('%s has no duplicate texts', (_name, texts) => {
    expect(duplicates(texts)).toEqual([]);
  });

  test('no evaluation text equals anything the triage engine learns from in the units', () => {
    // Examples are what the brief names; keywords and topics are learned from too, so a question
    // equal to one of them would be just as much a leak.
    const learned = new Set(
      kb.list().flatMap((u) => [u.examples, u.keywords, u.topics].flatMap((l) => [...l.da, ...l.en]).map(normalise)),
    );
    const texts = [...triage.rows, ...emergency.rows, ...sealed.rows, ...intent.rows].map((r) => r.text);
    expect(texts.filter((t) => learned.has(normalise(t)))).toEqual([]);
  });

  test('no held-out text appears in another question file in this folder, such as a tuning set', () => {
    const heldOut = new Set(['triage.jsonl', 'emergency.jsonl', 'emergency-sealed.jsonl', 'intent.jsonl']);
    const Texted = z.looseObject({ text: z.string() });
    const others = readdirSync(fileURLToPath(new URL('.', import.meta.url))).filter((f) => f.endsWith('.jsonl') && !heldOut.has(f));
    const seen = new Map<string, string>();
    for (const file of others) for (const row of readJsonl(file, Texted).rows) seen.set(normalise(row.text), file);
    const texts = [...triage.rows, ...emergency.rows, ...sealed.rows, ...intent.rows].map((r) => r.text);
    const leaked = texts.flatMap((t) => {
      const file = seen.get(normalise(t));
      return file === undefined ? [] : [`${file}: ${t}`];
    });
    expect(leaked).toEqual([]);
  });

  test('no held-out text is among the labelled messages the emergency model learns from', () => {
    const learned = new Set(loadEmergencyExamples().map((e) => normalise(e.text)));
    const texts = [...triage.rows, ...emergency.rows, ...sealed.rows, ...intent.rows].map((r) => r.text);
    expect(texts.filter((t) => learned.has(normalise(t)))).toEqual([]);
  });
});
