import type { DateTime } from 'luxon';
import type { Next, Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Booking } from '../../knowledge/callbacks/booking';
import { MAX_SLOT_LIMIT, type CallbackService } from '../../knowledge/callbacks/service';
import { errorBody, errorStatus, type ErrorCode } from '../../knowledge/errors';
import type { Lang } from '../../knowledge/schema/unit';
import { clientAddress, DEFAULT_RATE_LIMIT, rateLimit, RateLimiter, requestLang, type RateLimitOptions } from './rate-limit';
import { bodyObject } from './body';

export interface CallbackRoutesDeps {
  readonly callbacks: CallbackService;
  /** Per-client limit on these routes: options, a limiter shared with other routes, or false for none. */
  readonly rateLimit?: RateLimitOptions | RateLimiter | false;
  /** Who "a client" is; default the socket's address (behind a proxy, read the proxy's header instead). */
  readonly clientKey?: (req: Request) => string;
}

export const CALLBACKS_PATH = '/api/callbacks';

/** The JSON body of `POST /api/callbacks`. Unknown fields are ignored. */
export const BookBody = z.object({
  unit: z.string().min(1).max(100),
  phone: z.string().max(100),
  slotStart: z.string().max(100),
  name: z.string().max(1000).optional(),
  topic: z.string().max(5000).optional(),
  lang: z.enum(['da', 'en']).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type BookBody = z.infer<typeof BookBody>;

export const CancelBody = z.object({ phone: z.string().max(100) });

/** A field with the wrong value gets the field's own code (422); everything else is a malformed request (400). */
const FIELD_CODES: Partial<Record<string, ErrorCode>> = {
  phone: 'invalid_phone',
  slotStart: 'invalid_slot',
  name: 'invalid_name',
  topic: 'invalid_topic',
};

/** ISO 8601 with the Aarhus offset, to the second: "2026-12-07T09:00:00+01:00". */
function instant(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

function bookingBody(b: Booking): { reference: string; unit: string; slotStart: string; slotEnd: string } {
  return { reference: b.reference, unit: b.unit, slotStart: instant(b.slotStart), slotEnd: instant(b.slotEnd) };
}

function sendError(res: Response, code: ErrorCode, lang: Lang): void {
  if (code === 'storage_unavailable') res.header('Retry-After', '60');
  res.send(errorStatus(code), errorBody(code, lang));
}


/** Wraps a handler so a bug answers 500 in the catalogue's words instead of restify's. */
function guarded(handler: (req: Request, res: Response) => Promise<void>): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch {
      if (!res.headersSent) sendError(res, 'internal_error', requestLang(req));
    }
  };
}

/**
 * The callback JSON API of issue 5 §4:
 * - `GET /api/callbacks/slots?unit=UNIT[&limit=N]` → 200 `{"unit","slots":[{"start","end","free"}]}`;
 * - `POST /api/callbacks` `{"unit","phone","slotStart","name"?,"topic"?,"lang"?,"idempotencyKey"?}`
 *   → 201 `{"reference","unit","slotStart","slotEnd"}` (200 with the same body for a repeated key);
 * - `POST /api/callbacks/REFERENCE/cancel` `{"phone"}` → 200 `{"reference","status"}`, 404 for any
 *   wrong reference/phone pair.
 * Errors are `{"error": code, "message": …}` with the catalogue's status. Works with or without
 * restify's queryParser and bodyParser installed.
 */
export function registerCallbackRoutes(server: Server, deps: CallbackRoutesDeps): void {
  const { callbacks } = deps;
  const limits = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  const limiter = limits === false ? undefined : limits instanceof RateLimiter ? limits : new RateLimiter(limits);
  const before = limiter ? [rateLimit(limiter, deps.clientKey ?? clientAddress)] : [];

  server.get(
    `${CALLBACKS_PATH}/slots`,
    ...before,
    guarded(async (req, res) => {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const lang = requestLang(req);
      const unit = query.get('unit');
      const limitText = query.get('limit');
      const limit = limitText === null ? undefined : /^\d{1,3}$/.test(limitText) ? Number(limitText) : NaN;
      if (!unit || (limit !== undefined && !(limit >= 1 && limit <= MAX_SLOT_LIMIT))) return sendError(res, 'invalid_request', lang);
      const result = await callbacks.slots(unit, limit === undefined ? {} : { limit });
      if (!result.ok) return sendError(res, result.reason, lang);
      res.send(200, {
        unit: result.unit,
        slots: result.slots.map((s) => ({ start: instant(s.start), end: instant(s.end), free: s.free })),
      });
    }),
  );

  server.post(
    CALLBACKS_PATH,
    ...before,
    guarded(async (req, res) => {
      const raw = bodyObject(req);
      const lang: Lang = raw?.lang === 'en' || raw?.lang === 'da' ? raw.lang : requestLang(req);
      if (!raw || raw.unit === undefined || raw.phone === undefined || raw.slotStart === undefined) return sendError(res, 'invalid_request', lang);
      const parsed = BookBody.safeParse(raw);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path[0];
        return sendError(res, (typeof field === 'string' && FIELD_CODES[field]) || 'invalid_request', lang);
      }
      const body = parsed.data;
      const result = await callbacks.book({
        unit: body.unit,
        phone: body.phone,
        slotStart: body.slotStart,
        name: body.name,
        topic: body.topic,
        lang: body.lang,
        idempotencyKey: body.idempotencyKey,
      });
      if (!result.ok) return sendError(res, result.reason, lang);
      res.send(result.created ? 201 : 200, bookingBody(result.booking));
    }),
  );

  server.post(
    `${CALLBACKS_PATH}/:reference/cancel`,
    ...before,
    guarded(async (req, res) => {
      const raw = bodyObject(req);
      const lang = requestLang(req);
      const parsed = CancelBody.safeParse(raw);
      if (!parsed.success) return sendError(res, 'invalid_request', lang);
      const reference = typeof req.params?.reference === 'string' ? req.params.reference : '';
      const result = await callbacks.cancel(reference, parsed.data.phone);
      if (!result.ok) return sendError(res, result.reason, lang);
      res.send(200, { reference: result.booking.reference, status: result.booking.status });
    }),
  );

  // Errors restify raises before our handlers (a body that is not JSON, too large, a wrong method)
  // get the same `{"error","message"}` shape on these paths.
  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, next: Next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === CALLBACKS_PATH || path.startsWith(`${CALLBACKS_PATH}/`)) {
      const code = restifyCode(err.statusCode);
      if (code) {
        err.toJSON = () => errorBody(code, requestLang(req));
        err.statusCode = errorStatus(code);
      }
    }
    return next();
  });
}

function restifyCode(status: number | undefined): ErrorCode | undefined {
  switch (status) {
    case 400:
    case 415:
      return 'invalid_request';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'payload_too_large';
    case 500:
      return 'internal_error';
    default:
      return undefined;
  }
}
