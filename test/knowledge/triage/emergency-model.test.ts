import { describe, expect, test } from 'vitest';
import { emergencyFeatures, EmergencyModel } from '../../../knowledge/triage/emergency-model';

describe('emergencyFeatures', () => {
  test('folds Danish letters, stems, and adds adjacent word pairs', () => {
    const f = emergencyFeatures('Han SLUGTE et batteri!');
    expect(f).toContain('batteri');
    expect(f.some((x) => x.includes(' '))).toBe(true);
    expect(emergencyFeatures('børnene')).toEqual(emergencyFeatures('boernene'));
  });

  test('an empty or punctuation-only message has no features', () => {
    expect(emergencyFeatures('  ?! ')).toEqual([]);
  });
});

describe('EmergencyModel', () => {
  const examples = [
    { text: 'han har slugt et batteri', emergency: true },
    { text: 'min datter har slugt piller', emergency: true },
    { text: 'barnet har slugt opvasketabs', emergency: true },
    { text: 'hun trækker ikke vejret', emergency: true },
    { text: 'hvornår tømmer i skraldespanden', emergency: false },
    { text: 'jeg skal have nyt pas', emergency: false },
    { text: 'hvor køber jeg batterier til røgalarmen', emergency: false },
    { text: 'hvad koster et nyt sundhedskort', emergency: false },
  ];
  const model = EmergencyModel.train(examples);

  test('learns which words keep company with danger: an unseen swallowing is an emergency', () => {
    expect(model.probability('min søn har slugt en magnet')).toBeGreaterThan(0.8);
  });

  test('an everyday question it has seen the like of stays low', () => {
    expect(model.probability('hvornår kan jeg få nyt pas')).toBeLessThan(0.2);
  });

  test('words it never saw carry no evidence: the prior decides', () => {
    const p = model.probability('xyzzy plugh');
    expect(p).toBeGreaterThan(0.4);
    expect(p).toBeLessThan(0.6);
  });

  test('probabilities are probabilities', () => {
    for (const e of examples) {
      const p = model.probability(e.text);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});
