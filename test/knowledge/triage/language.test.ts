import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../../knowledge/triage';

describe('detectLanguage', () => {
  test.each([
    ['Hvornår kan jeg ringe til Borgerservice?', 'da'],
    ['skrald spand ikke tømt', 'da'],
    ['pas', 'da'],
    ['hvornaar har pladsanvisningen telefontid', 'da'],
    ['I just moved here and need a CPR number', 'en'],
    ['When is the library open on Sunday?', 'en'],
    ['my bin was not emptied', 'en'],
    ['Hello, can you help me with MitID', 'en'],
    ['Jeg har brug for hjælp med MitID', 'da'],
  ] as const)('reads %j as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
