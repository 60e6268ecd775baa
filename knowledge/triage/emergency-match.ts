import { commonRanks } from './common-words';
import { boundedDamerau } from './fuzzy';
import { detectLanguage } from './language';
import { fold, normalize, strip, tokens } from './normalize';
import { DANISH_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords';
import {
  CHILD_WORDS,
  EMERGENCY_PHRASES,
  ENGLISH_ONLY,
  AFTER_THE_FACT,
  WELL_NOW,
  HYPOTHETICAL,
  PROCEDURE,
  NOT_EMERGENCY,
  NOT_TYPOS,
  SAID_NOT_DANGEROUS,
  STILL_HAPPENING,
  SPELLING_VARIANTS,
  type EmergencyCategory,
  type EmergencyPhrase,
} from './emergency';

/** One word of a pattern: exact, or a prefix ("selvmord*"). Stored folded (æ -> ae, see normalize.ts). */
interface WordSpec {
  readonly word: string;
  readonly prefix: boolean;
  /** `word`, or `word*` for a prefix: what SpecIndex.matches reports. */
  readonly key: string;
}

interface Slot {
  readonly alternatives: readonly WordSpec[];
  /** The alternatives' keys, to test a token's matches against. */
  readonly keys: ReadonlySet<string>;
  /** How many other tokens may come between the previous slot and this one. */
  readonly gap: number;
}

interface Pattern {
  readonly slots: readonly Slot[];
  readonly phrase: EmergencyPhrase | null;
}

const DEFAULT_GAP = 1;
const WIDE_GAP = 6;
/** Pattern words this long also match with one typo. Shorter ones must be exact: "leve" is one edit from "lave". */
const FUZZY_MIN = 6;
/** Pattern words this long (and shorter than FUZZY_MIN) also match with one letter dropped (SpecIndex). */
const SHORT_MIN = 4;

/** A word of everyday Danish or English: one of the 10,000 most common of either (common-words.ts). */
function everyday(word: string): boolean {
  const { da, en } = commonRanks();
  return da.has(word) || en.has(word);
}

function compile(pattern: string, phrase: EmergencyPhrase | null, gapBetween = DEFAULT_GAP): Pattern {
  const slots: Slot[] = [];
  let gap = 0;
  for (const part of pattern.split(/\s+/)) {
    if (part === '...') {
      gap = WIDE_GAP;
      continue;
    }
    const alternatives = part.split('|').map((alt) => {
      const prefix = alt.endsWith('*');
      const word = fold(normalize(prefix ? alt.slice(0, -1) : alt).replace(/\s+/g, ''));
      return { word, prefix, key: prefix ? `${word}*` : word };
    });
    slots.push({ alternatives, keys: new Set(alternatives.map((a) => a.key)), gap: slots.length === 0 ? 0 : gap });
    gap = gapBetween;
  }
  return { slots, phrase };
}

/**
 * "alene (rundt|ved vejen)" -> "alene rundt", "alene ved vejen": groups hold alternatives of several words;
 * a group followed by `?` may also be left out ("(helt)? slap" -> "helt slap", "slap").
 */
export function expand(pattern: string): string[] {
  const m = /\(([^()]*)\)(\??)/.exec(pattern);
  if (!m) return [pattern];
  const before = pattern.slice(0, m.index);
  const after = pattern.slice(m.index + m[0].length);
  const alternatives = (m[1] as string).split('|').map((alt) => alt.trim());
  const optional = m[2] === '?';
  const join = (middle: string): string => `${before}${middle}${after}`.replace(/\s+/g, ' ').trim();
  // Alternatives of one word each are one slot ("(a|b|c)" = "a|b|c"): expanding them one by one would
  // multiply the patterns (four such groups of five words are 625 patterns, not one).
  // Not inside another group, whose own '|' would split the slot apart.
  const nested = (before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0);
  if (!nested && alternatives.every((alt) => alt !== '' && !/\s/.test(alt))) {
    const slot = expand(join(alternatives.join('|')));
    return optional ? [...slot, ...expand(join(''))] : slot;
  }
  if (optional) alternatives.push('');
  return alternatives.flatMap((alt) => expand(join(alt)));
}

const POSITIVE = EMERGENCY_PHRASES.flatMap((p) => expand(p.pattern).map((x) => compile(x, p)));
const ENGLISH = ENGLISH_ONLY.flatMap((p) => expand(p.pattern).map((x) => compile(x, p)));
// An idiom's words stand together: a gap would let "slår til" mask "slår mig til".
const NEGATIVE = NOT_EMERGENCY.flatMap((p) => expand(p).map((x) => compile(x, null, 0)));
const PAST = [...AFTER_THE_FACT, ...HYPOTHETICAL].flatMap((p) => expand(p).map((x) => compile(x, null)));
const WELL = WELL_NOW.flatMap((p) => expand(p).map((x) => compile(x, null)));
const PROCEDURES = PROCEDURE.flatMap((p) => expand(p).map((x) => compile(x, null)));
const NOW = STILL_HAPPENING.flatMap((p) => expand(p).map((x) => compile(x, null)));
const CALM = SAID_NOT_DANGEROUS.flatMap((p) => expand(p).map((x) => compile(x, null)));
const CHILD = new Set(CHILD_WORDS.map((w) => fold(w)));
const REAL_WORDS = new Set(NOT_TYPOS.map((w) => fold(w)));

/**
 * Which pattern words each token matches, computed once per message: exact words through a map, typos
 * through a one-deletion index over the long words, prefixes (few) one by one. Patterns then only test
 * set membership, so 300 patterns cost little more than 30.
 */
class SpecIndex {
  readonly #exact = new Set<string>();
  /** Words with Danish letters by their stripped key: "born" finds "børn", "slar" finds "slår". */
  readonly #stripped = new Map<string, string[]>();
  readonly #deletes = new Map<string, string[]>();
  /**
   * Short words (four or five letters) with one letter dropped, as typed in a hurry ("lve" for "leve",
   * "brnd" for "brand"): only where the shortened form is no everyday word of either language ("sår" is
   * a word, not "slår" mistyped). Other typos of short words stay out: "leve" is one letter from "lave".
   */
  readonly #shortDeletes = new Map<string, string[]>();
  /** Prefix patterns by their first two letters: a typo is allowed after those. */
  readonly #prefixes = new Map<string, WordSpec[]>();

  constructor(patterns: readonly Pattern[]) {
    const seen = new Set<string>();
    for (const spec of patterns.flatMap((p) => p.slots.flatMap((s) => s.alternatives))) {
      const key = spec.key;
      if (seen.has(key)) continue;
      seen.add(key);
      if (spec.prefix) {
        const head = spec.word.slice(0, 2);
        this.#prefixes.set(head, [...(this.#prefixes.get(head) ?? []), spec]);
        continue;
      }
      this.#exact.add(spec.word);
      const stripped = strip(spec.word);
      if (stripped !== spec.word) this.#stripped.set(stripped, [...(this.#stripped.get(stripped) ?? []), spec.word]);
      if (spec.word.length < FUZZY_MIN) {
        if (spec.word.length >= SHORT_MIN) {
          for (const d of oneDeletes(spec.word).slice(1)) {
            if (everyday(d)) continue;
            const bucket = this.#shortDeletes.get(d);
            if (bucket) bucket.push(spec.word);
            else this.#shortDeletes.set(d, [spec.word]);
          }
        }
        continue;
      }
      for (const d of oneDeletes(spec.word)) {
        const bucket = this.#deletes.get(d);
        if (bucket) bucket.push(spec.word);
        else this.#deletes.set(d, [spec.word]);
      }
    }
  }

  readonly #cache = new Map<string, ReadonlySet<string>>();

  /** The pattern words `token` matches; remembered, since citizens use the same words again and again. */
  matches(token: string): ReadonlySet<string> {
    let found = this.#cache.get(token);
    if (!found) {
      found = this.#matchesUncached(token);
      if (this.#cache.size > 100_000) this.#cache.clear();
      this.#cache.set(token, found);
    }
    return found;
  }

  #matchesUncached(token: string): Set<string> {
    const out = new Set<string>();
    if (this.#exact.has(token)) out.add(token);
    for (const word of this.#stripped.get(token) ?? []) out.add(word);
    if (!this.#exact.has(token)) for (const word of this.#shortDeletes.get(token) ?? []) out.add(word);
    // A real word is no typo of another ("shouting" is not "shooting"), but it still starts what it starts
    // ("shouting" is a "shout*").
    if (REAL_WORDS.has(token)) {
      for (const spec of this.#prefixes.get(token.slice(0, 2)) ?? []) if (token.startsWith(spec.word)) out.add(spec.key);
      return out;
    }
    for (const d of oneDeletes(token)) {
      for (const word of this.#deletes.get(d) ?? []) {
        if (!out.has(word) && boundedDamerau(token, word, 1) <= 1) out.add(word);
      }
    }
    for (const spec of this.#prefixes.get(token.slice(0, 2)) ?? []) if (prefixMatches(spec.word, token)) out.add(spec.key);
    return out;
  }
}

function oneDeletes(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function prefixMatches(prefix: string, token: string): boolean {
  if (token.startsWith(prefix)) return true;
  if (prefix.length < FUZZY_MIN || token.length < prefix.length - 1) return false;
  // A typo inside the prefix: compare against the token's start of about the same length.
  for (const len of [prefix.length - 1, prefix.length, prefix.length + 1]) {
    if (token.length >= len && boundedDamerau(token.slice(0, len), prefix, 1) <= 1) return true;
  }
  return false;
}

/** The words of the danger phrases (by their keys). */
const DANGER_KEYS = new Set([...POSITIVE, ...ENGLISH].flatMap((p) => p.slots.flatMap((slot) => [...slot.keys])));

const SPECS = new SpecIndex([...POSITIVE, ...ENGLISH, ...NEGATIVE, ...PAST, ...WELL, ...PROCEDURES, ...NOW, ...CALM]);

/**
 * Patterns by the keys of one slot that every match must fill, chosen to be rare in messages: a slot
 * without function words ("ikke", "he", "kommer") before one with, then the one whose shortest word is
 * longest ("(he|she) says ... done" is filed under "says"). A message then wakes few patterns it cannot
 * match; which slot files a pattern changes nothing about what matches.
 */
function byRarestSlot(patterns: readonly Pattern[]): Map<string, Pattern[]> {
  const map = new Map<string, Pattern[]>();
  for (const pattern of patterns) {
    const slot = pattern.slots.reduce<Slot | undefined>((best, s) => (best === undefined || rarity(s) > rarity(best) ? s : best), undefined);
    for (const spec of slot?.alternatives ?? []) map.set(spec.key, [...(map.get(spec.key) ?? []), pattern]);
  }
  return map;
}
const COMMON = new Set([...DANISH_STOPWORDS, ...ENGLISH_STOPWORDS].map((w) => fold(w)));
function rarity(slot: Slot): number {
  const common = slot.alternatives.some((a) => COMMON.has(a.word));
  return (common ? 0 : 100) + Math.min(...slot.alternatives.map((a) => a.word.length));
}
const POSITIVE_BY_SLOT = byRarestSlot(POSITIVE);
const ENGLISH_BY_SLOT = byRarestSlot(ENGLISH);
const NEGATIVE_BY_SLOT = byRarestSlot(NEGATIVE);
const PAST_BY_SLOT = byRarestSlot(PAST);
const WELL_BY_SLOT = byRarestSlot(WELL);
const PROCEDURE_BY_SLOT = byRarestSlot(PROCEDURES);
const NOW_BY_SLOT = byRarestSlot(NOW);
const CALM_BY_SLOT = byRarestSlot(CALM);

/** Each pattern's place in its list, so candidates come back in lexicon order without a pass over the list. */
const RANK = new Map<Pattern, number>();
for (const list of [POSITIVE, ENGLISH, NEGATIVE, PAST, WELL, NOW, CALM]) list.forEach((p, i) => RANK.set(p, i));

/** The patterns (in lexicon order) whose filing slot (byRarestSlot) has a word among `keys`. */
function candidates(keys: ReadonlySet<string>, index: ReadonlyMap<string, Pattern[]>): Pattern[] {
  let lists = 0;
  let only: Pattern[] = [];
  for (const key of keys) {
    const list = index.get(key);
    if (list) {
      lists += 1;
      only = list;
    }
  }
  if (lists === 0) return [];
  // Only patterns every slot of which some word of the message matches can match: most of the child and
  // poison families fall away here, before any position is tried.
  if (lists === 1) return only.filter((p) => possible(p, keys));
  const found = new Set<Pattern>();
  for (const key of keys) for (const p of index.get(key) ?? []) if (!found.has(p) && possible(p, keys)) found.add(p);
  return [...found].sort((a, b) => (RANK.get(a) as number) - (RANK.get(b) as number));
}

function possible(pattern: Pattern, keys: ReadonlySet<string>): boolean {
  for (let i = 1; i < pattern.slots.length; i++) if (!fits(pattern.slots[i] as Slot, keys)) return false;
  return true;
}

/**
 * The positions of a match of `pattern` (skipping masked positions), or null. A token marked in `negated`
 * may not fill a gap: a well-again phrase "det er stoppet" does not read "det er ikke stoppet".
 */
function find(pattern: Pattern, hits: readonly ReadonlySet<string>[], masked: readonly boolean[], negated?: readonly boolean[]): number[] | null {
  const first = pattern.slots[0];
  if (!first) return null;
  const used: number[] = [];
  for (let i = 0; i < hits.length; i++) {
    if (masked[i] || !fits(first, hits[i] as ReadonlySet<string>)) continue;
    used.push(i);
    if (matchFrom(pattern.slots, 1, i + 1, used, hits, masked, negated)) return used;
    used.pop();
  }
  return null;
}

// Module-level rather than closures inside find: it runs for every candidate pattern of every message.
function fits(slot: Slot, hit: ReadonlySet<string>): boolean {
  // A token matches few pattern words (most none), a slot may list dozens: walk the token's.
  for (const key of hit) if (slot.keys.has(key)) return true;
  return false;
}

/** Fills `used` with the positions of slots[slotIndex..] from `from` on; false (used as it was) if none. */
function matchFrom(
  slots: readonly Slot[],
  slotIndex: number,
  from: number,
  used: number[],
  hits: readonly ReadonlySet<string>[],
  masked: readonly boolean[],
  negated: readonly boolean[] | undefined,
): boolean {
  const slot = slots[slotIndex];
  if (!slot) return true;
  let skipped = 0;
  for (let i = from; i < hits.length && skipped <= slot.gap; i++) {
    if (masked[i]) continue;
    if (fits(slot, hits[i] as ReadonlySet<string>)) {
      used.push(i);
      if (matchFrom(slots, slotIndex + 1, i + 1, used, hits, masked, negated)) return true;
      used.pop();
    }
    if (negated?.[i]) return false;
    skipped += 1;
  }
  return false;
}

/** Words that turn a well-again phrase around when they sit in its gap (folded, as the tokens are). */
const NEGATIONS = new Set(['ikke', 'not', 'aldrig', 'never', 'endnu', 'yet', 'isnt', 'hasnt', 'havent', 'didnt', 'doesnt', 'arent', 'wasnt'].map((w) => fold(w)));

/** Hesitation sounds of speech-to-text and chat ("et projekt om øh kulilte"): dropped, they only break up phrases. */
const FILLERS = new Set(['øh', 'øhm', 'øhh', 'æh', 'æhm', 'ehm', 'um', 'umm', 'uh', 'uhm', 'erm', 'hmm', 'mm']);

const CRY = new Set(['hjælp', 'help', 'sos', 'mayday'].map((w) => fold(w)));
const CRY_COMPANY = new Set(['please', 'pls', 'plz', 'plis', 'nu', 'now', 'mig', 'me', 'os', 'us', 'omg', 'asap', 'haster', 'hurtigt', 'hurry'].map((w) => fold(w)));

/** Tokens for matching: contractions joined ("can't" -> "cant"), chat spellings mapped, folded. */
export function emergencyTokens(text: string): string[] {
  // "od'd" (overdosed) before the contractions are joined: it would become "odd".
  // Laughing faces say the message is a joke, like "haha" (AFTER_THE_FACT): "min far slår mig ihjel 😂".
  const laughed = text.replace(/[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F639}\u{1F480}]/gu, ' haha ');
  // A letter held down is one letter: "hjææælp", "HELPPP" (no Danish or English word has three alike).
  const held = laughed.replace(/(\p{L})\1{2,}/gu, '$1');
  const od = held.replace(/\bod['’´]?d\b/giu, 'overdosed');
  // "he'll stab" is "he will stab", not "hell stab".
  const will = od.replace(/\b(he|she|they|we|you|i)['’´]ll\b/giu, '$1 will');
  const joined = will.replace(/(\p{L})['’´](t|m|s|re|ve|ll|d)\b/giu, '$1$2');
  // An age run together with its unit is two words: "14yo", "3yr", "5årig" -> "14 yo".
  const spaced = joined.replace(/(\d)(yo|yr|yrs|årig|årige)\b/giu, '$1 $2');
  return tokens(normalize(spaced))
    .filter((t) => !FILLERS.has(t))
    .map((t) => fold(SPELLING_VARIANTS.get(t) ?? t));
}

export interface EmergencyReading {
  readonly emergency: boolean;
  readonly categories: EmergencyCategory[];
  /** The lexicon patterns that matched, for tests and for agents: never the citizen's words. */
  readonly matched: string[];
  /** Told after the fact ("sidste år") or well again (WELL_NOW), and not still happening: a report, not an alarm. */
  readonly reported: boolean;
  /** An idiom with a danger word was masked ("jeg dør af grin", "killer deal"). */
  readonly idiom: boolean;
  /** The writer says nothing is dangerous ("ikke akut", "not dangerous, just annoying"): SAID_NOT_DANGEROUS. */
  readonly calm: boolean;
  /** Categories of the signs found, also when they were too weak for an alarm on their own. */
  readonly signs: EmergencyCategory[];
  /** The message names a child (outside a masked idiom). */
  readonly child: boolean;
  /**
   * The message's own words that the danger phrases matched (folded), so that the model can weigh the
   * company they keep apart from the phrase itself (triage.ts). The citizen's words: never logged.
   */
  readonly dangerWords: string[];
  /** The words within NEIGHBOURHOOD of the danger words, those included: the phrase's near company. */
  readonly dangerNeighbourhood: string[];
  /** The words of dangerNeighbourhood before the first danger word, and after the last. */
  readonly dangerBefore: string[];
  readonly dangerAfter: string[];
}

/** How many words either side of the danger phrase are its near company (dangerNeighbourhood). */
const NEIGHBOURHOOD = 6;

const ORDER: readonly EmergencyCategory[] = ['child', 'crisis', 'environment', 'general'];

/**
 * Danger to life or safety in `text` (a message in `lang`)? Masks the idioms of NOT_EMERGENCY first, then
 * looks for the lexicon's phrases. A child word in an emergency adds the 'child' category.
 */
export function detectEmergency(text: string, lang: 'da' | 'en' = detectLanguage(text)): EmergencyReading {
  const t = emergencyTokens(text);
  const hits = t.map((token) => SPECS.matches(token));
  const keys = new Set(hits.flatMap((h) => [...h]));
  const masked = t.map(() => false);
  // Idioms are found on the unmasked message (two may share a word: "get a smoke alarm"), then masked.
  const none = t.map(() => false);
  for (const negative of candidates(keys, NEGATIVE_BY_SLOT)) {
    const seen = none.slice();
    let hit = find(negative, hits, seen);
    while (hit) {
      for (const i of hit) {
        seen[i] = true;
        masked[i] = true;
      }
      hit = find(negative, hits, seen);
    }
  }
  const categories = new Set<EmergencyCategory>();
  const matched: string[] = [];
  // Time and circumstance are read on the whole message: "the fire brigade put it out" tells a finished
  // event though "fire brigade" is masked as an everyday phrase.
  const past = candidates(keys, PAST_BY_SLOT).some((p) => find(p, hits, none));
  const negated = t.map((token) => NEGATIONS.has(token));
  const well = candidates(keys, WELL_BY_SLOT).some((p) => find(p, hits, none, negated));
  // Now-words inside a masked idiom do not count: "died suddenly" is no "suddenly" now.
  const now = candidates(keys, NOW_BY_SLOT).some((p) => find(p, hits, masked));
  // Over and well again: a crisis of years ago the writer has come through (WELL_NOW).
  // Over and well again, or a question of procedure about someone unnamed (PROCEDURE): suicide and
  // self-harm phrases stand down too.
  const procedure = !now && candidates(keys, PROCEDURE_BY_SLOT).some((p) => find(p, hits, none));
  const recovered = (past && well && !now) || procedure;
  const told = (past || well || procedure) && !now;
  let strong = 0;
  let weak = 0;
  const patterns = candidates(keys, POSITIVE_BY_SLOT);
  if (lang === 'en') patterns.push(...candidates(keys, ENGLISH_BY_SLOT));
  const found = new Set<EmergencyPhrase>();
  // Two weak signs must be two places in the message: "orker ikke mere" is one sign, though three weak
  // phrases ("orker ikke", "orker ikke mere", "ikke ... mere") read it.
  const weakAt = t.map(() => false);
  const dangerAt = new Set<number>();
  for (const pattern of patterns) {
    const phrase = pattern.phrase as EmergencyPhrase;
    if (found.has(phrase) || (told && (phrase.category !== 'crisis' || recovered))) continue;
    const at = find(pattern, hits, masked);
    if (!at) continue;
    if (phrase.weak && at.some((i) => weakAt[i])) continue;
    found.add(phrase);
    for (const i of at) dangerAt.add(i);
    matched.push(phrase.pattern);
    categories.add(phrase.category);
    if (phrase.weak) {
      weak += 1;
      for (const i of at) weakAt[i] = true;
    } else strong += 1;
  }
  // A cry for help and nothing else ("HJÆLP!", "help pls"): nothing to route, and it may be the worst.
  const cry = t.length > 0 && t.length <= 3 && t.some((w) => CRY.has(w)) && t.every((w) => CRY.has(w) || CRY_COMPANY.has(w));
  if (cry) {
    matched.push('(cry for help alone)');
    categories.add('general');
  }
  const emergency = strong > 0 || weak >= 2 || cry;
  // An idiom counts when what it masked held a word of the danger phrases ("jeg dør af grin" hid "dør",
  // "killer deal" "killer"); "got fired" or "har fundet" hid none, so the model weighs the message as usual.
  const idiom = t.some((_, i) => masked[i] && [...(hits[i] as ReadonlySet<string>)].some((key) => DANGER_KEYS.has(key)));
  const signs = ORDER.filter((c) => categories.has(c));
  const child = t.some((token, i) => !masked[i] && CHILD.has(token));
  const calm = candidates(keys, CALM_BY_SLOT).some((p) => find(p, hits, none));
  const dangerWords = t.filter((_, i) => dangerAt.has(i));
  const positions = [...dangerAt];
  // The near company: the words within NEIGHBOURHOOD of the danger words, and each side of them apart.
  const firstAt = positions.length === 0 ? 0 : Math.min(...positions);
  const lastAt = positions.length === 0 ? -1 : Math.max(...positions);
  const from = Math.max(0, firstAt - NEIGHBOURHOOD);
  const dangerNeighbourhood = positions.length === 0 ? [] : t.slice(from, lastAt + NEIGHBOURHOOD + 1);
  const dangerBefore = t.slice(from, firstAt);
  const dangerAfter = positions.length === 0 ? [] : t.slice(lastAt + 1, lastAt + NEIGHBOURHOOD + 1);
  if (!emergency) return { emergency: false, categories: [], matched, reported: told, idiom, calm, signs, child, dangerWords, dangerNeighbourhood, dangerBefore, dangerAfter };
  if (child) categories.add('child');
  return { emergency, categories: ORDER.filter((c) => categories.has(c)), matched, reported: told, idiom, calm, signs, child, dangerWords, dangerNeighbourhood, dangerBefore, dangerAfter };
}
