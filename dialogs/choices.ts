import type { Choice } from './reply';

const ORDINALS: Record<string, number> = {
  første: 1, foerste: 1, first: 1, en: 1, et: 1, one: 1,
  anden: 2, andet: 2, second: 2, to: 2, two: 2,
  tredje: 3, third: 3, tre: 3, three: 3,
  fjerde: 4, fourth: 4, fire: 4, four: 4,
};

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/aa/g, 'å')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Which choice a citizen's answer picks: its number ("2", "2.", a DTMF digit), an ordinal
 * ("den anden", "second"), or its label or a synonym. `undefined` when it picks none.
 * Numbers are what typing and keypads send; botbuilder's recognizers have no Danish culture.
 */
export function matchChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const folded = fold(text);
  if (folded.length === 0) return undefined;
  const digit = /^(?:nr |nummer |number |option )?(\d{1,2})$/.exec(folded);
  if (digit) return choices[Number(digit[1]) - 1];
  const words = folded.split(' ');
  if (words.length <= 3) {
    for (const w of words) {
      const n = ORDINALS[w];
      if (n !== undefined && (words.length > 1 || w.length > 2)) return choices[n - 1];
    }
  }
  for (const choice of choices) {
    const names = [choice.label, choice.value, ...(choice.synonyms ?? [])].map(fold);
    if (names.includes(folded)) return choice;
  }
  for (const choice of choices) {
    const names = [choice.label, ...(choice.synonyms ?? [])].map(fold).filter((n) => n.length >= 4);
    if (names.some((n) => folded.includes(n) || (folded.length >= 4 && n.includes(folded)))) return choice;
  }
  return undefined;
}
