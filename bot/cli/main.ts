import { readdirSync } from 'node:fs';
import { UsageError, writeLine, type CliIo, type Command } from './io';

/**
 * Each command lives in `commands/<name>.ts` and exports `run` and a one-line `summary`. Loaded on
 * demand, so `frontdoor hours` does not pay for botbuilder or the database driver at start-up, and
 * adding a command touches no shared file.
 */
interface CommandModule {
  readonly run: Command;
  readonly summary: string;
}

const COMMANDS_DIR = new URL('./commands/', import.meta.url);

function commandNames(): string[] {
  return readdirSync(COMMANDS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<CommandModule> {
  return (await import(new URL(`${name}.ts`, COMMANDS_DIR).href)) as CommandModule;
}

async function usage(): Promise<string> {
  const lines = ['usage: frontdoor <command> [options]'];
  for (const name of commandNames()) {
    const summary = await load(name).then((m) => m.summary, () => `${name}  (unavailable: it failed to load)`);
    lines.push(`  frontdoor ${summary}`);
  }
  return lines.join('\n');
}

export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    writeLine(name === undefined ? io.stderr : io.stdout, await usage());
    return name === undefined ? 2 : 0;
  }
  if (!commandNames().includes(name)) {
    writeLine(io.stderr, `frontdoor: unknown command "${name}" (try: frontdoor help)`);
    return 2;
  }
  try {
    return await (await load(name)).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `frontdoor ${name}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
