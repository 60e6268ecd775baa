import { commandNames } from './command-files.mjs';
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

/** How to load each command by name: from the files (the default) or from a prebuilt bundle (cli-bundle.mjs). */
export type CommandLoaders = Readonly<Record<string, () => Promise<unknown>>>;

const COMMANDS_DIR = new URL('./commands/', import.meta.url);

/** One loader per command file (command-files.mjs). */
export function commandFiles(): CommandLoaders {
  return Object.fromEntries(commandNames(COMMANDS_DIR).map((name) => [name, () => import(new URL(`${name}.ts`, COMMANDS_DIR).href)]));
}

async function load(commands: CommandLoaders, name: string): Promise<CommandModule> {
  return (await (commands[name] as () => Promise<unknown>)()) as CommandModule;
}

async function usage(commands: CommandLoaders): Promise<string> {
  const lines = ['usage: frontdoor <command> [options]'];
  for (const name of Object.keys(commands).sort()) {
    const summary = await load(commands, name).then((m) => m.summary, () => `${name}  (unavailable: it failed to load)`);
    lines.push(`  frontdoor ${summary}`);
  }
  return lines.join('\n');
}

export async function main(argv: readonly string[], io: CliIo = defaultIo(), commands: CommandLoaders = commandFiles()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    writeLine(name === undefined ? io.stderr : io.stdout, await usage(commands));
    return name === undefined ? 2 : 0;
  }
  if (!Object.hasOwn(commands, name)) {
    writeLine(io.stderr, `frontdoor: unknown command "${name}" (try: frontdoor help)`);
    return 2;
  }
  try {
    return await (await load(commands, name)).run(rest, io);
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
