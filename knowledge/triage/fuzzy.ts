/**
 * Typo tolerance: a SymSpell-style deletion index over a vocabulary, verified with a bounded
 * Damerau-Levenshtein distance (optimal string alignment: a swap of two neighbours is one edit, so
 * "pladsanvisnign" is one edit from "pladsanvisning").
 *
 * natural's DamerauLevenshteinDistance computes the whole matrix; the bounded version here stops as soon
 * as the distance must exceed the bound, which is what makes fuzzy lookups cheap enough for thousands of
 * questions a second (the tests check both agree).
 */

/** How many edits a word of this length may carry: short words must be exact, long ones may have two. */
export function maxEdits(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return 2;
}

/** Damerau-Levenshtein (OSA) distance of a and b, or `max + 1` as soon as it is known to exceed `max`. */
export function boundedDamerau(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  // Three rows: two back for the transposition, one back, current.
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[lb] as number;
  return d > max ? max + 1 : d;
}

/** Every string made by deleting up to `depth` characters of `word`, the word itself included. */
function deletes(word: string, depth: number, out: Set<string>): void {
  out.add(word);
  if (depth === 0 || word.length <= 1) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) deletes(d, depth - 1, out);
  }
}

export interface FuzzyHit {
  readonly word: string;
  readonly distance: number;
}

/**
 * A deletion index (SymSpell) over the first PREFIX characters of each word: a word and a query that are
 * within d edits share a string reachable by deletions from both. Indexing only a prefix, and only one
 * deletion deep on the index side (the query side goes two deep for long words), keeps the index small
 * enough to build in well under a second for a 5,000-unit vocabulary; what it gives up is a long word
 * typed with two of its letters missing. Candidates are verified on the whole word.
 */
export class DeletionIndex {
  static readonly PREFIX = 7;
  readonly #buckets = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    const seen = new Set<string>();
    for (const word of words) {
      const edits = maxEdits(word.length);
      if (edits === 0 || seen.has(word)) continue;
      seen.add(word);
      const keys = new Set<string>();
      deletes(word.slice(0, DeletionIndex.PREFIX), Math.min(edits, 1), keys);
      for (const key of keys) {
        const bucket = this.#buckets.get(key);
        if (bucket) bucket.push(word);
        else this.#buckets.set(key, [word]);
      }
    }
  }

  /** The vocabulary words closest to `query` within the edits its length allows (all ties), or []. */
  lookup(query: string): FuzzyHit[] {
    const max = maxEdits(query.length);
    if (max === 0) return [];
    const keys = new Set<string>();
    deletes(query.slice(0, DeletionIndex.PREFIX), max, keys);
    let best = Number.POSITIVE_INFINITY;
    let limit = max;
    let hits: string[] = [];
    const checked = new Set<string>();
    for (const key of keys) {
      const bucket = this.#buckets.get(key);
      if (!bucket) continue;
      for (const word of bucket) {
        if (checked.has(word)) continue;
        checked.add(word);
        // The word's own length bounds its edits too: "skat" must not be reached from "skatte" by two.
        const bound = Math.min(limit, maxEdits(word.length));
        const d = boundedDamerau(query, word, bound);
        if (d > bound || d === 0) continue;
        if (d < best) {
          best = d;
          limit = d;
          hits = [word];
        } else if (d === best) hits.push(word);
      }
    }
    return hits.map((word) => ({ word, distance: best }));
  }
}
