import type { AddressInfo } from 'node:net';
import { ConversationState, MemoryStorage } from 'botbuilder';
import restify, { type Server } from 'restify';
import { FrontdoorBot } from '../dialogs/frontdoor-bot';
import type { FrontdoorDeps } from '../dialogs/deps';
import { FrontdoorAdapter } from './adapter';
import { buildDeps, type DepsOptions } from './deps';
import { registerAgentRoutes } from './agent';
import { registerDirectLineRoutes } from './directline';
import { registerCallbackRoutes } from './http/callback-routes';
import { registerHealthRoute } from './http/health-route';
import { registerMessagesRoute } from './http/messages-route';
import { registerTwilioRoutes } from './ivr';
import { ChannelRenderer } from './middleware/channel-renderer';
import { DtmfCollector } from './middleware/dtmf-collector';
import { RetryGuard } from './middleware/retry-guard';
import type { Database } from './storage/database';
import { startPurgeSchedule } from './storage/purge-schedule';
import { ReopeningDatabase } from './storage/reopening';

/** Everything the running front door is made of, built once here and passed into constructors. */
export interface App {
  readonly server: Server;
  readonly deps: FrontdoorDeps;
  readonly adapter: FrontdoorAdapter;
  readonly bot: FrontdoorBot;
  readonly db: Database;
  /** Listens on PORT (0 = any free port); resolves with the bound URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting, waits for turns in flight, closes storage. */
  close(): Promise<void>;
}

/** What createApp needs: the configuration, a logger, and (in tests) a clock, database or knowledge base. */
export type AppOptions = DepsOptions;

export { StartupError } from './deps';


export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const { deps, db } = await buildDeps(options);
  const { kb, hours, clock, callbacks } = deps;
  const bot = new FrontdoorBot(deps, new ConversationState(new MemoryStorage()));
  const adapter = new FrontdoorAdapter(config, logger);
  adapter.use(new RetryGuard());
  adapter.use(new ChannelRenderer({ voiceDa: config.FRONTDOOR_VOICE_DA, voiceEn: config.FRONTDOOR_VOICE_EN }));
  adapter.use(new DtmfCollector({ kb, hours, clock, voices: { voiceDa: config.FRONTDOOR_VOICE_DA, voiceEn: config.FRONTDOOR_VOICE_EN } }));

  const server = restify.createServer({ name: 'frontdoor', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 64 * 1024 }));

  const inFlight = new Set<Promise<unknown>>();
  const track = { add: (p: Promise<unknown>) => { inFlight.add(p); void p.finally(() => inFlight.delete(p)).catch(() => undefined); } };

  registerHealthRoute(server, { units: kb.list().length, storage: async () => db instanceof ReopeningDatabase ? db.isOpen : true });
  registerMessagesRoute(server, { adapter, bot, maxText: config.FRONTDOOR_MAX_TEXT, inFlight: track });
  registerCallbackRoutes(server, { callbacks });
  registerTwilioRoutes(server, { ...deps, authToken: config.TWILIO_AUTH_TOKEN, publicUrl: config.PUBLIC_URL, voices: { da: config.FRONTDOOR_VOICE_DA, en: config.FRONTDOOR_VOICE_EN }, logger });
  registerAgentRoutes(server, { ...deps, db, sessionSecret: config.FRONTDOOR_SESSION_SECRET, publicUrl: config.PUBLIC_URL, logger });
  const directLine = registerDirectLineRoutes(server, { adapter, bot, config, logger, inFlight: track });


  // Personal data is purged FRONTDOOR_PURGE_DAYS after a callback ends; the server runs it daily.
  const purge = startPurgeSchedule(callbacks, config.FRONTDOOR_PURGE_DAYS, {
    onResult: (r) => (r.ok ? logger.info('purge', { expired: r.expired, purged: r.purged }) : logger.error('purge_failed', { code: r.reason })),
  });

  let closed = false;
  return {
    server,
    deps,
    adapter,
    bot,
    db,
    listen: (port = config.PORT, host = config.HOST) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`);
        });
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      purge.stop();
      directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Turns in flight finish (at most 10 s); the timer must not keep the process alive after them.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      await db.close();
    },
  };
}
