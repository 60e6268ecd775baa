import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type RunningApp } from '../../helpers/start-app';

let running: RunningApp;
beforeAll(async () => {
  running = await startApp({ now: '2026-11-24T10:00:00+01:00' });
});
afterAll(async () => running.close());

describe('GET /', () => {
  test('serves the Danish page with a self-only Content-Security-Policy and a fresh nonce each time', async () => {
    const first = await fetch(`${running.url}/`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await first.text();
    expect(html).toMatch(/<html lang="da">/);
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
    expect(csp).toContain(`'nonce-${nonce}'`);
    const second = await fetch(`${running.url}/`);
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('loads no script, style or image from another host', async () => {
    const html = await (await fetch(`${running.url}/`)).text();
    const sources = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    const external = sources.filter((s) => /^(https?:)?\/\//.test(s));
    expect(external).toEqual([]);
    expect(sources).toEqual(expect.arrayContaining(['/static/webchat.js', '/static/frontdoor.js', '/static/frontdoor.css']));
  });

  test('has a skip link to the chat and an English switch marked as English', async () => {
    const html = await (await fetch(`${running.url}/`)).text();
    expect(html).toMatch(/<a class="fd-skip" href="#chat"[^>]*>Gå direkte til chatten<\/a>/);
    expect(html).toMatch(/<button type="button" class="fd-lang" id="fd-lang" lang="en"[^>]*>English<\/button>/);
  });
});

describe('GET /static/…', () => {
  test("serves Web Chat from the project's own botframework-webchat", async () => {
    const res = await fetch(`${running.url}/static/webchat.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = await res.text();
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body).toContain('renderWebChat');
  });

  test('compresses for clients that accept gzip and answers 304 to a known ETag', async () => {
    const res = await fetch(`${running.url}/static/frontdoor.js`);
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${running.url}/static/frontdoor.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // node:http, because fetch would undo the compression before we could see it.
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      get(`${running.url}/static/frontdoor.css`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString('utf8')).toContain('.fd-card');
  });

  test('answers 404 for anything else, including paths that try to leave the folder', async () => {
    for (const path of ['/static/index.html', '/static/page-routes.ts', '/static/..%2Fapp.ts', '/static/toString']) {
      expect((await fetch(`${running.url}${path}`)).status, path).toBe(404);
    }
  });
});
