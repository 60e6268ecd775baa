import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { detectEmergency } from '../../../knowledge/triage';
import { EmergencyCase, parseCases } from '../../../knowledge/triage/evaluate';

/**
 * The lexicon (emergency.ts, without the model) on the emergency development sets in
 * knowledge/data/emergency/, apart from the held-out test/eval/emergency.jsonl:
 *
 * - panic-and-hard-negatives.jsonl (once test/eval/dev-emergency.jsonl): messages written the way people
 *   in panic write, the lexicon was tuned on; issue 3 asks recall 100% with false alarms ≤ 10%, and on
 *   the set the lexicon is tuned on that is the floor.
 * - second-set.jsonl (once test/eval/dev-emergency2.jsonl): fresh panic and despair phrasings and hard
 *   negatives, written without looking at the lexicon or the first set. The lexicon was then extended
 *   from its odd lines only (pattern families, not the lines themselves); the even lines stayed a fair
 *   check. Measured on the whole file: recall 92.5% (odd lines 100%, even 84.0%), false alarms 3.4%
 *   (odd 0%, even 6.5%). After the third set's extension (below) 93.6% and 0%.
 * - third-set.jsonl: three sets written apart by three hands in three styles (chat-window typing with the
 *   danger mid-message; understated and second-language; telegraphic and third-party, rarer categories),
 *   150 + 150 each. Measured on arrival, with the model trained without them, triage caught 96.0%, 94.0%
 *   and 87.3% of their emergencies and flagged 23.3%, 12.0% and 13.3% of their hard negatives. The
 *   lexicon was then extended from all three (pattern families: described signs, finished events,
 *   figures of speech): lexicon alone recall 96.4%, false alarms 1.6%.
 * - fourth-set.jsonl: a fourth hand, mixed styles, 120 + 120, kept unread while the lexicon grew from the
 *   third. Measured on arrival (model trained without it): recall 98.3%, false alarms 17.5% (26.7% before
 *   the third set's extension), so fresh hard negatives still fooled the lexicon. It was then extended
 *   from this set too: lexicon alone recall 89.2%, false alarms 0%.
 * - fifth-set.jsonl: fifty everyday negatives the engineer wrote as a coverage check (with fifty
 *   emergencies, one of which triage missed; those are not training data, see the commit).
 * - sixth-set.jsonl: a fifth hand, 120 + 120, phone-line transcripts with fillers ("øh", "um"), agents'
 *   notes ("Borger oplyser at..."), chat. Measured on arrival, before any of it was read, with the lexicon
 *   and model as they stood after the fourth set: recall 100%, false alarms 19.2% (lexicon alone 81.7%
 *   and 15.0%). Extended from it: lexicon alone recall 97.5%, false alarms 3.3%.
 * - seventh-set.jsonl: the edges of the categories (birth that will not wait, infants, a building coming
 *   down, a carer's blows, dementia lost outdoors, slang for overdoses), 150 + 100. On arrival: recall
 *   96.0%, false alarms 10.0% (lexicon alone 65.3% and 8.0%). Extended from it: 72.0% and 3.0% alone;
 *   the model carries the rest.
 * - eighth-set.jsonl: SMS, slang, emojis and dialect, 120 + 120. On arrival: recall 96.7%, false alarms
 *   7.5% (lexicon alone 82.5%, 6.7%); a lone "HJÆLP" and "skal bare sige farvel ... har det fint nu" were
 *   among the misses. Extended from it: 84.2% and 0.8% alone.
 * - ninth-set.jsonl: a cross-section of a year's messages, 120 + 120, measured on arrival with everything
 *   above in place: recall 98.3%, false alarms 14.2% (lexicon alone 81.7%, 12.5%). Extended from it:
 *   82.5% and 1.7% alone.
 * - acceptance-sets.jsonl (once test/eval/emergency-dev.jsonl, a set the model did not learn from): sixteen
 *   acceptance-style sets of 100 + 100, each written by a hand that saw only the label rules, each measured
 *   once on arrival with everything before it in place, then worked into the lexicon. On arrival (recall,
 *   false alarms): 98/8, 99/10, 100/14, 98/11, 98/17, 100/9, 99/14, 100/12, 100/10, 99/20, 99/15, 99/13,
 *   100/7, 99/13, 98/13, 99/14 (%). Misses were farewells told through an errand ("i får ikke brug for at
 *   behandle min ansøgning"), a febrile seizure that would not stop, a capsized kayaker, someone rattling
 *   a terrace door's handle; false alarms were topic talk (courses, posters, statistics, procedures),
 *   figures of speech and crises of years ago from someone well today. Triage caught every emergency in
 *   them with 2.1% false alarms (lexicon alone 89.8%, 1.9%) before the model learned from them; since it
 *   does, the model also stands down lexicon alarms whose company speaks against them (emergency-model.test.ts).
 *   Four more (AA-AD: speech transcripts, run-on errands, an ordinary week, a red team) came in at 100/8,
 *   99/6, 99/12, 96/12 before that second opinion; worked in, lexicon alone 89.0% and 3.0% on all twenty.
 *   Two more (Y, Z), kept sealed until the code with the second opinion was done and then measured once:
 *   100/12 and 100/9 (the code before it: 99/13, 99/9). Worked in: 89.0% and 3.4% alone on all 22.
 *   Two more (BA, BB), sealed until Y and Z were worked in, then measured once: 100/3 and 99/6 (the code
 *   before the second opinion: 99/6, 98/10); the miss, "nogen knuser ruden i bagdøren", now reads. Worked
 *   in: 89.1% and 3.7% alone on all 24. Two more (CC, a red team, and CD, an ordinary week) came in at 97/10
 *   and 100/4; the misses were hurried short words ("hjæp!! røj", "gass") and a child held to ransom.
 *   Worked in, with the four emergencies a leave-one-set-out check found no part of triage catching (a man
 *   back with a hammer, a coin battery "just swallowed", a door pried open, method and means without the
 *   word): 89.0% and 3.5% alone on all 26. CF (elderly people, relatives, care staff), CE (young people's
 *   chat) and CG (understated dangers, and alarming scenes that turn out harmless) came in at 98/3, 99/14 and
 *   98/23: CG's false alarms were scenes resolved at the end ("det var bare naboen der havde brændt sine
 *   boller på"), CE's figures of speech and the model alone on urgent trouble (a flooded toilet, an
 *   eviction). Worked in: 87.9% and 3.5% alone on all 29 (their emergencies are told without the words).
 *   CH (non-native speakers), CI (very short, very specific) and CJ (third-party reports) came in at 100/10,
 *   98/5 and 100/15; worked in, with what leaving each set out of the model's training showed (a farewell
 *   through an errand, someone climbing in through a window, a flat glowing orange): 87.7% and 3.2% alone
 *   on all 32. CK (a range of people) and CL (speech and run-on errands) came in at 99/11 and 99/10; worked
 *   in (questions of procedure about someone unnamed now stand suicide phrases down too): 88.1% and 3.0%
 *   alone on all 34. CA and CB, sealed until the code was done and then measured once, came in at 100/13
 *   and 100/6; worked in: 88.6% and 2.7% alone on all 36. CM and CN, sealed the same way, came in at 99/7
 *   and 99/12; worked in: 88.8% and 2.5% alone on all 38. CO and CP, the same way: 100/15 and 99/9; worked
 *   in: 89.1% and 2.4% alone on all 40. CQ and CR: 100/9 and 99/4 (CQ met the bar on both counts, as CB had;
 *   CR missed one); worked in: 89.4% and 2.3% alone on all 42.
 *
 * The bounds sit just under the measured figures, so a change that loses ground here fails.
 *
 * The emergency model learns from both; its own figures on messages it did not learn from are in
 * emergency-model.test.ts.
 */
