import { afterEach, describe, expect, test } from 'vitest';
import { ERRORS } from '../../../knowledge/errors';
import {
  call,
  startConversation,
  startDirectLine,
  webChatMessage,
  type ActivitySetBody,
  type DirectLineServer,
  type TokenBody,
} from './direct-line-server';

let running: DirectLineServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const CONVERSATIONS = '/v3/directline/conversations';

async function post(server: DirectLineServer, c: TokenBody, body: unknown) {
  return call<{ id: string }>(server.url, 'POST', `${CONVERSATIONS}/${c.conversationId}/activities`, { auth: c.token, body });
}

async function read(server: DirectLineServer, c: TokenBody, watermark?: string) {
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  return call<ActivitySetBody>(server.url, 'GET', `${CONVERSATIONS}/${c.conversationId}/activities${query}`, { auth: c.token });
}

describe('POST /v3/directline/conversations', () => {
  test('starts the conversation with 201, a token, expires_in and a streamUrl on our host', async () => {
    running = await startDirectLine();
    const generated = await call<TokenBody>(running.url, 'POST', '/v3/directline/tokens/generate');
    const res = await call<TokenBody>(running.url, 'POST', CONVERSATIONS, { auth: generated.body.token, body: { user: {} } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ conversationId: generated.body.conversationId, expires_in: 1800 });
    expect(res.body.token.split('.')).toHaveLength(3);
    const stream = new URL(res.body.streamUrl ?? '');
    expect(`${stream.protocol}//${stream.host}`).toBe(running.url.replace('http:', 'ws:'));
    expect(stream.pathname).toBe(`${CONVERSATIONS}/${res.body.conversationId}/stream`);
    expect(stream.searchParams.get('t')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  test('tells the bot that the citizen joined, so the welcome is waiting in the conversation', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url, { user: { id: 'citizen-7' }, locale: 'da-DK' });
    const joined = running.bot.received[0];
    expect(joined).toMatchObject({ type: 'conversationUpdate', channelId: 'webchat', locale: 'da-DK', conversation: { id: c.conversationId } });
    expect(joined?.membersAdded?.map((m) => m.id)).toContain('citizen-7');
    const { body } = await read(running, c);
    expect(body.activities.map((a) => a.text)).toEqual(['Velkommen']);
    expect(body.activities[0]).toMatchObject({ from: { id: 'frontdoor', role: 'bot' }, channelId: 'webchat' });
  });

  test('starting the same conversation again answers 200 and does not welcome twice', async () => {
    running = await startDirectLine();
    const generated = await call<TokenBody>(running.url, 'POST', '/v3/directline/tokens/generate');
    await call(running.url, 'POST', CONVERSATIONS, { auth: generated.body.token });
    const again = await call<TokenBody>(running.url, 'POST', CONVERSATIONS, { auth: generated.body.token });
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(generated.body.conversationId);
    expect(running.bot.received.filter((a) => a.type === 'conversationUpdate')).toHaveLength(1);
  });

  test('uses PUBLIC_URL for the stream behind a TLS proxy', async () => {
    running = await startDirectLine({ env: { PUBLIC_URL: 'https://frontdoor.aarhus.example' } });
    const c = await startConversation(running.url);
    expect(c.streamUrl).toMatch(/^wss:\/\/frontdoor\.aarhus\.example\/v3\/directline\/conversations\//);
  });
});

describe('GET /v3/directline/conversations/{id}', () => {
  test('gives a fresh token and a streamUrl that resumes from the watermark', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const res = await call<TokenBody>(running.url, 'GET', `${CONVERSATIONS}/${c.conversationId}?watermark=1`, { auth: c.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ conversationId: c.conversationId, expires_in: 1800 });
    expect(new URL(res.body.streamUrl ?? '').searchParams.get('watermark')).toBe('1');
  });

  test('answers 404 for a conversation that was never started, 400 for a watermark that is not a number', async () => {
    running = await startDirectLine();
    const generated = await call<TokenBody>(running.url, 'POST', '/v3/directline/tokens/generate');
    const notStarted = await call<{ error: string }>(running.url, 'GET', `${CONVERSATIONS}/${generated.body.conversationId}`, { auth: generated.body.token });
    expect(notStarted.status).toBe(404);
    expect(notStarted.body.error).toBe('conversation_not_found');
    const c = await startConversation(running.url);
    expect((await call(running.url, 'GET', `${CONVERSATIONS}/${c.conversationId}?watermark=abc`, { auth: c.token })).status).toBe(400);
  });
});

describe('POST /v3/directline/conversations/{id}/activities', () => {
  test('answers 200 with the id of the stored activity once the bot has answered', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const res = await post(running, c, webChatMessage('hej', 'client-1'));
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(`${c.conversationId}|0000002`);
    const { body } = await read(running, c, '1');
    expect(body.activities.map((a) => a.text)).toEqual(['hej', 'Du skrev: hej']);
  });

  test('echoes the citizen activity with its clientActivityID, our id and a timestamp, before the replies', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    await post(running, c, webChatMessage('to svar', 'client-abc'));
    const { body } = await read(running, c, '1');
    const [echo, first, second] = body.activities;
    expect(echo).toMatchObject({
      id: `${c.conversationId}|0000002`,
      type: 'message',
      text: 'to svar',
      from: { id: 'r_citizen', role: 'user' },
      channelData: { clientActivityID: 'client-abc' },
    });
    expect([first?.text, second?.text]).toEqual(['Du skrev: to svar', 'Andet svar']);
    expect([first?.replyToId, second?.replyToId]).toEqual([echo?.id, echo?.id]);
    const times = body.activities.map((a) => Date.parse(a.timestamp));
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? 0))).toBe(true);
  });

  test('hands the bot a webchat activity with our serviceUrl and the stored id', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const { body } = await post(running, c, webChatMessage('hej', 'client-2'));
    const seen = running.bot.received.at(-1);
    expect(seen).toMatchObject({ id: body.id, type: 'message', text: 'hej', channelId: 'webchat', conversation: { id: c.conversationId } });
    expect(seen?.serviceUrl).toBe(`${running.url}/v3/directline/`);
    expect(seen?.recipient).toMatchObject({ id: 'frontdoor', role: 'bot' });
  });

  test('a client cannot speak as the bot', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    await post(running, c, webChatMessage('hej', 'client-3', { from: { id: 'frontdoor', role: 'bot' } }));
    const { body } = await read(running, c, '1');
    expect(body.activities[0]?.from).toMatchObject({ role: 'user' });
    expect(body.activities[0]?.from.id).not.toBe('frontdoor');
  });

  test('runs two messages sent at once one after the other: each reply follows its own message', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    await Promise.all([post(running, c, webChatMessage('første', 'a')), post(running, c, webChatMessage('anden', 'b'))]);
    const texts = (await read(running, c, '1')).body.activities.map((a) => a.text);
    expect([texts.slice(0, 2), texts.slice(2, 4)]).toEqual(
      expect.arrayContaining([
        ['første', 'Du skrev: første'],
        ['anden', 'Du skrev: anden'],
      ]),
    );
  });

  test('accepts a typing indicator without storing it or waking the bot', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const before = running.bot.received.length;
    expect((await post(running, c, { type: 'typing', from: { id: 'r_citizen' } })).status).toBe(200);
    expect(running.bot.received).toHaveLength(before);
    expect((await read(running, c, '1')).body.activities).toEqual([]);
  });

  test.each([
    ['not JSON', 400, '{"type":'],
    ['an array', 400, '[]'],
    ['a string', 400, '"hej"'],
    ['no type', 400, '{"text":"hej"}'],
    ['an unknown type', 400, '{"type":"invoke","name":"x"}'],
    ['a from without an id', 400, '{"type":"message","text":"hej","from":{"name":"x"}}'],
    ['a clientActivityID that is not a string', 400, '{"type":"message","text":"hej","channelData":{"clientActivityID":5}}'],
    ['a text longer than FRONTDOOR_MAX_TEXT', 413, JSON.stringify({ type: 'message', text: 'a'.repeat(2001) })],
    ['an empty body', 400, ''],
  ])('refuses %s with %i and stays up', async (_name, status, raw) => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const res = await call<{ error: string; message: string }>(running.url, 'POST', `${CONVERSATIONS}/${c.conversationId}/activities`, {
      auth: c.token,
      raw,
    });
    expect(res.status).toBe(status);
    expect(typeof res.body.message).toBe('string');
    expect((await post(running, c, webChatMessage('stadig her?', 'after'))).status).toBe(200);
  });

  test('caps the text at FRONTDOOR_MAX_TEXT as configured', async () => {
    running = await startDirectLine({ env: { FRONTDOOR_MAX_TEXT: '100' } });
    const c = await startConversation(running.url);
    expect((await post(running, c, webChatMessage('a'.repeat(100), 'ok'))).status).toBe(200);
    const tooLong = await post(running, c, webChatMessage('a'.repeat(101), 'long'));
    expect(tooLong.status).toBe(413);
    expect(tooLong.body).toEqual({ error: 'payload_too_large', message: ERRORS.payload_too_large.da });
  });

  test('limits the messages of one conversation with 429 and Retry-After', async () => {
    running = await startDirectLine({ postRateLimit: { burst: 2, perSecond: 0.01 } });
    const c = await startConversation(running.url);
    const statuses = [];
    for (const text of ['1', '2', '3']) statuses.push((await post(running, c, webChatMessage(text, text))).status);
    expect(statuses).toEqual([200, 200, 429]);
    // Another conversation is not affected.
    const other = await startConversation(running.url);
    expect((await post(running, other, webChatMessage('hej', 'x'))).status).toBe(200);
  });

  test('when the adapter itself fails, still starts, keeps the message and says so in the chat', async () => {
    const failing = { runInProcess: () => Promise.reject(new Error('adapter down')) };
    running = await startDirectLine({ adapter: failing });
    const c = await startConversation(running.url);
    const res = await post(running, c, webChatMessage('hej', 'c1'));
    expect(res.status).toBe(200);
    const { body } = await read(running, c);
    expect(body.activities.map((a) => a.text)).toEqual(['hej', ERRORS.internal_error.da]);
    expect(body.activities[1]).toMatchObject({ from: { role: 'bot' }, replyToId: res.body.id });
  });

  test('answers 404 on a conversation that has not been started', async () => {
    running = await startDirectLine();
    const generated = await call<TokenBody>(running.url, 'POST', '/v3/directline/tokens/generate');
    const res = await post(running, generated.body, webChatMessage('hej', 'x'));
    expect(res.status).toBe(404);
  });
});

