#!/usr/bin/env node
// The `frontdoor` command. It runs the TypeScript sources through tsx, so `npx frontdoor` works
// right after `npm ci` with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
