import type { DateTime } from 'luxon';
import type { KnowledgeBase } from '../kb';
import type { Unit } from '../schema/unit';
import { contentTokens, type ResolvedToken } from './analyzer';
import { DEFAULT_CALIBRATION, type Calibration } from './calibration';
import { redactCpr } from './cpr';
import { detectEmergency } from './emergency-match';
import { buildIndex, DEFAULT_INDEX_OPTIONS, type IndexOptions, type TriageIndex } from './index-build';
import { detectIntent } from './intent';
import { ROUTING_WEAK } from './intent-words';
import { OFF_TOPIC } from './off-topic';
import { detectLanguage } from './language';
import { fold, normalize } from './normalize';
import { resolveTime } from './resolve-time';
import { DAY_OFFSETS, DAY_PARTS, NOW_WORDS, WEEKDAYS, WEEKEND_WORDS } from './time-words';
import type { TriageResult } from './types';

/** Words about phoning, hours and time: weak for routing, neutral for coverage. */
const WEAK = new Set(
  [
    ...ROUTING_WEAK,
    ...WEEKDAYS.keys(),
    ...DAY_PARTS.keys(),
    ...WEEKEND_WORDS,
    ...NOW_WORDS,
    ...[...DAY_OFFSETS.keys()].flatMap((k) => k.split(' ')),
  ].map((w) => fold(normalize(w))),
);

/** Off-topic words, exact and by prefix (folded). */
const OFF_TOPIC_WORDS = new Set(OFF_TOPIC.filter((w) => !w.endsWith('*')).map((w) => fold(normalize(w))));
const OFF_TOPIC_PREFIXES = OFF_TOPIC.filter((w) => w.endsWith('*')).map((w) => fold(normalize(w.slice(0, -1))));
function offTopic(token: string): boolean {
  return OFF_TOPIC_WORDS.has(token) || OFF_TOPIC_PREFIXES.some((p) => token.startsWith(p));
}
/** An off-topic word weighs this many ordinary words against the coverage (see off-topic.ts). */
const OFF_TOPIC_WEIGHT = 2;

/** How much each kind of match counts as municipal vocabulary for the coverage signal. */
const COVERAGE_CREDIT = { exact: 1, stem: 1, prefix: 1, fuzzy: 1, compound: 1, partial: 0.5, none: 0 } as const;

/** Matches this good count for recognising a unit's name in the message. */
const NAME_MATCH_FACTOR = 0.75;

/** The scoring part of a classification: what measure.ts and the eval need besides the result. */
export interface Scored {
  /** Units by descending score (only those with a score > 0), at most `calibration.candidates`. */
  readonly ranked: { unit: Unit; score: number }[];
  readonly coverage: number;
  /** The message uses a word of a subject that is plainly not the municipality's (off-topic.ts). */
  readonly offTopic: boolean;
  readonly tokens: readonly ResolvedToken[];
}

/**
 * The triage engine: built once from a knowledge base, then classifies citizen messages. Pure: no I/O,
 * no clock of its own (the caller passes "now").
 */
export class Triage {
  readonly #index: TriageIndex;
  readonly #calibration: Calibration;
  // Scratch space for scoring, reused across calls: one score per unit.
  readonly #scores: Float64Array;
  readonly #tokenBest: Float64Array;
  readonly #touched: Int32Array;

  private constructor(index: TriageIndex, calibration: Calibration) {
    this.#index = index;
    this.#calibration = calibration;
    this.#scores = new Float64Array(index.units.length);
    this.#tokenBest = new Float64Array(index.units.length);
    this.#touched = new Int32Array(index.units.length);
  }

  /** Builds the index of a knowledge base (well under 2 s even for 5,000 units; see `npm run bench`). */
  static build(kb: KnowledgeBase, options: { index?: IndexOptions; calibration?: Calibration } = {}): Triage {
    return Triage.fromUnits(kb.list(), options);
  }

  /** For benchmarks and experiments: a triage over a list of units without a loaded knowledge base. */
  static fromUnits(units: readonly Unit[], options: { index?: IndexOptions; calibration?: Calibration } = {}): Triage {
    return new Triage(buildIndex(units, options.index ?? DEFAULT_INDEX_OPTIONS), options.calibration ?? DEFAULT_CALIBRATION);
  }

  classify(text: string, now: DateTime): TriageResult {
    const { text: redactedText, found: cpr } = redactCpr(text);
    const lang = detectLanguage(redactedText);
    const emergency = detectEmergency(redactedText, lang);
    const when = resolveTime(redactedText, now, lang);
    const intent = detectIntent(redactedText, when !== null);
    const scored = this.score(redactedText, lang);
    const decision = this.decide(scored);
    return {
      ...decision,
      emergency: emergency.emergency,
      emergencyCategories: emergency.categories,
      lang,
      intent,
      when,
      cpr,
      redactedText,
    };
  }

