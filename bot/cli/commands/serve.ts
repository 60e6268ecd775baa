import { createApp, StartupError } from '../../app';
import { loadConfig } from '../../config/config';
import { createLogger } from '../../log';
import { writeLine, type Command } from '../io';

export const summary = 'serve  (the front door on PORT, default 3978; what `npm start` runs)';

/** Starts the server on embedded defaults; SIGTERM/SIGINT finish turns in flight and close storage. */
export const run: Command = async (_args, io) => {
  const loaded = loadConfig(io.env);
  if (!loaded.ok) {
    writeLine(io.stderr, `frontdoor: ${loaded.message}`);
    return 2;
  }
  const { config } = loaded;
  const logger = createLogger(config.FRONTDOOR_LOG);
  let app;
  try {
    app = await createApp({ config, logger });
  } catch (error) {
    if (error instanceof StartupError) {
      writeLine(io.stderr, `frontdoor: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const url = await app.listen();
  writeLine(io.stdout, `Frontdoor is listening on ${url} (web chat: ${url}/, bot: ${url}/api/messages)`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info('shutdown', { signal });
      void app.close().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
};
