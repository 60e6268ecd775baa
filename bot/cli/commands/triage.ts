import { createInterface } from 'node:readline';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { parseInstant } from '../../../knowledge/clock';
import { formatProblem, loadKnowledgeBase } from '../../../knowledge/kb';
import { Triage, type TriageResult } from '../../../knowledge/triage';
import { clockFromEnv } from '../../config/clock-from-env';
import { parseArgs, UsageError, writeLine, type Command } from '../io';

export const summary = 'triage --jsonl | triage "question" [--at ISO] [--explain]';

const Line = z.object({ text: z.string(), at: z.string().optional() });

/** The contract's keys, exactly (issue 3, section 4). */
function contractLine(r: TriageResult): string {
  return JSON.stringify({
    unitId: r.unitId,
    confidence: r.confidence,
    emergency: r.emergency,
    lang: r.lang,
    intent: r.intent,
    alternatives: r.alternatives.map((a) => ({ unitId: a.unitId, confidence: a.confidence })),
  });
}

/**
 * `frontdoor triage --jsonl`: one `{"text", "at"?}` per stdin line, one result line each, in one process
 * (the index is built once). The clock: the line's `at`, else FRONTDOOR_NOW, else the real time. A bad
 * line gets `{"error": ...}` and the run goes on; the exit code is then 2.
 * `frontdoor triage "question"` answers one question the same way.
 */
export const run: Command = async (args, io) => {
  const { positional, values, switches } = parseArgs(args, { values: ['at'], switches: ['jsonl', 'explain'] });
  const clock = clockFromEnv(io.env);
  if (!switches.has('jsonl') && positional.length !== 1) throw new UsageError('usage: frontdoor triage --jsonl | frontdoor triage "question" [--at ISO]');
  if (switches.has('jsonl') && (positional.length > 0 || values.has('at'))) throw new UsageError('--jsonl reads the questions (and their "at") from stdin');
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) {
    for (const p of loaded.problems) writeLine(io.stderr, formatProblem(p));
    return 1;
  }
  const triage = Triage.build(loaded.kb);

  if (!switches.has('jsonl')) {
    const atText = values.get('at');
    const at = atText === undefined ? clock() : parseInstant(atText);
    if (!at) throw new UsageError(`--at is not an ISO 8601 instant: "${atText}"`);
    const result = triage.classify(positional[0] as string, at);
    writeLine(io.stdout, contractLine(result));
    // For whoever tunes the knowledge base: how each word matched and what it gave which unit.
    if (switches.has('explain')) for (const line of triage.explain(result.redactedText, result.lang)) writeLine(io.stdout, line);
    return 0;
  }

  let bad = false;
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of lines) {
    if (raw.trim() === '') continue;
    const result = answer(triage, raw, clock);
    if ('error' in result) bad = true;
    writeLine(io.stdout, 'error' in result ? JSON.stringify(result) : result.line);
  }
  return bad ? 2 : 0;
};

function answer(triage: Triage, raw: string, clock: () => DateTime): { line: string } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { error: 'not a JSON line' };
  }
  const parsed = Line.safeParse(json);
  if (!parsed.success) return { error: 'expected {"text": string, "at"?: ISO 8601 instant}' };
  const at = parsed.data.at === undefined ? clock() : parseInstant(parsed.data.at);
  if (!at) return { error: `"at" is not an ISO 8601 instant: ${JSON.stringify(parsed.data.at)}` };
  return { line: contractLine(triage.classify(parsed.data.text, at)) };
}
