import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { CallbackService } from '../../knowledge/callbacks';
import type { Clock } from '../../knowledge/clock';
import type { HoursEngine } from '../../knowledge/hours';
import type { KnowledgeBase } from '../../knowledge/kb';
import type { Triage } from '../../knowledge/triage';
import type { Logger } from '../log';
import { CallStore } from './call-store';
import { IvrFlow, type Turn } from './ivr-flow';
import { hasValidTwilioSignature } from './twilio-signature';
import { newResponse, say, type Twiml } from './twiml-speech';

export interface TwilioRouteDeps {
  readonly kb: KnowledgeBase;
  readonly hours: HoursEngine;
  readonly triage: Triage;
  readonly clock: Clock;
  readonly callbacks: CallbackService;
  /** TWILIO_AUTH_TOKEN: when set, every request must carry a valid `X-Twilio-Signature`. */
  readonly authToken: string;
  /** PUBLIC_URL: the address Twilio calls (signatures are over it; follow-up URLs start with it). */
  readonly publicUrl?: string | undefined;
  /** FRONTDOOR_VOICE_DA / _EN; used when they name a Twilio voice (Polly.… / Google.…). */
  readonly voices?: { readonly da?: string; readonly en?: string };
  readonly logger?: Logger;
}

/** What Twilio posts (application/x-www-form-urlencoded); only the fields the menu reads. */
const TwilioForm = z.looseObject({
  CallSid: z.string().min(1).max(64),
  From: z.string().max(64).optional(),
  Digits: z.string().max(32).optional(),
  SpeechResult: z.string().max(2000).optional(),
  CallStatus: z.string().max(32).optional(),
});

/** Where in the menu a follow-up request is: only non-personal state travels in the URL. */
const MenuQuery = z.object({
  l: z.enum(['da', 'en']).catch('da'),
  n: z.coerce.number().int().min(0).max(9).catch(0),
  u: z.string().max(80).optional().catch(undefined),
  c: z.string().max(300).optional().catch(undefined),
  h: z.enum(['caller-id', 'keyed']).optional().catch(undefined),
});

/** Twilio's final call statuses: the call is over, and so is whatever it was in the middle of. */
const ENDED = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/**
 * The IVR for PBXes that speak TwiML. Point the number's voice webhook at `POST /ivr/twilio/voice`
 * and its status callback at `POST /ivr/twilio/status`; the follow-up URLs (menu, other, pick,
 * unit, callback/…) carry the call on. The caller's number lives only in an in-memory map keyed
 * by CallSid (so one server instance per number), dropped when the status callback says the call
 * ended; nothing is booked before the caller's final "1".
 */
export function registerTwilioRoutes(server: Server, deps: TwilioRouteDeps): void {
  const calls = new CallStore();
  const flow = new IvrFlow({
    kb: deps.kb,
    hours: deps.hours,
    triage: deps.triage,
    clock: deps.clock,
    callbacks: deps.callbacks,
    calls,
    baseUrl: deps.publicUrl ? deps.publicUrl.replace(/\/+$/, '') : '',
    ...(deps.voices && { voices: deps.voices }),
  });

  const steps: Record<string, (turn: Turn) => Twiml | Promise<Twiml>> = {
    voice: (turn) => flow.welcome(turn),
    menu: (turn) => flow.onMenu(turn),
    other: (turn) => flow.onOther(turn),
    pick: (turn) => flow.onPick(turn),
    unit: (turn) => flow.onUnit(turn),
    'callback/number': (turn) => flow.callback.onNumber(turn),
    'callback/keyed': (turn) => flow.callback.onKeyed(turn),
    'callback/slot': (turn) => flow.callback.onSlot(turn),
    'callback/confirm': (turn) => flow.callback.onConfirm(turn),
  };

  /** An unsigned or wrongly signed request gets 403 before anything else happens. */
  const trusted = (req: Request, res: Response, route: string): boolean => {
    if (deps.authToken === '' || hasValidTwilioSignature(req, deps.authToken, deps.publicUrl)) return true;
    deps.logger?.info('twilio_signature_refused', { code: 'forbidden', route });
    res.send(403, { error: 'forbidden' });
    return false;
  };

  for (const [path, step] of Object.entries(steps)) {
    server.post(`/ivr/twilio/${path}`, async (req: Request, res: Response) => {
      if (!trusted(req, res, path)) return;
      const turn = readTurn(req);
      if (!turn) {
        res.send(400, { error: 'invalid_request', message: 'Expected a Twilio voice webhook (form fields CallSid, From, …).' });
        return;
      }
      let twiml: Twiml;
      try {
        twiml = await step(turn);
      } catch (error) {
        deps.logger?.error('ivr_error', { code: 'ivr_error', route: path, error: error instanceof Error ? error.name : 'unknown', detail: error instanceof Error ? error.message.slice(0, 200) : '' });
        twiml = apology(flow, turn);
      }
      res.setHeader('content-type', 'text/xml; charset=utf-8');
      res.sendRaw(200, twiml.toString());
    });
  }

  server.post('/ivr/twilio/status', async (req: Request, res: Response) => {
    if (!trusted(req, res, 'status')) return;
    const form = TwilioForm.safeParse(req.body);
    if (!form.success) {
      res.send(400, { error: 'invalid_request' });
      return;
    }
    if (ENDED.has(form.data.CallStatus ?? '')) calls.delete(form.data.CallSid);
    res.send(204);
  });
}

function readTurn(req: Request): Turn | undefined {
  const form = TwilioForm.safeParse(req.body);
  if (!form.success) return undefined;
  const query = MenuQuery.parse(req.query ?? {});
  const { CallSid, From, Digits, SpeechResult } = form.data;
  return {
    sid: CallSid,
    from: From ?? '',
    lang: query.l,
    tries: query.n,
    digits: (Digits ?? '').trim(),
    speech: (SpeechResult ?? '').trim(),
    unitId: query.u,
    choices: query.c?.split(',').filter((id) => id.length > 0),
    how: query.h,
  };
}

/** A bug must not leave a caller in silence: say so, give the main number, hang up. */
function apology(flow: IvrFlow, turn: Turn): Twiml {
  const response = newResponse();
  const text = turn.lang === 'da' ? 'Beklager, der gik noget galt. Ring til kommunen på 89 40 20 00.' : 'Sorry, something went wrong. Call the municipality on 89 40 20 00.';
  say(response, flow.parts(text, turn.lang), flow.speaker(turn.lang));
  response.hangup();
  return response;
}
