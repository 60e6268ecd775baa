import { describe, expect, test } from 'vitest';
import { matchKeys, phraseMatch, wordMatch } from '../../../bot/agent/token-match';

describe('matching typed words', () => {
  test.each([
    ['the same word', 'pladsanvisning', 'pladsanvisning', 1],
    ['the start of a word', 'pladsanv', 'pladsanvisningen', 0.9],
    ['a word with the name inside it', 'pladsanvisningens', 'pladsanvisning', 0.85],
    ['two letters swapped (one edit)', 'pladsanvisnign', 'pladsanvisning', 0.7],
    ['a swap in a word that goes on', 'pladsanvisnign', 'pladsanvisningen', 0.7],
    ['a short word with a typo (short words must be exact)', 'skaf', 'skat', 0],
    ['a different word', 'parkering', 'pladsanvisning', 0],
  ])('%s: "%s" against "%s" scores %d', (_, q, t, score) => {
    expect(wordMatch(q, t)).toBeCloseTo(score, 5);
  });

  test('a short start counts only for the word still being typed', () => {
    expect(wordMatch('min', 'minutes', true)).toBe(0.9);
    expect(wordMatch('min', 'minutes', false)).toBe(0);
  });

  test('keys fold æ/ø/å and drop small words, so "Kultur og Borgerservice" is two words', () => {
    expect(matchKeys('Kultur og Borgerservice')).toEqual(['kultur', 'borgerservice']);
    expect(matchKeys('Opkrævningen')).toEqual(['opkraevningen']);
  });

  test('a phrase typed in full outranks a longer name that only contains it', () => {
    const q = matchKeys('borgerservice');
    expect(phraseMatch(q, matchKeys('Borgerservice'))).toBe(1);
    expect(phraseMatch(q, matchKeys('Kultur og Borgerservice'))).toBeLessThan(1);
  });
});
