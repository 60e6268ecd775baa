import { REFERENCE_DIGITS, REFERENCE_LETTERS, spellReference } from '../../knowledge/callbacks/reference';
import type { Lang } from '../../knowledge/schema/unit';
import { digitWord } from './speech-numbers';
import { pause, PAUSE, said, tidy, type SpeechPart } from './speech-parts';
import { speakTimes } from './speech-time';

/**
 * A sentence for the ear: markdown gone, links said by their site, clock times in words, phone
 * numbers digit by digit in pairs with pauses, booking references spelled with a phonetic
 * alphabet. The result is parts (text and pauses), never markup: escaping is the serialiser's job.
 */

/** "+45 89 40 20 00", "89 40 20 00", "89402000" — Danish numbers are eight digits, said in pairs. */
const PHONE = /(?:\+45\s?|0045\s?)?(?<![\p{N}])(\d{2})[\s-]?(\d{2})[\s-]?(\d{2})[\s-]?(\d{2})(?![\p{N}])/gu;
const REFERENCE = new RegExp(`(?<![\\p{L}\\p{N}])([${REFERENCE_LETTERS}]{3})[-\\s]?([${REFERENCE_DIGITS}]{3})(?![\\p{L}\\p{N}])`, 'gu');

/** A phone number's digits as parts: "otte ni", pause, "fire nul", pause, … */
export function phoneNumberParts(digits: string, lang: Lang): SpeechPart[] {
  const national = digits.replace(/\D/g, '').replace(/^(?:0045|45)(?=\d{8}$)/, '');
  const pairs = national.match(/\d{1,2}/g) ?? [];
  const parts: SpeechPart[] = [];
  pairs.forEach((pair, i) => {
    if (i > 0) parts.push(pause(PAUSE.digitPair));
    parts.push(said([...pair].map((d) => digitWord(d, lang)).join(' ')));
  });
  return parts;
}

/** Markdown and links out: what a listener should hear of a line written for a reader. */
export function plainForSpeech(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((?:[^)]+)\)/g, '$1')
    .replace(/https?:\/\/(?:www\.)?([^/\s]+)[^\s]*/g, '$1')
    .replace(/\*\*|__|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|`/gu, '')
    .replace(/^\s*[-*]\s+/gm, '')
    // A line break ends a sentence for the ear, unless the line already ended one (or a colon).
    .replace(/([.:!?])?[ \t]*\n+\s*/g, (_m, end: string | undefined) => (end ? `${end} ` : '. '))
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** One piece of speakable text (a Reply's `speak`, a menu label) as parts. */
export function speechParts(text: string, lang: Lang): SpeechPart[] {
  const prepared = speakTimes(plainForSpeech(text), lang).replace(REFERENCE, (_w, letters: string, digits: string) =>
    spellReference(`${letters}${digits}`, lang),
  );
  const parts: SpeechPart[] = [];
  let at = 0;
  for (const match of prepared.matchAll(PHONE)) {
    const start = match.index;
    parts.push(said(prepared.slice(at, start)));
    parts.push(pause(PAUSE.digitPair), ...phoneNumberParts(match.slice(1).join(''), lang), pause(PAUSE.digitPair));
    at = start + match[0].length;
  }
  parts.push(said(prepared.slice(at)));
  return tidy(parts);
}

/** Numbered options read as a keypad menu: "Tryk 1 for Borgerservice." / "Press 1 for Citizen Services." */
export function menuParts(labels: readonly string[], lang: Lang): SpeechPart[] {
  const parts: SpeechPart[] = [];
  labels.forEach((label, i) => {
    if (i > 0) parts.push(pause(PAUSE.digitPair));
    const lead = lang === 'da' ? `Tryk ${i + 1} for` : `Press ${i + 1} for`;
    parts.push(said(`${lead} `), ...speechParts(label.replace(/[.!?]+$/, ''), lang), said('.'));
  });
  return tidy(parts);
}
