import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Booking } from '../../knowledge/callbacks/booking';
import { CallOutcome } from '../../knowledge/callbacks/booking';
import { ZONE } from '../../knowledge/clock';
import { callbackView, phoneVisibleTo } from './callback-view';
import { api, change, sendError, stored, type AgentContext } from './context';
import type { NewAuditEntry } from './audit-log';
import type { AgentErrorCode } from './agent-errors';
import { bodyObject } from '../http/body';
import { sendJson } from './http-kit';
import type { Session } from './session-store';
import { isoInstant, unitCard } from './unit-card';

export const AGENT_API = '/api/agent';

/** `POST /api/agent/callbacks/REF/complete`. Unknown fields (the form's csrfToken) are ignored. */
export const CompleteBody = z.object({
  outcome: CallOutcome,
  note: z.string().max(5000).optional(),
});

function query(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function referenceOf(req: Request): string {
  return typeof req.params?.reference === 'string' ? req.params.reference : '';
}

/**
 * Writes a `phone_shown` entry for every callback whose number this answer shows, together with
 * `also`, before the answer is sent: a number that could not be logged is not shown (503).
 */
async function auditShown(ctx: AgentContext, session: Session, bookings: readonly Booking[], also: readonly NewAuditEntry[] = []): Promise<void> {
  const at = ctx.deps.clock();
  const shown = bookings
    .filter((b) => phoneVisibleTo(b, session.username))
    .map((b): NewAuditEntry => ({ at, agent: session.username, action: 'phone_shown', reference: b.reference, unit: b.unit }));
  await stored(() => ctx.audit.record([...also, ...shown]));
}

/** The JSON API of the console; every route needs a session (see bot/agent/API.md). */
export function registerAgentApi(server: Server, ctx: AgentContext): void {
  const { deps } = ctx;

  server.get(
    `${AGENT_API}/session`,
    api(ctx, async (_req, res, session) => {
      sendJson(res, 200, { username: session.username, csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt).toISOString() });
    }),
  );

  server.get(
    `${AGENT_API}/search`,
    api(ctx, async (req, res) => {
      const now = deps.clock();
      const results = ctx.search.search(query(req).get('q') ?? '', now).map(({ unit, score }) => {
        const status = deps.hours.status(unit.id, now);
        return {
          id: unit.id,
          name: unit.name.da,
          openNow: status.open,
          nextOpening: isoInstant(status.nextOpening),
          closesAt: isoInstant(status.closesAt),
          phones: [...new Set(unit.contacts.phones.map((p) => p.number))],
          score,
        };
      });
      sendJson(res, 200, { results });
    }),
  );

  server.get(
    `${AGENT_API}/units/:id`,
    api(ctx, async (req, res) => {
      const id = typeof req.params?.id === 'string' ? req.params.id : '';
      const unit = deps.kb.get(id);
      if (!unit) return sendError(res, req, 'unknown_unit');
      sendJson(res, 200, unitCard(deps, unit, deps.clock()));
    }),
  );

  server.get(
    `${AGENT_API}/callbacks`,
    api(ctx, async (req, res, session) => {
      const params = query(req);
      const unit = params.get('unit') || undefined;
      const date = params.get('date') || (deps.clock().setZone(ZONE).toISODate() as string);
      const result = await deps.callbacks.list({ unit, date });
      if (!result.ok) return sendError(res, req, failure(result.reason));
      await auditShown(ctx, session, result.bookings);
      sendJson(res, 200, { unit: unit ?? null, date, callbacks: result.bookings.map((b) => callbackView(b, session.username)) });
    }),
  );

  server.post(
    `${AGENT_API}/callbacks/:reference/claim`,
    change(ctx, async (req, res, session) => {
      const claimed = await deps.callbacks.claim(referenceOf(req), session.username);
      let booking: Booking;
      if (claimed.ok) booking = claimed.booking;
      else if (claimed.reason === 'invalid_state') {
        // Claiming again what one already holds (a double click, a retried request) is fine.
        const found = await deps.callbacks.find(referenceOf(req));
        if (!found.ok || found.booking.status !== 'claimed' || found.booking.claimedBy !== session.username) return sendError(res, req, 'invalid_state');
        booking = found.booking;
      } else return sendError(res, req, failure(claimed.reason));
      await auditShown(ctx, session, [booking], [
        { at: deps.clock(), agent: session.username, action: 'claim', reference: booking.reference, unit: booking.unit },
      ]);
      sendJson(res, 200, { callback: callbackView(booking, session.username) });
    }),
  );

  server.post(
    `${AGENT_API}/callbacks/:reference/complete`,
    change(ctx, async (req, res, session) => {
      const parsed = CompleteBody.safeParse(bodyObject(req));
      if (!parsed.success) return sendError(res, req, 'invalid_request');
      const { outcome, note } = parsed.data;
      const result = await deps.callbacks.complete(referenceOf(req), outcome, note, session.username);
      if (!result.ok) return sendError(res, req, failure(result.reason));
      const booking = result.booking;
      await auditShown(ctx, session, [booking], [
        { at: deps.clock(), agent: session.username, action: 'complete', reference: booking.reference, unit: booking.unit, detail: outcome },
      ]);
      sendJson(res, 200, { callback: callbackView(booking, session.username) });
    }),
  );

  // Any other path under the API: 401 without a session, like every route, else 404.
  for (const method of ['get', 'post'] as const) {
    server[method](
      `${AGENT_API}/*`,
      api(ctx, async (req: Request, res: Response) => sendError(res, req, 'not_found')),
    );
  }
}

/** The service's failure reasons as the console's error codes. */
function failure(reason: 'unknown_unit' | 'invalid_request' | 'not_found' | 'invalid_state' | 'invalid_note' | 'storage_unavailable'): AgentErrorCode {
  switch (reason) {
    case 'storage_unavailable':
      return 'agent_storage_unavailable';
    case 'unknown_unit':
    case 'invalid_request':
    case 'not_found':
    case 'invalid_state':
    case 'invalid_note':
      return reason;
  }
}
