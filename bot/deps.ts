import type { FrontdoorDeps } from '../dialogs/deps';
import { CallbackService } from '../knowledge/callbacks';
import type { Clock } from '../knowledge/clock';
import { HoursEngine } from '../knowledge/hours';
import { formatProblem, loadKnowledgeBase, type KnowledgeBase } from '../knowledge/kb';
import { Triage } from '../knowledge/triage';
import { clockFromEnv } from './config/clock-from-env';
import type { Config } from './config/config';
import type { Logger } from './log';
import { SqlCallbackRepository } from './storage/callback-repository';
import type { Database } from './storage/database';
import { openStorage } from './storage/open';
import { ReopeningDatabase } from './storage/reopening';

/** Thrown at start-up when the knowledge base is invalid: the message lists the problems. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export interface DepsOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Tests pass their own database; otherwise DATABASE_URL / FRONTDOOR_DATA_DIR decide. */
  readonly db?: Database;
  readonly kb?: KnowledgeBase;
}

/**
 * The conversation's dependencies, built once from the configuration: the knowledge base, hours,
 * the triage index, the clock and the callback service on its database. The server and the
 * terminal chat share this, so both run the same front door. The database may be down at start:
 * the front door still answers, and callbacks say plainly that they could not be booked.
 */
export async function buildDeps(options: DepsOptions): Promise<{ deps: FrontdoorDeps; db: Database }> {
  const { config, logger } = options;
  const clock = options.clock ?? clockFromEnv({ FRONTDOOR_NOW: config.FRONTDOOR_NOW });
  const kb = options.kb ?? loadOrThrow(config.FRONTDOOR_KB_DIR);
  const hours = new HoursEngine(kb);
  const db =
    options.db ??
    new ReopeningDatabase(
      () => openStorage(config),
      (error) => logger.error('storage_unavailable', { code: 'storage_unavailable', error: error.name, detail: error.message.slice(0, 200) }),
    );
  if (db instanceof ReopeningDatabase) await db.ready();
  const callbacks = new CallbackService({
    kb,
    hours,
    repo: new SqlCallbackRepository(db),
    clock,
    onStorageError: (operation, error) =>
      logger.error('storage_unavailable', { code: 'storage_unavailable', operation, error: error instanceof Error ? error.name : 'unknown' }),
  });
  const deps: FrontdoorDeps = { kb, hours, triage: Triage.build(kb), clock, callbacks, retentionDays: config.FRONTDOOR_PURGE_DAYS };
  return { deps, db };
}

function loadOrThrow(dir: string | undefined): KnowledgeBase {
  const result = dir === undefined ? loadKnowledgeBase() : loadKnowledgeBase(dir);
  if (!result.ok) throw new StartupError(`invalid knowledge base: ${result.problems.map(formatProblem).join('; ')}`);
  return result.kb;
}
