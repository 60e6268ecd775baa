import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { loadKnowledgeBase } from '../../../knowledge/kb';
import { Triage } from '../../../knowledge/triage';
import { DEFAULT_CALIBRATION } from '../../../knowledge/triage/calibration';
import { EMERGENCY_PHRASES, ENGLISH_ONLY } from '../../../knowledge/triage/emergency';
import { detectEmergency, expand } from '../../../knowledge/triage/emergency-match';
import { emergencyFeatures, EmergencyModel, emergencyModelFor, loadEmergencyExamples } from '../../../knowledge/triage/emergency-model';

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

  test('words it never saw carry no weight: the bias alone decides', () => {
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

/**
 * The model on messages it did not learn from: trained without the even lines of the second emergency set
 * (knowledge/data/emergency/second-set.jsonl, written apart from the lexicon and the first set; the
 * lexicon was extended from its odd lines only), then measured on them with the lexicon, as triage runs
 * it; and on the fifth triage dev set (test/eval/dev5.jsonl: ordinary questions, none learned from), how
 * often an ordinary question raises the alarm. Measured when the model was switched on (threshold 0.7):
 * even lines recall 96.3% (lexicon alone 84.0%), false alarms 9.2% (lexicon alone 6.5%); dev5 3.6% of
 * ordinary questions (lexicon alone 2.2%). After the third set joined the training data and the lexicon
 * grew from it: even lines recall 96.9% (lexicon alone 86.4%), false alarms 1.6% (0%), dev5 3.6% (1.9%).
 * The bounds sit just outside those figures. (Seven of the even lines were read when the third set was
 * worked in, so they are no longer quite unseen by the lexicon's author; the on-arrival figures of the
 * fourth and sixth sets in emergency-sets.test.ts are the cleaner estimate.)
 */
describe('the emergency model on messages it did not learn from', () => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the knowledge base does not load');
  const second = readJsonl(fileURLToPath(new URL('../../../knowledge/data/emergency/second-set.jsonl', import.meta.url)));
  const even = second.filter((_, i) => i % 2 === 1);
  const unseen = new Set(even.map((e) => e.text));
  const model = emergencyModelFor(loaded.kb.list(), loadEmergencyExamples().filter((e) => !unseen.has(e.text)));
  const triage = Triage.build(loaded.kb, { emergencyModel: model });
  const at = DateTime.fromISO('2026-11-24T10:00:00', { zone: 'Europe/Copenhagen' });
  const flagged = (text: string): boolean => triage.classify(text, at).emergency;

  test('with the lexicon it catches at least 96% of the unseen emergencies', () => {
    const positives = even.filter((e) => e.emergency);
    const missed = positives.filter((e) => !flagged(e.text));
    expect(1 - missed.length / positives.length).toBeGreaterThanOrEqual(0.96);
  });

  test('with the lexicon at most 4% of the unseen hard negatives raise the alarm', () => {
    const negatives = even.filter((e) => !e.emergency);
    expect(negatives.filter((e) => flagged(e.text)).length / negatives.length).toBeLessThanOrEqual(0.04);
  });

  test('at most 5% of ordinary questions it never saw raise the alarm', () => {
    const acute = new Set(['boern-og-ungevagten', 'udrykningsteamet']);
    const rows = readFileSync(fileURLToPath(new URL('../../eval/dev5.jsonl', import.meta.url)), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { text: string; expect: string[] | null })
      .filter((r) => !(r.expect ?? []).some((u) => acute.has(u)));
    expect(rows.filter((r) => flagged(r.text)).length / rows.length).toBeLessThanOrEqual(0.05);
  });
});

describe('the start-up cache of trained models', () => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the knowledge base does not load');
  const units = loaded.kb.list();
  const examples = [
    { text: 'han har slugt et batteri', emergency: true },
    { text: 'hun trækker ikke vejret', emergency: true },
    { text: 'hvornår tømmer i skraldespanden', emergency: false },
    { text: 'jeg skal have nyt pas', emergency: false },
  ];
  const texts = ['min søn har slugt en magnet', 'hvornår kan jeg få nyt pas', 'xyzzy'];

  test('a model read back answers exactly as the one trained, and other examples get their own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-model-'));
    try {
      const trained = emergencyModelFor(units, examples, null);
      const first = emergencyModelFor(units, examples, dir);
      expect(readdirSync(dir)).toHaveLength(1);
      const again = emergencyModelFor(units, examples, dir);
      for (const t of texts) {
        expect(first.probability(t)).toBe(trained.probability(t));
        expect(again.probability(t)).toBe(trained.probability(t));
      }
      emergencyModelFor(units, [...examples, { text: 'der er brand i køkkenet', emergency: true }], dir);
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a damaged cache file is trained over, not trusted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-model-'));
    try {
      const trained = emergencyModelFor(units, examples, null);
      emergencyModelFor(units, examples, dir);
      const [file] = readdirSync(dir);
      writeFileSync(join(dir, file as string), '{"bias": "not a number"');
      const model = emergencyModelFor(units, examples, dir);
      for (const t of texts) expect(model.probability(t)).toBe(trained.probability(t));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The model's second opinion on a lexicon alarm (Triage, `#standsDown`): a lone, non-crisis danger phrase in
 * a message of six words or more is stood down when the model's evidence (its weights without the prior)
 * is below -4 for the whole message and for the message apart from the phrase, and below -6 (-4 until sets
 * CK and CL) for the six words either
 * side of the phrase. Measured before it was switched on, on the twenty acceptance sets
 * (knowledge/data/emergency/acceptance-sets.jsonl): on the first sixteen's alarms as they arrived, with a
 * model trained only on the sets before each and today's lexicon telling where the danger words are
 * (the whole message where it finds none), 0 of 1485 caught emergencies stood down and 110 of 192 false
 * alarms; on the last four, which today's lexicon had not seen either, 8 of its 29 false alarms and none
 * of its 343 caught emergencies. A first version without the near-company and lone-phrase conditions
 * stood down more (121 of 192) but also real emergencies glued to an errand ("I'd like to complain about
 * Borgerservice ... han trækker ikke vejret"): the model learns errand words as ordinary, so an errand
 * can outweigh a danger it sits next to. Even with both conditions, one glued emergency told with a single
 * phrase ("ild i en container ... nu har det fanget plankeværket" after a question about a ticket machine)
 * was stood down once BA and BB joined the training data, until "nu har det fanget" became a danger phrase
 * of its own: the test below is the guard. With CC and CD in (26 sets), leave-one-set-out (the model trained
 * without the set, the lexicon as it is) it stands down 21 of the lexicon's 92 false alarms on them and 0 of
 * its 2311 caught emergencies, and every caught emergency glued to a question of dev..dev5 (22,505
 * messages) still alarms, once a phrase that says "now" was kept from the veto. With 32 sets: 29 of 101
 * and 0 of 2802; glued, 0 of 27,285 once "det brænder" also counted as now. A veto on probability alone was rejected earlier: a bare "need
 * an ambulance" scores under 0.01, as the model learns such phrases mostly from hard negatives.
 */
describe("the model's second opinion on a lexicon alarm", () => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the knowledge base does not load');
  const triage = Triage.build(loaded.kb);
  const model = emergencyModelFor(loaded.kb.list());
  const at = DateTime.fromISO('2026-12-06T10:00:00', { zone: 'Europe/Copenhagen' });
  const bar = DEFAULT_CALIBRATION.emergencyVetoEvidence;
  const company = (text: string): number => model.evidence(text) - model.evidence(detectEmergency(text).dangerWords.join(' '));

  test('stands down a lone danger phrase whose company, near and far, is an everyday errand', () => {
    // The Danish telling of the same ("min bil er blevet fjernet fra min egen p-plads ... det er en
    // nødsituation!!") was stood down too until the model learned sets CC and CD, where cars also sit in
    // real emergencies ("bil er" now leans to danger): its evidence rose to -3.7, just above the bar.
    for (const text of ['my car was towed from my own parking spot and I need it for work tomorrow, this is an emergency!! where is it']) {
      expect(detectEmergency(text).emergency, text).toBe(true);
      expect(triage.classify(text, at).emergency, text).toBe(false);
    }
  });

  test('never stands down two danger phrases: a situation, not a word in passing', () => {
    const text = 'vores skraldespand er ikke tømt og min nabo ligger bevidstløs og trækker ikke vejret';
    expect(detectEmergency(text).matched.length).toBeGreaterThan(1);
    expect(triage.classify(text, at).emergency).toBe(true);
  });

  test('an emergency told next to an errand still alarms', () => {
    for (const text of [
      'Hvornår tømmes skraldespanden? Og der er brand',
      'kan jeg få hjælp til min boligstøtte ansøgning, min kæreste truer mig',
      'hvad koster en p-licens i midtbyen, min mor har fået et slagtilfælde',
      'how do i renew my health card, my son swallowed a battery',
      'kan jeg søge om friplads i vuggestuen, min mand har kvalt mig',
      'jeg skal have nyt pas og min far har brystsmerter',
      'jeg skal flytte og have nyt sygesikringskort, og så slår han mig',
      'i need help with my mitid login, my dad collapsed',
    ]) {
      expect(triage.classify(text, at).emergency, text).toBe(true);
    }
  });

  test('every emergency of the acceptance sets, with an ordinary question before or after it, alarms wherever the lexicon reads it', () => {
    const errands = readFileSync(fileURLToPath(new URL('../../eval/dev5.jsonl', import.meta.url)), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { text: string; expect: string[] | null })
      .filter((r) => r.expect !== null && !detectEmergency(r.text).emergency)
      .map((r) => r.text);
    const emergencies = readJsonl(fileURLToPath(new URL('../../../knowledge/data/emergency/acceptance-sets.jsonl', import.meta.url))).filter((r) => r.emergency);
    const stoodDown: string[] = [];
    emergencies.forEach((r, i) => {
      const errand = errands[(i * 7919) % errands.length] as string;
      for (const text of [`${errand} ${r.text}`, `${r.text} ${errand}`]) {
        if (detectEmergency(text).emergency && !triage.classify(text, at).emergency) stoodDown.push(text);
      }
    });
    expect(stoodDown).toEqual([]);
  });

  test('every danger phrase of the lexicon, bare and in six everyday frames, alarms through triage wherever the lexicon reads it', () => {
    const frames = [
      '{}',
      'hjælp min mand {} lige nu',
      'jeg tror min nabo er {}, hvad gør jeg',
      'please help my friend {} what do i do',
      'skriver fordi {} og jeg ved ikke hvem jeg skal ringe til',
      'hej jeg har et spørgsmål om min ansøgning, men {}',
      'min datter siger at {}, hvad gør vi',
    ];
    const phrases = new Set<string>();
    for (const p of [...EMERGENCY_PHRASES, ...ENGLISH_ONLY].filter((x) => !x.weak)) {
      for (const x of expand(p.pattern)) phrases.add(x.split(/\s+/).filter((w) => w !== '...').map((w) => (w.split('|')[0] as string).replace(/\*$/, '')).join(' '));
    }
    const stoodDown: string[] = [];
    let read = 0;
    for (const phrase of phrases) {
      for (const frame of frames) {
        const text = frame.replace('{}', phrase);
        if (!detectEmergency(text).emergency) continue;
        read += 1;
        if (!triage.classify(text, at).emergency) stoodDown.push(text);
      }
    }
    expect(read).toBeGreaterThan(20000);
    expect(stoodDown).toEqual([]);
  });
});

function readJsonl(path: string): { text: string; emergency: boolean }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; emergency: boolean });
}