  /** The calibrated decision on scored candidates: answer, or abstain (and why). */
  decide(scored: Scored): Pick<TriageResult, 'unitId' | 'confidence' | 'alternatives' | 'outOfScope'> {
    const c = this.#calibration;
    const probabilities = this.probabilities(scored);
    const top = probabilities[0];
    if (!top) return { unitId: null, confidence: 0, alternatives: [], outOfScope: true };
    const best = scored.ranked[0]?.score ?? 0;
    const outOfScope = best < c.minScore || (scored.coverage < c.minCoverage && (best < c.strongScore || scored.offTopic));
    const answer = !outOfScope && top.confidence >= c.minConfidence;
    if (answer) return { unitId: top.unitId, confidence: top.confidence, alternatives: probabilities.slice(1, 4), outOfScope: false };
    return { unitId: null, confidence: top.confidence, alternatives: outOfScope ? [] : probabilities.slice(0, 3), outOfScope };
  }

  /** Softmax over the top candidates and a "none of these" pseudo-candidate (see calibration.ts). */
  probabilities(scored: Scored): { unitId: string; confidence: number }[] {
    const { temperature, nullScore } = this.#calibration;
    const top = scored.ranked[0]?.score ?? 0;
    const shift = Math.max(top, nullScore);
    const exps = scored.ranked.map((r) => Math.exp((r.score - shift) / temperature));
    const total = exps.reduce((a, b) => a + b, Math.exp((nullScore - shift) / temperature));
    return scored.ranked.map((r, i) => ({ unitId: r.unit.id, confidence: round((exps[i] as number) / total) }));
  }

  /** Scores every unit for a (redacted) message in `lang`. */
  score(text: string, lang: 'da' | 'en'): Scored {
    const index = this.#index;
    const vocabulary = index.vocabulary;
    const raw = contentTokens(text);
    // Neighbours that are one word in the vocabulary ("sundheds kort") are read as that word.
    const joined: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      const a = raw[i] as string;
      const b = raw[i + 1];
      const both = b === undefined ? null : vocabulary.join(a, b);
      if (both !== null) {
        joined.push(both);
        i += 1;
      } else joined.push(a);
    }
    const tokens = [...new Set(joined)].map((t) => vocabulary.resolve(t, lang));
    const c = this.#calibration;

    const scores = this.#scores;
    const best = this.#tokenBest;
    const touched = this.#touched;
    scores.fill(0);
    let nScored = 0;
    const scoredUnits: number[] = [];
    let coverageHit = 0;
    let coverageAll = 0;
    let anyOffTopic = false;
    for (const token of tokens) {
      if (offTopic(token.token)) {
        coverageAll += OFF_TOPIC_WEIGHT;
        anyOffTopic = true;
        continue;
      }
      const weak = WEAK.has(token.token);
      if (!weak) {
        coverageAll += 1;
        coverageHit += COVERAGE_CREDIT[token.kind];
      }
      if (token.matches.length === 0) continue;
      const weight = weak ? c.weakWeight : 1;
      // Per token, a unit gets its best match among the token's candidate terms.
      let nTouched = 0;
      for (const match of token.matches) {
        const postings = index.postings[match.term];
        if (!postings) continue;
        const { units, weights } = postings;
        for (let k = 0; k < units.length; k++) {
          const u = units[k] as number;
          const value = (weights[k] as number) * match.factor;
          if (best[u] === 0) touched[nTouched++] = u;
          if (value > (best[u] as number)) best[u] = value;
        }
      }
      for (let k = 0; k < nTouched; k++) {
        const u = touched[k] as number;
        if (scores[u] === 0) scoredUnits.push(u);
        scores[u] = (scores[u] as number) + weight * (best[u] as number);
        best[u] = 0;
      }
      nScored += 1;
    }
    void nScored;
    this.#nameBonus(tokens, scoredUnits);
    scoredUnits.sort((a, b) => (scores[b] as number) - (scores[a] as number));
    const ranked = scoredUnits
      .slice(0, this.#calibration.candidates)
      .map((u) => ({ unit: index.units[u] as Unit, score: scores[u] as number }));
    return { ranked, coverage: coverageAll === 0 ? 1 : coverageHit / coverageAll, offTopic: anyOffTopic, tokens };
  }

  /** Adds the name bonus to every unit whose name or an alias is wholly in the message. */
  #nameBonus(tokens: readonly ResolvedToken[], scoredUnits: number[]): void {
    const terms = new Set<number>();
    for (const token of tokens) for (const m of token.matches) if (m.factor >= NAME_MATCH_FACTOR) terms.add(m.term);
    const named = new Set<number>();
    for (const term of terms) {
      for (const phrase of this.#index.names.get(term) ?? []) {
        if (named.has(phrase.unit)) continue;
        if (phrase.words.every((word) => word.some((t) => terms.has(t)))) named.add(phrase.unit);
      }
    }
    const scores = this.#scores;
    for (const u of named) {
      if (scores[u] === 0) scoredUnits.push(u);
      scores[u] = (scores[u] as number) + this.#calibration.nameBonus;
    }
  }
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
