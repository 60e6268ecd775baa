import { DateTime } from 'luxon';
import { createApp, type App } from '../../bot/app';
import { loadConfig, type Config } from '../../bot/config/config';
import { silentLogger } from '../../bot/log';
import { openPglite } from '../../bot/storage/database';
import { migrate } from '../../bot/storage/migrate';
import { fixedClock, ZONE } from '../../knowledge/clock';

export interface RunningApp {
  readonly app: App;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The real server on an ephemeral port, with an in-memory PGlite database and a fixed clock.
 * `env` overrides configuration (e.g. DIRECT_LINE_SECRET, TWILIO_AUTH_TOKEN).
 */
export async function startApp(options: { now: string; env?: Record<string, string> } ): Promise<RunningApp> {
  const loaded = loadConfig({ PORT: '0', HOST: '127.0.0.1', FRONTDOOR_LOG: 'silent', ...options.env });
  if (!loaded.ok) throw new Error(loaded.message);
  const config: Config = loaded.config;
  const db = await openPglite('memory://');
  await migrate(db);
  const app = await createApp({ config, logger: silentLogger, clock: fixedClock(DateTime.fromISO(options.now, { zone: ZONE })), db });
  const url = await app.listen(0, '127.0.0.1');
  return { app, url, close: () => app.close() };
}

/** A Bot Framework message activity, as a channel posts it, asking for the replies in the response. */
export function messageActivity(text: string, conversationId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `${conversationId}-${Math.random().toString(36).slice(2)}`,
    channelId: 'test',
    serviceUrl: 'http://localhost/',
    conversation: { id: conversationId },
    from: { id: 'citizen', name: 'Citizen' },
    recipient: { id: 'frontdoor', name: 'Frontdoor' },
    text,
    locale: 'da-DK',
    deliveryMode: 'expectReplies',
    ...extra,
  };
}
