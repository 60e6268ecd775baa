import type { DateTime } from 'luxon';
import { z } from 'zod';
import type { Triage } from './triage';
import type { TriageResult } from './types';

/** A labelled question: `expect` lists the right units, null = outside the municipality's business. */
export const TriageCase = z.strictObject({ text: z.string().min(1), expect: z.array(z.string().min(1)).min(1).nullable() });
export const EmergencyCase = z.strictObject({ text: z.string().min(1), emergency: z.boolean() });
export const IntentCase = z.object({ text: z.string().min(1), intent: z.enum(['contact', 'hours', 'callback', 'howto', 'unknown']) });
export type TriageCase = z.infer<typeof TriageCase>;
export type EmergencyCase = z.infer<typeof EmergencyCase>;
export type IntentCase = z.infer<typeof IntentCase>;

/** Parses JSONL text with a schema: the cases, or the first bad line. */
export function parseCases<T>(text: string, schema: z.ZodType<T>): { ok: true; cases: T[] } | { ok: false; line: number; message: string } {
  const cases: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return { ok: false, line: i + 1, message: 'not JSON' };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, line: i + 1, message: parsed.error.issues[0]?.message ?? 'invalid' };
    cases.push(parsed.data);
  }
  return { ok: true, cases };
}

export interface CalibrationBucket {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** Share of these whose best candidate was right. */
  readonly accuracy: number;
  readonly meanConfidence: number;
}

export interface TriageMetrics {
  readonly total: number;
  readonly inScope: number;
  readonly outOfScope: number;
  /** Best candidate (answered or not) among the expected units, over in-scope questions. */
  readonly top1: number;
  /** Answered with an expected unit, over in-scope questions. */
  readonly answeredCorrect: number;
  /** Answered with a unit not expected (confident and wrong), over in-scope questions. */
  readonly misroute: number;
  /** Abstained, over in-scope questions. */
  readonly abstain: number;
  /** Abstained, over out-of-scope questions. */
  readonly outOfScopeAbstain: number;
  /** Answered with a unit, over out-of-scope questions. */
  readonly outOfScopeAnswered: number;
  readonly calibration: readonly CalibrationBucket[];
  /** Expected calibration error: mean |accuracy - confidence| weighted by bucket size. */
  readonly ece: number;
  readonly failures: readonly { text: string; expect: string[] | null; got: string | null; best: string | null; confidence: number }[];
}

const BUCKETS = [0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];

/** Runs every case through `triage` at `now` and scores the answers. */
export function evaluateTriage(triage: Triage, cases: readonly TriageCase[], now: DateTime): TriageMetrics {
  let inScope = 0;
  let oos = 0;
  let top1 = 0;
  let answeredCorrect = 0;
  let misroute = 0;
  let abstain = 0;
  let oosAbstain = 0;
  const points: { confidence: number; correct: boolean }[] = [];
  const failures: TriageMetrics['failures'][number][] = [];
  for (const c of cases) {
    const r = triage.classify(c.text, now);
    const best = bestCandidate(r);
    if (c.expect === null) {
      oos += 1;
      if (r.unitId === null) oosAbstain += 1;
      else failures.push({ text: c.text, expect: null, got: r.unitId, best: best?.unitId ?? null, confidence: r.confidence });
      continue;
    }
    inScope += 1;
    const right = best !== null && c.expect.includes(best.unitId);
    if (right) top1 += 1;
    points.push({ confidence: best?.confidence ?? 0, correct: right });
    if (r.unitId === null) abstain += 1;
    else if (c.expect.includes(r.unitId)) answeredCorrect += 1;
    else misroute += 1;
    if (!right || r.unitId === null) {
      failures.push({ text: c.text, expect: c.expect, got: r.unitId, best: best?.unitId ?? null, confidence: r.confidence });
    }
  }
  const calibration: CalibrationBucket[] = [];
  let ece = 0;
  for (let b = 0; b + 1 < BUCKETS.length; b++) {
    const from = BUCKETS[b] as number;
    const to = BUCKETS[b + 1] as number;
    const inBucket = points.filter((p) => p.confidence >= from && p.confidence < to);
    if (inBucket.length === 0) continue;
    const accuracy = inBucket.filter((p) => p.correct).length / inBucket.length;
    const meanConfidence = inBucket.reduce((s, p) => s + p.confidence, 0) / inBucket.length;
    ece += (inBucket.length / points.length) * Math.abs(accuracy - meanConfidence);
    calibration.push({ from, to: Math.min(to, 1), count: inBucket.length, accuracy, meanConfidence });
  }
  const share = (k: number, n: number): number => (n === 0 ? 0 : k / n);
  return {
    total: cases.length,
    inScope,
    outOfScope: oos,
    top1: share(top1, inScope),
    answeredCorrect: share(answeredCorrect, inScope),
    misroute: share(misroute, inScope),
    abstain: share(abstain, inScope),
    outOfScopeAbstain: share(oosAbstain, oos),
    outOfScopeAnswered: share(oos - oosAbstain, oos),
    calibration,
    ece,
    failures,
  };
}

/** The unit triage thought most likely, answered or not. */
function bestCandidate(r: TriageResult): { unitId: string; confidence: number } | null {
  if (r.unitId !== null) return { unitId: r.unitId, confidence: r.confidence };
  return r.alternatives[0] ?? null;
}

export interface EmergencyMetrics {
  readonly positives: number;
  readonly negatives: number;
  readonly recall: number;
  readonly falseAlarmRate: number;
  readonly missed: readonly string[];
  readonly falseAlarms: readonly string[];
}

export function evaluateEmergency(triage: Triage, cases: readonly EmergencyCase[], now: DateTime): EmergencyMetrics {
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  let positives = 0;
  let negatives = 0;
  for (const c of cases) {
    const flagged = triage.classify(c.text, now).emergency;
    if (c.emergency) {
      positives += 1;
      if (!flagged) missed.push(c.text);
    } else {
      negatives += 1;
      if (flagged) falseAlarms.push(c.text);
    }
  }
  return {
    positives,
    negatives,
    recall: positives === 0 ? 1 : (positives - missed.length) / positives,
    falseAlarmRate: negatives === 0 ? 0 : falseAlarms.length / negatives,
    missed,
    falseAlarms,
  };
}

export function evaluateIntent(triage: Triage, cases: readonly IntentCase[], now: DateTime): { accuracy: number; wrong: { text: string; expect: string; got: string }[] } {
  const wrong: { text: string; expect: string; got: string }[] = [];
  for (const c of cases) {
    const got = triage.classify(c.text, now).intent;
    if (got !== c.intent) wrong.push({ text: c.text, expect: c.intent, got });
  }
  return { accuracy: cases.length === 0 ? 1 : (cases.length - wrong.length) / cases.length, wrong };
}
