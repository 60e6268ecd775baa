import { randomInt } from 'node:crypto';
import type { Lang } from '../schema/unit';

/**
 * Booking references: three letters and three digits, e.g. "KMR472" — short enough to say on
 * the phone and to type from a text message. The alphabet leaves out 0/O, 1/I/L, which are
 * easily confused when read or heard. 23³ · 8³ ≈ 6.2 million codes; storage retries on a
 * collision.
 */
export const REFERENCE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_DIGITS = '23456789';

const PATTERN = new RegExp(`^[${REFERENCE_LETTERS}]{3}[${REFERENCE_DIGITS}]{3}$`);

/** A new reference from the operating system's cryptographic random source. */
export function newReference(random: (max: number) => number = randomInt): string {
  let out = '';
  for (let i = 0; i < 3; i++) out += REFERENCE_LETTERS[random(REFERENCE_LETTERS.length)];
  for (let i = 0; i < 3; i++) out += REFERENCE_DIGITS[random(REFERENCE_DIGITS.length)];
  return out;
}

/** True for a reference in its canonical form ("KMR472"). */
export function isReference(text: string): boolean {
  return PATTERN.test(text);
}

/**
 * A reference as a citizen writes or says it — "kmr 472", "KMR-472" — in canonical form, or
 * undefined when it cannot be one of ours.
 */
export function parseReference(text: string): string | undefined {
  if (text.length > 20) return undefined;
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  return isReference(compact) ? compact : undefined;
}

/** Phonetic alphabets: the Danish one agents use on the phone, and the ICAO/NATO one. */
const SPELLING: Record<Lang, Record<string, string>> = {
  da: {
    A: 'Anna', B: 'Bernhard', C: 'Cecilie', D: 'David', E: 'Erik', F: 'Frederik', G: 'Georg', H: 'Hans',
    J: 'Johan', K: 'Karen', M: 'Marie', N: 'Nikolaj', P: 'Peter', Q: 'Quintus', R: 'Rasmus', S: 'Søren',
    T: 'Theodor', U: 'Ulla', V: 'Viggo', W: 'William', X: 'Xerxes', Y: 'Yrsa', Z: 'Zakarias',
  },
  en: {
    A: 'Alfa', B: 'Bravo', C: 'Charlie', D: 'Delta', E: 'Echo', F: 'Foxtrot', G: 'Golf', H: 'Hotel',
    J: 'Juliett', K: 'Kilo', M: 'Mike', N: 'November', P: 'Papa', Q: 'Quebec', R: 'Romeo', S: 'Sierra',
    T: 'Tango', U: 'Uniform', V: 'Victor', W: 'Whiskey', X: 'X-ray', Y: 'Yankee', Z: 'Zulu',
  },
};

/**
 * A reference spelled for a voice: "K som Karen, M som Marie, R som Rasmus, 4, 7, 2". Digits one
 * by one, so a speech synthesiser does not read "472" as a number.
 */
export function spellReference(reference: string, lang: Lang): string {
  const joiner = lang === 'da' ? 'som' : 'as in';
  return [...reference]
    .map((ch) => {
      const word = SPELLING[lang][ch];
      return word === undefined ? ch : `${ch} ${joiner} ${word}`;
    })
    .join(', ');
}
