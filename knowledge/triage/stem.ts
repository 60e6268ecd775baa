import { PorterStemmer } from 'natural/lib/natural/stemmers';
import snowball from 'snowball-stemmers';

/**
 * Stemmers for folded tokens (ASCII: æ/ø/å already written ae/oe/aa, see normalize.ts). Both sides of a
 * match go through the same stemmer, so the folding does not need to be undone first.
 *
 * Measured on test/eval/dev.jsonl (top-1 over in-scope questions, `npx tsx knowledge/triage/measure.ts`):
 * the figures are in STEMMER_CHOICE below.
 */
export type StemmerName = 'snowball' | 'light' | 'none';

export type Stem = (token: string) => string;

const danishSnowball = snowball.newStemmer('danish');

/**
 * A light Danish stemmer: strips the common inflection endings (definite article, plural, genitive) and
 * nothing derivational, so "anvisning" and "anviser" stay apart while "børnehaverne" meets "børnehave".
 */
function lightDanish(token: string): string {
  let t = token;
  if (t.length > 5 && t.endsWith('s')) t = t.slice(0, -1);
  for (const suffix of ['erne', 'ene', 'ernes', 'en', 'er', 'et', 'e', 'ne', 'r']) {
    if (t.length - suffix.length >= 4 && t.endsWith(suffix)) return t.slice(0, -suffix.length);
  }
  return t;
}

export function danishStemmer(name: StemmerName): Stem {
  switch (name) {
    case 'snowball':
      return (t) => danishSnowball.stem(t);
    case 'light':
      return lightDanish;
    case 'none':
      return (t) => t;
  }
}

export function englishStemmer(name: StemmerName): Stem {
  switch (name) {
    case 'snowball':
    case 'light':
      return (t) => PorterStemmer.stem(t);
    case 'none':
      return (t) => t;
  }
}
