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
  const phrases = new Map<string, { tokens: string[]; terms: number[] }>();
  const analyse = (text: string, lang: 'da' | 'en', joinable: boolean): { tokens: string[]; terms: number[] } => {
    const key = `${lang}${joinable ? '+' : '-'}${text}`;
    let a = phrases.get(key);
    if (!a) {
      const tokens = contentTokens(text);
      const terms = tokens.map((token) => vocabulary.addWord(token, lang));
      // A short phrase written as one word ("digitalpost", "pautomat") reaches the phrase's terms.
      if (joinable && tokens.length >= 2 && tokens.length <= 3) vocabulary.addJoined(tokens.join(''), lang, terms);
      a = { tokens, terms };
      phrases.set(key, a);
    }
    return a;
  };
  const unitPhrases: { field: number; tokens: string[]; terms: number[] }[][] = [];
  const fieldLengths = units.map(() => new Float64Array(nFields));
  units.forEach((unit, u) => {
    const list: { field: number; tokens: string[]; terms: number[] }[] = [];
    const lengths = fieldLengths[u] as Float64Array;
    for (const { field, lang, text } of unitTexts(unit)) {
      const f = FIELD_INDEX.get(field) as number;
      const { tokens, terms } = analyse(text, lang, field !== 'example' && field !== 'description');
      lengths[f] = (lengths[f] as number) + tokens.length;
      list.push({ field: f, tokens, terms });
    }
    unitPhrases.push(list);
  });
  vocabulary.freeze();

  // Pass 2: BM25F pseudo term frequency per unit and term. A field's length normalisation depends only
  // on the unit's field lengths, known after pass 1, so each occurrence adds weight / norm directly.
  const avgLength = new Float64Array(nFields);
  for (const lengths of fieldLengths) for (let f = 0; f < nFields; f++) avgLength[f] = (avgLength[f] as number) + (lengths[f] as number) / units.length;
  const specs = FIELD_NAMES.map((f) => options.fields[f]);
  const tf = units.map(() => new Map<number, number>());
  const partsCache = new Map<string, number[]>();
  const df = new Int32Array(vocabulary.termCount);
  unitPhrases.forEach((list, u) => {
    const lengths = fieldLengths[u] as Float64Array;
    const unitWeight = specs.map((spec, f) => spec.weight / (1 - spec.b + (spec.b * (lengths[f] as number)) / ((avgLength[f] as number) || 1)));
    const map = tf[u] as Map<number, number>;
    const add = (term: number, amount: number): void => {
      const before = map.get(term);
      if (before === undefined) df[term] = (df[term] as number) + 1;
      map.set(term, (before ?? 0) + amount);
    };
    for (const { field, tokens, terms } of list) {
      const w = unitWeight[field] as number;
      tokens.forEach((token, i) => {
        const term = terms[i] as number;
        add(term, w);
        if (options.compoundPartWeight === 0 || token.length < 7) return;
        let parts = partsCache.get(token);
        if (parts === undefined) {
          parts = vocabulary.splitKnown(token).filter((t) => t !== term);
          partsCache.set(token, parts);
        }
        for (const part of parts) add(part, w * options.compoundPartWeight);
      });
    }
  });

  // Pass 3: postings, sized by document frequency, with the saturated, idf-weighted BM25F weight.
  const n = units.length;
  const idf = new Float64Array(vocabulary.termCount);
  const postings: Postings[] = Array.from(df, (count, term) => {
    idf[term] = Math.log(1 + (n - count + 0.5) / (count + 0.5));
    return { units: new Int32Array(count), weights: new Float64Array(count) };
  });
  const filled = new Int32Array(vocabulary.termCount);
  tf.forEach((map, u) => {
    for (const [term, pseudo] of map) {
      const p = postings[term] as Postings;
      const k = filled[term] as number;
      filled[term] = k + 1;
      p.units[k] = u;
      p.weights[k] = ((idf[term] as number) * pseudo * (options.k1 + 1)) / (options.k1 + pseudo);
    }
  });
  return { units, vocabulary, postings, idf, phrases: phrasesOf(units, vocabulary) };
}

function phrasesOf(units: readonly Unit[], vocabulary: Vocabulary): Map<number, Phrase[]> {
  const byFirst = new Map<number, Phrase[]>();
  const wordsOf = new Map<string, { key: string; words: number[][] }>();
  const analyse = (text: string): { key: string; words: number[][] } => {
    let a = wordsOf.get(text);
    if (!a) {
      const tokens = contentTokens(text);
      a = { key: tokens.join(' '), words: tokens.map((w) => vocabulary.termsOfWord(w)) };
      wordsOf.set(text, a);
    }
    return a;
  };
  units.forEach((unit, u) => {
    const seen = new Set<string>();
    const add = (text: string, kind: Phrase['kind']): void => {
      const { key, words } = analyse(text);
      if (words.length === 0 || (kind === 'phrase' && words.length < 2) || seen.has(key)) return;
      seen.add(key);
      const phrase = { unit: u, kind, words };
      for (const term of phrase.words[0] ?? []) {
        const list = byFirst.get(term);
        if (list) list.push(phrase);
        else byFirst.set(term, [phrase]);
      }
    };
    for (const text of [unit.name.da, unit.name.en, ...unit.aliases]) add(text, 'name');
    for (const lang of ['da', 'en'] as const) for (const text of [...unit.keywords[lang], ...unit.topics[lang]]) add(text, 'phrase');
  });
  return byFirst;
}
