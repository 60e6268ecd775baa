import { DeletionIndex } from './fuzzy';
import { fold, normalize, strip, tokens } from './normalize';
import { danishStemmer, englishStemmer, type Stem, type StemmerName } from './stem';
import { DANISH_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords';

export type Lang = 'da' | 'en';

/** A term of the index (a folded stem) reached from a query token, and how much to trust that reach. */
export interface TermMatch {
  readonly term: number;
  readonly factor: number;
}

/** How a query token was matched: for coverage (how much of the question is municipal business). */
export type MatchKind = 'exact' | 'stripped' | 'stem' | 'prefix' | 'fuzzy' | 'compound' | 'partial' | 'none';

export interface ResolvedToken {
  readonly token: string;
  readonly kind: MatchKind;
  readonly matches: readonly TermMatch[];
  /** For a compound: each part's matches ("handicapparkering" + "kort"), scored as separate words. */
  readonly parts?: readonly (readonly TermMatch[])[];
}

/**
 * Trust in each way of matching a token. A typo of one edit is nearly as good as the word, two edits
 * less so; a compound split into known words keeps most of its meaning, one of which only an end is
 * known keeps less; a word known only from the other language's texts ("rent" is Danish for clean,
 * English for husleje) counts for less. Chosen on test/eval/dev.jsonl (`frontdoor eval --set dev --tune`).
 */
export interface MatchFactors {
  readonly exact: number;
  /** A word typed without Danish letters: "born" for "børn", "lage" for "læge". */
  readonly stripped: number;
  readonly stem: number;
  readonly prefix: number;
  readonly fuzzy1: number;
  readonly fuzzy2: number;
  readonly compound: number;
  readonly partial: number;
  readonly otherLanguage: number;
}

export const DEFAULT_MATCH_FACTORS: MatchFactors = {
  exact: 1,
  stripped: 0.9,
  stem: 0.95,
  prefix: 0.7,
  fuzzy1: 0.85,
  fuzzy2: 0.65,
  compound: 0.8,
  partial: 0.55,
  otherLanguage: 0.6,
};

const STOPWORDS = new Set([...DANISH_STOPWORDS, ...ENGLISH_STOPWORDS].map(fold));

function isContent(t: string): boolean {
  return !STOPWORDS.has(t) && (t.length > 1 || /\d/.test(t)) && !t.includes(':');
}

/** Content tokens of a text: folded, stopwords and single letters dropped (digits kept: "gruppe 1"). */
export function contentTokens(text: string): string[] {
  return tokens(normalize(text)).map(fold).filter(isContent);
}

/** All folded tokens of a text, and the content tokens with their positions among them. */
export function positionedTokens(text: string): { all: string[]; content: string[]; positions: number[] } {
  const all = tokens(normalize(text)).map(fold);
  const content: string[] = [];
  const positions: number[] = [];
  all.forEach((t, i) => {
    if (!isContent(t)) return;
    content.push(t);
    positions.push(i);
  });
  return { all, content, positions };
}

/** Danish compounds join their parts directly or with a linking s or e ("sundhed-s-kort", "skrald-e-spand"). */
const LINKS = ['', 's', 'e'] as const;
/** Parts of a compound have four letters or more: with three, "vejret" (the weather) would be "vej" + "ret". */
const MIN_PART = 4;
const MIN_PARTIAL = 5;
/** "indskriv" (from "indskriver") reaches "indskrivning": a known word this much longer than the stem. */
const MAX_COMPLETION = 4;
const MIN_COMPLETION_STEM = 5;


/**
 * The vocabulary of a knowledge base: surface words (folded) and their terms (folded stems) per
 * language, built from the units' texts; and the ways a citizen's word reaches it: exact, by stem, as the
 * start of a longer word, with typos (deletion index), as a compound of known words, or joined with its
 * neighbour ("sundheds kort" = "sundhedskort").
 */
export class Vocabulary {
  /**
   * Terms by "lang:stem": Danish and English texts have terms of their own, so the Danish "rent" (clean,
   * from "gøre rent") and the English "rent" (husleje) do not share postings.
   */
  readonly #termIds = new Map<string, number>();
  readonly #termLangs: Lang[] = [];
  readonly #surface = { da: new Map<string, Set<number>>(), en: new Map<string, Set<number>>() };
  /** Surface words that occur as one word in the knowledge base (not only as a joined phrase). */
  readonly #words = new Set<string>();
  /**
   * Words of names, aliases, keywords and topics: the typo index covers these. Example questions and
   * descriptions add thousands of everyday words a typo rarely needs to reach (and a 5,000-unit bank
   * would otherwise spend most of its build time indexing them).
   */
  readonly #keyWords = new Set<string>();
  /** Words with Danish letters by their stripped key (normalize.ts `strip`). */
  readonly #stripped = new Map<string, string[]>();
  readonly #da: Stem;
  readonly #en: Stem;
  readonly #factors: MatchFactors;
  #fuzzy: DeletionIndex | null = null;
  #sortedStems: string[] = [];
  /** First four letters of every word and stem: a compound part must start like one of them. */
  #heads = new Set<string>();
  readonly #cache = { da: new Map<string, ResolvedToken>(), en: new Map<string, ResolvedToken>() };
  readonly #joins = new Map<string, string | null>();

  constructor(stemmer: StemmerName, factors: MatchFactors = DEFAULT_MATCH_FACTORS) {
    this.#da = danishStemmer(stemmer);
    this.#en = englishStemmer(stemmer);
    this.#factors = factors;
  }

  get termCount(): number {
    return this.#termIds.size;
  }

  #labels: string[] | null = null;
  /** "da:skraldespand": a term as its language and stem, for explanations (`triage --explain`). */
  termLabel(term: number): string {
    if (this.#labels === null) {
      this.#labels = [];
      for (const [key, id] of this.#termIds) this.#labels[id] = key;
    }
    return this.#labels[term] ?? `#${term}`;
  }

  stem(token: string, lang: Lang): string {
    return lang === 'da' ? this.#da(token) : this.#en(token);
  }

  #termOf(stem: string, lang: Lang): number {
    const key = `${lang}:${stem}`;
    let id = this.#termIds.get(key);
    if (id === undefined) {
      id = this.#termIds.size;
      this.#termIds.set(key, id);
      this.#termLangs.push(lang);
    }
    return id;
  }

  /** The Danish and the English term of a stem, those that exist. */
  #stemIds(stem: string): number[] {
    const out: number[] = [];
    const da = this.#termIds.get(`da:${stem}`);
    if (da !== undefined) out.push(da);
    const en = this.#termIds.get(`en:${stem}`);
    if (en !== undefined) out.push(en);
    return out;
  }

  /** Registers a word of the knowledge base in `lang` and returns its term id. */
  addWord(token: string, lang: Lang, key = true): number {
    // A word the knowledge base repeats (most of them) is registered once per language and kind.
    const seen = this.#added[lang][key ? 1 : 0] as Map<string, number>;
    const known = seen.get(token);
    if (known !== undefined) return known;
    this.#words.add(token);
    if (key) this.#keyWords.add(token);
    const term = this.#termOf(this.stem(token, lang), lang);
    this.#addSurface(token, lang, [term]);
    seen.set(token, term);
    return term;
  }

  readonly #added = { da: [new Map<string, number>(), new Map<string, number>()], en: [new Map<string, number>(), new Map<string, number>()] };

  /**
   * Registers a short phrase written as one word ("digitalpost" for "digital post"): a citizen who writes
   * it so reaches the phrase's terms.
   */
  addJoined(joined: string, lang: Lang, terms: readonly number[]): void {
    if (!this.#words.has(joined)) this.#addSurface(joined, lang, terms);
  }

  #addSurface(token: string, lang: Lang, terms: readonly number[]): void {
    const map = this.#surface[lang];
    let set = map.get(token);
    if (!set) {
      set = new Set();
      map.set(token, set);
    }
    for (const t of terms) set.add(t);
  }

  /** Call once every word is in: builds the typo index and the sorted stems for completions. */
  freeze(): void {
    this.#fuzzy = new DeletionIndex(this.#keyWords);
    this.#sortedStems = [...this.#termIds.keys()].sort();
    for (const word of this.#words) {
      const key = strip(word);
      if (key === word) continue;
      const list = this.#stripped.get(key);
      if (list) list.push(word);
      else this.#stripped.set(key, [word]);
    }
    this.#heads = new Set([...this.#words, ...[...this.#termIds.keys()].map((k) => k.slice(3))].map((w) => w.slice(0, MIN_PART)));
  }

  /** Terms of a word the vocabulary knows as it stands (surface or stem, either language), else []. */
  known(token: string): number[] {
    const out = new Set<number>();
    for (const map of [this.#surface.da, this.#surface.en]) for (const t of map.get(token) ?? []) out.add(t);
    if (out.size > 0) return [...out];
    for (const stem of this.#stems(token)) for (const id of this.#stemIds(stem)) out.add(id);
    return [...out];
  }

  /**
   * The stems a token may reach: each language's stem, the stem stemmed again (Snowball reads "billet" as
   * "bil" + "let" but "billetten" as "billet" + "ten"), and without a doubled final consonant (Danish
   * doubles it before a linking e: "skatte" is "skat").
   */
  #stems(token: string): string[] {
    const out: string[] = [];
    const push = (s: string): void => {
      if (!out.includes(s)) out.push(s);
      if (s.length > 3 && s.at(-1) === s.at(-2) && !out.includes(s.slice(0, -1))) out.push(s.slice(0, -1));
    };
    const da = this.#da(token);
    push(da);
    push(this.#da(da));
    push(this.#en(token));
    return out;
  }

  /** How a citizen's (folded, content) token reaches the vocabulary, for a message in `lang`. Cached. */
  resolve(token: string, lang: Lang): ResolvedToken {
    const cache = this.#cache[lang];
    const cached = cache.get(token);
    if (cached) return cached;
    const resolved = this.#resolveUncached(token, lang);
    if (cache.size > 100_000) cache.clear();
    cache.set(token, resolved);
    return resolved;
  }

  /** The factor for a term reached in `lang`: full if the term occurs in that language's texts. */
  #langFactor(term: number, lang: Lang): number {
    return this.#termLangs[term] === lang ? 1 : this.#factors.otherLanguage;
  }

  #matches(terms: Iterable<number>, factor: number, lang: Lang): TermMatch[] {
    return [...terms].map((term) => ({ term, factor: factor * this.#langFactor(term, lang) }));
  }

  /**
   * Tries the ways of matching from the most to the least trusted, keeping the best factor per term, and
   * stops once no later way could do better ("pladsanvisnigen" reaches an English-only stem at 0.57, so the
   * typo index is still asked, and finds "pladsanvisningen" at 0.85).
   */
  #resolveUncached(token: string, lang: Lang): ResolvedToken {
    const f = this.#factors;
    const found = new Map<number, number>();
    let kind = 'none' as MatchKind;
    let best = 0;
    const merge = (k: MatchKind, matches: readonly TermMatch[]): void => {
      for (const m of matches) {
        if (m.factor > (found.get(m.term) ?? 0)) found.set(m.term, m.factor);
        if (m.factor > best) {
          best = m.factor;
          kind = k;
        }
      }
    };
    const steps: [MatchKind, number, () => TermMatch[]][] = [
      ['exact', f.exact, () => this.#exact(token, lang)],
      ['stripped', f.stripped, () => this.#strippedMatches(token, lang)],
      ['stem', f.stem, () => this.#matches(this.#stemTerms(token), f.stem, lang)],
      ['fuzzy', f.fuzzy1, () => this.#fuzzyMatches(token, lang)],
      ['compound', f.compound, () => this.#matches(this.splitKnown(token), f.compound, lang)],
      ['prefix', f.prefix, () => this.#matches(this.#completions(this.stem(token, lang)), f.prefix, lang)],
      ['partial', f.partial, () => this.#matches(this.#partial(token), f.partial, lang)],
    ];
    for (const [k, ceiling, run] of steps) {
      if (best >= ceiling) break;
      merge(k, run());
    }
    const matches = [...found].map(([term, factor]) => ({ term, factor }));
    if (kind !== 'compound') return { token, kind, matches };
    const parts = this.#split(token).map((terms) => this.#matches(terms, f.compound, lang));
    return { token, kind, matches, parts };
  }

  /** Surface matches: full trust in the message's language, less for a word only the other language has. */
  #exact(token: string, lang: Lang): TermMatch[] {
    const other: Lang = lang === 'da' ? 'en' : 'da';
    const out = new Map<number, number>();
    for (const t of this.#surface[other].get(token) ?? []) out.set(t, this.#factors.exact * this.#factors.otherLanguage);
    for (const t of this.#surface[lang].get(token) ?? []) out.set(t, this.#factors.exact);
    return [...out].map(([term, factor]) => ({ term, factor }));
  }

  #strippedMatches(token: string, lang: Lang): TermMatch[] {
    const words = this.#stripped.get(token);
    if (!words) return [];
    const out = new Map<number, number>();
    for (const word of words) {
      for (const m of this.#exact(word, lang)) {
        const factor = m.factor * this.#factors.stripped;
        if (factor > (out.get(m.term) ?? 0)) out.set(m.term, factor);
      }
    }
    return [...out].map(([term, factor]) => ({ term, factor }));
  }

  #stemTerms(token: string): number[] {
    const out: number[] = [];
    for (const stem of this.#stems(token)) for (const id of this.#stemIds(stem)) if (!out.includes(id)) out.push(id);
    return out;
  }

  /** Known stems (either language) that start with `stem` and are at most MAX_COMPLETION letters longer. */
  #completions(stem: string): number[] {
    if (stem.length < MIN_COMPLETION_STEM) return [];
    const out: number[] = [];
    for (const lang of ['da', 'en'] as const) {
      const prefix = `${lang}:${stem}`;
      const sorted = this.#sortedStems;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((sorted[mid] as string) < prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sorted.length; i++) {
        const s = sorted[i] as string;
        if (!s.startsWith(prefix)) break;
        if (s.length - prefix.length <= MAX_COMPLETION) out.push(this.#termIds.get(s) as number);
      }
    }
    return out;
  }

  #fuzzyMatches(token: string, lang: Lang): TermMatch[] {
    const index = this.#fuzzy;
    if (!index) return [];
    const out = new Map<number, number>();
    for (const hit of index.lookup(token)) {
      const base = hit.distance === 1 ? this.#factors.fuzzy1 : this.#factors.fuzzy2;
      const terms = this.known(hit.word);
      for (const term of terms) {
        const factor = base * this.#langFactor(term, lang);
        if (factor > (out.get(term) ?? 0)) out.set(term, factor);
      }
    }
    return [...out].map(([term, factor]) => ({ term, factor }));
  }

  /**
   * Splits a word into known words, fewest parts first: "ejendomsskattebillet" = "ejendomsskat" + "te"
   * (a linking e after a doubled consonant) + "billet". The parts' terms, or [] when no split into two or
   * more known words exists.
   */
  splitKnown(token: string): number[] {
    return this.#split(token).flat();
  }

  /**
   * The parts of a split (each part's terms): fewest parts, and among those the one with the longest
   * part ("handicapparkering" + "s" + "kort" rather than "handicap" + "parkeringskort"): the longer a
   * known part, the more of the meaning it carries.
   */
  #split(token: string): number[][] {
    const n = token.length;
    if (n < 2 * MIN_PART) return [];
    const count = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
    const longest = new Array<number>(n + 1).fill(0);
    const parts = new Array<number[][]>(n + 1).fill([]);
    count[0] = 0;
    for (let i = 0; i < n; i++) {
      const here = count[i] as number;
      if (here === Number.POSITIVE_INFINITY) continue;
      for (let j = i + MIN_PART; j <= n; j++) {
        // The whole word is not a split of itself.
        if (i === 0 && j === n) continue;
        const terms = this.#partTerms(token.slice(i, j));
        if (terms.length === 0) continue;
        const long = Math.max(longest[i] as number, j - i);
        for (const link of LINKS) {
          const end = j + link.length;
          if (end > n || (link !== '' && (token.slice(j, end) !== link || end === n))) continue;
          const better = here + 1 < (count[end] as number) || (here + 1 === count[end] && long > (longest[end] as number));
          if (better) {
            count[end] = here + 1;
            longest[end] = long;
            parts[end] = [...(parts[i] as number[][]), terms];
          }
        }
      }
    }
    return (count[n] as number) < Number.POSITIVE_INFINITY ? (parts[n] as number[][]) : [];
  }

  /** The longest known start or end (five letters or more) of a word with no full split. */
  #partial(token: string): number[] {
    const n = token.length;
    for (let len = n - MIN_PART; len >= MIN_PARTIAL; len--) {
      const head = this.#partTerms(token.slice(0, len));
      if (head.length > 0) return head;
      const tail = this.#partTerms(token.slice(n - len));
      if (tail.length > 0) return tail;
    }
    return [];
  }

  /**
   * Terms of a compound part: a word or stem of the vocabulary as written (a doubled final consonant
   * undone: "skatt" is "skat"), not a stopword. No stemming here: a 15-letter word has a hundred
   * substrings, and stemming them all doubled the index build time (measured).
   */
  #partTerms(piece: string): number[] {
    if (STOPWORDS.has(piece) || !this.#heads.has(piece.slice(0, MIN_PART))) return [];
    const out = new Set<number>();
    for (const map of [this.#surface.da, this.#surface.en]) for (const t of map.get(piece) ?? []) out.add(t);
    for (const id of this.#stemIds(piece)) out.add(id);
    if (out.size === 0 && piece.at(-1) === piece.at(-2)) for (const id of this.#stemIds(piece.slice(0, -1))) out.add(id);
    return [...out];
  }

  /**
   * "sundheds kort" -> "sundhedskort", "skrald spand" -> "skraldespand": the joined word if the knowledge
   * base has it as one word (directly, with a linking s/e, or within one typo for long words), else null.
   */
  join(a: string, b: string): string | null {
    const key = `${a} ${b}`;
    const cached = this.#joins.get(key);
    if (cached !== undefined) return cached;
    const joined = this.#joinUncached(a, b);
    if (this.#joins.size > 100_000) this.#joins.clear();
    this.#joins.set(key, joined);
    return joined;
  }

  #joinUncached(a: string, b: string): string | null {
    for (const link of LINKS) {
      const joined = a + link + b;
      if (this.#words.has(joined)) return joined;
    }
    // Inflected compounds written apart ("varme veksleren" for the KB's "varmeveksler"): the joined word's
    // Danish stem is a known term. Parts of three letters or more, so two short words do not glue by chance.
    if (a.length >= 3 && b.length >= 3) {
      for (const link of LINKS) {
        const candidate = a + link + b;
        if (candidate.length >= 8 && this.#termIds.has(`da:${this.#da(candidate)}`)) return candidate;
      }
    }
    const joined = a + b;
    if (joined.length >= 9) {
      const hit = this.#fuzzy?.lookup(joined).find((h) => h.distance === 1 && this.#words.has(h.word));
      if (hit) return hit.word;
    }
    return null;
  }

  /** Whether a folded word occurs as a word in the knowledge base. */
  hasWord(token: string): boolean {
    return this.#words.has(token);
  }

  /** The term ids a phrase's word reaches in either language, exact or by stem (for name matching). */
  termsOfWord(token: string): number[] {
    return this.known(token);
  }
}
