import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_KB_DIR, formatProblem, loadKnowledgeBase } from '../../../knowledge/kb';
import { parseArgs, UsageError, writeLine, type Command } from '../io';

export const summary = 'kb validate [DIR] | kb list --json';

/** `kb validate [DIR]`: exit 0 when valid, else 1 with one line per problem. `kb list --json`. */
export const run: Command = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === 'validate') {
    const { positional } = parseArgs(rest, {});
    if (positional.length > 1) throw new UsageError('kb validate takes at most one directory');
    const dir = positional[0] === undefined ? DEFAULT_KB_DIR : resolve(positional[0]);
    // A directory that is not there is bad input (exit 2), not an invalid knowledge base (exit 1).
    if (!isDirectory(dir)) throw new UsageError(`${positional[0] ?? dir} is not a readable directory`);
    const result = loadKnowledgeBase(dir);
    if (result.ok) {
      writeLine(io.stdout, `ok: ${result.kb.list().length} units valid in ${dir}`);
      return 0;
    }
    for (const p of result.problems) writeLine(io.stderr, formatProblem(p));
    return 1;
  }
  if (sub === 'list') {
    const { switches } = parseArgs(rest, { switches: ['json'] });
    const result = loadKnowledgeBase();
    if (!result.ok) {
      for (const p of result.problems) writeLine(io.stderr, formatProblem(p));
      return 1;
    }
    const units = result.kb.list().map((u) => ({ id: u.id, name: u.name.da }));
    if (switches.has('json')) writeLine(io.stdout, JSON.stringify(units));
    else for (const u of units) writeLine(io.stdout, `${u.id.padEnd(24)} ${u.name}`);
    return 0;
  }
  throw new UsageError('usage: frontdoor kb validate [DIR] | frontdoor kb list --json');
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
