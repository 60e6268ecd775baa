import type { Lang } from '../../knowledge/schema/unit';

/**
 * Small numbers as words, for clock times and digits read aloud. Written out rather than left to
 * the speech engine, which reads "9.15" as a decimal number and "89402000" as eighty-nine million.
 */

const DA_ONES = ['nul', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv', 'tretten', 'fjorten', 'femten', 'seksten', 'sytten', 'atten', 'nitten'];
const DA_TENS = ['', '', 'tyve', 'tredive', 'fyrre', 'halvtreds'];
const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty'];

/** 0–59 in words: "enogtyve", "twenty-one". Danish puts the ones first ("enogtyve"). */
export function numberWords(n: number, lang: Lang): string {
  if (!Number.isInteger(n) || n < 0 || n > 59) throw new RangeError(`numberWords: ${n} is outside 0–59`);
  const ones = lang === 'da' ? DA_ONES : EN_ONES;
  const tens = lang === 'da' ? DA_TENS : EN_TENS;
  if (n < 20) return ones[n] as string;
  const ten = tens[Math.floor(n / 10)] as string;
  const one = n % 10;
  if (one === 0) return ten;
  return lang === 'da' ? `${ones[one]}og${ten}` : `${ten}-${ones[one]}`;
}

/** A single digit as a word: "otte", "eight". */
export function digitWord(digit: string, lang: Lang): string {
  const n = Number(digit);
  if (!/^\d$/.test(digit)) throw new RangeError(`digitWord: "${digit}" is not a digit`);
  return (lang === 'da' ? DA_ONES : EN_ONES)[n] as string;
}

/** The hour on a 12-hour clock face as Danish says it after "klokken": "et", not "en". */
export function clockHourWord(hour24: number, lang: Lang): string {
  const h12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  if (lang === 'da' && h12 === 1) return 'et';
  return numberWords(h12, lang);
}
