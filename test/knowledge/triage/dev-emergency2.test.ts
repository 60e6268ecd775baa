import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { detectEmergency } from '../../../knowledge/triage';
import { EmergencyCase, parseCases } from '../../../knowledge/triage/evaluate';

/**
 * The second emergency dev set (knowledge/data/emergency/second-set.jsonl, once
 * test/eval/dev-emergency2.jsonl): fresh panic and despair phrasings and
 * hard negatives, written without looking at the lexicon or the first dev set, so it measures how the
 * detector does on wording it was not tuned on. The lexicon was then extended from its odd lines only
 * (pattern families, not the lines themselves); the even lines stay a fair check. Measured on the whole
 * file: recall 92.5% (odd lines 100%, even 84.0%), false alarms 3.4% (odd 0%, even 6.5%). The floors below
 * sit just under that, so a change to the lexicon that loses ground here fails.
 */
const FILE = fileURLToPath(new URL('../../../knowledge/data/emergency/second-set.jsonl', import.meta.url));

function load(): EmergencyCase[] {
  const parsed = parseCases(readFileSync(FILE, 'utf8'), EmergencyCase);
  if (!parsed.ok) throw new Error(`second-set.jsonl:${parsed.line}: ${parsed.message}`);
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

  test('recall is at least 92%', () => {
    const missed = positives.filter((c) => !detectEmergency(c.text).emergency).map((c) => c.text);
    expect(1 - missed.length / positives.length, JSON.stringify(missed)).toBeGreaterThanOrEqual(0.92);
  });

  test('at most 4% of the hard negatives are flagged', () => {
    const alarms = negatives.filter((c) => detectEmergency(c.text).emergency).map((c) => c.text);
    expect(alarms.length / negatives.length, JSON.stringify(alarms)).toBeLessThanOrEqual(0.04);
  });
});
