import fc from 'fast-check';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
import { describe, expect, test } from 'vitest';
import { boundedDamerau, DeletionIndex, maxEdits } from '../../../knowledge/triage/fuzzy';

describe('boundedDamerau', () => {
  test('agrees with natural\'s Damerau-Levenshtein (restricted) within the bound, and says "more" beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'e', 'n', 's', 'ø'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const full = DamerauLevenshteinDistance(a, b, { restricted: true });
        const bounded = boundedDamerau(a, b, max);
        expect(bounded).toBe(full <= max ? full : max + 1);
      }),
    );
  });

  test('counts a swap of two neighbours as one edit', () => {
    expect(boundedDamerau('pladsanvisnign', 'pladsanvisning', 2)).toBe(1);
  });
});

describe('DeletionIndex', () => {
  const index = new DeletionIndex(['pladsanvisning', 'pladsanvisningen', 'skraldespand', 'skat', 'borgerservice']);

  test.each([
    ['pladsanvisnign', 'pladsanvisning', 1],
    ['pladsanvisnigen', 'pladsanvisningen', 1],
    ['skraldspand', 'skraldespand', 1],
    ['borgeservise', 'borgerservice', 2],
  ])('finds %j as %j (%i edits)', (query, word, distance) => {
    expect(index.lookup(query)).toContainEqual({ word, distance });
  });

  test('allows no edits in short words: "skat" is not "skal"', () => {
    expect(maxEdits(4)).toBe(0);
    expect(index.lookup('skal')).toEqual([]);
  });
});
