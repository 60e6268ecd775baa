import { randomBytes } from 'node:crypto';
import type { Activity, ActivityHandler } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { errorBody } from '../../knowledge/errors';
import type { FrontdoorAdapter } from '../adapter';
import type { Config } from '../config/config';
import { clientAddress, RateLimiter, type RateLimitOptions } from '../http/rate-limit';
import type { Logger } from '../log';
import { registerWebChatPage } from '../web/page-routes';
import { botReply, citizenActivity, joinActivity, postedActivitySchema } from './activities';
import { authorize, bearer, covers, type Grant } from './auth';
import type { Conversation } from './conversation';
import { ConversationStore, DEFAULT_CONVERSATION_LIMITS, type ConversationLimits } from './conversation-store';
import { publicBase } from './public-base';
import { bodyObject } from '../http/body';
import { guarded, param, query, sendError } from './request';
import { attachStreams } from './stream';
import { TokenSigner } from './tokens';
import { parseWatermark } from './watermark';

export const DIRECT_LINE_PATH = '/v3/directline';

/**
 * `tokens/generate` without a secret is open to any page, so each client address gets a bucket:
 * 30 conversations at once (a household or an office behind one address), then one every 2 s.
 */
export const DEFAULT_GENERATE_RATE_LIMIT: RateLimitOptions = { burst: 30, perSecond: 0.5 };

/** Messages per conversation: a fast typist or a tapped button row, not a script. */
export const DEFAULT_POST_RATE_LIMIT: RateLimitOptions = { burst: 20, perSecond: 1 };

/** Turns queued on one conversation before more are refused (they run one at a time). */
const MAX_QUEUED_TURNS = 5;

export interface DirectLineDeps {
  readonly adapter: Pick<FrontdoorAdapter, 'runInProcess'>;
  readonly bot: Pick<ActivityHandler, 'run'>;
  readonly config: Pick<Config, 'DIRECT_LINE_SECRET' | 'FRONTDOOR_MAX_TEXT' | 'PUBLIC_URL'>;
  readonly logger?: Logger;
  /** Counts turns in flight, so shutdown can wait for them. */
  readonly inFlight?: { add(p: Promise<unknown>): void };
  /**
   * Wall-clock milliseconds for token expiry, idle conversations and activity timestamps. Not the
   * front door's Clock: FRONTDOOR_NOW may pin that for the answers, but tokens must still expire
   * and messages still need increasing times. Tests pass their own.
   */
  readonly now?: () => number;
  readonly limits?: Partial<ConversationLimits>;
  /** Per-client limit on `tokens/generate` when it is open (no secret); false for none. */
  readonly generateRateLimit?: RateLimitOptions | RateLimiter | false;
  /** Per-conversation limit on posted activities; false for none. */
  readonly postRateLimit?: RateLimitOptions | false;
  /** Who "a client" is for the limit; default the socket's address. */
  readonly clientKey?: (req: Request) => string;
  /** Milliseconds between WebSocket pings. */
  readonly heartbeatMs?: number;
  /** Serve the Frontdoor page at `/` (default true). */
  readonly page?: boolean;
}

/** The running Direct Line: its conversations (for tests and health) and `close` for shutdown. */
export interface DirectLine {
  readonly conversations: ConversationStore;
  /** Closes the streams (an open WebSocket would keep the HTTP server from closing) and forgets the conversations. */
  close(): void;
}

