import type { Unit } from '../schema/unit';
import { contentTokens, DEFAULT_MATCH_FACTORS, Vocabulary, type MatchFactors } from './analyzer';
import { FIELD_NAMES, FIELD_SPECS, unitTexts, type FieldName } from './fields';
import type { StemmerName } from './stem';

/**
 * BM25F parameters, measured on test/eval/dev.jsonl with `frontdoor eval --set dev --tune`: k1 2 (log loss
 * 0.145 vs 0.151 at 1.2); splitting the knowledge base's own compounds into their parts
 * (compoundPartWeight) measured no better and costs index time, so it is off.
 */
export interface IndexOptions {
  readonly stemmer: StemmerName;
  readonly k1: number;
  readonly fields: Record<FieldName, { readonly weight: number; readonly b: number }>;
  /** A part of a knowledge-base compound ("spand" in "skraldespand") counts this much of the whole word. */
  readonly compoundPartWeight: number;
  readonly factors: MatchFactors;
}

export const DEFAULT_INDEX_OPTIONS: IndexOptions = {
  stemmer: 'light',
  k1: 2,
  fields: FIELD_SPECS,
  compoundPartWeight: 0,
  factors: DEFAULT_MATCH_FACTORS,
};

/** One term's postings: the units it occurs in and its BM25F weight there (idf included). */
export interface Postings {
  readonly units: Int32Array;
  readonly weights: Float64Array;
}

/**
 * A unit's name, an alias, or a keyword or topic of two words or more, as words, each word as the terms
 * it reaches: "Den Digitale Hotline", "parking permit". Bag-of-words scoring cannot see that the words
 * stand together; a phrase found whole in a message earns its unit a bonus.
 */
export interface Phrase {
  readonly unit: number;
  readonly kind: 'name' | 'phrase';
  readonly words: readonly (readonly number[])[];
}

export interface TriageIndex {
  readonly units: readonly Unit[];
  /** Names, aliases and multi-word keywords and topics, by every term of their first word. */
  readonly phrases: ReadonlyMap<number, readonly Phrase[]>;
  /** Terms of the units' names and aliases: a word that names a unit. */
  readonly nameTerms: ReadonlySet<number>;
  readonly vocabulary: Vocabulary;
  /** By term id. */
  readonly postings: readonly Postings[];
  /** By term id: inverse document frequency, for coverage weighting. */
  readonly idf: Float64Array;
}

const FIELD_INDEX = new Map(FIELD_NAMES.map((f, i) => [f, i]));

/**
 * Builds the index: every unit's phrases are tokenised, folded and stemmed (Danish phrases with the Danish
 * stemmer, English with English, aliases with both); compounds in the knowledge base are also split
 * into known words so "affald" finds "affaldsgebyr". Then BM25F: per term and unit, field frequencies
 * weighted and length-normalised, saturated by k1, times idf.
 */
