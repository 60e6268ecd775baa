import { describe, expect, test } from 'vitest';
import { detectIntent } from '../../../knowledge/triage';

describe('detectIntent', () => {
  test.each([
    ['Kan I ringe mig op i morgen?', false, 'callback'],
    ['I would like a call back please', false, 'callback'],
    ['jeg vil gerne blive ringet op af pladsanvisningen', false, 'callback'],
    ['Hvornår har Borgerservice åbent?', false, 'hours'],
    ['pladsanvisnigen telefontid', false, 'hours'],
    ['is the library open now', false, 'hours'],
    ['kan jeg ringe til pladsanvisningen torsdag kl. 16.30?', true, 'hours'],
    ['what is the phone number of the digital hotline', false, 'contact'],
    ['hvad er mailadressen til byrådet', false, 'contact'],
    ['hvem skal jeg ringe til om min skraldespand', false, 'contact'],
    ['hvordan søger jeg om friplads', false, 'howto'],
    ['How do I renew my passport?', false, 'howto'],
    ['min skraldespand er ikke blevet tømt', false, 'unknown'],
    ['hej', false, 'unknown'],
  ] as const)('reads %j (time given: %s) as %s', (text, hasTime, intent) => {
    expect(detectIntent(text, hasTime)).toBe(intent);
  });
});
