import type { DateTime } from 'luxon';
import type { KnowledgeBase } from '../kb';
import type { Unit } from '../schema/unit';
import { positionedTokens, type ResolvedToken } from './analyzer';
import { DEFAULT_CALIBRATION, type Calibration } from './calibration';
import { commonRanks, commonWeight } from './common-words';
import { redactCpr } from './cpr';
import { detectEmergency, type EmergencyReading } from './emergency-match';
import { emergencyModelFor, wordCount, type EmergencyModel } from './emergency-model';
import { buildIndex, DEFAULT_INDEX_OPTIONS, type IndexOptions, type TriageIndex } from './index-build';
import { detectIntent } from './intent';
import { ROUTING_WEAK } from './intent-words';
import { MENTION_CUES, MENTION_WINDOW } from './mention-words';
import { OFF_TOPIC } from './off-topic';
import { AARHUS_PLACES } from './place-words';
import { detectLanguage } from './language';
import { fold, normalize } from './normalize';
import { resolveTime } from './resolve-time';
import { DAY_OFFSETS, DAY_PARTS, NOW_WORDS, WEEKDAYS, WEEKEND_WORDS } from './time-words';
import type { TriageResult } from './types';

/** Words about phoning and hours: weak for routing, neutral for coverage. */
const WEAK = new Set(ROUTING_WEAK.map((w) => fold(normalize(w))));

/**
 * Words of time: neutral for coverage ("i weekenden" says nothing about the municipality), weighted by
 * calibration.timeWeight for routing (the always-open lines are the ones asked about "i nat").
 */
const TIME = new Set(
  [...WEEKDAYS.keys(), ...DAY_PARTS.keys(), ...WEEKEND_WORDS, ...NOW_WORDS, ...[...DAY_OFFSETS.keys()].flatMap((k) => k.split(' '))].map(
    (w) => fold(normalize(w)),
  ),
);

/** Off-topic words, exact and by prefix (folded). */
const OFF_TOPIC_WORDS = new Set(OFF_TOPIC.filter((w) => !w.endsWith('*')).map((w) => fold(normalize(w))));
const OFF_TOPIC_PREFIXES = OFF_TOPIC.filter((w) => w.endsWith('*')).map((w) => fold(normalize(w.slice(0, -1))));
function offTopic(token: string): boolean {
  return OFF_TOPIC_WORDS.has(token) || OFF_TOPIC_PREFIXES.some((p) => token.startsWith(p));
}
/** Aarhus place names, folded, one word each: neutral for coverage when the KB does not know them. */
const PLACES = new Set(AARHUS_PLACES.flatMap((p) => p.split(' ')).filter((w) => w.length > 2).map((w) => fold(normalize(w))));

/** An off-topic word weighs this many ordinary words against the coverage (see off-topic.ts). */
const OFF_TOPIC_WEIGHT = 2;

/** How much each kind of match counts as municipal vocabulary for the coverage signal. */
const COVERAGE_CREDIT = { exact: 1, stripped: 1, stem: 1, prefix: 1, fuzzy: 1, compound: 1, partial: 0.5, none: 0 } as const;

const CUES = new Set(MENTION_CUES.map((w) => fold(normalize(w))));

/** Matches this good count for recognising a unit's name in the message. */
const NAME_MATCH_FACTOR = 0.75;

export interface TriageOptions {
  readonly index?: IndexOptions;
  readonly calibration?: Calibration;
  /** The emergency model; by default trained on the labelled messages and the units' examples; null: lexicon only. */
  readonly emergencyModel?: EmergencyModel | null;
}

/** The scoring part of a classification: what tuning and the eval need besides the result. */
export interface Scored {
  /** Units by descending score (only those with a score > 0), at most `calibration.candidates`. */
  readonly ranked: { unit: Unit; score: number }[];
  readonly coverage: number;
  /** The message uses a word of a subject that is plainly not the municipality's (off-topic.ts). */
  readonly offTopic: boolean;
  readonly tokens: readonly ResolvedToken[];
}

