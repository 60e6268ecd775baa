import { describe, expect, test } from 'vitest';
import { isReference, newReference, parseReference, spellReference } from '../../../knowledge/callbacks/reference';

describe('references', () => {
  test('are three letters and three digits without 0, O, 1, I or L', () => {
    for (let i = 0; i < 2000; i++) {
      const ref = newReference();
      expect(ref).toMatch(/^[A-Z]{3}[2-9]{3}$/);
      expect(ref).not.toMatch(/[01OIL]/);
      expect(isReference(ref)).toBe(true);
    }
  });

  test('rarely repeat across many draws', () => {
    const seen = new Set(Array.from({ length: 5000 }, () => newReference()));
    // 6.2 million codes: 5000 draws collide a couple of times at most.
    expect(seen.size).toBeGreaterThan(4990);
  });

  test('are built from the random source given', () => {
    expect(newReference(() => 0)).toBe('AAA222');
  });

  test.each([
    ['KMR472', true],
    ['kmr472', false],
    ['ABC123', false],
    ['KOR472', false],
    ['KMR4720', false],
  ])('isReference(%j) is %s', (text, expected) => {
    expect(isReference(text)).toBe(expected);
  });

  test.each([
    ['kmr 472', 'KMR472'],
    ['KMR-472', 'KMR472'],
    [' kmr472 ', 'KMR472'],
    ['ABC123', undefined],
    ['hello', undefined],
  ])('parseReference(%j) is %s', (text, expected) => {
    expect(parseReference(text)).toBe(expected);
  });

  test('are spelled for a voice with the Danish phonetic alphabet, digit by digit', () => {
    expect(spellReference('KMR472', 'da')).toBe('K som Karen, M som Marie, R som Rasmus, 4, 7, 2');
  });

  test('are spelled in English with the NATO alphabet', () => {
    expect(spellReference('KMR472', 'en')).toBe('K as in Kilo, M as in Mike, R as in Romeo, 4, 7, 2');
  });
});
