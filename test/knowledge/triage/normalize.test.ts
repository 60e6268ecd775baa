import { describe, expect, test } from 'vitest';
import { fold, normalize } from '../../../knowledge/triage';
import { contentTokens } from '../../../knowledge/triage/analyzer';
import { strip, tokens } from '../../../knowledge/triage/normalize';

describe('normalize', () => {
  test.each([
    ['Hvornår åbner Pladsanvisningen?', 'hvornår åbner pladsanvisningen'],
    ['BØRNEHAVE, Ærø & Århus!', 'børnehave ærø århus'],
    ['e-Boks og P-bøde', 'eboks og pbøde'],
    ['kan jeg ringe kl. 16.30?', 'kan jeg ringe kl 16:30'],
    ['Café  über   Öl', 'cafe uber øl'],
    ['"sundheds kort"...', 'sundheds kort'],
  ])('normalises %j to %j, keeping æ, ø and å', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });

  test.each([
    ['børnehave', 'boernehave'],
    ['Åbningstider', 'aabningstider'],
    ['ældrepleje', 'aeldrepleje'],
    ['sundhedskort', 'sundhedskort'],
  ])('folds %j and its aa/oe/ae spelling %j to one key', (danish, ascii) => {
    expect(fold(normalize(danish))).toBe(fold(normalize(ascii)));
  });

  test('a word typed with no Danish letters meets the real word through the stripped key', () => {
    expect(strip(fold('børn'))).toBe(strip(fold('born')));
    expect(strip(fold('slår'))).toBe('slar');
  });

  test('keeps a time such as 16:30 as one token', () => {
    expect(tokens(normalize('torsdag kl. 16.30'))).toEqual(['torsdag', 'kl', '16:30']);
  });

  test('drops stopwords and single letters from the content words but keeps numbers', () => {
    expect(contentTokens('Jeg vil gerne skifte fra gruppe 1 til gruppe 2')).toEqual(['skifte', 'gruppe', '1', 'gruppe', '2']);
  });
});
