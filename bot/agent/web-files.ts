import { readFileSync } from 'node:fs';

const WEB_DIR = new URL('./web/', import.meta.url);

/** The console's page templates and assets, read once when the routes are registered. */
export interface WebFiles {
  readonly loginHtml: string;
  readonly agentHtml: string;
  /** Served at /agent/assets/NAME; nothing else is (no paths from the request reach the disk). */
  readonly assets: ReadonlyMap<string, { readonly type: string; readonly body: string }>;
}

export function loadWebFiles(): WebFiles {
  const read = (name: string): string => readFileSync(new URL(name, WEB_DIR), 'utf8');
  return {
    loginHtml: read('login.html'),
    agentHtml: read('agent.html'),
    assets: new Map([
      ['agent.css', { type: 'text/css; charset=utf-8', body: read('agent.css') }],
      ['agent.js', { type: 'text/javascript; charset=utf-8', body: read('agent.js') }],
    ]),
  };
}
