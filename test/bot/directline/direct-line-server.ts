import type { AddressInfo } from 'node:net';
import { ActivityHandler, type Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import restify from 'restify';
import { FrontdoorAdapter } from '../../../bot/adapter';
import { loadConfig } from '../../../bot/config/config';
import { registerDirectLineRoutes, type DirectLine, type DirectLineDeps } from '../../../bot/directline';
import { silentLogger } from '../../../bot/log';

/** Tuesday 24 November 2026, 12:00 in Aarhus, as wall-clock milliseconds. */
export const START_MS = DateTime.fromISO('2026-11-24T12:00:00+01:00').toMillis();

/**
 * A bot that makes the protocol visible: it welcomes whoever joins, echoes each message ("Du
 * skrev: …"), answers "to svar" with two replies, and remembers every activity it was given.
 */
export class EchoBot extends ActivityHandler {
  readonly received: Partial<Activity>[] = [];

  constructor() {
    super();
    this.onTurn(async (context, next) => {
      this.received.push({ ...context.activity });
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id)) await context.sendActivity('Velkommen');
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      await context.sendActivity(`Du skrev: ${text}`);
      if (text === 'to svar') await context.sendActivity('Andet svar');
      await next();
    });
  }
}

export interface DirectLineServer {
  readonly url: string;
  readonly bot: EchoBot;
  readonly directLine: DirectLine;
  /** Moves the injected wall clock on. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/**
 * The Direct Line routes alone on a real restify server (ephemeral port, the app's body parsing),
 * with the real adapter (or one passed in), the echo bot and a wall clock the test moves.
 */
export async function startDirectLine(
  options: { env?: Record<string, string> } & Partial<Pick<DirectLineDeps, 'adapter' | 'limits' | 'generateRateLimit' | 'postRateLimit' | 'heartbeatMs'>> = {},
): Promise<DirectLineServer> {
  const loaded = loadConfig({ FRONTDOOR_LOG: 'silent', ...options.env });
  if (!loaded.ok) throw new Error(loaded.message);
  const adapter = options.adapter ?? new FrontdoorAdapter(loaded.config, silentLogger);
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'directline-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 64 * 1024 }));
  let now = START_MS;
  const { env: _env, adapter: _adapter, ...rest } = options;
  const directLine = registerDirectLineRoutes(server, { adapter, bot, config: loaded.config, now: () => now, page: false, ...rest });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bot,
    directLine,
    advance: (ms) => {
      now += ms;
    },
    close: async () => {
      directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a Direct Line endpoint answered. */
export interface Answer<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface TokenBody {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

export interface DirectLineActivity {
  id: string;
  type: string;
  timestamp: string;
  text?: string;
  from: { id: string; role?: string };
  channelId: string;
  replyToId?: string;
  conversation: { id: string };
  channelData?: Record<string, unknown>;
}

export interface ActivitySetBody {
  activities: DirectLineActivity[];
  watermark: string;
}

/** One HTTP call: a JSON body (or a raw string), an optional bearer credential. */
export async function call<T = unknown>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { auth?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth !== undefined) headers.authorization = `Bearer ${options.auth}`;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

/** A started conversation: generate a token, then start with it. */
export async function startConversation(base: string, body: unknown = { user: {} }): Promise<TokenBody> {
  const generated = await call<TokenBody>(base, 'POST', '/v3/directline/tokens/generate');
  if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
  const started = await call<TokenBody>(base, 'POST', '/v3/directline/conversations', { auth: generated.body.token, body });
  if (started.status !== 201) throw new Error(`conversations answered ${started.status}`);
  return started.body;
}

/** A message as Web Chat posts it. */
export function webChatMessage(text: string, clientActivityID: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    text,
    textFormat: 'plain',
    locale: 'da-DK',
    from: { id: 'r_citizen', role: 'user' },
    channelData: { clientActivityID, clientTimestamp: '2026-11-24T11:00:00.000Z' },
    ...extra,
  };
}
