import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { parseInstant, ZONE, type Clock } from '../../../knowledge/clock';
import { DEFAULT_KB_DIR, formatProblem, loadKnowledgeBase, type KnowledgeBase } from '../../../knowledge/kb';
import { describeStatus, HoursEngine, type Lang } from '../../../knowledge/hours';
import { clockFromEnv } from '../../config/clock-from-env';
import { parseArgs, UsageError, writeLine, type CliIo, type Command } from '../io';

export const summary = 'hours UNIT [--at ISO] [--json] [--lang da|en] | hours --jsonl (lines {"unit","at"} on stdin)';

const USAGE = 'usage: frontdoor hours UNIT [--at ISO] [--json] [--lang da|en] [--kb DIR] | frontdoor hours --jsonl [--kb DIR]';

/** The answer object of the acceptance contract (issue 2 §4): keys exactly these. */
interface HoursAnswer {
  readonly unit: string;
  readonly at: string;
  readonly open: boolean | null;
  readonly closesAt: string | null;
  readonly nextOpening: string | null;
}

const JsonlRequest = z.strictObject({ unit: z.string().min(1), at: z.string().min(1).optional() });

/** ISO 8601 with the Aarhus offset, no milliseconds: 2026-12-03T17:15:00+01:00. */
function iso(t: DateTime): string {
  const text = t.setZone(ZONE).toISO({ suppressMilliseconds: true });
  if (text === null) throw new Error('invalid DateTime reached the CLI output');
  return text;
}

function parseAt(text: string): DateTime {
  const at = parseInstant(text);
  if (!at) throw new UsageError(`--at is not an ISO 8601 instant: "${text}" (e.g. 2026-12-03T16:30:00+01:00)`);
  return at;
}

function parseLang(text: string | undefined): Lang {
  if (text === undefined || text === 'da' || text === 'en') return text ?? 'da';
  throw new UsageError(`--lang must be da or en, not "${text}"`);
}

function loadKb(dir: string | undefined): KnowledgeBase {
  const path = dir === undefined ? DEFAULT_KB_DIR : resolve(dir);
  const result = loadKnowledgeBase(path);
  if (result.ok) return result.kb;
  const [first] = result.problems;
  const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more; see frontdoor kb validate)` : '';
  throw new UsageError(`cannot load the knowledge base in ${path}: ${first ? formatProblem(first) : 'invalid'}${more}`);
}

function answer(engine: HoursEngine, unit: string, at: DateTime): HoursAnswer {
  const status = engine.status(unit, at);
  return {
    unit,
    at: iso(at),
    open: status.open,
    closesAt: status.closesAt ? iso(status.closesAt) : null,
    nextOpening: status.nextOpening ? iso(status.nextOpening) : null,
  };
}

/**
 * `hours UNIT --at ISO [--json]`: the sentence (Danish unless `--lang en`) or one JSON object.
 * `hours --jsonl`: one request per stdin line, one answer per stdout line, one process and one
 * knowledge-base load for the lot. `--at` and a line without "at" use the clock (FRONTDOOR_NOW).
 */
export const run: Command = async (args, io) => {
  const { positional, values, switches } = parseArgs(args, { values: ['at', 'lang', 'kb'], switches: ['json', 'jsonl'] });
  const clock = clockFromEnv(io.env);
  if (switches.has('jsonl')) {
    if (positional.length > 0 || values.has('at') || values.has('lang') || switches.has('json')) {
      throw new UsageError('--jsonl reads units and instants from stdin and takes no UNIT, --at, --lang or --json');
    }
    return runJsonl(loadKb(values.get('kb')), clock, io);
  }
  const [unit, ...extra] = positional;
  if (unit === undefined || extra.length > 0) throw new UsageError(USAGE);
  const atText = values.get('at');
  const at = atText === undefined ? clock() : parseAt(atText);
  const lang = parseLang(values.get('lang'));
  const kb = loadKb(values.get('kb'));
  if (!kb.has(unit)) throw new UsageError(`unknown unit "${unit}" (see frontdoor kb list)`);
  const engine = new HoursEngine(kb);
  if (switches.has('json')) writeLine(io.stdout, JSON.stringify(answer(engine, unit, at)));
  else writeLine(io.stdout, describeStatus(engine.status(unit, at), at, lang));
  return 0;
};

/**
 * A bad line does not stop the batch: it gets `{"unit","at","error"}` in its place (so output lines
 * stay aligned with input lines) and the command exits 2 at the end. A single command has nothing
 * to align, so there bad input means nothing on stdout (issue 2 §4).
 */
async function runJsonl(kb: KnowledgeBase, clock: Clock, io: CliIo): Promise<number> {
  const engine = new HoursEngine(kb);
  let failed = false;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const result = jsonlLine(kb, engine, clock, line);
    if ('error' in result) failed = true;
    writeLine(io.stdout, JSON.stringify(result));
  }
  return failed ? 2 : 0;
}

function jsonlLine(kb: KnowledgeBase, engine: HoursEngine, clock: Clock, line: string): HoursAnswer | { unit: string | null; at: string | null; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return { unit: null, at: null, error: 'not a JSON object' };
  }
  const parsed = JsonlRequest.safeParse(data);
  if (!parsed.success) {
    const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { unit: text(record.unit), at: text(record.at), error: `expected {"unit","at"} — ${where}${issue?.message ?? 'invalid'}` };
  }
  const { unit, at: atText } = parsed.data;
  const at = atText === undefined ? clock() : parseInstant(atText);
  if (!at) return { unit, at: atText ?? null, error: `"at" is not an ISO 8601 instant: "${atText}"` };
  if (!kb.has(unit)) return { unit, at: atText ?? null, error: `unknown unit "${unit}"` };
  return answer(engine, unit, at);
}
