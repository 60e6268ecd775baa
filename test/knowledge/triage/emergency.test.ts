import { describe, expect, test } from 'vitest';
import { detectEmergency } from '../../../knowledge/triage';
import { EMERGENCIES, NOT_EMERGENCIES } from './emergency-cases';

describe('detectEmergency', () => {
  test.each(EMERGENCIES)('flags %j as an emergency of %j', (text, categories) => {
    const reading = detectEmergency(text);
    expect(reading.emergency).toBe(true);
    expect(reading.categories).toEqual(expect.arrayContaining([...categories]));
  });

  test.each(NOT_EMERGENCIES)('does not flag %j', (text) => {
    expect(detectEmergency(text)).toMatchObject({ emergency: false, categories: [] });
  });

  test.each([
    ['vil ikke leve mere', 'crisis'],
    ['jeg tænker på selvmort', 'crisis'],
    ['han trækker ik vejret', 'general'],
    ['traekker ikke vejret', 'general'],
    ['min kaereste slar mig', 'general'],
    ['lugter af gas', 'environment'],
  ])('tolerates typos and missing Danish letters: %j', (text, category) => {
    expect(detectEmergency(text).categories).toContain(category);
  });

  test('a crime told after the fact is paperwork, one happening again is not', () => {
    expect(detectEmergency('jeg blev overfaldet for to år siden og vil søge erstatning').emergency).toBe(false);
    expect(detectEmergency('han slog mig for to uger siden og nu truer han igen').emergency).toBe(true);
  });

  test('one sign of distress is not yet an emergency, two are', () => {
    expect(detectEmergency('jeg kan ikke mere med den sagsbehandling').emergency).toBe(false);
    expect(detectEmergency('jeg kan ikke mere, jeg ser ingen udvej').emergency).toBe(true);
  });

  test('"fire" is a danger word in English and the number four in Danish', () => {
    expect(detectEmergency('fire!', 'en').emergency).toBe(true);
    expect(detectEmergency('vi er fire i familien', 'da').emergency).toBe(false);
  });
});
