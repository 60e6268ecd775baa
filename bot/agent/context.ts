import type { Request, Response } from 'restify';
import type { CallbackService } from '../../knowledge/callbacks';
import type { Clock } from '../../knowledge/clock';
import type { HoursEngine } from '../../knowledge/hours';
import type { KnowledgeBase } from '../../knowledge/kb';
import type { Triage } from '../../knowledge/triage';
import { requestLang } from '../http/rate-limit';
import type { Logger } from '../log';
import type { Database } from '../storage/database';
import { agentErrorBody, agentErrorStatus, type AgentErrorCode } from './agent-errors';
import type { AgentStore } from './agent-store';
import type { AuditLog } from './audit-log';
import { readCookie, redirect, sameOrigin, sendJson, SESSION_COOKIE } from './http-kit';
import type { LoginLimiter, LoginLimiterOptions } from './login-limiter';
import type { Session, SessionStore } from './session-store';
import type { UnitSearch } from './unit-search';
import type { WebFiles } from './web-files';

/** What the agent console is built from; `registerAgentRoutes` takes these. */
export interface AgentRoutesDeps {
  readonly kb: KnowledgeBase;
  readonly hours: HoursEngine;
  readonly triage: Triage;
  /** Business time (FRONTDOOR_NOW): hours, "today", audit entries. */
  readonly clock: Clock;
  readonly callbacks: CallbackService;
  readonly db: Database;
  /** FRONTDOOR_SESSION_SECRET; empty or absent: a random key for this process. */
  readonly sessionSecret?: string | undefined;
  /** PUBLIC_URL: its origin is accepted in `Origin`, and an https URL makes the cookie Secure. */
  readonly publicUrl?: string | undefined;
  readonly logger?: Logger | undefined;
  /** Wall-clock epoch milliseconds for session expiry; default real time. */
  readonly wallClock?: (() => number) | undefined;
  /** Failed sign-ins allowed; defaults in login-limiter.ts. */
  readonly loginLimits?: { readonly perName: LoginLimiterOptions; readonly perAddress: LoginLimiterOptions } | undefined;
  /** Who "a client" is for sign-in limits; default the socket's address. */
  readonly clientKey?: ((req: Request) => string) | undefined;
}

/** The console's parts, shared by its route modules. */
export interface AgentContext {
  readonly deps: AgentRoutesDeps;
  readonly agents: AgentStore;
  readonly sessions: SessionStore;
  readonly audit: AuditLog;
  readonly search: UnitSearch;
  readonly files: WebFiles;
  readonly limits: { readonly perName: LoginLimiter; readonly perAddress: LoginLimiter };
  readonly publicOrigin: string | undefined;
  readonly secureCookies: boolean;
  readonly clientKey: (req: Request) => string;
}

/** Storage failed under a console route: answered 503, never as a wrong answer. */
export class AgentStorageError extends Error {
  override readonly name = 'AgentStorageError';
}

/** Runs a storage call; a failure becomes AgentStorageError (the guard answers 503). */
export async function stored<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new AgentStorageError(error instanceof Error ? error.message : 'storage failed', { cause: error });
  }
}

export function sendError(res: Response, req: Request, code: AgentErrorCode, extra: Readonly<Record<string, string>> = {}): void {
  sendJson(res, agentErrorStatus(code), agentErrorBody(code, requestLang(req)), extra);
}

type Handler = (req: Request, res: Response) => Promise<void>;
type SessionHandler = (req: Request, res: Response, session: Session) => Promise<void>;

/** Answers 503 for a storage failure and 500 for a bug, in the `{"error","message"}` shape. */
export function guarded(ctx: AgentContext, handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      const storage = error instanceof AgentStorageError;
      ctx.deps.logger?.error(storage ? 'agent_storage_unavailable' : 'agent_route_failed', {
        code: storage ? 'agent_storage_unavailable' : 'internal_error',
        route: req.getRoute()?.path?.toString(),
        error: error instanceof Error ? error.name : 'unknown',
      });
      if (!res.headersSent) sendError(res, req, storage ? 'agent_storage_unavailable' : 'internal_error');
    }
  };
}

export async function sessionOf(ctx: AgentContext, req: Request): Promise<Session | undefined> {
  return stored(() => ctx.sessions.read(readCookie(req, SESSION_COOKIE)));
}

/** An API route for signed-in agents: 401 without a valid session. */
export function api(ctx: AgentContext, handler: SessionHandler): Handler {
  return guarded(ctx, async (req, res) => {
    const session = await sessionOf(ctx, req);
    if (!session) return sendError(res, req, 'unauthorized');
    await handler(req, res, session);
  });
}

/** A page for signed-in agents: without a valid session, a redirect to the sign-in page. */
export function page(ctx: AgentContext, handler: SessionHandler): Handler {
  return guarded(ctx, async (req, res) => {
    const session = await sessionOf(ctx, req);
    if (!session) return redirect(res, '/agent/login');
    await handler(req, res, session);
  });
}

/**
 * A state change by a signed-in agent: 401 without a session; 403 unless the request comes from
 * our own origin and carries the session's CSRF token (header X-CSRF-Token, or form field csrfToken).
 */
export function change(ctx: AgentContext, handler: SessionHandler): Handler {
  return api(ctx, async (req, res, session) => {
    const header = req.headers['x-csrf-token'];
    const field = (req.body as Record<string, unknown> | undefined)?.csrfToken;
    const token = typeof header === 'string' ? header : typeof field === 'string' ? field : undefined;
    if (!sameOrigin(req, ctx.publicOrigin) || !ctx.sessions.checkCsrf(session, token)) return sendError(res, req, 'csrf_rejected');
    await handler(req, res, session);
  });
}
