import type { Unit } from '../schema/unit';

/**
 * The parts of a unit triage learns from, with their BM25F weights and length normalisation. A unit's
 * names and aliases are what citizens call it; keywords and topics are its business in a word or three;
 * examples are whole questions (many words, most of them not specific to the unit), the description
 * a sentence of prose.
 *
 * Weights measured on test/eval/dev.jsonl with `frontdoor eval --set dev --tune` (one parameter varied at
 * a time, then the promising ones together): topics at 3 beat 1.5 (log loss 0.139 vs 0.146 with k1 2),
 * the others measured flat within noise and stay at their first, reasoned values.
 */
export type FieldName = 'name' | 'alias' | 'keyword' | 'topic' | 'example' | 'description';

export interface FieldSpec {
  readonly weight: number;
  /** BM25 length normalisation (0 = none, 1 = full). */
  readonly b: number;
}

export const FIELD_SPECS: Record<FieldName, FieldSpec> = {
  name: { weight: 3, b: 0.3 },
  alias: { weight: 2.5, b: 0.3 },
  keyword: { weight: 2, b: 0.5 },
  topic: { weight: 3, b: 0.5 },
  example: { weight: 1, b: 0.75 },
  description: { weight: 0.6, b: 0.75 },
};

export const FIELD_NAMES = Object.keys(FIELD_SPECS) as FieldName[];

export interface FieldText {
  readonly field: FieldName;
  readonly lang: 'da' | 'en';
  /** One phrase: a name, a keyword, an example question. Compounds are only joined inside one phrase. */
  readonly text: string;
}

/** Every phrase of a unit, by field and language. Aliases and the id have no language: both stemmers read them. */
export function unitTexts(unit: Unit): FieldText[] {
  const out: FieldText[] = [];
  const both = (field: FieldName, text: string): void => {
    out.push({ field, lang: 'da', text }, { field, lang: 'en', text });
  };
  out.push({ field: 'name', lang: 'da', text: unit.name.da }, { field: 'name', lang: 'en', text: unit.name.en });
  for (const alias of unit.aliases) both('alias', alias);
  both('alias', unit.id.replace(/-/g, ' '));
  for (const lang of ['da', 'en'] as const) {
    for (const text of unit.keywords[lang]) out.push({ field: 'keyword', lang, text });
    for (const text of unit.topics[lang]) out.push({ field: 'topic', lang, text });
    for (const text of unit.examples[lang]) out.push({ field: 'example', lang, text });
    out.push({ field: 'description', lang, text: unit.description[lang] });
  }
  return out;
}
