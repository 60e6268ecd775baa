import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { FrontdoorAdapter } from '../adapter';
import type { ActivityHandler } from 'botbuilder';

/**
 * The minimum an activity needs before it reaches the adapter. Anything else is a 400 with a clear
 * message: a malformed body never reaches the bot and never takes the server down.
 */
function incomingActivity(maxText: number) {
  const id = z.string().min(1).max(256);
  return z.looseObject({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().max(2048).optional(),
    conversation: z.looseObject({ id }),
    from: z.looseObject({ id }),
    recipient: z.looseObject({ id }).optional(),
    text: z.string().max(maxText, `text is longer than ${maxText} characters`).optional(),
  });
}

export interface MessagesRouteDeps {
  readonly adapter: FrontdoorAdapter;
  readonly bot: ActivityHandler;
  readonly maxText: number;
  /** Counts turns in flight, so shutdown can wait for them. */
  readonly inFlight: { add(p: Promise<unknown>): void };
}

/** `POST /api/messages`: Bot Framework activities through the CloudAdapter (also `expectReplies`). */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  const schema = incomingActivity(deps.maxText);
  server.post('/api/messages', async (req: Request, res: Response) => {
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      res.send(400, { error: 'invalid_activity', message: 'The body must be a JSON Bot Framework activity.' });
      return;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const tooLong = issue.code === 'too_big' && issue.path[0] === 'text';
      res.send(tooLong ? 413 : 400, {
        error: tooLong ? 'text_too_long' : 'invalid_activity',
        message: `${issue.path.join('.') || 'activity'}: ${issue.message}`,
      });
      return;
    }
    const activity = parsed.data as Record<string, unknown>;
    // Local callers (our tests, the acceptance checks) may leave serviceUrl out with expectReplies.
    if (activity.serviceUrl === undefined) activity.serviceUrl = 'http://localhost/';
    req.body = activity;
    // restify's request and response are what CloudAdapter.process expects (the botbuilder samples use restify).
    const turn = deps.adapter.process(req as never, res, (context) => deps.bot.run(context));
    deps.inFlight.add(turn);
    await turn;
  });
}
