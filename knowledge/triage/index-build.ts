import type { Unit } from '../schema/unit';
import { contentTokens, DEFAULT_MATCH_FACTORS, Vocabulary, type MatchFactors } from './analyzer';
import { FIELD_NAMES, FIELD_SPECS, unitTexts, type FieldName } from './fields';
import type { StemmerName } from './stem';

/** BM25F parameters; measured on test/eval/dev.jsonl with measure.ts. */
export interface IndexOptions {
  readonly stemmer: StemmerName;
  readonly k1: number;
  readonly fields: Record<FieldName, { readonly weight: number; readonly b: number }>;
  /** A part of a knowledge-base compound ("spand" in "skraldespand") counts this much of the whole word. */
  readonly compoundPartWeight: number;
  readonly factors: MatchFactors;
}

export const DEFAULT_INDEX_OPTIONS: IndexOptions = {
  stemmer: 'snowball',
  k1: 1.2,
  fields: FIELD_SPECS,
  compoundPartWeight: 0.5,
  factors: DEFAULT_MATCH_FACTORS,
};

/** One term's postings: the units it occurs in and its BM25F weight there (idf included). */
export interface Postings {
  readonly units: Int32Array;
  readonly weights: Float64Array;
}

/** A unit's name or alias as words, each word as the terms it reaches: "Den Digitale Hotline". */
export interface NamePhrase {
  readonly unit: number;
  readonly words: readonly (readonly number[])[];
}

export interface TriageIndex {
  readonly units: readonly Unit[];
  /** Names and aliases, by every term of their first word. */
  readonly names: ReadonlyMap<number, readonly NamePhrase[]>;
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
  // Pass 1: surface words and their terms, per unit and field.
  const occurrences: { unit: number; field: number; token: string; term: number }[][] = [];
  const fieldLengths = units.map(() => new Float64Array(nFields));
  units.forEach((unit, u) => {
    const list: { unit: number; field: number; token: string; term: number }[] = [];
    for (const { field, lang, text } of unitTexts(unit)) {
      const f = FIELD_INDEX.get(field) as number;
      const toks = contentTokens(text);
      const lengths = fieldLengths[u] as Float64Array;
      lengths[f] = (lengths[f] as number) + toks.length;
      const terms = toks.map((token) => vocabulary.addWord(token, lang));
      toks.forEach((token, i) => list.push({ unit: u, field: f, token, term: terms[i] as number }));
      // A short phrase written as one word ("digitalpost", "pautomat") reaches the phrase's terms.
      if (toks.length >= 2 && toks.length <= 3 && field !== 'example' && field !== 'description') {
        vocabulary.addJoined(toks.join(''), lang, terms);
      }
    }
    occurrences.push(list);
  });
  vocabulary.freeze();

  // Pass 2: term frequencies per unit and field, compound parts at a discount.
  const tf = units.map(() => new Map<number, Float64Array>());
  const add = (u: number, term: number, field: number, amount: number): void => {
    const map = tf[u] as Map<number, Float64Array>;
    let row = map.get(term);
    if (!row) {
      row = new Float64Array(nFields);
      map.set(term, row);
    }
    row[field] = (row[field] as number) + amount;
  };
  const partsCache = new Map<string, number[]>();
  for (const list of occurrences) {
    for (const { unit, field, token, term } of list) {
      add(unit, term, field, 1);
      let parts = partsCache.get(token);
      if (parts === undefined) {
        const resolved = token.length >= 7 ? vocabulary.splitKnown(token) : [];
        parts = resolved.filter((t) => t !== term);
        partsCache.set(token, parts);
      }
      for (const part of parts) add(unit, part, field, options.compoundPartWeight);
    }
  }

  // Pass 3: BM25F weights.
  const avgLength = new Float64Array(nFields);
  for (const lengths of fieldLengths) for (let f = 0; f < nFields; f++) avgLength[f] = (avgLength[f] as number) + (lengths[f] as number) / units.length;
  const specs = FIELD_NAMES.map((f) => options.fields[f]);
  const n = units.length;
  const perTerm: { units: number[]; tfs: number[] }[] = Array.from({ length: vocabulary.termCount }, () => ({ units: [], tfs: [] }));
  tf.forEach((map, u) => {
    const lengths = fieldLengths[u] as Float64Array;
    for (const [term, row] of map) {
      let pseudo = 0;
      for (let f = 0; f < nFields; f++) {
        const count = row[f] as number;
        if (count === 0) continue;
        const spec = specs[f] as { weight: number; b: number };
        const avg = (avgLength[f] as number) || 1;
        pseudo += (spec.weight * count) / (1 - spec.b + (spec.b * (lengths[f] as number)) / avg);
      }
      const entry = perTerm[term] as { units: number[]; tfs: number[] };
      entry.units.push(u);
      entry.tfs.push(pseudo);
    }
  });
  const idf = new Float64Array(vocabulary.termCount);
  const postings = perTerm.map((entry, term) => {
    const df = entry.units.length;
    const termIdf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    idf[term] = termIdf;
    const weights = new Float64Array(df);
    entry.tfs.forEach((t, i) => {
      weights[i] = (termIdf * t * (options.k1 + 1)) / (options.k1 + t);
    });
    return { units: Int32Array.from(entry.units), weights };
  });
  return { units, vocabulary, postings, idf, names: namePhrases(units, vocabulary) };
}

function namePhrases(units: readonly Unit[], vocabulary: Vocabulary): Map<number, NamePhrase[]> {
  const byFirst = new Map<number, NamePhrase[]>();
  units.forEach((unit, u) => {
    const seen = new Set<string>();
    for (const text of [unit.name.da, unit.name.en, ...unit.aliases]) {
      const words = contentTokens(text);
      const key = words.join(' ');
      if (words.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const phrase = { unit: u, words: words.map((w) => vocabulary.termsOfWord(w)) };
      for (const term of phrase.words[0] ?? []) byFirst.set(term, [...(byFirst.get(term) ?? []), phrase]);
    }
  });
  return byFirst;
}
