import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { loadKnowledgeBase } from '../../../knowledge/kb';
import { Triage } from '../../../knowledge/triage';
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
 * test/eval/emergency-dev.jsonl: two acceptance-style sets written apart by two hands, per the label rules
 * only, 100 + 100 each. Measured once on arrival: the first recall 98.0%, false alarms 8.0% (a farewell
 * with "you won't need to process my application" and a pupil afraid to go home to a stepdad who hurts
 * her were missed); the second, with the lexicon grown from the first, recall 99.0%, false alarms 10.0%
 * (a pupil whose dad will "finish the job" missed). The lexicon was then extended from both; the model
 * never learns from them (they are not in knowledge/data/emergency/, where adding the first raised
 * dev5's ordinary alarms to 4.9%). After: recall 100%, false alarms 1.5%. Two more such sets, written
 * by two more hands and measured once on arrival with all of the above in place: recall 100% and 98.0%,
 * false alarms 14.0% and 11.0% (an old man on a 9th-floor balcony "thinking of jumping" after his wife
 * died, and a household with headaches since a new gas water heater whose roommate "just now" fainted,
 * were missed). Worked in the same way; the four sets together (400 + 400): recall 100%, false alarms 2.3%.
 * Four more (800 + 800 in all), measured once on arrival: recall 98.0% and 100%, false alarms 17.0% and
 * 9.0% (a son whose febrile seizure had not stopped after five minutes, and "why apply for anything when
 * I won't be here tomorrow anyway, I've decided" missed); then, with the lexicon grown from those two,
 * 99.0% and 100%, 14.0% and 12.0% (a mother who has "falt om" and "svare ikke" missed). The false alarms
 * were topic talk (courses, posters, statistics, procedures "if a child has a seizure"), figures of speech
 * ("jeg snart eksploderer", "nearly had a heart attack at the parking fine") and suicidal thoughts of
 * years ago from someone well today. Worked in the same way: recall 100%, false alarms 2.3%.
 * Two more, measured once on arrival with all of that in place: recall 100% and 99.0%, false alarms 10.0%
 * and 20.0% (a capsized kayaker clinging to his kayak missed; epilepsy as a condition, "den her
 * parkeringsbøde slår mig ihjel", a fire brigade called out for burnt toast, procedures "if a child has an
 * allergic reaction" alarmed). Worked in: the ten sets (1000 + 999), recall 100%, false alarms 2.1%.
 * Two more, measured once on arrival with all of that in place: recall 99.0% and 99.0%, false alarms
 * 15.0% and 13.0% (a boy held down and "tævet" by five others, and a friend "seizing" after ket and MDMA
 * told with "lol not a joke", missed; first-aid courses, chronic conditions, "slår mig nok ihjel en dag"
 * of smoking, a prop gun, bonfire smoke alarmed). Worked in: the twelve sets (1200 + 1199), recall 100%,
 * false alarms 2.0%. Two more, on arrival with that in place: recall 100% and 99.0%, false alarms 7.0% and
 * 13.0% (someone rattling the terrace door's handle with a torch missed; "min gasregning er eksploderet",
 * a horror game's burning house, a short story read aloud, data on overdoses alarmed). Worked in: the
 * fourteen sets (1398 + 1398 after duplicates), recall 100%, false alarms 1.9%. Another, on arrival:
 * recall 98.0%, false alarms 13.0% (a man "on his way over now" who said he would kill her and the kids,
 * read as over because of "over now", and a neighbour on the balcony edge shouting that he will jump, were
 * missed). Worked in: 1498 + 1498, recall 100%, false alarms 1.9%. The last, on arrival with all of that
 * in place: recall 99.0%, false alarms 14.0% (an anaphylaxis "last year" that "now begins again", with
 * the EpiPen used and the tongue swelling, missed). Worked in: 1598 + 1598, recall 100%, false alarms 2.1%.
 */
describe('triage on the emergency development set the model does not learn from', () => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the knowledge base does not load');
  const triage = Triage.build(loaded.kb);
  const at = DateTime.fromISO('2026-12-06T10:00:00', { zone: 'Europe/Copenhagen' });
  const rows = readJsonl(fileURLToPath(new URL('../../eval/emergency-dev.jsonl', import.meta.url)));

  test('every emergency raises the alarm', () => {
    const missed = rows.filter((r) => r.emergency && !triage.classify(r.text, at).emergency).map((r) => r.text);
    expect(missed).toEqual([]);
  });

  test('at most 3% of its hard negatives raise the alarm', () => {
    const negatives = rows.filter((r) => !r.emergency);
    expect(negatives.filter((r) => triage.classify(r.text, at).emergency).length / negatives.length).toBeLessThanOrEqual(0.03);
  });
});

function readJsonl(path: string): { text: string; emergency: boolean }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; emergency: boolean });
}
