import { fixedClock, parseInstant, systemClock, type Clock } from '../../knowledge/clock';
import { UsageError } from '../cli/io';

/**
 * The process clock: `FRONTDOOR_NOW=<ISO instant>` fixes "now" for every command and the server
 * (acceptance checks and demos need a known time); unset or empty means the real time.
 * A malformed value is bad input: UsageError, one clear line and exit 2.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv): Clock {
  const text = env.FRONTDOOR_NOW;
  if (text === undefined || text.trim() === '') return systemClock;
  const at = parseInstant(text);
  if (!at) throw new UsageError(`FRONTDOOR_NOW is not an ISO 8601 instant: "${text}" (e.g. 2026-12-03T16:30:00+01:00)`);
  return fixedClock(at);
}
