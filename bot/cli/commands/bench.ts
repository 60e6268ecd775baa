import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { ZONE } from '../../../knowledge/clock';
import { formatProblem, loadKnowledgeBase } from '../../../knowledge/kb';
import { emergencyModelFor } from '../../../knowledge/triage/emergency-model';
import { Triage } from '../../../knowledge/triage';
import { parseCases, TriageCase } from '../../../knowledge/triage/evaluate';
import { DIGITAL_HOTLINE_MUNICIPALITIES, syntheticUnits } from '../../../knowledge/triage/synthetic-kb';
import { parseArgs, writeLine, type Command } from '../io';

export const summary = 'bench [--seconds N]   triage speed: questions/s, p50/p99, index build, start to first answer (npm run bench)';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NOW = DateTime.fromISO('2026-12-01T10:00:00', { zone: ZONE });

interface Speed {
  readonly questions: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** Classifies the questions round after round for about `seconds`, timing each call. */
function measure(triage: Triage, questions: readonly string[], seconds: number): Speed {
  // Warm-up: the first calls compile the code and fill the token caches a running server would have.
  for (const q of questions) triage.classify(q, NOW);
  const times: number[] = [];
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (const q of questions) {
      const t0 = performance.now();
      triage.classify(q, NOW);
      times.push(performance.now() - t0);
    }
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const at = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
  return { questions: times.length, perSecond: (times.length / total) * 1000, p50: at(0.5), p99: at(0.99) };
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

/**
 * Spawns `frontdoor triage --jsonl` with one question and times it until the answer line arrives.
 * `env` adds to this process's environment (FRONTDOOR_NO_BUNDLE=1: through tsx, not the bundle).
 */
function startToFirstAnswer(env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [`${ROOT}bot/cli/frontdoor.mjs`, 'triage', '--jsonl'], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) {
        resolve(performance.now() - t0);
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (!out.includes('\n')) reject(new Error(`frontdoor triage exited ${code} without an answer`));
    });
    child.stdin.write(`${JSON.stringify({ text: 'Hvornår kan jeg ringe til Pladsanvisningen?' })}\n`);
  });
}

/** The median of three starts, one after another (they would slow each other down side by side). */
async function medianStart(env: Record<string, string> = {}): Promise<number> {
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) starts.push(await startToFirstAnswer(env));
  return starts.sort((a, b) => a - b)[1] as number;
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const ms = (x: number): string => `${x < 10 ? x.toFixed(3) : x.toFixed(0)} ms`;

/**
 * `frontdoor bench`: the speed figures of issue 3 on this machine, one core (Node runs triage on one
 * thread). Questions are the development set's (test/eval/dev.jsonl); for the generated knowledge base
 * each is also asked with a municipality's name. Targets: ≥ 5,000 q/s for Aarhus, ≥ 1,000 q/s at
 * 5,000 units, index build < 2 s, process start to first answer < 1 s.
 */
export const run: Command = async (args, io) => {
  const { values } = parseArgs(args, { values: ['seconds'] });
  const seconds = Number(values.get('seconds') ?? '3');
  const out = (line: string): void => writeLine(io.stdout, line);
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) {
    for (const p of loaded.problems) writeLine(io.stderr, formatProblem(p));
    return 1;
  }
  const dev = parseCases(readFileSync(`${ROOT}test/eval/dev.jsonl`, 'utf8'), TriageCase);
  const questions = dev.ok ? dev.cases.map((c) => c.text) : ['Hvornår kan jeg ringe til Borgerservice?'];

  // The emergency model is trained apart from the index (it learns from labelled messages, the index from
  // the units), so the two are timed apart; a server pays both once at start.
  const model = timed(() => emergencyModelFor(loaded.kb.list(), undefined, null));
  // What a start pays once a model trained from the same messages is in the cache (emergency-model.ts).
  emergencyModelFor(loaded.kb.list());
  const cachedModel = timed(() => emergencyModelFor(loaded.kb.list()));
  const firstBuild = timed(() => Triage.build(loaded.kb, { emergencyModel: model.value }));
  const builds = [0, 1, 2].map(() => timed(() => Triage.build(loaded.kb, { emergencyModel: model.value })).ms).sort((a, b) => a - b);
  const aarhus = measure(firstBuild.value, questions, seconds);
  out(`Aarhus knowledge base: ${loaded.kb.list().length} units`);
  out(`  index build: ${ms(firstBuild.ms)} (first in the process), ${ms(builds[1] as number)} (median of 3 after); emergency model training ${ms(model.ms)}, read from the cache ${ms(cachedModel.ms)}`);
  out(`  triage: ${n(aarhus.perSecond)} questions/s (${n(aarhus.questions)} questions), p50 ${ms(aarhus.p50)}, p99 ${ms(aarhus.p99)}`);

  const units = syntheticUnits(loaded.kb.list());
  const bigModel = timed(() => emergencyModelFor(units, undefined, null));
  const big = timed(() => Triage.fromUnits(units, { emergencyModel: bigModel.value }));
  const asked = questions.flatMap((q, i) => [q, `${q} i ${DIGITAL_HOTLINE_MUNICIPALITIES[i % DIGITAL_HOTLINE_MUNICIPALITIES.length]}`]);
  const bigSpeed = measure(big.value, asked, seconds);
  out(`Generated knowledge base (Digital Hotline size): ${DIGITAL_HOTLINE_MUNICIPALITIES.length} municipalities, ${n(units.length)} units`);
  out(`  index build: ${ms(big.ms)}; emergency model training ${ms(bigModel.ms)}`);
  out(`  triage: ${n(bigSpeed.perSecond)} questions/s (${n(bigSpeed.questions)} questions), p50 ${ms(bigSpeed.p50)}, p99 ${ms(bigSpeed.p99)}`);

  out(`Process start to first answer (frontdoor triage --jsonl, one line): ${ms(await medianStart())} (median of 3)`);
  out(`  the same without the CLI bundle (FRONTDOOR_NO_BUNDLE=1, TypeScript through tsx): ${ms(await medianStart({ FRONTDOOR_NO_BUNDLE: '1' }))} (median of 3)`);
  out('Targets: ≥ 5,000 q/s Aarhus, ≥ 1,000 q/s at 5,000 units, index build < 2 s, start to first answer < 1 s');
  return 0;
};