/**
 * The web chat's server side: a self-hosted subset of Direct Line 3.0, as botframework-directlinejs
 * (inside Web Chat) uses it, plus the Frontdoor page at `/` that embeds Web Chat.
 *
 * - `POST /v3/directline/tokens/generate` → `{conversationId, token, expires_in}`: open to the page
 *   when DIRECT_LINE_SECRET is not set (rate-limited per client), else `Authorization: Bearer <secret>`.
 * - `POST /v3/directline/tokens/refresh` (token) → a fresh token for the same conversation.
 * - `POST /v3/directline/conversations` (token or secret) → 201 `{conversationId, token, expires_in,
 *   streamUrl}`; the bot gets a conversationUpdate with the citizen added, so the welcome is waiting.
 * - `GET /v3/directline/conversations/{id}[?watermark=]` → the same, to reconnect the stream.
 * - `POST /v3/directline/conversations/{id}/activities` → 200 `{id}` once the turn has run: the
 *   citizen's activity (echoed with its `channelData.clientActivityID`) and the replies are stored.
 * - `GET /v3/directline/conversations/{id}/activities?watermark=` → `{activities, watermark}`.
 * - WebSocket on `streamUrl`: `{activities, watermark}` frames.
 *
 * Tokens are HMAC-signed, expire after 1800 s and name one conversation: another conversation's
 * token gets 403, no token 401. The bot runs in-process through `adapter.runInProcess`, channel
 * id `webchat`. Errors are the catalogue's `{"error","message"}`.
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineDeps): DirectLine {
  const now = deps.now ?? (() => Date.now());
  const secret = deps.config.DIRECT_LINE_SECRET;
  const limits: ConversationLimits = { ...DEFAULT_CONVERSATION_LIMITS, ...deps.limits };
  const signer = new TokenSigner(secret);
  const store = new ConversationStore(limits, now);
  const generateLimiter = limiterFrom(deps.generateRateLimit ?? DEFAULT_GENERATE_RATE_LIMIT);
  const postLimiter = limiterFrom(deps.postRateLimit ?? DEFAULT_POST_RATE_LIMIT);
  const clientKey = deps.clientKey ?? clientAddress;
  const postedActivity = postedActivitySchema(deps.config.FRONTDOOR_MAX_TEXT);
  const track = <T>(p: Promise<T>): Promise<T> => {
    deps.inFlight?.add(p);
    return p;
  };

  /** The grant for a request on `conversationId` (any conversation when undefined), or the error sent. */
  const grantFor = (req: Request, res: Response, conversationId?: string): Grant | undefined => {
    const auth = authorize(bearer(req.headers), signer, secret, 'conversation', now());
    if (!auth.ok) return void sendError(req, res, auth.code);
    if (conversationId !== undefined && !covers(auth.grant, conversationId)) return void sendError(req, res, 'forbidden');
    return auth.grant;
  };

  /** The conversation of `:conversationId` when the caller may use it; otherwise the error is sent. */
  const conversationFor = (req: Request, res: Response): Conversation | undefined => {
    const id = param(req, 'conversationId');
    if (grantFor(req, res, id) === undefined) return undefined;
    const conversation = store.get(id);
    if (!conversation) return void sendError(req, res, 'conversation_not_found');
    return conversation;
  };

  const conversationBody = (req: Request, conversation: Conversation, watermark: number | undefined) => {
    const base = publicBase(req, deps.config.PUBLIC_URL);
    const { token, expiresIn } = signer.sign(conversation.id, 'conversation', now());
    const stream = signer.sign(conversation.id, 'stream', now()).token;
    const query = new URLSearchParams({ watermark: watermark === undefined ? '-' : String(watermark), t: stream });
    return {
      conversationId: conversation.id,
      token,
      expires_in: expiresIn,
      streamUrl: `${base.ws}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(conversation.id)}/stream?${query}`,
    };
  };

  /**
   * Runs one turn and stores the replies, one turn at a time per conversation. With `echo` the
   * citizen's activity is stored first, so it precedes its replies, and the bot sees its stored id.
   * Resolves with the stored id (or undefined without echo).
   */
  const runTurn = (conversation: Conversation, activity: Record<string, unknown> & { type: string }, echo: boolean): Promise<string | undefined> =>
    track(
      conversation.exclusive(async () => {
        const stored = echo ? conversation.append(activity, now()) : undefined;
        const turn = stored ? { ...activity, id: stored.id, timestamp: stored.timestamp } : activity;
        let replies: Awaited<ReturnType<DirectLineDeps['adapter']['runInProcess']>>;
        try {
          // Validated and addressed by us (activities.ts): the shape botbuilder expects.
          replies = await deps.adapter.runInProcess(turn as Partial<Activity>, (context) => deps.bot.run(context));
        } catch (error) {
          // The adapter answers the bot's own errors itself; this is the adapter failing. Say so in the chat.
          deps.logger?.error('directline_turn_failed', { code: 'internal_error', kind: activity.type, error: errorName(error) });
          const lang = typeof activity.locale === 'string' && /^en\b/i.test(activity.locale) ? 'en' : 'da';
          replies = stored ? [{ type: 'message', text: errorBody('internal_error', lang).message }] : [];
        }
        for (const reply of replies) {
          const addressed = botReply(reply, conversation, conversation.userId, stored?.id);
          if (addressed) conversation.append(addressed, now());
        }
        return stored?.id;
      }),
    );

  server.post(
    `${DIRECT_LINE_PATH}/tokens/generate`,
    guarded(async (req, res) => {
      if (secret !== '') {
        const auth = authorize(bearer(req.headers), signer, secret, 'conversation', now());
        if (!auth.ok || auth.grant.kind !== 'secret') return sendError(req, res, auth.ok ? 'forbidden' : auth.code);
      } else if (generateLimiter) {
        const taken = generateLimiter.take(clientKey(req));
        if (!taken.ok) {
          res.header('Retry-After', String(taken.retryAfterSeconds));
          return sendError(req, res, 'rate_limited');
        }
      }
      const conversationId = newConversationId();
      const { token, expiresIn } = signer.sign(conversationId, 'conversation', now());
      res.send(200, { conversationId, token, expires_in: expiresIn });
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/tokens/refresh`,
    guarded(async (req, res) => {
      const grant = grantFor(req, res);
      if (!grant) return;
      // The secret does not expire; only tokens are refreshed.
      if (grant.kind === 'secret') return sendError(req, res, 'invalid_request');
      const { token, expiresIn } = signer.sign(grant.conversationId, 'conversation', now());
      res.send(200, { conversationId: grant.conversationId, token, expires_in: expiresIn });
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations`,
    guarded(async (req, res) => {
      const grant = grantFor(req, res);
      if (!grant) return;
      const body = StartBody.safeParse(bodyObject(req) ?? {});
      if (!body.success) return sendError(req, res, 'invalid_request');
      const id = grant.kind === 'token' ? grant.conversationId : newConversationId();
      const existing = store.get(id);
      if (existing) return void res.send(200, conversationBody(req, existing, undefined));
      const conversation = store.create(id, body.data.user?.id ?? `dl_${randomBytes(9).toString('base64url')}`);
      const serviceUrl = `${publicBase(req, deps.config.PUBLIC_URL).http}${DIRECT_LINE_PATH}/`;
      // Without its welcome the conversation still works (runTurn has logged why): the citizen can ask.
      await runTurn(conversation, joinActivity(conversation, serviceUrl, body.data.locale), false);
      res.send(201, conversationBody(req, conversation, undefined));
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId`,
    guarded(async (req, res) => {
      const conversation = conversationFor(req, res);
      if (!conversation) return;
      const watermark = parseWatermark(query(req, 'watermark'));
      if (!watermark.ok) return sendError(req, res, 'invalid_request');
      res.send(200, conversationBody(req, conversation, watermark.value));
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    guarded(async (req, res) => {
      const conversation = conversationFor(req, res);
      if (!conversation) return;
      const raw = bodyObject(req);
      if (!raw) return sendError(req, res, 'invalid_request');
      const parsed = postedActivity.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return sendError(req, res, issue?.code === 'too_big' && issue.path[0] === 'text' ? 'payload_too_large' : 'invalid_request');
      }
      if (postLimiter) {
        const taken = postLimiter.take(conversation.id);
        if (!taken.ok) {
          res.header('Retry-After', String(taken.retryAfterSeconds));
          return sendError(req, res, 'rate_limited');
        }
      }
      if (conversation.pending >= MAX_QUEUED_TURNS) {
        res.header('Retry-After', '1');
        return sendError(req, res, 'rate_limited');
      }
      // Typing indicators are not stored or sent to the bot: nobody else is in a web chat to see them.
      if (parsed.data.type === 'typing') return void res.send(200, { id: '' });
      const serviceUrl = `${publicBase(req, deps.config.PUBLIC_URL).http}${DIRECT_LINE_PATH}/`;
      const id = await runTurn(conversation, citizenActivity(parsed.data, conversation, serviceUrl), true);
      res.send(200, { id });
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    guarded(async (req, res) => {
      const conversation = conversationFor(req, res);
      if (!conversation) return;
      const watermark = parseWatermark(query(req, 'watermark'));
      if (!watermark.ok) return sendError(req, res, 'invalid_request');
      res.send(200, conversation.since(watermark.value, limits.pageSize));
    }),
  );

  const streams = attachStreams(server.server, {
    store,
    signer,
    secret,
    now,
    maxStreams: limits.maxStreams,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.heartbeatMs === undefined ? {} : { heartbeatMs: deps.heartbeatMs }),
  });

  if (deps.page !== false) registerWebChatPage(server);

  return {
    conversations: store,
    close: () => {
      streams.close();
      store.clear();
    },
  };
}

/** The JSON body of `POST …/conversations`: who the citizen is and their language, both optional. */
const StartBody = z.looseObject({
  user: z.looseObject({ id: z.string().min(1).max(64).optional(), name: z.string().max(256).optional() }).optional(),
  locale: z.string().max(35).optional(),
});

function limiterFrom(option: RateLimitOptions | RateLimiter | false): RateLimiter | undefined {
  if (option === false) return undefined;
  return option instanceof RateLimiter ? option : new RateLimiter(option);
}

/** 128 random bits, URL-safe: a conversation id nobody can guess (tokens protect it anyway). */
function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
