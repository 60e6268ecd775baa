import { AgentName, AgentStore, passwordProblem } from '../../agent/agent-store';
import { withDatabase } from '../../agent/cli-database';
import { askHidden, isTerminal } from '../../agent/password-prompt';
import { clockFromEnv } from '../../config/clock-from-env';
import { parseArgs, UsageError, writeLine, type Command } from '../io';

export const summary = 'agents add NAME [--password P] | agents list | agents remove NAME  (who may sign in to /agent)';

const USAGE = 'usage: frontdoor agents add NAME [--password P] | frontdoor agents list | frontdoor agents remove NAME';

/**
 * `agents add NAME [--password P]`: creates an agent for the console (bcrypt-hashed password).
 * Without --password it asks on the terminal, twice, without echo; with no terminal to ask on it
 * stops with exit 2. `agents list` names the agents; `agents remove NAME` removes one and ends
 * their sessions. Storage: DATABASE_URL, else PGlite in FRONTDOOR_DATA_DIR (./data).
 */
export const run: Command = async (args, io) => {
  const [sub, ...rest] = args;
  const { positional, values } = parseArgs(rest, { values: sub === 'add' ? ['password'] : [] });
  if (sub === 'add') {
    const [name, ...extra] = positional;
    if (name === undefined || extra.length > 0) throw new UsageError(USAGE);
    const now = clockFromEnv(io.env)();
    const password = values.get('password') ?? (await askPassword(io));
    const problem = passwordProblem(password);
    if (problem !== undefined) throw new UsageError(problem);
    return withDatabase(io, 'agents', async (db) => {
      const added = await new AgentStore(db).add(name, password, now);
      if (added.ok) {
        writeLine(io.stdout, `added agent ${added.agent.username}`);
        return 0;
      }
      switch (added.reason) {
        case 'invalid_name':
          throw new UsageError(`"${name}" is not a valid agent name: 2-40 letters, digits, ".", "_" or "-", starting with a letter or digit`);
        case 'weak_password':
          throw new UsageError(passwordProblem(password) ?? 'the password is not accepted');
        case 'exists':
          writeLine(io.stderr, `frontdoor agents: an agent named "${AgentName.parse(name)}" already exists`);
          return 1;
      }
    });
  }
  if (sub === 'list') {
    if (positional.length > 0) throw new UsageError(USAGE);
    return withDatabase(io, 'agents', async (db) => {
      const agents = await new AgentStore(db).list();
      if (agents.length === 0) writeLine(io.stdout, 'no agents');
      for (const a of agents) writeLine(io.stdout, `${a.username}  (added ${a.createdAt.toFormat('yyyy-MM-dd HH:mm')})`);
      return 0;
    });
  }
  if (sub === 'remove') {
    const [name, ...extra] = positional;
    if (name === undefined || extra.length > 0) throw new UsageError(USAGE);
    return withDatabase(io, 'agents', async (db) => {
      if (await new AgentStore(db).remove(name)) {
        writeLine(io.stdout, `removed agent ${AgentName.parse(name)}`);
        return 0;
      }
      writeLine(io.stderr, `frontdoor agents: no agent named "${name}"`);
      return 1;
    });
  }
  throw new UsageError(USAGE);
};

/** The password, asked twice on the terminal; without a terminal there is nobody to ask. */
async function askPassword(io: Parameters<Command>[1]): Promise<string> {
  if (!isTerminal(io.stdin)) {
    throw new UsageError('no password given and no terminal to ask on: use --password P, or run the command in a terminal');
  }
  const first = await askHidden(io.stdin, io.stderr, 'Password: ');
  if (first === undefined) throw new UsageError('no password given');
  const again = await askHidden(io.stdin, io.stderr, 'Password again: ');
  if (again !== first) throw new UsageError('the two passwords differ');
  return first;
}
