import type { CliIo } from './io';
import type { CommandLoaders } from './main';

/** Digest of the sources under `root` (bot/, dialogs/, knowledge/) and of the bundler version. */
export function stamp(esbuildVersion: string, root?: string): string;

/** The CLI from the bundle of the current sources (built when they changed), or null: then use tsx. */
export function loadBundledCli(): Promise<{
  main: (argv: readonly string[], io?: CliIo, commands?: CommandLoaders) => Promise<number>;
  commands: CommandLoaders;
} | null>;
