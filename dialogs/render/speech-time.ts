import type { Lang } from '../../knowledge/schema/unit';
import { clockHourWord, numberWords } from './speech-numbers';

/**
 * Clock times the way people say them on the phone. Danish uses the 12-hour clock face in speech
 * ("klokken ni", "kvart over fem", "halv fem" = 16.30, "fem minutter i halv ti") and only adds
 * "om morgenen"/"om aftenen"/"om natten" where the face alone would mislead: outside the
 * 7–18 band that office hours live in. English likewise: "nine a.m.", "a quarter past five",
 * "half past four in the evening".
 */
interface Spoken {
  readonly phrase: string;
  /** "om aftenen", "in the evening"… or '' inside office hours. */
  readonly dayPart: string;
}

function dayPart(hour: number, lang: Lang): string {
  const da = lang === 'da';
  if (hour < 5) return da ? 'om natten' : 'at night';
  if (hour < 7) return da ? 'om morgenen' : 'in the morning';
  if (hour >= 18) return da ? 'om aftenen' : 'in the evening';
  return '';
}

function spokenDa(hour: number, minute: number): Spoken {
  if (hour === 24 || (hour === 0 && minute === 0)) return { phrase: 'midnat', dayPart: '' };
  const h = clockHourWord(hour, 'da');
  const next = clockHourWord(hour + 1, 'da');
  const minutes = (m: number) => (m === 1 ? 'et minut' : `${numberWords(m, 'da')} minutter`);
  let phrase: string;
  if (minute === 0) phrase = `klokken ${h}`;
  else if (minute === 15) phrase = `kvart over ${h}`;
  else if (minute === 30) phrase = `halv ${next}`;
  else if (minute === 45) phrase = `kvart i ${next}`;
  else if (minute === 25) phrase = `fem minutter i halv ${next}`;
  else if (minute === 35) phrase = `fem minutter over halv ${next}`;
  else if (minute < 30) phrase = `${minutes(minute)} over ${h}`;
  else phrase = `${minutes(60 - minute)} i ${next}`;
  return { phrase, dayPart: dayPart(hour, 'da') };
}

function spokenEn(hour: number, minute: number): Spoken {
  if (hour === 24 || (hour === 0 && minute === 0)) return { phrase: 'midnight', dayPart: '' };
  if (hour === 12 && minute === 0) return { phrase: 'noon', dayPart: '' };
  const h = clockHourWord(hour, 'en');
  const suffix = hour < 12 ? 'a.m.' : 'p.m.';
  // a.m./p.m. already says the part of the day; the quarter forms need the words instead.
  if (minute === 0) return { phrase: `${h} ${suffix}`, dayPart: '' };
  if (minute === 15) return { phrase: `a quarter past ${h}`, dayPart: dayPart(hour, 'en') };
  if (minute === 30) return { phrase: `half past ${h}`, dayPart: dayPart(hour, 'en') };
  if (minute === 45) return { phrase: `a quarter to ${clockHourWord(hour + 1, 'en')}`, dayPart: dayPart(hour, 'en') };
  const mm = minute < 10 ? `oh ${numberWords(minute, 'en')}` : numberWords(minute, 'en');
  return { phrase: `${h} ${mm} ${suffix}`, dayPart: '' };
}

function spoken(hour: number, minute: number, lang: Lang): Spoken {
  return lang === 'da' ? spokenDa(hour, minute) : spokenEn(hour, minute);
}

/** A time of day (hour 0–24, minute 0–59) as spoken: "kvart over fem", "half past four in the evening". */
export function spokenClock(hour: number, minute: number, lang: Lang): string {
  const s = spoken(hour, minute, lang);
  return s.dayPart ? `${s.phrase} ${s.dayPart}` : s.phrase;
}

/** A span: "fra klokken seks til klokken ti om aftenen" — the part of the day said once when both ends share it. */
export function spokenSpan(from: { hour: number; minute: number }, to: { hour: number; minute: number }, lang: Lang): string {
  const a = spoken(from.hour, from.minute, lang);
  const b = spoken(to.hour, to.minute, lang);
  const first = a.dayPart && a.dayPart !== b.dayPart ? `${a.phrase} ${a.dayPart}` : a.phrase;
  const second = b.dayPart ? `${b.phrase} ${b.dayPart}` : b.phrase;
  return lang === 'da' ? `fra ${first} til ${second}` : `from ${first} to ${second}`;
}

// Times are first replaced by markers, so spans can be found without a regex per combination.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const marker = (hour: number, minute: number) => `${OPEN}${hour}:${minute}${CLOSE}`;

/** "kl. 9.00", "9.00", "kl 16:30", "24.00"; not "1.500" and not a date like "24.12.2026". */
const DA_TIME = /(?<![\p{L}\p{N}.,:])(?:kl\.?\s*)?([01]?\d|2[0-4])[.:]([0-5]\d)(?![\p{N}]|[.,:]\p{N})/gu;
/** "kl. 16", "kl 9" without minutes (how citizens write it, and how triage echoes it). */
const DA_HOUR = /(?<![\p{L}\p{N}])kl\.?\s*([01]?\d|2[0-4])(?![\p{N}]|[.,:]\p{N})/gu;
/** "9 am", "5:15 pm", "12 noon", "midnight". */
const EN_TIME = /(?<![\p{L}\p{N}:])(?:(\d{1,2})(?::([0-5]\d))?\s?(am|pm|a\.m\.|p\.m\.)(?![\p{L}])|(?:12\s)?(noon)|(midnight))/giu;
const SPAN = new RegExp(`${OPEN}(\\d+):(\\d+)${CLOSE}\\s*[–-]\\s*${OPEN}(\\d+):(\\d+)${CLOSE}`, 'g');
const SINGLE = new RegExp(`${OPEN}(\\d+):(\\d+)${CLOSE}`, 'g');

function markDa(text: string): string {
  return text
    .replace(DA_TIME, (whole, h: string, m: string) => (Number(h) === 24 && m !== '00' ? whole : marker(Number(h), Number(m))))
    .replace(DA_HOUR, (_w, h: string) => marker(Number(h), 0));
}

function markEn(text: string): string {
  return text.replace(EN_TIME, (whole, h: string | undefined, m: string | undefined, suffix: string | undefined, noon: string | undefined, midnight: string | undefined) => {
    if (noon) return marker(12, 0);
    if (midnight) return marker(24, 0);
    const hour12 = Number(h);
    if (hour12 < 1 || hour12 > 12) return whole;
    const pm = (suffix ?? '').toLowerCase().startsWith('p');
    const hour = (hour12 % 12) + (pm ? 12 : 0);
    return marker(hour, Number(m ?? 0));
  });
}

/**
 * Every clock time in a sentence in words: "Lukket nu – åbner torsdag kl. 9.00" → "… åbner torsdag
 * klokken ni"; "Mandag: 9.00–11.00" → "Mandag: fra klokken ni til klokken elleve"; "closes at
 * 5:15 pm" → "closes at a quarter past five".
 */
export function speakTimes(text: string, lang: Lang): string {
  const marked = lang === 'da' ? markDa(text) : markEn(text);
  return marked
    .replace(SPAN, (_w, h1: string, m1: string, h2: string, m2: string) =>
      spokenSpan({ hour: Number(h1), minute: Number(m1) }, { hour: Number(h2), minute: Number(m2) }, lang),
    )
    .replace(SINGLE, (_w, h: string, m: string) => spokenClock(Number(h), Number(m), lang));
}
