import { fold, normalize } from '../../knowledge/triage';
import { boundedDamerau, maxEdits } from '../../knowledge/triage/fuzzy';

/**
 * How well the words an agent typed match a name or keyword, typo-tolerant. Uses the triage
 * engine's matching keys (æ/ø/å folded) and its bounded Damerau-Levenshtein distance, so the
 * console forgives the same typos the bot does ("pladsanvisnign" is one swap from "pladsanvisning").
 */

/** Words that carry nothing for matching names ("Kultur og Borgerservice"). */
const SMALL_WORDS = new Set(['og', 'i', 'for', 'til', 'af', 'paa', 'med', 'the', 'and', 'of', 'to', 'in', 'on']);

/** The matching keys of a text: normalised, folded, small words and one-letter words dropped. */
export function matchKeys(text: string): string[] {
  return normalize(text)
    .split(' ')
    .map(fold)
    .filter((w) => w.length >= 2 && !SMALL_WORDS.has(w));
}

/**
 * How well one typed word `q` matches one word `t`, from 0 to 1: the same word 1; `q` the start of
 * `t` (still typing, or "pladsanvisning" for "pladsanvisningen") 0.9; `t` the start of `q` 0.85;
 * within the edits the word's length allows, of `t` or of a start of `t`, 0.8 less 0.1 per edit.
 * A short start counts only for the word being typed (`typing`): "min" in "min skraldespand" is
 * a word of its own, not the start of "minutes".
 */
export function wordMatch(q: string, t: string, typing = false): number {
  if (q === t) return 1;
  if (q.length >= (typing ? 3 : 5) && t.startsWith(q)) return 0.9;
  if (t.length >= 4 && q.startsWith(t)) return 0.85;
  const max = maxEdits(q.length);
  if (max === 0) return 0;
  let best = boundedDamerau(q, t, max);
  // A typo while still typing, or in a word that goes on ("pladsanvisnign" in "pladsanvisningen").
  for (let k = Math.max(1, q.length - max); k <= q.length + max && k < t.length && best > 0; k++) {
    best = Math.min(best, boundedDamerau(q, t.slice(0, k), max));
  }
  return best <= max ? 0.8 - 0.1 * best : 0;
}

/**
 * How well typed words match a phrase (a name, an alias, a keyword): the better of "every typed
 * word is in the phrase" and "every word of the phrase was typed", with the other direction as a
 * small tie-breaker, so "borgerservice" ranks Borgerservice above Kultur og Borgerservice.
 */
export function phraseMatch(query: readonly string[], phrase: readonly string[]): number {
  if (query.length === 0 || phrase.length === 0) return 0;
  const best = query.map((q, i) => phrase.map((t) => wordMatch(q, t, i === query.length - 1)));
  const queryCovered = mean(best.map((row) => Math.max(...row)));
  const phraseCovered = mean(phrase.map((_, j) => Math.max(...best.map((row) => row[j] as number))));
  return 0.8 * Math.max(queryCovered, phraseCovered) + 0.2 * Math.min(queryCovered, phraseCovered);
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
