import type { Unit } from '../schema/unit';
import { DEFAULT_CALIBRATION, type Calibration } from './calibration';
import type { TriageCase } from './evaluate';
import { DEFAULT_INDEX_OPTIONS, type IndexOptions } from './index-build';
import { detectLanguage } from './language';
import { Triage } from './triage';

/**
 * Fitting triage on a development set (never on the held-out sets): BM25F and matching parameters by grid
 * search on top-1 accuracy and log loss, then the softmax temperature and the "none" score by log loss,
 * then the abstain thresholds. `frontdoor eval --set dev --tune` prints what this finds.
 */
export interface ScoredCase {
  readonly expect: readonly string[] | null;
  /** Candidates by score, best first. */
  readonly ranked: readonly { unitId: string; score: number }[];
  readonly coverage: number;
}

export function scoreCases(triage: Triage, cases: readonly TriageCase[]): ScoredCase[] {
  return cases.map((c) => {
    const s = triage.score(c.text, detectLanguage(c.text));
    return { expect: c.expect, ranked: s.ranked.map((r) => ({ unitId: r.unit.id, score: r.score })), coverage: s.coverage };
  });
}

/** Probability the softmax (with the "none" pseudo-candidate) gives each candidate. */
export function softmax(scores: readonly number[], temperature: number, nullScore: number): number[] {
  const shift = Math.max(nullScore, ...scores);
  const exps = scores.map((s) => Math.exp((s - shift) / temperature));
  const total = exps.reduce((a, b) => a + b, Math.exp((nullScore - shift) / temperature));
  return exps.map((e) => e / total);
}

/**
 * Log loss of the softmax on in-scope cases (the probability given to the best right unit; 1e-3 when no
 * right unit is among the candidates) plus, on out-of-scope cases, the probability left to "none".
 */
export function logLoss(cases: readonly ScoredCase[], temperature: number, nullScore: number): number {
  let loss = 0;
  for (const c of cases) {
    const p = softmax(
      c.ranked.map((r) => r.score),
      temperature,
      nullScore,
    );
    if (c.expect === null) {
      loss -= Math.log(Math.max(1e-3, 1 - (p[0] ?? 0)));
      continue;
    }
    const expect = c.expect;
    let right = 0;
    c.ranked.forEach((r, i) => {
      if (expect.includes(r.unitId)) right = Math.max(right, p[i] as number);
    });
    loss -= Math.log(Math.max(1e-3, right));
  }
  return loss / Math.max(1, cases.length);
}

/** Temperature and "none" score minimising log loss, by grid. */
export function fitSoftmax(cases: readonly ScoredCase[]): { temperature: number; nullScore: number; loss: number } {
  let best = { temperature: 1, nullScore: 0, loss: Number.POSITIVE_INFINITY };
  for (let t = 0.4; t <= 6; t += 0.1) {
    for (let s0 = 0; s0 <= 10; s0 += 0.25) {
      const loss = logLoss(cases, t, s0);
      if (loss < best.loss) best = { temperature: round(t), nullScore: s0, loss };
    }
  }
  return best;
}

export function top1(cases: readonly ScoredCase[]): number {
  const inScope = cases.filter((c) => c.expect !== null);
  const right = inScope.filter((c) => c.ranked[0] !== undefined && (c.expect as string[]).includes(c.ranked[0].unitId));
  return right.length / Math.max(1, inScope.length);
}

export interface GridRow {
  readonly label: string;
  readonly top1: number;
  readonly loss: number;
  readonly temperature: number;
  readonly nullScore: number;
}

/** Evaluates each variant of the index options on the cases: top-1 and fitted log loss. */
export function gridSearch(
  units: readonly Unit[],
  cases: readonly TriageCase[],
  variants: readonly { label: string; index: IndexOptions; calibration?: Partial<Calibration> }[],
): GridRow[] {
  return variants.map(({ label, index, calibration }) => {
    const triage = Triage.fromUnits(units, { index, calibration: { ...DEFAULT_CALIBRATION, ...calibration } });
    const scored = scoreCases(triage, cases);
    const fit = fitSoftmax(scored);
    return { label, top1: top1(scored), loss: fit.loss, temperature: fit.temperature, nullScore: fit.nullScore };
  });
}

/** The variants `--tune` tries: one parameter at a time around the defaults. */
export function defaultVariants(): { label: string; index: IndexOptions; calibration?: Partial<Calibration> }[] {
  const base = DEFAULT_INDEX_OPTIONS;
  const out: { label: string; index: IndexOptions; calibration?: Partial<Calibration> }[] = [{ label: 'defaults', index: base }];
  for (const stemmer of ['none', 'light'] as const) out.push({ label: `stemmer=${stemmer}`, index: { ...base, stemmer } });
  for (const k1 of [0.8, 2, 3, 5]) out.push({ label: `k1=${k1}`, index: { ...base, k1 } });
  for (const field of ['name', 'alias', 'keyword', 'topic', 'example', 'description'] as const) {
    const spec = base.fields[field];
    for (const m of [0.5, 2]) {
      out.push({ label: `${field}.weight*${m}`, index: { ...base, fields: { ...base.fields, [field]: { ...spec, weight: spec.weight * m } } } });
    }
  }
  for (const b of [0, 1]) {
    out.push({ label: `example.b=${b}`, index: { ...base, fields: { ...base.fields, example: { ...base.fields.example, b } } } });
  }
  for (const w of [0, 1]) out.push({ label: `compoundPartWeight=${w}`, index: { ...base, compoundPartWeight: w } });
  for (const [k, v] of [
    ['otherLanguage', 1],
    ['otherLanguage', 0.3],
    ['prefix', 0],
    ['partial', 0],
    ['fuzzy1', 0.6],
    ['fuzzy1', 1],
    ['compound', 0.6],
    ['compound', 1],
  ] as const) {
    out.push({ label: `factors.${k}=${v}`, index: { ...base, factors: { ...base.factors, [k]: v } } });
  }
  for (const nameBonus of [0, 1, 4]) out.push({ label: `nameBonus=${nameBonus}`, index: base, calibration: { nameBonus } });
  for (const weakWeight of [0, 0.6, 1]) out.push({ label: `weakWeight=${weakWeight}`, index: base, calibration: { weakWeight } });
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
