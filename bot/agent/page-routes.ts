import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { requestLang } from '../http/rate-limit';
import { agentErrorBody } from './agent-errors';
import { guarded, page, sendError, sessionOf, stored, type AgentContext } from './context';
import { bodyObject } from '../http/body';
import {
  clearedSessionCookie,
  fillTemplate,
  isFormPost,
  NO_STORE_HEADERS,
  redirect,
  sameOrigin,
  sendHtml,
  sendJson,
  sessionCookie,
} from './http-kit';

export const LOGIN_PATH = '/agent/login';

/** `POST /agent/login`, as JSON or as the page's form. */
export const LoginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

/** The sign-in page, with an error line and the name typed (both escaped). */
function loginPage(ctx: AgentContext, error = '', username = ''): string {
  return fillTemplate(ctx.files.loginHtml, { error, username });
}

/** Sign-in, sign-out, the console page and its assets. */
export function registerAgentPages(server: Server, ctx: AgentContext): void {
  server.get(LOGIN_PATH, guarded(ctx, async (_req, res) => sendHtml(res, 200, loginPage(ctx))));

  server.post(
    LOGIN_PATH,
    guarded(ctx, async (req, res) => {
      const form = isFormPost(req);
      const lang = requestLang(req);
      const fail = (status: number, code: 'invalid_request' | 'invalid_credentials' | 'rate_limited' | 'csrf_rejected', name = '', extra: Record<string, string> = {}): void => {
        if (form) sendHtml(res, status, loginPage(ctx, agentErrorBody(code, lang).message, name), extra);
        else sendError(res, req, code, extra);
      };
      // A sign-in from another site's page would sign the agent's browser in as someone else.
      if (!sameOrigin(req, ctx.publicOrigin)) return fail(403, 'csrf_rejected');
      const parsed = LoginBody.safeParse(bodyObject(req));
      if (!parsed.success) return fail(400, 'invalid_request');
      const { username, password } = parsed.data;
      const address = ctx.clientKey(req);
      const nameKey = `${username.normalize('NFC').trim().toLocaleLowerCase('da')}|${address}`;
      for (const [limiter, key] of [[ctx.limits.perName, nameKey], [ctx.limits.perAddress, address]] as const) {
        const allowed = limiter.check(key);
        if (!allowed.ok) return fail(429, 'rate_limited', username, { 'Retry-After': String(allowed.retryAfterSeconds) });
      }
      const verified = await stored(() => ctx.agents.verify(username, password));
      if (!verified.ok) {
        ctx.limits.perName.fail(nameKey);
        ctx.limits.perAddress.fail(address);
        return fail(401, 'invalid_credentials', username);
      }
      ctx.limits.perName.succeed(nameKey);
      const { cookieValue, session } = await stored(() => ctx.sessions.create(verified.username));
      await stored(() => ctx.audit.record([{ at: ctx.deps.clock(), agent: session.username, action: 'login' }]));
      const cookie = { 'Set-Cookie': sessionCookie(cookieValue, Math.floor(ctx.sessions.ttlMs / 1000), ctx.secureCookies) };
      if (form) return redirect(res, '/agent', cookie);
      sendJson(res, 200, { username: session.username, csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt).toISOString() }, cookie);
    }),
  );

  server.post(
    '/agent/logout',
    guarded(ctx, async (req, res) => {
      const form = isFormPost(req);
      const session = await sessionOf(ctx, req);
      const cleared = { 'Set-Cookie': clearedSessionCookie(ctx.secureCookies) };
      if (!session) return form ? redirect(res, LOGIN_PATH, cleared) : sendError(res, req, 'unauthorized', cleared);
      const header = req.headers['x-csrf-token'];
      const field = bodyObject(req)?.csrfToken;
      const token = typeof header === 'string' ? header : typeof field === 'string' ? field : undefined;
      if (!sameOrigin(req, ctx.publicOrigin) || !ctx.sessions.checkCsrf(session, token)) return sendError(res, req, 'csrf_rejected');
      await stored(() => ctx.sessions.destroy(session));
      await stored(() => ctx.audit.record([{ at: ctx.deps.clock(), agent: session.username, action: 'logout' }]));
      if (form) return redirect(res, LOGIN_PATH, cleared);
      res.writeHead(204, { ...NO_STORE_HEADERS, ...cleared });
      res.end();
    }),
  );

  server.get(
    '/agent',
    page(ctx, async (_req, res, session) => {
      sendHtml(res, 200, fillTemplate(ctx.files.agentHtml, { username: session.username, csrfToken: session.csrfToken }));
    }),
  );

  server.get('/agent/assets/:file', async (req: Request, res: Response) => {
    const asset = ctx.files.assets.get(typeof req.params?.file === 'string' ? req.params.file : '');
    if (!asset) return sendJson(res, 404, agentErrorBody('not_found', requestLang(req)));
    res.writeHead(200, { 'Content-Type': asset.type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.end(asset.body);
  });

  // Every other page under /agent: the sign-in page without a session, else the console.
  server.get('/agent/*', page(ctx, async (_req, res) => redirect(res, '/agent')));
}
