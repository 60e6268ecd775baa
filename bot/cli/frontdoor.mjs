#!/usr/bin/env node
// The `frontdoor` command. It runs the TypeScript sources through tsx, so `npx frontdoor` works
// right after `npm ci` with no build step to remember.
import { register } from 'tsx/esm/api';

// restify (through spdy) touches process.binding('http_parser') when it loads; Node's DEP0111
// warning about it is noise on stderr, where our commands promise one clear line.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const code = typeof rest[0] === 'object' ? rest[0]?.code : rest[1];
  if (code === 'DEP0111') return;
  emitWarning(warning, ...rest);
};

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
