import { afterEach, describe, expect, test } from 'vitest';
import { TokenSigner } from '../../../bot/directline/tokens';
import { ERRORS } from '../../../knowledge/errors';
import { call, START_MS, startConversation, startDirectLine, type DirectLineServer, type TokenBody } from './direct-line-server';

let running: DirectLineServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const GENERATE = '/v3/directline/tokens/generate';
const REFRESH = '/v3/directline/tokens/refresh';
const CONVERSATIONS = '/v3/directline/conversations';

/** A token with one character of its payload changed: the signature no longer fits. */
function tampered(token: string): string {
  const [header, payload, mac] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  claims.exp = Number(claims.exp) + 3600;
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${mac}`;
}

describe('POST /v3/directline/tokens/generate without DIRECT_LINE_SECRET', () => {
  test('gives the page a signed token for a new conversation that lives 1800 seconds', async () => {
    running = await startDirectLine();
    const res = await call<TokenBody>(running.url, 'POST', GENERATE);
    expect(res.status).toBe(200);
    expect(res.body.expires_in).toBe(1800);
    expect(res.body.conversationId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // A compact JWT: botframework-directlinejs decodes tokens as JWTs.
    const [header, payload] = res.body.token.split('.') as [string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ conv: res.body.conversationId, exp: START_MS / 1000 + 1800 });
  });

  test('gives every call its own conversation', async () => {
    running = await startDirectLine();
    const a = await call<TokenBody>(running.url, 'POST', GENERATE);
    const b = await call<TokenBody>(running.url, 'POST', GENERATE);
    expect(a.body.conversationId).not.toBe(b.body.conversationId);
  });

  test('answers 429 with Retry-After once a client has used up its bucket, in the catalogue words', async () => {
    running = await startDirectLine({ generateRateLimit: { burst: 3, perSecond: 0.01 } });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call(running.url, 'POST', GENERATE)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call<{ error: string; message: string }>(running.url, 'POST', GENERATE);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body).toEqual({ error: 'rate_limited', message: ERRORS.rate_limited.da });
  });
});

describe('POST /v3/directline/tokens/generate with DIRECT_LINE_SECRET', () => {
  const env = { DIRECT_LINE_SECRET: 'municipal-backend-secret' };

  test('refuses a page without the secret with 401', async () => {
    running = await startDirectLine({ env });
    const res = await call<{ error: string }>(running.url, 'POST', GENERATE);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthorized');
  });

  test('refuses a wrong secret with 403', async () => {
    running = await startDirectLine({ env });
    expect((await call(running.url, 'POST', GENERATE, { auth: 'municipal-backend-secreT' })).status).toBe(403);
  });

  test('refuses a conversation token in place of the secret with 403', async () => {
    running = await startDirectLine({ env });
    const generated = await call<TokenBody>(running.url, 'POST', GENERATE, { auth: env.DIRECT_LINE_SECRET });
    expect((await call(running.url, 'POST', GENERATE, { auth: generated.body.token })).status).toBe(403);
  });

  test('gives the holder of the secret a token that starts a conversation', async () => {
    running = await startDirectLine({ env });
    const generated = await call<TokenBody>(running.url, 'POST', GENERATE, { auth: env.DIRECT_LINE_SECRET });
    expect(generated.status).toBe(200);
    const started = await call<TokenBody>(running.url, 'POST', CONVERSATIONS, { auth: generated.body.token });
    expect(started.status).toBe(201);
    expect(started.body.conversationId).toBe(generated.body.conversationId);
  });

  test('lets the secret start a conversation directly, as Direct Line does', async () => {
    running = await startDirectLine({ env });
    const started = await call<TokenBody>(running.url, 'POST', CONVERSATIONS, { auth: env.DIRECT_LINE_SECRET });
    expect(started.status).toBe(201);
    const read = await call(running.url, 'GET', `${CONVERSATIONS}/${started.body.conversationId}/activities`, { auth: env.DIRECT_LINE_SECRET });
    expect(read.status).toBe(200);
  });

  test('is not rate-limited for the holder of the secret (a backend serving many pages)', async () => {
    running = await startDirectLine({ env, generateRateLimit: { burst: 1, perSecond: 0.01 } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(running.url, 'POST', GENERATE, { auth: env.DIRECT_LINE_SECRET })).status);
    expect(statuses).toEqual([200, 200, 200]);
  });
});

describe('tokens on the conversation endpoints', () => {
  test('no token gets 401 on every conversation endpoint', async () => {
    running = await startDirectLine();
    const { conversationId } = await startConversation(running.url);
    const calls = [
      call(running.url, 'POST', CONVERSATIONS),
      call(running.url, 'POST', REFRESH),
      call(running.url, 'GET', `${CONVERSATIONS}/${conversationId}`),
      call(running.url, 'GET', `${CONVERSATIONS}/${conversationId}/activities`),
      call(running.url, 'POST', `${CONVERSATIONS}/${conversationId}/activities`, { body: { type: 'message', text: 'hej' } }),
    ];
    expect((await Promise.all(calls)).map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
  });

  test('a token of one conversation gets 403 on another', async () => {
    running = await startDirectLine();
    const mine = await startConversation(running.url);
    const theirs = await startConversation(running.url);
    const calls = [
      call(running.url, 'GET', `${CONVERSATIONS}/${theirs.conversationId}`, { auth: mine.token }),
      call(running.url, 'GET', `${CONVERSATIONS}/${theirs.conversationId}/activities`, { auth: mine.token }),
      call(running.url, 'POST', `${CONVERSATIONS}/${theirs.conversationId}/activities`, { auth: mine.token, body: { type: 'message', text: 'hej' } }),
    ];
    expect((await Promise.all(calls)).map((r) => r.status)).toEqual([403, 403, 403]);
  });

  test('a tampered token, a made-up token and a stream token get 403', async () => {
    running = await startDirectLine();
    const { conversationId, token, streamUrl } = await startConversation(running.url);
    const streamToken = new URL(streamUrl ?? '').searchParams.get('t') ?? '';
    const path = `${CONVERSATIONS}/${conversationId}/activities`;
    for (const bad of [tampered(token), 'not-a-token', streamToken, `${token}x`]) {
      expect((await call(running.url, 'GET', path, { auth: bad })).status, bad.slice(0, 20)).toBe(403);
    }
  });

  test('a token signed by another server (another key) gets 403', async () => {
    running = await startDirectLine();
    const { conversationId } = await startConversation(running.url);
    const forged = new TokenSigner('').sign(conversationId, 'conversation', START_MS).token;
    expect((await call(running.url, 'GET', `${CONVERSATIONS}/${conversationId}/activities`, { auth: forged })).status).toBe(403);
  });

  test('a token expires after 1800 seconds: 403 from then on', async () => {
    running = await startDirectLine();
    const { conversationId, token } = await startConversation(running.url);
    const path = `${CONVERSATIONS}/${conversationId}/activities`;
    running.advance(1799 * 1000);
    expect((await call(running.url, 'GET', path, { auth: token })).status).toBe(200);
    running.advance(1000);
    expect((await call(running.url, 'GET', path, { auth: token })).status).toBe(403);
    expect((await call(running.url, 'POST', REFRESH, { auth: token })).status).toBe(403);
  });

  test('refreshing gives a new token for the same conversation that outlives the old one', async () => {
    running = await startDirectLine();
    const { conversationId, token } = await startConversation(running.url);
    running.advance(900 * 1000);
    const refreshed = await call<TokenBody>(running.url, 'POST', REFRESH, { auth: token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId, expires_in: 1800 });
    running.advance(1200 * 1000);
    const path = `${CONVERSATIONS}/${conversationId}/activities`;
    expect((await call(running.url, 'GET', path, { auth: token })).status).toBe(403);
    expect((await call(running.url, 'GET', path, { auth: refreshed.body.token })).status).toBe(200);
  });

  test('the secret is not refreshed: only tokens expire', async () => {
    running = await startDirectLine({ env: { DIRECT_LINE_SECRET: 's3cret-value' } });
    expect((await call(running.url, 'POST', REFRESH, { auth: 's3cret-value' })).status).toBe(400);
  });

  test('without a configured secret, no bearer value counts as the secret', async () => {
    running = await startDirectLine();
    const { conversationId } = await startConversation(running.url);
    expect((await call(running.url, 'GET', `${CONVERSATIONS}/${conversationId}/activities`, { auth: '' })).status).toBe(401);
    expect((await call(running.url, 'POST', CONVERSATIONS, { auth: 'anything' })).status).toBe(403);
  });
});

describe('TokenSigner', () => {
  test('refuses a token whose header names another algorithm', () => {
    const signer = new TokenSigner('k');
    const { token } = signer.sign('c1', 'conversation', START_MS);
    const [, payload] = token.split('.') as [string, string];
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect(signer.verify(none, 'conversation', START_MS)).toEqual({ ok: false, reason: 'malformed' });
  });

  test('keeps tokens valid across restarts when the secret is shared, and not when it is random', () => {
    const token = new TokenSigner('shared').sign('c1', 'conversation', START_MS).token;
    expect(new TokenSigner('shared').verify(token, 'conversation', START_MS).ok).toBe(true);
    expect(new TokenSigner('').verify(token, 'conversation', START_MS)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  test('keeps the two scopes apart', () => {
    const signer = new TokenSigner('');
    const stream = signer.sign('c1', 'stream', START_MS).token;
    expect(signer.verify(stream, 'conversation', START_MS)).toEqual({ ok: false, reason: 'wrong_scope' });
    expect(signer.verify(stream, 'stream', START_MS + 119_000).ok).toBe(true);
    expect(signer.verify(stream, 'stream', START_MS + 120_000)).toEqual({ ok: false, reason: 'expired' });
  });
});