describe('GET /v3/directline/conversations/{id}/activities', () => {
  test('pages with the watermark: only what came after it, and the watermark to ask from next', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    const all = await read(running, c);
    expect(all.body.watermark).toBe('1');
    await post(running, c, webChatMessage('hej', 'c1'));
    const next = await read(running, c, all.body.watermark);
    expect(next.body.activities.map((a) => a.text)).toEqual(['hej', 'Du skrev: hej']);
    expect(next.body.watermark).toBe('3');
    const nothingNew = await read(running, c, next.body.watermark);
    expect(nothingNew.body).toEqual({ activities: [], watermark: '3' });
  });

  test('hands out at most a page at a time; following the watermark reaches the end', async () => {
    running = await startDirectLine({ limits: { pageSize: 2 } });
    const c = await startConversation(running.url);
    await post(running, c, webChatMessage('to svar', 'c1'));
    const first = await read(running, c);
    expect(first.body.activities.map((a) => a.text)).toEqual(['Velkommen', 'to svar']);
    expect(first.body.watermark).toBe('2');
    const second = await read(running, c, first.body.watermark);
    expect(second.body.activities.map((a) => a.text)).toEqual(['Du skrev: to svar', 'Andet svar']);
    expect((await read(running, c, second.body.watermark)).body.activities).toEqual([]);
  });

  test('treats the watermark a new client sends ("", "-", undefined) as the beginning', async () => {
    running = await startDirectLine();
    const c = await startConversation(running.url);
    for (const w of ['', '-', 'undefined']) expect((await read(running, c, w)).body.activities, w).toHaveLength(1);
    expect((await read(running, c, '-1')).status).toBe(400);
  });

  test('never shows the activities of one conversation in another', async () => {
    running = await startDirectLine();
    const a = await startConversation(running.url);
    const b = await startConversation(running.url);
    await post(running, a, webChatMessage('hemmeligt for b', 'a1'));
    await post(running, b, webChatMessage('hej fra b', 'b1'));
    const seenByB = (await read(running, b)).body.activities;
    expect(seenByB.map((x) => x.text)).toEqual(['Velkommen', 'hej fra b', 'Du skrev: hej fra b']);
    expect(seenByB.every((x) => x.conversation.id === b.conversationId && x.id.startsWith(`${b.conversationId}|`))).toBe(true);
  });
});

