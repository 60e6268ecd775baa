// Which files of bot/cli/commands/ are commands: `<name>.ts`, not starting with `_` (helpers). Plain
// JavaScript, so both main.ts (through tsx or the bundle) and cli-bundle.mjs (before any TypeScript
// loads) read the one rule.
import { readdirSync } from 'node:fs';

/** The command names in `dir`, sorted. */
export function commandNames(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}
