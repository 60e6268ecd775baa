import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { EmergencyCase, parseCases } from '../../../knowledge/triage/evaluate';

/**
 * The second emergency dev set (test/eval/dev-emergency2.jsonl): fresh panic and despair phrasings and
 * hard negatives, written without looking at the lexicon or the first dev set, so it measures how the
 * detector does on wording it was not tuned on. For now it only guards the file's shape and size; the
 * recall and false-alarm targets are asserted once the lexicon has been looked at against it.
 */
const FILE = fileURLToPath(new URL('../../eval/dev-emergency2.jsonl', import.meta.url));

function load(): EmergencyCase[] {
  const parsed = parseCases(readFileSync(FILE, 'utf8'), EmergencyCase);
  if (!parsed.ok) throw new Error(`dev-emergency2.jsonl:${parsed.line}: ${parsed.message}`);
  return parsed.cases;
}

const cases = load();
const positives = cases.filter((c) => c.emergency);
const negatives = cases.filter((c) => !c.emergency);

describe('emergency dev set 2', () => {
  test('holds at least 250 emergencies and 250 hard negatives', () => {
    expect(positives.length).toBeGreaterThanOrEqual(250);
    expect(negatives.length).toBeGreaterThanOrEqual(250);
  });
});