const SETS = [
  { file: 'panic-and-hard-negatives.jsonl', positives: 100, negatives: 80, recall: 1, falseAlarms: 0.1 },
  { file: 'second-set.jsonl', positives: 250, negatives: 250, recall: 0.93, falseAlarms: 0.02 },
  { file: 'third-set.jsonl', positives: 400, negatives: 400, recall: 0.96, falseAlarms: 0.03 },
  { file: 'fourth-set.jsonl', positives: 100, negatives: 100, recall: 0.9, falseAlarms: 0.02 },
  { file: 'sixth-set.jsonl', positives: 100, negatives: 100, recall: 0.97, falseAlarms: 0.04 },
  { file: 'seventh-set.jsonl', positives: 120, negatives: 80, recall: 0.71, falseAlarms: 0.04 },
  { file: 'eighth-set.jsonl', positives: 100, negatives: 100, recall: 0.84, falseAlarms: 0.02 },
  { file: 'ninth-set.jsonl', positives: 100, negatives: 100, recall: 0.82, falseAlarms: 0.02 },
  { file: 'acceptance-sets.jsonl', positives: 4190, negatives: 4190, recall: 0.89, falseAlarms: 0.025 },
] as const;

describe.each(SETS)('the lexicon on $file', ({ file, positives: minPositives, negatives: minNegatives, recall, falseAlarms }) => {
  const parsed = parseCases(readFileSync(fileURLToPath(new URL(`../../../knowledge/data/emergency/${file}`, import.meta.url)), 'utf8'), EmergencyCase);
  if (!parsed.ok) throw new Error(`${file}:${parsed.line}: ${parsed.message}`);
  const positives = parsed.cases.filter((c) => c.emergency);
  const negatives = parsed.cases.filter((c) => !c.emergency);

  test(`holds at least ${minPositives} emergencies and ${minNegatives} hard negatives`, () => {
    expect(positives.length).toBeGreaterThanOrEqual(minPositives);
    expect(negatives.length).toBeGreaterThanOrEqual(minNegatives);
  });

  test(`recall is at least ${+(recall * 100).toFixed(1)}%`, () => {
    const missed = positives.filter((c) => !detectEmergency(c.text).emergency).map((c) => c.text);
    expect(1 - missed.length / positives.length, JSON.stringify(missed)).toBeGreaterThanOrEqual(recall);
  });

  test(`at most ${+(falseAlarms * 100).toFixed(1)}% of the hard negatives are flagged`, () => {
    const alarms = negatives.filter((c) => detectEmergency(c.text).emergency).map((c) => c.text);
    expect(alarms.length / negatives.length, JSON.stringify(alarms)).toBeLessThanOrEqual(falseAlarms);
  });
});
