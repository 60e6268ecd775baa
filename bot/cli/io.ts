import type { Readable, Writable } from 'node:stream';

/** What a CLI command may touch: its streams and the environment, passed in so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  readonly env: NodeJS.ProcessEnv;
}

/** A CLI command: returns its exit code. 0 ok, 1 the thing checked is wrong, 2 bad input. */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Bad input from the caller: one clear line on stderr and exit 2, nothing on stdout. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function writeLine(stream: Writable, line: string): void {
  stream.write(`${line}\n`);
}

/** Splits `--flag value` / `--flag=value` / `--switch` options from positional arguments. */
export function parseArgs(
  args: readonly string[],
  spec: { readonly values?: readonly string[]; readonly switches?: readonly string[] },
): { positional: string[]; values: Map<string, string>; switches: Set<string> } {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.switches?.includes(name)) {
      switches.add(name);
    } else if (spec.values?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, values, switches };
}
