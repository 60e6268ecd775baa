import type { DateTime } from 'luxon';
import type { KnowledgeBase } from '../../knowledge/kb';
import type { Unit } from '../../knowledge/schema/unit';
import type { Triage } from '../../knowledge/triage';
import { matchKeys, phraseMatch } from './token-match';

/** One unit found for a search, with its score from 0 to 1. */
export interface SearchHit {
  readonly unit: Unit;
  readonly score: number;
}

/** Below this a unit is not shown. */
export const MIN_SCORE = 0.3;
export const MAX_RESULTS = 10;
/** Longer searches are cut here: an agent types words, not letters. */
export const MAX_QUERY_LENGTH = 200;

/** Keywords and topics say what a unit does, not what it is called: they count for less than a name. */
const KEYWORD_WEIGHT = 0.6;

interface Entry {
  readonly unit: Unit;
  readonly names: readonly string[][];
  readonly keywords: readonly string[][];
}

/**
 * The agents' search box: a unit's names, aliases and keywords matched typo-tolerantly, plus the
 * triage engine's reading of a whole question ("borgeren vil skrive sit barn op til vuggestue").
 * The signals are combined as a noisy OR (1 − Π(1 − s)), so a unit named AND chosen by triage
 * ranks above one that only one of them picked.
 */
export class UnitSearch {
  readonly #entries: readonly Entry[];
  readonly #triage: Triage;

  constructor(kb: KnowledgeBase, triage: Triage) {
    this.#triage = triage;
    this.#entries = kb.list().map((unit) => ({
      unit,
      names: [unit.name.da, unit.name.en, unit.id.replace(/-/g, ' '), ...unit.aliases].map(matchKeys).filter((k) => k.length > 0),
      keywords: [...unit.keywords.da, ...unit.keywords.en, ...unit.topics.da, ...unit.topics.en].map(matchKeys).filter((k) => k.length > 0),
    }));
  }

  /** Units best first (score, then Danish name); empty for an empty search. */
  search(text: string, now: DateTime): SearchHit[] {
    const query = text.slice(0, MAX_QUERY_LENGTH);
    const keys = matchKeys(query);
    if (keys.length === 0) return [];
    const triage = this.#triageScores(query, now);
    const hits: SearchHit[] = [];
    for (const entry of this.#entries) {
      const name = best(entry.names, keys);
      const keyword = KEYWORD_WEIGHT * best(entry.keywords, keys);
      const chosen = triage.get(entry.unit.id) ?? 0;
      const score = 1 - (1 - name) * (1 - keyword) * (1 - chosen);
      if (score >= MIN_SCORE) hits.push({ unit: entry.unit, score: Math.round(score * 1000) / 1000 });
    }
    return hits
      .sort((a, b) => b.score - a.score || a.unit.name.da.localeCompare(b.unit.name.da, 'da'))
      .slice(0, MAX_RESULTS);
  }

  /** Triage's calibrated confidence for its answer and its alternatives. */
  #triageScores(text: string, now: DateTime): Map<string, number> {
    const result = this.#triage.classify(text, now);
    const scores = new Map<string, number>();
    if (result.unitId !== null) scores.set(result.unitId, result.confidence);
    for (const alt of result.alternatives) if (!scores.has(alt.unitId)) scores.set(alt.unitId, alt.confidence);
    return scores;
  }
}

function best(phrases: readonly (readonly string[])[], keys: readonly string[]): number {
  let top = 0;
  for (const phrase of phrases) top = Math.max(top, phraseMatch(keys, phrase));
  return top;
}