/** Words that, inside a matched danger phrase, put it in the present (folded, as EmergencyReading.dangerWords). */
const DANGER_NOW: ReadonlySet<string> = new Set(['nu', 'now', 'gang', 'igang', 'progress', 'braender', 'burning']);

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
  readonly #common = commonRanks();
  readonly #emergencyModel: EmergencyModel | null;

  private constructor(index: TriageIndex, calibration: Calibration, emergencyModel: EmergencyModel | null) {
    this.#index = index;
    this.#emergencyModel = emergencyModel;
    this.#calibration = calibration;
    this.#scores = new Float64Array(index.units.length);
    this.#tokenBest = new Float64Array(index.units.length);
    this.#touched = new Int32Array(index.units.length);
  }

  /** Builds the index of a knowledge base (well under 2 s even for 5,000 units; see `npm run bench`). */
  static build(kb: KnowledgeBase, options: TriageOptions = {}): Triage {
    return Triage.fromUnits(kb.list(), options);
  }

  /** For benchmarks and experiments: a triage over a list of units without a loaded knowledge base. */
  static fromUnits(units: readonly Unit[], options: TriageOptions = {}): Triage {
    const model = options.emergencyModel === undefined ? emergencyModelFor(units) : options.emergencyModel;
    return new Triage(buildIndex(units, options.index ?? DEFAULT_INDEX_OPTIONS), options.calibration ?? DEFAULT_CALIBRATION, model);
  }

  /**
   * Danger to life or safety: the lexicon's reading unless the model stands it down (#standsDown), or the
   * model's (emergency-model.ts) when it is sure enough. A model-only alarm is about a child when the
   * message names one, else general (112 first).
   */
  #emergency(text: string, lang: 'da' | 'en'): { emergency: boolean; categories: TriageResult['emergencyCategories'] } {
    const lexicon = detectEmergency(text, lang);
    if (this.#emergencyModel === null) return { emergency: lexicon.emergency, categories: lexicon.categories };
    if (lexicon.emergency) {
      if (this.#standsDown(this.#emergencyModel, text, lexicon)) return { emergency: false, categories: [] };
      return { emergency: true, categories: lexicon.categories };
    }
    // What the writer says is not dangerous, told after the fact, or hidden in an idiom the model overrules
    // only when it is all but sure: "last time I saw her she was in the water" has a time gone by in it and
    // is no report; "just wondering when the bulky waste pickup is ... my husband just grabbed me by the
    // throat" opens calmly.
    const c = this.#calibration;
    const threshold = Math.max(
      c.emergencyModelThreshold,
      lexicon.idiom ? c.emergencyModelIdiomThreshold : 0,
      lexicon.reported ? c.emergencyModelReportedThreshold : 0,
      lexicon.calm ? c.emergencyModelCalmThreshold : 0,
    );
    if (this.#emergencyModel.probability(text) < threshold) return { emergency: false, categories: [] };
    const categories = new Set(lexicon.signs);
    if (lexicon.child) categories.add('child');
    if (categories.size === 0) categories.add('general');
    return { emergency: true, categories: [...categories] };
  }

  /**
   * A lexicon alarm the model stands down: the danger phrase sits among words the model learned from hard
   * negatives (a course, a policy, a story, a year ago) so strongly that their evidence is below
   * `emergencyVetoEvidence`. Never for thoughts of suicide or self-harm (their phrases are also the
   * words of hypotheticals and insurance questions: "no one would care if I died"), never for a short
   * message, where a bare danger phrase has no company to be judged by.
   */
  #standsDown(model: EmergencyModel, text: string, lexicon: EmergencyReading): boolean {
    if (lexicon.categories.includes('crisis') || lexicon.signs.includes('crisis')) return false;
    // Two danger phrases ("unresponsive", "blue lips") are a situation, not a word in passing.
    if (lexicon.matched.length > 1) return false;
    if (wordCount(text) < this.#calibration.emergencyVetoMinWords) return false;
    // A phrase that says in its own words that it is happening now ("indbrud i gang", "smoke pouring out
    // now", "det brænder") is a report of the present, whatever errand sits beside it.
    if (lexicon.dangerWords.some((w) => DANGER_NOW.has(w))) return false;
    // The whole message, and the company the phrase keeps apart from the phrase itself, must speak against
    // it: the model learned "kommet til skade" and "this is an emergency" mostly from hard negatives, yet
    // either may be the whole of a real alarm. So must the near company (dangerNeighbourhood): an errand
    // glued to a real emergency ("hvornår tømmes skraldespanden ... han trækker ikke vejret") makes the
    // whole message look ordinary, not the words around the danger.
    // And each side of the phrase on its own: a phrase at the edge of the message, or an errand on one
    // side only ("hej jeg har et spørgsmål om min ansøgning, men det ryger"), has one side with nothing
    // against it.
    const { emergencyVetoEvidence: bar, emergencyVetoNearEvidence: nearBar, emergencyVetoSideEvidence: sideBar } = this.#calibration;
    const phrase = model.evidence(lexicon.dangerWords.join(' '));
    const whole = model.evidence(text);
    const near = model.evidence(lexicon.dangerNeighbourhood.join(' '));
    const before = model.evidence(lexicon.dangerBefore.join(' '));
    const after = model.evidence(lexicon.dangerAfter.join(' '));
    return whole < bar && whole - phrase < bar && near - phrase < nearBar && before < sideBar && after < sideBar;
  }

  classify(text: string, now: DateTime): TriageResult {
    const { text: redactedText, found: cpr } = redactCpr(text);
    const lang = detectLanguage(redactedText);
    const emergency = this.#emergency(redactedText, lang);
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
    // Many words the municipality's vocabulary does not know: the few it does carry the score alone, so ask
    // for more certainty before answering (dev3-dev5, fresh: misroutes down about as much as answers).
    const needed = scored.coverage < c.lowCoverage ? c.lowCoverageMinConfidence : c.minConfidence;
    const answer = !outOfScope && top.confidence >= needed;
    if (answer) return { unitId: top.unitId, confidence: top.confidence, alternatives: probabilities.slice(1, 4), outOfScope: false };
    // Abstaining: the best candidates are still offered (the dialog asks, or says it is out of scope).
    return { unitId: null, confidence: top.confidence, alternatives: probabilities.slice(0, 3), outOfScope };
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
    const c = this.#calibration;
    const { all, content: raw, positions } = positionedTokens(text);
    const single = raw.length === 1;
    const cueAt = all.flatMap((t, i) => (CUES.has(t) ? [i] : []));
    // Neighbours that are one word in the knowledge base ("sundheds kort") may be read as that word, or
    // as the two words they are ("citizen service" is not only the "citizen-service" of the libraries):
    // per unit, the better reading counts.
    const groups: ResolvedToken[][][] = [];
    const groupAt: number[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < raw.length; i++) {
      const a = raw[i] as string;
      const b = raw[i + 1];
      const both = b === undefined || seen.has(a) ? null : vocabulary.join(a, b);
      if (both !== null && b !== undefined) {
        groups.push([[vocabulary.resolve(both, lang)], [vocabulary.resolve(a, lang), vocabulary.resolve(b, lang)]]);
        groupAt.push(positions[i] as number);
        seen.add(a).add(b);
        i += 1;
      } else if (!seen.has(a)) {
        const token = vocabulary.resolve(a, lang);
        // A compound's parts count as the words they are (summed per unit), not as one word.
        const reading: ResolvedToken[] = token.parts ? token.parts.map((matches) => ({ token: token.token, kind: token.kind, matches })) : [token];
        groups.push(token.parts ? [[token], reading] : [reading]);
        groupAt.push(positions[i] as number);
        seen.add(a);
      }
    }

    // A unit named next to "sagde", "called"...: where the citizen has been, not where the question is going.
    const mentioned = groups.map((group, g) => {
      if (cueAt.length === 0) return false;
      const at = groupAt[g] as number;
      if (!cueAt.some((p) => Math.abs(p - at) <= MENTION_WINDOW)) return false;
      return group.some((reading) => reading.some((t) => t.matches.some((m) => m.factor >= NAME_MATCH_FACTOR && this.#index.nameTerms.has(m.term))));
    });

    const scores = this.#scores;
    scores.fill(0);
    const scoredUnits: number[] = [];
    const addScore = (u: number, value: number): void => {
      if (value === 0) return;
      if (scores[u] === 0) scoredUnits.push(u);
      scores[u] = (scores[u] as number) + value;
    };
    let coverageHit = 0;
    let coverageAll = 0;
    let anyOffTopic = false;
    const tokens: ResolvedToken[] = [];
    const used = new Set<number>();
    for (let gi = 0; gi < groups.length; gi++) {
      const group = groups[gi] as ResolvedToken[][];
      const scale = mentioned[gi] ? c.mentionWeight : 1;
      // Coverage and off-topic words are judged on the reading as written (the first alternative).
      const first = group[0] as ResolvedToken[];
      for (const token of first) tokens.push(token);
      let off = false;
      for (const token of first) {
        if (offTopic(token.token)) {
          coverageAll += OFF_TOPIC_WEIGHT;
          anyOffTopic = true;
          off = true;
        } else if (token.kind === 'none' && PLACES.has(token.token)) {
          // A place the citizen lives in: neither municipal nor foreign vocabulary (place-words.ts).
        } else if (!WEAK.has(token.token) && !TIME.has(token.token) && !/^\d+$/.test(token.token)) {
          coverageAll += 1;
          coverageHit += COVERAGE_CREDIT[token.kind];
        }
      }
      if (off) continue;
      if (group.length === 1 && first.length === 1) {
        const token = first[0] as ResolvedToken;
        // A word said twice ("gebyr ... gebyret") is one piece of evidence, not two.
        if (c.termOnce) {
          const primary = primaryTerm(token);
          if (primary !== null && used.has(primary)) continue;
          if (primary !== null) used.add(primary);
        }
        const n = this.#bestPerUnit(token);
        const weight = scale * this.#weight(token, lang, single);
        const touched = this.#touched;
        const best = this.#tokenBest;
        for (let k = 0; k < n; k++) {
          const u = touched[k] as number;
          addScore(u, weight * (best[u] as number));
          best[u] = 0;
        }
        continue;
      }
      // A joined pair: per unit, the better of the readings.
      const perUnit = new Map<number, number>();
      for (const reading of group) {
        const sums = new Map<number, number>();
        for (const token of reading) {
          const n = this.#bestPerUnit(token);
          const weight = scale * this.#weight(token, lang, single);
          for (let k = 0; k < n; k++) {
            const u = this.#touched[k] as number;
            sums.set(u, (sums.get(u) ?? 0) + weight * (this.#tokenBest[u] as number));
            this.#tokenBest[u] = 0;
          }
        }
        for (const [u, v] of sums) if (v > (perUnit.get(u) ?? 0)) perUnit.set(u, v);
      }
      for (const [u, v] of perUnit) addScore(u, v);
    }
    this.#phraseBonus(groups.map((g, i) => (mentioned[i] ? [] : g)), addScore);
    scoredUnits.sort((a, b) => (scores[b] as number) - (scores[a] as number));
    const ranked = scoredUnits.slice(0, c.candidates).map((u) => ({ unit: index.units[u] as Unit, score: scores[u] as number }));
    return { ranked, coverage: coverageAll === 0 ? 1 : coverageHit / coverageAll, offTopic: anyOffTopic, tokens };
  }

  /**
   * Why a message scored as it did, for people tuning the knowledge base (`frontdoor triage --explain`):
   * each word as read, how it matched (kind, term, factor) and what it gave the units it reached.
   */
  explain(text: string, lang: 'da' | 'en'): string[] {
    const scored = this.score(text, lang);
    const vocabulary = this.#index.vocabulary;
    const lines: string[] = [];
    for (const token of scored.tokens) {
      const weight = this.#weight(token, lang, scored.tokens.length === 1);
      const reached = new Map<string, number>();
      const terms: string[] = [];
      for (const m of token.matches) {
        terms.push(`${vocabulary.termLabel(m.term)}×${m.factor.toFixed(2)}`);
        const postings = this.#index.postings[m.term];
        if (!postings) continue;
        postings.units.forEach((u, k) => {
          const id = (this.#index.units[u] as Unit).id;
          const value = weight * (postings.weights[k] as number) * m.factor;
          if (value > (reached.get(id) ?? 0)) reached.set(id, value);
        });
      }
      const top = [...reached].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([id, v]) => `${id} ${v.toFixed(2)}`);
      lines.push(`${token.token} [${token.kind}] ${terms.slice(0, 4).join(' ')}${terms.length > 4 ? ' …' : ''} -> ${top.join(', ') || '-'}`);
    }
    lines.push(`coverage ${scored.coverage.toFixed(2)}${scored.offTopic ? ' (off-topic word)' : ''}`);
    for (const r of scored.ranked.slice(0, 5)) lines.push(`  ${r.unit.id} ${r.score.toFixed(2)}`);
    return lines;
  }

  #weight(token: ResolvedToken, lang: 'da' | 'en', single: boolean): number {
    if (WEAK.has(token.token)) return this.#calibration.weakWeight;
    if (TIME.has(token.token)) return this.#calibration.timeWeight;
    // A question of one word ("pas", "storskrald") is that word, however common: nothing to weigh it against.
    if (single) return 1;
    return commonWeight(this.#common[lang].get(token.token), this.#calibration.commonFloor);
  }

  /**
   * Fills #tokenBest with each unit's best match for `token` (over its candidate terms) and lists the
   * units in #touched; returns how many. The caller resets #tokenBest for those units.
   */
  #bestPerUnit(token: ResolvedToken): number {
    const best = this.#tokenBest;
    const touched = this.#touched;
    let n = 0;
    for (const match of token.matches) {
      const postings = this.#index.postings[match.term];
      if (!postings) continue;
      const { units, weights } = postings;
      for (let k = 0; k < units.length; k++) {
        const u = units[k] as number;
        const value = (weights[k] as number) * match.factor;
        if (best[u] === 0) touched[n++] = u;
        if (value > (best[u] as number)) best[u] = value;
      }
    }
    return n;
  }

  /**
   * Names and aliases found whole in the message earn their unit the name bonus; a keyword or topic of
   * two words or more whose words stand close together earns the phrase bonus. Once per unit each.
   */
  #phraseBonus(groups: readonly ResolvedToken[][][], addScore: (u: number, value: number) => void): void {
    // Where each well-matched term occurs (group index), over every reading of every group.
    const positions = new Map<number, number[]>();
    groups.forEach((group, g) => {
      for (const reading of group) {
        for (const token of reading) {
          for (const m of token.matches) {
            if (m.factor < NAME_MATCH_FACTOR) continue;
            const list = positions.get(m.term);
            if (!list) positions.set(m.term, [g]);
            else if (!list.includes(g)) list.push(g);
          }
        }
      }
    });
    // Per unit, the best name and the best phrase found; a longer one says more.
    const named = new Map<number, number>();
    const phrased = new Map<number, number>();
    for (const term of positions.keys()) {
      for (const phrase of this.#index.phrases.get(term) ?? []) {
        const done = phrase.kind === 'name' ? named : phrased;
        if ((done.get(phrase.unit) ?? 0) >= phrase.words.length) continue;
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        const whole = phrase.words.every((word) => {
          let found = false;
          for (const t of word) {
            for (const g of positions.get(t) ?? []) {
              found = true;
              lo = Math.min(lo, g);
              hi = Math.max(hi, g);
            }
          }
          return found;
        });
        // A multi-word keyword counts only with its words close together ("parking permit").
        if (whole && (phrase.kind === 'name' || hi - lo <= phrase.words.length)) done.set(phrase.unit, phrase.words.length);
      }
    }
    const c = this.#calibration;
    for (const [u, words] of named) addScore(u, c.nameBonus * (1 + c.bonusPerWord * (words - 1)));
    for (const [u, words] of phrased) addScore(u, c.phraseBonus * (1 + c.bonusPerWord * (words - 1)));
  }
}

/** The term a token reaches best (the first of equals), or null when it reaches none. */
function primaryTerm(token: ResolvedToken): number | null {
  let best: number | null = null;
  let factor = 0;
  for (const m of token.matches) {
    if (m.factor > factor) {
      factor = m.factor;
      best = m.term;
    }
  }
  return best;
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
