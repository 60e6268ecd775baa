import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, test } from 'vitest';
import { ZONE } from '../../../knowledge/clock';
import { formatProblem, loadKnowledgeBase } from '../../../knowledge/kb';
import { Triage } from '../../../knowledge/triage';
import { EmergencyCase, evaluateEmergency, evaluateTriage, parseCases, TriageCase } from '../../../knowledge/triage/evaluate';

/**
 * The accuracy gate on the held-out sets in test/eval (never tuned on). Figures, not texts, in the
 * failure messages: the held-out questions stay out of sight.
 *
 * Issue 3's targets are top-1 ≥ 95%, misroutes ≤ 3%, out of scope abstained ≥ 85%, emergency
 * recall 100% with false alarms ≤ 10%. Measured on 2026-11-23: top-1 93.5%, misroutes 3.1%,
 * out of scope 87.3%, recall 95.2% (4 of 83 missed), false alarms 7.2% — short of three targets,
 * as the issue note says. This gate holds the line at what was reached, so nothing gets worse
 * unnoticed; raise it as the engine improves, up to the targets.
 * Next session, with the emergency model and the everyday-word weighting: top-1 93.7%, misroutes 3.1%,
 * out of scope 90.9%, recall 98.8% (1 of 83 missed), false alarms 8.4%; after the vocabulary from the
 * third development set: top-1 95.4%, misroutes 2.7% — the routing targets are met and now guarded as
 * targets; recall is one emergency short of its target.
 * 2026-12-06, after nine emergency sets written apart (knowledge/data/emergency/): recall 100% (83 of 83),
 * false alarms 6.0%; every target is met and guarded as a target. (One of the 83 is caught only by the
 * model, at probability 0.74 against a threshold of 0.7: the thinnest margin on the set.)
 */
const REACHED = { top1: 0.95, misroute: 0.03, outOfScopeAbstain: 0.9, recall: 1, falseAlarmRate: 0.1 } as const;

const EVAL = fileURLToPath(new URL('../../eval/', import.meta.url));
const NOW = DateTime.fromISO('2026-12-01T10:00:00', { zone: ZONE });

function load<T>(file: string, schema: Parameters<typeof parseCases<T>>[1]): T[] {
  const parsed = parseCases(readFileSync(`${EVAL}${file}`, 'utf8'), schema);
  if (!parsed.ok) throw new Error(`${file}:${parsed.line}: ${parsed.message}`);
  return parsed.cases;
}

let triage: Triage;
beforeAll(() => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  triage = Triage.build(loaded.kb);
});

describe('held-out evaluation (test/eval)', () => {
  test('triage: top-1, misroutes and out-of-scope abstention no worse than reached', () => {
    const m = evaluateTriage(triage, load('triage.jsonl', TriageCase), NOW);
    const figures = { top1: m.top1, misroute: m.misroute, outOfScopeAbstain: m.outOfScopeAbstain };
    expect(figures.top1, JSON.stringify(figures)).toBeGreaterThanOrEqual(REACHED.top1);
    expect(figures.misroute, JSON.stringify(figures)).toBeLessThanOrEqual(REACHED.misroute);
    expect(figures.outOfScopeAbstain, JSON.stringify(figures)).toBeGreaterThanOrEqual(REACHED.outOfScopeAbstain);
  });

  // emergency-sealed.jsonl: the two sets sealed until the code was final (test/eval/README.md).
  test.each(['emergency.jsonl', 'emergency-sealed.jsonl'])('emergencies (%s): every emergency caught, false alarms at most one in ten', (file) => {
    const e = evaluateEmergency(triage, load(file, EmergencyCase), NOW);
    const figures = { recall: e.recall, missed: e.missed.length, falseAlarmRate: e.falseAlarmRate };
    expect(figures.recall, JSON.stringify(figures)).toBeGreaterThanOrEqual(REACHED.recall);
    expect(figures.falseAlarmRate, JSON.stringify(figures)).toBeLessThanOrEqual(REACHED.falseAlarmRate);
  });
});
