import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { call, startConversation, startDirectLine, webChatMessage, type ActivitySetBody, type DirectLineServer, type TokenBody } from './direct-line-server';

let running: DirectLineServer | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await running?.close();
  running = undefined;
});

/** A WebSocket client that collects `{activities, watermark}` frames. */
interface Stream {
  readonly ws: WebSocket;
  readonly frames: ActivitySetBody[];
  /** Resolves once the frames hold at least `count` activities in all. */
  activities(count: number): Promise<ActivitySetBody['activities']>;
  closed: Promise<number>;
}

function open(url: string, headers: Record<string, string> = {}, autoPong = true): Promise<Stream> {
  const ws = new WebSocket(url, { headers, autoPong });
  sockets.push(ws);
  const frames: ActivitySetBody[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as ActivitySetBody);
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const all = () => frames.flatMap((f) => f.activities);
  const stream: Stream = {
    ws,
    frames,
    closed,
    activities: async (count) => {
      while (all().length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return all();
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(stream));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('the WebSocket stream on streamUrl', () => {
  test('first sends what the client has not seen (the welcome), then each new activity as {activities, watermark}', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const stream = await open(c.streamUrl ?? '');
    expect((await stream.activities(1)).map((a) => a.text)).toEqual(['Velkommen']);
    await call(running.url, 'POST', `/v3/directline/conversations/${c.conversationId}/activities`, {
      auth: c.token,
      body: webChatMessage('hej', 'ws-1'),
    });
    const activities = await stream.activities(3);
    expect(activities.map((a) => a.text)).toEqual(['Velkommen', 'hej', 'Du skrev: hej']);
    expect(activities[1]?.channelData).toMatchObject({ clientActivityID: 'ws-1' });
    expect(stream.frames.map((f) => f.watermark)).toEqual(['1', '2', '3']);
  });

  test('resumes from the watermark in a streamUrl from GET conversations/{id}', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    await call(running.url, 'POST', `/v3/directline/conversations/${c.conversationId}/activities`, { auth: c.token, body: webChatMessage('hej', 'x') });
    const again = await call<TokenBody>(running.url, 'GET', `/v3/directline/conversations/${c.conversationId}?watermark=2`, { auth: c.token });
    const stream = await open(again.body.streamUrl ?? '');
    expect((await stream.activities(1)).map((a) => a.text)).toEqual(['Du skrev: hej']);
  });

  test('accepts a conversation token in the Authorization header instead of t', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const url = new URL(c.streamUrl ?? '');
    url.searchParams.delete('t');
    const stream = await open(url.href, { authorization: `Bearer ${c.token}` });
    expect((await stream.activities(1))[0]?.text).toBe('Velkommen');
  });

  test('ignores the empty pings the client sends', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const stream = await open(c.streamUrl ?? '');
    await stream.activities(1);
    stream.ws.send('');
    await call(running.url, 'POST', `/v3/directline/conversations/${c.conversationId}/activities`, { auth: c.token, body: webChatMessage('hej', 'p') });
    expect(await stream.activities(3)).toHaveLength(3);
  });

  test.each([
    ['no token', 401, (url: URL) => url.searchParams.delete('t')],
    ['a token that is not valid', 403, (url: URL) => url.searchParams.set('t', 'x.y.z')],
    ['a conversation token in place of a stream token', 403, (url: URL, token: string) => url.searchParams.set('t', token)],
    ['a watermark that is not a number', 400, (url: URL) => url.searchParams.set('watermark', 'abc')],
  ])('refuses %s with HTTP %i', async (_name, status, change) => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const url = new URL(c.streamUrl ?? '');
    change(url, c.token);
    await expect(open(url.href)).rejects.toThrow(`HTTP ${status}`);
  });

  test("refuses another conversation's stream token with 403", async () => {
    running = await startDirectLine();
    const mine = await startConversation(running.url);
    const theirs = await startConversation(running.url);
    const url = new URL(theirs.streamUrl ?? '');
    url.searchParams.set('t', new URL(mine.streamUrl ?? '').searchParams.get('t') ?? '');
    await expect(open(url.href)).rejects.toThrow('HTTP 403');
  });

  test('refuses a stream token after its two minutes', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    running.advance(120_000);
    await expect(open(c.streamUrl ?? '')).rejects.toThrow('HTTP 403');
  });

  test('never carries the activities of another conversation', async () => {
    running = await startDirectLine();
    const a = await startConversation(running.url);
    const b = await startConversation(running.url);
    const streamB = await open(b.streamUrl ?? '');
    await streamB.activities(1);
    await call(running.url, 'POST', `/v3/directline/conversations/${a.conversationId}/activities`, { auth: a.token, body: webChatMessage('til a', 'a') });
    await call(running.url, 'POST', `/v3/directline/conversations/${b.conversationId}/activities`, { auth: b.token, body: webChatMessage('til b', 'b') });
    const seen = await streamB.activities(3);
    expect(seen.map((x) => x.text)).toEqual(['Velkommen', 'til b', 'Du skrev: til b']);
  });

  test('closes when its conversation is forgotten to make room', async () => {
    running = await startDirectLine({ limits: { maxConversations: 1 } });
    const first = await startConversation(running.url);
    const stream = await open(first.streamUrl ?? '');
    await startConversation(running.url);
    expect(await stream.closed).toBe(1000);
    const second = running.directLine.conversations.size;
    expect(second).toBe(1);
  });

  test('lets the server close while a stream is open', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const stream = await open(c.streamUrl ?? '');
    await stream.activities(1);
    const closing = running.close();
    running = undefined;
    await closing;
    expect(await stream.closed).toBe(1001);
  });

  test('drops a client that stops answering pings', async () => {
    running = await startDirectLine({ heartbeatMs: 50 });
    const c = await startConversation(running.url);
    // A client that does not answer pings, like a browser whose network went away.
    const stream = await open(c.streamUrl ?? '', {}, false);
    expect(await stream.closed).toBe(1006);
  });
});
