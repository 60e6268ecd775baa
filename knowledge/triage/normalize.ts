import { createRequire } from 'node:module';
import type * as NaturalTokenizers from 'natural/lib/natural/tokenizers/index.js';

/**
 * Text normalisation for triage. Two levels, on purpose:
 * - `normalize` is what a person would still recognise: lower case, Danish letters kept, punctuation
 *   gone. Time expressions and the emergency lexicon read this form.
 * - `fold` is the matching key: æ/ø/å become ae/oe/aa on BOTH sides (knowledge base and question), so
 *   "boernehave", "børnehave" and "bornehave"-with-ö all meet. Folding the other way (oe -> ø) would turn
 *   English "does" or "shoe" into nonsense; folding to ASCII loses nothing that matching needs.
 */

// natural's WordTokenizer splits on [^A-Za-z0-9_] and so cuts "børnehave" in three; a Unicode-aware gap
// pattern keeps every letter of every script, and the colon of a time ("16:30").
// Only the regexp tokenizer is loaded: natural's tokenizers index loads every language's (~35 ms at start).
const { RegexpTokenizer } = createRequire(import.meta.url)('natural/lib/natural/tokenizers/regexp_tokenizer.js') as typeof NaturalTokenizers;
const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}:]+/u });

/** Lower case, NFC, Danish letters kept, other accents dropped (é -> e), punctuation to single spaces. */
// One message is normalised by language, emergency, time, intent and the emergency model in turn: the
// last result is kept.
let lastIn = '';
let lastOut = '';

export function normalize(text: string): string {
  if (text === lastIn) return lastOut;
  lastOut = normalizeUncached(text);
  lastIn = text;
  return lastOut;
}

/** Lower-cased text of plain letters, digits, spaces and sentence marks: the common case, done cheaply. */
const PLAIN = /^[a-z0-9æøå ,.?!]*$/;

function normalizeUncached(text: string): string {
  const lower = text.toLowerCase();
  // Same result as below for plain text (a decomposed "å", an accent, a hyphen or a time takes the long way).
  if (PLAIN.test(lower) && !/\d\.\d/.test(lower)) return lower.replace(/[ ,.?!]+/g, ' ').trim();
  return (
    text
      .normalize('NFC')
      .toLocaleLowerCase('da')
      // German/Swedish keyboards: ä/ö are the Danish æ/ø.
      .replace(/ä/g, 'æ')
      .replace(/ö/g, 'ø')
      // Other accents off (é -> e); æ/ø/å stay, they are letters of their own in Danish.
      .replace(/[^\u0000-\u007fæøå]/g, (ch) => ch.normalize('NFD').replace(/\p{M}+/gu, '') || ch)
      // A hyphen inside a word joins it ("e-boks", "p-bøde", "SU-lån"): Danish writes these both ways.
      .replace(/(\p{L})-(?=\p{L})/gu, '$1')
      // "16.30", "9:15": a time stays one token, written with a colon.
      .replace(/(\d)[.:](?=\d)/g, '$1:')
      .replace(/[^\p{L}\p{N}:]+|:(?!\d)|(?<!\d):/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The ASCII matching key of one normalised token: æ->ae, ø->oe, å->aa (the aa/oe/ae spellings stay). */
export function fold(token: string): string {
  return token.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}

/**
 * The key of a word typed without Danish letters at all ("born" for "børn", "slar" for "slår"): the
 * folded form with ae/oe/aa reduced to a/o/a. Lossy, so only a fallback after the exact forms.
 */
export function strip(folded: string): string {
  return folded.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/aa/g, 'a');
}

/** Tokens of an already normalised text (times like "16:30" stay one token). */
export function tokens(normalized: string): string[] {
  return tokenizer.tokenize(normalized);
}

/** normalize + tokens + fold: the matching keys of a raw text. */
export function keys(text: string): string[] {
  return tokens(normalize(text)).map(fold);
}
