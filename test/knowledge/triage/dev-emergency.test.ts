import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { detectEmergency } from '../../../knowledge/triage';
import { EmergencyCase, parseCases } from '../../../knowledge/triage/evaluate';

/**
 * The first emergency dev set (knowledge/data/emergency/panic-and-hard-negatives.jsonl, once
 * test/eval/dev-emergency.jsonl): messages written the way people in panic write, to tune the lexicon on,
 * apart from the held-out emergency.jsonl; the emergency model learns from it too. Issue 3 asks recall 100% with false
 * alarms ≤ 10%; on the set the lexicon is tuned on, that is the floor.
 */
const FILE = fileURLToPath(new URL('../../../knowledge/data/emergency/panic-and-hard-negatives.jsonl', import.meta.url));

function load(): EmergencyCase[] {
  const parsed = parseCases(readFileSync(FILE, 'utf8'), EmergencyCase);
  if (!parsed.ok) throw new Error(`panic-and-hard-negatives.jsonl:${parsed.line}: ${parsed.message}`);
  return parsed.cases;
}

const cases = load();
const positives = cases.filter((c) => c.emergency);
const negatives = cases.filter((c) => !c.emergency);

describe('emergency dev set', () => {
  test('holds at least 100 emergencies and 80 hard negatives', () => {
    expect(positives.length).toBeGreaterThanOrEqual(100);
    expect(negatives.length).toBeGreaterThanOrEqual(80);
  });

  test('every emergency in it is flagged (recall 100%)', () => {
    const missed = positives.filter((c) => !detectEmergency(c.text).emergency).map((c) => c.text);
    expect(missed).toEqual([]);
  });

  test('at most one hard negative in ten is flagged', () => {
    const alarms = negatives.filter((c) => detectEmergency(c.text).emergency).map((c) => c.text);
    expect(alarms.length / negatives.length, JSON.stringify(alarms)).toBeLessThanOrEqual(0.1);
  });
});
