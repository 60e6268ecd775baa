#!/usr/bin/env node
// The `frontdoor` command. It runs the TypeScript sources as a bundle rebuilt whenever they change
// (cli-bundle.mjs), else through tsx, so `npx frontdoor` works right after `npm ci` with no build
// step to remember.
import { loadBundledCli } from './cli-bundle.mjs';

// restify (through spdy) touches process.binding('http_parser') when it loads; Node's DEP0111
// warning about it is noise on stderr, where our commands promise one clear line.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const code = typeof rest[0] === 'object' ? rest[0]?.code : rest[1];
  if (code === 'DEP0111') return;
  emitWarning(warning, ...rest);
};

const bundled = await loadBundledCli();
if (bundled) {
  process.exitCode = await bundled.main(process.argv.slice(2), undefined, bundled.commands);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