/**
 * The veto's rules on a model whose evidence is known: trained on a handful of messages, so that "this is
 * an emergency" and errand words speak against danger however the real model's weights move as sets are
 * added (a test of the rules must not hang on them).
 */
describe("the veto's rules, on a model trained for the test", () => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the knowledge base does not load');
  const times = (text: string, emergency: boolean): { text: string; emergency: boolean }[] => Array.from({ length: 20 }, () => ({ text, emergency }));
  const model = EmergencyModel.train([
    ...times('this is an emergency my car was towed', false),
    ...times('this is an emergency i need a new passport', false),
    ...times('this is an emergency my bin was not emptied', false),
    ...times('this is an emergency the heating is off', false),
    ...times('hvor meget koster en ny affaldsbeholder', false),
    ...times('hvornår kan jeg hente den', false),
    ...times('han trækker ikke vejret', true),
    ...times('indbrud i gang', true),
    ...times('der er brand i køkkenet', true),
    ...times('det knitrer bag væggen og der er varmt', true),
  ]);
  const triage = Triage.build(loaded.kb, { emergencyModel: model });
  const at = DateTime.fromISO('2026-12-06T10:00:00', { zone: 'Europe/Copenhagen' });
  const bar = DEFAULT_CALIBRATION.emergencyVetoEvidence;
  const phrase = (text: string): number => model.evidence(detectEmergency(text).dangerWords.join(' '));
  const company = (text: string): number => model.evidence(text) - phrase(text);
  const near = (text: string): number => model.evidence(detectEmergency(text).dangerNeighbourhood.join(' ')) - phrase(text);
  /** Everything the veto weighs speaks against danger: then only the rule under test can keep the alarm. */
  const vetoable = (text: string): void => {
    const reading = detectEmergency(text);
    expect(reading.emergency, text).toBe(true);
    expect(model.evidence(text), text).toBeLessThan(bar);
    expect(company(text), text).toBeLessThan(bar);
    expect(near(text), text).toBeLessThan(DEFAULT_CALIBRATION.emergencyVetoNearEvidence);
    expect(model.evidence(reading.dangerBefore.join(' ')), text).toBeLessThan(DEFAULT_CALIBRATION.emergencyVetoSideEvidence);
    expect(model.evidence(reading.dangerAfter.join(' ')), text).toBeLessThan(DEFAULT_CALIBRATION.emergencyVetoSideEvidence);
  };

  test('stands down a lone phrase when the message, its company and its near company all speak against it', () => {
    const text = 'hvor meget koster en ny affaldsbeholder, this is an emergency, hvornår kan jeg hente den';
    vetoable(text);
    expect(triage.classify(text, at).emergency).toBe(false);
  });

  test('never stands down thoughts of suicide, however everyday their company', () => {
    const text = 'hvor meget koster en ny affaldsbeholder, ingen ville savne mig hvis jeg døde, hvornår kan jeg hente den';
    expect(detectEmergency(text).categories).toContain('crisis');
    vetoable(text);
    expect(triage.classify(text, at).emergency).toBe(true);
  });

  test('never stands down a short message, where the prior and the phrase are all there is', () => {
    expect(model.evidence('this is an emergency')).toBeLessThan(bar);
    expect(triage.classify('this is an emergency', at).emergency).toBe(true);
  });

  test("judges the phrase's company, not the phrase: a phrase learned from hard negatives still alarms", () => {
    const text = 'this is an emergency and I do not know who to call';
    expect(model.evidence(text)).toBeLessThan(bar);
    expect(company(text)).toBeGreaterThanOrEqual(bar);
    expect(triage.classify(text, at).emergency).toBe(true);
  });

  test('never stands down a danger phrase that says it is happening now, whatever errand sits beside it', () => {
    // Set CD's "indbrud i gang i kolonihaven ..." glued after a question about a hedge was stood down until
    // a phrase with "nu", "now" or "i gang" in it was kept from the veto.
    // So did set CE's fire in the woods after a question about the rent, told with "det brænder".
    for (const text of [
      'hvor meget koster en ny affaldsbeholder, indbrud i gang, hvornår kan jeg hente den',
      'hvor meget koster en ny affaldsbeholder, det brænder, hvornår kan jeg hente den',
    ]) {
      expect(detectEmergency(text).matched, text).toHaveLength(1);
      vetoable(text);
      expect(triage.classify(text, at).emergency, text).toBe(true);
    }
  });

  test('never stands down a phrase with nothing against it on one side: at the end of an errand, or the start', () => {
    // Sets CK and CL taught the real model to read "hej jeg har et spørgsmål om min ansøgning" so strongly as
    // an errand that the bare phrase after it ("..., men det ryger") was stood down on near company alone.
    for (const text of ['hvor meget koster en ny affaldsbeholder og hvornår kan jeg hente den, han har en kniv', 'han har en kniv, hvor meget koster en ny affaldsbeholder og hvornår kan jeg hente den']) {
      const reading = detectEmergency(text);
      expect(reading.matched, text).toHaveLength(1);
      expect(model.evidence(text), text).toBeLessThan(bar);
      expect(near(text), text).toBeLessThan(DEFAULT_CALIBRATION.emergencyVetoNearEvidence);
      const sides = [reading.dangerBefore, reading.dangerAfter].map((words) => model.evidence(words.join(' ')));
      expect(Math.max(...sides), text).toBeGreaterThanOrEqual(DEFAULT_CALIBRATION.emergencyVetoSideEvidence);
      expect(triage.classify(text, at).emergency, text).toBe(true);
    }
  });

  test('a calm opening mutes a model-only alarm unless the model is all but sure', () => {
    // Sealed set CR: "hi just wondering when the bulky waste pickup is ... my husband just grabbed me by the
    // throat" was muted by its opening although the model read it at p = 1.00.
    const sure = 'bare et spørgsmål: det knitrer bag væggen og der er varmt';
    const unsure = 'bare et spørgsmål: det knitrer';
    for (const text of [sure, unsure, 'det knitrer']) expect(detectEmergency(text).emergency, text).toBe(false);
    expect(detectEmergency(sure).calm && detectEmergency(unsure).calm).toBe(true);
    expect(model.probability(sure)).toBeGreaterThanOrEqual(DEFAULT_CALIBRATION.emergencyModelCalmThreshold);
    expect(model.probability(unsure)).toBeGreaterThanOrEqual(DEFAULT_CALIBRATION.emergencyModelThreshold);
    expect(model.probability(unsure)).toBeLessThan(DEFAULT_CALIBRATION.emergencyModelCalmThreshold);
    expect(triage.classify(sure, at).emergency).toBe(true);
    expect(triage.classify(unsure, at).emergency).toBe(false);
    expect(triage.classify('det knitrer', at).emergency).toBe(true);
  });
});
