import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInstant } from '../../../knowledge/clock';
import { formatProblem, loadKnowledgeBase } from '../../../knowledge/kb';
import { Triage } from '../../../knowledge/triage';
import {
  EmergencyCase,
  evaluateEmergency,
  evaluateIntent,
  evaluateTriage,
  IntentCase,
  parseCases,
  TriageCase,
  type TriageMetrics,
} from '../../../knowledge/triage/evaluate';
import { defaultVariants, gridSearch } from '../../../knowledge/triage/tune';
import { clockFromEnv } from '../../config/clock-from-env';
import { parseArgs, UsageError, writeLine, type Command } from '../io';

export const summary = 'eval [--set heldout|dev] [--file DEV.jsonl] [--at ISO] [--failures] [--tune]   (npm run eval)';

/** The held-out files: `--file` refuses them, so a development run can never look at them. */
const HELD_OUT = new Set(['triage.jsonl', 'emergency.jsonl', 'emergency-sealed.jsonl', 'intent.jsonl']);

const EVAL_DIR = fileURLToPath(new URL('../../../test/eval/', import.meta.url));

function read<T>(file: string, schema: Parameters<typeof parseCases<T>>[1]): T[] | null {
  const path = file.includes('/') ? file : `${EVAL_DIR}${file}`;
  if (!existsSync(path)) return null;
  const parsed = parseCases(readFileSync(path, 'utf8'), schema);
  if (!parsed.ok) throw new UsageError(`${file}:${parsed.line}: ${parsed.message}`);
  return parsed.cases;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * `frontdoor eval`: measures triage on the held-out sets in test/eval (triage.jsonl, emergency.jsonl,
 * emergency-sealed.jsonl, intent.jsonl if present) and prints the issue-3 figures. `--set dev` measures
 * on the development set instead (the only set tuning may look at), `--tune` prints the parameter grid
 * on it, `--failures` lists the questions that went wrong. Always exit 0: this reports, the accuracy gate is a test.
 */
export const run: Command = async (args, io) => {
  const { values, switches } = parseArgs(args, { values: ['set', 'at', 'file'], switches: ['failures', 'tune'] });
  const file = values.get('file');
  if (file !== undefined && HELD_OUT.has(basename(file))) throw new UsageError('--file is for development sets, not the held-out ones');
  const set = values.get('set') ?? (file === undefined ? 'heldout' : 'dev');
  if (set !== 'heldout' && set !== 'dev') throw new UsageError('--set is heldout or dev');
  const atText = values.get('at');
  const now = atText === undefined ? clockFromEnv(io.env)() : parseInstant(atText);
  if (!now) throw new UsageError(`--at is not an ISO 8601 instant: "${atText}"`);
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) {
    for (const p of loaded.problems) writeLine(io.stderr, formatProblem(p));
    return 1;
  }
  const out = (line: string): void => writeLine(io.stdout, line);
  if (file !== undefined && set !== 'dev') throw new UsageError('--file only goes with --set dev');
  // `--file a.jsonl,b.jsonl` joins development sets, so tuning and calibration can fit on all of them.
  const triageFiles = file === undefined ? [set === 'dev' ? 'dev.jsonl' : 'triage.jsonl'] : file.split(',').map((f) => resolve(f));
  const triageFile = triageFiles.map((f) => basename(f)).join(' + ');
  const cases: TriageCase[] = [];
  for (const f of triageFiles) {
    const part = read(f, TriageCase);
    if (part === null) throw new UsageError(`${f} is missing`);
    cases.push(...part);
  }

  if (switches.has('tune')) {
    if (set !== 'dev') throw new UsageError('--tune only runs on --set dev: the held-out sets are for measuring');
    out('variant                      top-1   logloss  T     none');
    for (const row of gridSearch(loaded.kb.list(), cases, defaultVariants())) {
      out(`${row.label.padEnd(28)} ${pct(row.top1).padStart(6)}  ${row.loss.toFixed(3)}    ${row.temperature.toFixed(2)}  ${row.nullScore.toFixed(2)}`);
    }
    return 0;
  }

  const triage = Triage.build(loaded.kb);
  const m = evaluateTriage(triage, cases, now);
  out(`triage (${triageFile}): ${m.total} questions, ${m.inScope} in scope, ${m.outOfScope} out of scope`);
  out(`  top-1 accuracy (best candidate, in scope)   ${pct(m.top1)}`);
  out(`  answered correctly (in scope)               ${pct(m.answeredCorrect)}`);
  out(`  misroutes: answered, wrong (in scope)       ${pct(m.misroute)}`);
  out(`  abstained (in scope)                        ${pct(m.abstain)}`);
  out(`  out of scope: abstained                     ${pct(m.outOfScopeAbstain)}`);
  printCalibration(m, out);

  if (set === 'heldout') {
    // emergency-sealed.jsonl: two acceptance-style sets written from the label rules alone and kept sealed
    // until the code was final, then measured once (test/eval/README.md).
    for (const name of ['emergency.jsonl', 'emergency-sealed.jsonl']) {
      const emergency = read(name, EmergencyCase);
      if (emergency === null) continue;
      const e = evaluateEmergency(triage, emergency, now);
      out(`emergency (${name}): ${e.positives} emergencies, ${e.negatives} hard negatives`);
      out(`  recall                                      ${pct(e.recall)}`);
      out(`  false alarms                                ${pct(e.falseAlarmRate)}`);
      if (switches.has('failures')) {
        for (const t of e.missed) out(`  missed: ${t}`);
        for (const t of e.falseAlarms) out(`  false alarm: ${t}`);
      }
    }
    const intents = read('intent.jsonl', IntentCase);
    if (intents !== null) {
      const i = evaluateIntent(triage, intents, now);
      out(`intent (intent.jsonl): ${intents.length} questions`);
      out(`  accuracy                                    ${pct(i.accuracy)}`);
      if (switches.has('failures')) for (const w of i.wrong) out(`  ${w.expect} -> ${w.got}: ${w.text}`);
    }
  }
  if (switches.has('failures')) {
    out('failures (expected -> answered / best candidate, confidence):');
    for (const f of m.failures) {
      out(`  ${f.expect === null ? 'out of scope' : f.expect.join('|')} -> ${f.got ?? 'abstain'} / ${f.best ?? '-'} ${f.confidence.toFixed(2)}: ${f.text}`);
    }
  }
  return 0;
};

function printCalibration(m: TriageMetrics, out: (line: string) => void): void {
  out(`  calibration (best candidate, in scope; expected calibration error ${m.ece.toFixed(3)}):`);
  out('    confidence    n    accuracy  mean confidence');
  for (const b of m.calibration) {
    out(`    ${b.from.toFixed(2)}-${b.to.toFixed(2)}  ${String(b.count).padStart(4)}    ${pct(b.accuracy).padStart(6)}    ${b.meanConfidence.toFixed(2)}`);
  }
}