export function buildIndex(units: readonly Unit[], options: IndexOptions = DEFAULT_INDEX_OPTIONS): TriageIndex {
  const vocabulary = new Vocabulary(options.stemmer, options.factors);
  const nFields = FIELD_NAMES.length;
  // Pass 1: surface words and their terms, per unit and field. A phrase is analysed once however many
  // units share it (a shared answer bank repeats its service areas' phrases per municipality).
  interface Analysis {
    readonly tokens: string[];
    readonly terms: number[];
    /** The terms joined, to tell phrases apart; and the terms as a phrase's words. */
    readonly key: string;
    readonly words: number[][];
  }
  // By language and by whether the phrase may be written as one word: no string keys to build.
  const cache = { da: [new Map<string, Analysis>(), new Map<string, Analysis>()], en: [new Map<string, Analysis>(), new Map<string, Analysis>()] };
  const analyse = (text: string, lang: 'da' | 'en', joinable: boolean): Analysis => {
    const map = cache[lang][joinable ? 1 : 0] as Map<string, Analysis>;
    let a = map.get(text);
    if (!a) {
      const tokens = contentTokens(text);
      const terms = tokens.map((token) => vocabulary.addWord(token, lang, joinable));
      // A short phrase written as one word ("digitalpost", "pautomat") reaches the phrase's terms.
      if (joinable && tokens.length >= 2 && tokens.length <= 3) vocabulary.addJoined(tokens.join(''), lang, terms);
      a = { tokens, terms, key: terms.join(' '), words: terms.map((t) => [t]) };
      map.set(text, a);
    }
    return a;
  };
  // Per unit, its phrases' fields and analyses side by side (no object per phrase: a 5,000-unit bank has
  // a million of them, and the garbage collector was a quarter of the build).
  const unitPhrases: { fields: number[]; analyses: Analysis[] }[] = [];
  const phraseIndex = new Map<number, Phrase[]>();
  const fieldLengths = units.map(() => new Float64Array(nFields));
  const seenNames = new Set<string>();
  const seenPhrases = new Set<string>();
  units.forEach((unit, u) => {
    const list = { fields: [] as number[], analyses: [] as Analysis[] };
    const lengths = fieldLengths[u] as Float64Array;
    for (const { field, lang, text } of unitTexts(unit)) {
      const f = FIELD_INDEX.get(field) as number;
      const a = analyse(text, lang, field !== 'example' && field !== 'description');
      const tokens = a.tokens;
      lengths[f] = (lengths[f] as number) + tokens.length;
      list.fields.push(f);
      list.analyses.push(a);
      const kind = field === 'name' || field === 'alias' ? 'name' : field === 'keyword' || field === 'topic' ? 'phrase' : null;
      if (kind === null || tokens.length === 0 || (kind === 'phrase' && tokens.length < 2)) continue;
      const seen = kind === 'name' ? seenNames : seenPhrases;
      if (seen.has(a.key)) continue;
      seen.add(a.key);
      const phrase: Phrase = { unit: u, kind, words: a.words };
      const first = a.terms[0] as number;
      const bucket = phraseIndex.get(first);
      if (bucket) bucket.push(phrase);
      else phraseIndex.set(first, [phrase]);
    }
    seenNames.clear();
    seenPhrases.clear();
    unitPhrases.push(list);
  });
  vocabulary.freeze();

  // Pass 2: BM25F pseudo term frequency per unit and term. A field's length normalisation depends only
  // on the unit's field lengths, known after pass 1, so each occurrence adds weight / norm directly.
  const avgLength = new Float64Array(nFields);
  for (const lengths of fieldLengths) for (let f = 0; f < nFields; f++) avgLength[f] = (avgLength[f] as number) + (lengths[f] as number) / units.length;
  const specs = FIELD_NAMES.map((f) => options.fields[f]);
  // Accumulated in one array over the terms, unit by unit, then emitted as (term, unit, tf) triples:
  // a Map per unit cost more in garbage collection than in counting (measured with --cpu-prof).
  const termCount = vocabulary.termCount;
  const acc = new Float64Array(termCount);
  const touched = new Int32Array(termCount);
  const df = new Int32Array(termCount);
  let triples = { terms: new Int32Array(1 << 16), units: new Int32Array(1 << 16), tfs: new Float64Array(1 << 16) };
  let nTriples = 0;
  const partsCache = new Map<string, number[]>();
  unitPhrases.forEach((list, u) => {
    const lengths = fieldLengths[u] as Float64Array;
    const unitWeight = specs.map((spec, f) => spec.weight / (1 - spec.b + (spec.b * (lengths[f] as number)) / ((avgLength[f] as number) || 1)));
    let nTouched = 0;
    for (let p = 0; p < list.fields.length; p++) {
      const { tokens, terms } = list.analyses[p] as Analysis;
      const w = unitWeight[list.fields[p] as number] as number;
      for (let i = 0; i < terms.length; i++) {
        const term = terms[i] as number;
        const before = acc[term] as number;
        if (before === 0) touched[nTouched++] = term;
        acc[term] = before + w;
      }
      if (options.compoundPartWeight === 0) continue;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i] as string;
        if (token.length < 7) continue;
        let parts = partsCache.get(token);
        if (parts === undefined) {
          const whole = terms[i] as number;
          parts = vocabulary.splitKnown(token).filter((t) => t !== whole);
          partsCache.set(token, parts);
        }
        for (const part of parts) {
          if (acc[part] === 0) touched[nTouched++] = part;
          acc[part] = (acc[part] as number) + w * options.compoundPartWeight;
        }
      }
    }
    if (nTriples + nTouched > triples.terms.length) {
      const size = Math.max(triples.terms.length * 2, nTriples + nTouched);
      const grow = { terms: new Int32Array(size), units: new Int32Array(size), tfs: new Float64Array(size) };
      grow.terms.set(triples.terms);
      grow.units.set(triples.units);
      grow.tfs.set(triples.tfs);
      triples = grow;
    }
    for (let k = 0; k < nTouched; k++) {
      const term = touched[k] as number;
      triples.terms[nTriples] = term;
      triples.units[nTriples] = u;
      triples.tfs[nTriples] = acc[term] as number;
      nTriples += 1;
      df[term] = (df[term] as number) + 1;
      acc[term] = 0;
    }
  });

  // Pass 3: postings, sized by document frequency, with the saturated, idf-weighted BM25F weight.
  const n = units.length;
  const idf = new Float64Array(termCount);
  const postings: Postings[] = Array.from(df, (count, term) => {
    idf[term] = Math.log(1 + (n - count + 0.5) / (count + 0.5));
    return { units: new Int32Array(count), weights: new Float64Array(count) };
  });
  const filled = new Int32Array(termCount);
  for (let i = 0; i < nTriples; i++) {
    const term = triples.terms[i] as number;
    const pseudo = triples.tfs[i] as number;
    const p = postings[term] as Postings;
    const k = filled[term] as number;
    filled[term] = k + 1;
    p.units[k] = triples.units[i] as number;
    p.weights[k] = ((idf[term] as number) * pseudo * (options.k1 + 1)) / (options.k1 + pseudo);
  }
  const nameTerms = new Set<number>();
  for (const list of phraseIndex.values()) for (const p of list) if (p.kind === 'name') for (const w of p.words) for (const t of w) nameTerms.add(t);
  return { units, vocabulary, postings, idf, phrases: phraseIndex, nameTerms };
}