describe('conversations in memory', () => {
  test('forgets a conversation nobody used for an hour: 404 after that', async () => {
    // The secret does not expire, so only the conversation's idleness decides.
    const secret = 'backend-secret';
    running = await startDirectLine({ env: { DIRECT_LINE_SECRET: secret } });
    const { body } = await call<TokenBody>(running.url, 'POST', CONVERSATIONS, { auth: secret });
    const path = `${CONVERSATIONS}/${body.conversationId}/activities`;
    running.advance(59 * 60 * 1000);
    expect((await call(running.url, 'GET', path, { auth: secret })).status).toBe(200);
    running.advance(59 * 60 * 1000);
    expect((await call(running.url, 'GET', path, { auth: secret })).status).toBe(200);
    running.advance(60 * 60 * 1000);
    expect((await call(running.url, 'GET', path, { auth: secret })).status).toBe(404);
  });

  test('keeps at most maxConversations, dropping the least recently used first', async () => {
    running = await startDirectLine({ limits: { maxConversations: 2 } });
    const oldest = await startConversation(running.url);
    running.advance(1000);
    const used = await startConversation(running.url);
    running.advance(1000);
    expect((await read(running, oldest)).status).toBe(200);
    running.advance(1000);
    await startConversation(running.url);
    expect(running.directLine.conversations.size).toBe(2);
    expect((await read(running, oldest)).status).toBe(200);
    expect((await read(running, used)).status).toBe(404);
  });

  test('keeps the newest maxActivities activities of a conversation; the watermark numbering goes on', async () => {
    running = await startDirectLine({ limits: { maxActivities: 3 } });
    const c = await startConversation(running.url);
    await post(running, c, webChatMessage('en', '1'));
    await post(running, c, webChatMessage('to', '2'));
    const { body } = await read(running, c);
    expect(body.activities.map((a) => a.text)).toEqual(['Du skrev: en', 'to', 'Du skrev: to']);
    expect(body.watermark).toBe('5');
  });
});
