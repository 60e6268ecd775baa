import type { CallbackService, PurgeResult } from '../../knowledge/callbacks/service';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeSchedule {
  stop(): void;
}

/**
 * Runs `callbacks.purge(days)` now and then once a day: callbacks left open from earlier days
 * expire, and personal data of callbacks that ended more than `days` days ago is erased. The
 * timer does not keep the process alive; a run still going when the next is due is not doubled.
 * The service brings its own clock, so FRONTDOOR_NOW applies here too.
 */
export function startPurgeSchedule(
  callbacks: Pick<CallbackService, 'purge'>,
  days: number,
  options: { readonly intervalMs?: number; readonly onResult?: (result: PurgeResult) => void } = {},
): PurgeSchedule {
  let running = false;
  const run = (): void => {
    if (running) return;
    running = true;
    void callbacks
      .purge(days)
      .then((result) => options.onResult?.(result))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, options.intervalMs ?? DAY_MS);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
