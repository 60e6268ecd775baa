import { DateTime } from 'luxon';
import { beforeAll, describe, expect, test } from 'vitest';
import { ZONE } from '../../../knowledge/clock';
import { formatProblem, loadKnowledgeBase } from '../../../knowledge/kb';
import { Triage } from '../../../knowledge/triage';

// Tuesday 1 December 2026, 10:00 in Aarhus.
const NOW = DateTime.fromISO('2026-12-01T10:00:00', { zone: ZONE });
let triage: Triage;

beforeAll(() => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  triage = Triage.build(loaded.kb);
});

describe('Triage.classify on the shipped knowledge base', () => {
  test.each([
    ['hvornår har pladsanvisnigen telefontid', 'pladsanvisning'],
    ['pladsanvisnign', 'pladsanvisning'],
    ['PLADSANVISNINGEN', 'pladsanvisning'],
    ['skrald spand ikke tømt', 'affaldvarme'],
    ['vores skraldespand er ikke blevet tømt', 'affaldvarme'],
    ['jeg har mistet mit sundheds kort', 'borgerservice'],
    ['spørgsmål til min ejendomsskattebillet', 'ejendomsskat'],
    ['spørgsmål til ejendomsskattebilletten', 'ejendomsskat'],
    ['hvordan skriver jeg mit barn op til boernehave', 'pladsanvisning'],
    ['My heating stopped working in the middle of the night', 'affaldvarme-doegnvagt'],
    ['Jeg har fået en rykker og vil aftale afdrag', 'opkraevningen'],
  ])('routes %j to %s', (text, unitId) => {
    const r = triage.classify(text, NOW);
    expect(r.unitId ?? r.alternatives[0]?.unitId).toBe(unitId);
  });

  test.each([['Hvad bliver vejret i morgen?'], ['hvem vandt fodboldkampen i går'], ['opskrift på lasagne'], ['Can you recommend a good film?']])(
    'abstains on %j: outside the municipality\'s business',
    (text) => {
      const r = triage.classify(text, NOW);
      expect(r).toMatchObject({ unitId: null, outOfScope: true });
    },
  );

  test.each([['jeg har brug for hjælp til digital post'], ['hvornår har pladsanvisningen telefontid']])(
    'lists candidates for %j best first, without repeats, as probabilities that sum to at most 1',
    (text) => {
      const r = triage.classify(text, NOW);
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
      // Answering, the alternatives are the others; abstaining, they are the candidates to ask about.
      const list = r.unitId === null ? r.alternatives : [{ unitId: r.unitId, confidence: r.confidence }, ...r.alternatives];
      expect(new Set(list.map((a) => a.unitId)).size).toBe(list.length);
      const confidences = list.map((a) => a.confidence);
      expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
      expect(confidences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.0001);
    },
  );

  test('when abstaining on a close call it offers the close candidates, and their confidence is the best one\'s', () => {
    const r = triage.classify('jeg har brug for hjælp til digital post', NOW);
    expect(r.unitId).toBeNull();
    expect(r.outOfScope).toBe(false);
    expect(r.alternatives.map((a) => a.unitId)).toEqual(expect.arrayContaining(['digital-hotline', 'borgerservice']));
    expect(r.confidence).toBe(r.alternatives[0]?.confidence);
  });

  test('when unsure between units it abstains and offers them as alternatives', () => {
    const r = triage.classify('hjælp', NOW);
    expect(r.unitId).toBeNull();
  });

  test('reads language, intent and time together', () => {
    const r = triage.classify('kan jeg ringe til pladsanvisningen torsdag kl. 16.30?', NOW);
    expect(r).toMatchObject({ unitId: 'pladsanvisning', lang: 'da', intent: 'hours', emergency: false });
    expect(r.when?.start.toISO()).toBe(DateTime.fromISO('2026-12-03T16:30:00', { zone: ZONE }).toISO());
  });

  test('flags an emergency and still routes the question', () => {
    const r = triage.classify('mit barn er alene hjemme og der lugter af gas', NOW);
    expect(r.emergency).toBe(true);
    expect(r.emergencyCategories).toEqual(expect.arrayContaining(['child', 'environment']));
  });

  test('urgent is not an emergency: a heating failure is routed to the duty line', () => {
    const r = triage.classify('fjernvarmen er gået ned', NOW);
    expect(r).toMatchObject({ emergency: false, unitId: 'affaldvarme-doegnvagt' });
  });

  test('redacts a CPR number and reports it, and triage never sees it', () => {
    const r = triage.classify('mit cpr er 0101901234 og jeg skal have nyt pas', NOW);
    expect(r.cpr).toBe(true);
    expect(r.redactedText).toBe('mit cpr er [CPR] og jeg skal have nyt pas');
    expect(r.unitId).toBe('borgerservice');
  });

  test('answers in English when asked in English', () => {
    expect(triage.classify('I just moved here and need a CPR number', NOW).lang).toBe('en');
  });
});
