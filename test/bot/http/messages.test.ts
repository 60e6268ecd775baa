import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { messageActivity, startApp, type RunningApp } from '../../helpers/start-app';

/** Tuesday 24 November 2026, 10:00 in Aarhus: Pladsanvisningen's line is open (Tue 9–11). */
const TUESDAY_MORNING = '2026-11-24T10:00:00+01:00';

let running: RunningApp;
beforeAll(async () => {
  running = await startApp({ now: TUESDAY_MORNING });
});
afterAll(async () => running.close());

async function post(body: unknown, raw = false): Promise<{ status: number; json: any }> {
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

describe('POST /api/messages', () => {
  test('answers a question with the replies in the response body (expectReplies)', async () => {
    const { status, json } = await post(messageActivity('Hvornår har Pladsanvisningen telefontid?', 'http-1'));
    expect(status).toBe(200);
    const texts = json.activities.map((a: { text?: string }) => a.text ?? '').join('\n');
    expect(texts).toMatch(/Pladsanvisningen/);
    expect(texts).toMatch(/Åbent nu – lukker kl\. 11\.00/);
    expect(texts).toMatch(/89 40 20 00/);
  });

  test('keeps the conversation: a follow-up is about the same unit', async () => {
    await post(messageActivity('Hvornår har Pladsanvisningen telefontid?', 'http-2'));
    const { json } = await post(messageActivity('hvad er deres mail?', 'http-2'));
    expect(json.activities.map((a: { text?: string }) => a.text).join('\n')).toMatch(/Pladsanvisningen/);
  });

  test('leads with 112 when there is danger', async () => {
    const { json } = await post(messageActivity('min nabo er faldet om og trækker ikke vejret', 'http-3'));
    expect(json.activities[0].text).toMatch(/112/);
  });

  test('a retried activity (same id) gets the same replies and runs the bot once', async () => {
    const activity = messageActivity('Hvornår har Borgerservice åbent?', 'http-4');
    const first = await post(activity);
    const second = await post(activity);
    expect(second.json.activities.map((a: { text?: string }) => a.text)).toEqual(first.json.activities.map((a: { text?: string }) => a.text));
  });

  test.each([
    ['not JSON', '{"type":', true, 400],
    ['an array', [], false, 400],
    ['no type', { channelId: 'test', conversation: { id: 'x' }, from: { id: 'u' } }, false, 400],
    ['no conversation', { type: 'message', channelId: 'test', from: { id: 'u' }, text: 'hej' }, false, 400],
    ['a text longer than the cap', messageActivity('a'.repeat(2001), 'http-5'), false, 413],
  ])('refuses %s with a 4xx and stays up', async (_name, body, raw, expected) => {
    const { status } = await post(body, raw);
    expect(status).toBe(expected);
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('GET /healthz', () => {
  test('reports the knowledge base and the storage', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.units).toBeGreaterThanOrEqual(26);
    expect(body.storage).toBe('ok');
  });
});

describe('frontdoor serve', () => {
  test('a bad configuration value stops the process with one clear line', async () => {
    const child = spawn(process.execPath, ['bot/cli/frontdoor.mjs', 'serve'], { env: { ...process.env, PORT: 'abc' } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/PORT/);
  });

  test('starts on an ephemeral port with embedded defaults and shuts down on SIGTERM', async () => {
    const dir = `/tmp/frontdoor-serve-${process.pid}`;
    const child = spawn(process.execPath, ['bot/cli/frontdoor.mjs', 'serve'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FRONTDOOR_DATA_DIR: dir, FRONTDOOR_LOG: 'silent', FRONTDOOR_NOW: TUESDAY_MORNING },
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /listening on (http:\/\/\S+?) /.exec(String(d));
        if (m) resolve(m[1]!);
      });
      child.on('close', () => reject(new Error('server exited')));
    });
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  }, 30_000);
});
