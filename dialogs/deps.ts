import type { CallbackService } from '../knowledge/callbacks';
import type { Clock } from '../knowledge/clock';
import type { HoursEngine } from '../knowledge/hours';
import type { KnowledgeBase } from '../knowledge/kb';
import type { Triage } from '../knowledge/triage';

/** Everything the conversation needs, built once in bot/ and passed in (tests pass their own). */
export interface FrontdoorDeps {
  readonly kb: KnowledgeBase;
  readonly hours: HoursEngine;
  readonly triage: Triage;
  readonly clock: Clock;
  readonly callbacks: CallbackService;
  /** Days after a call that the citizen's number is kept (the purge job's FRONTDOOR_PURGE_DAYS); the consent text says it. */
  readonly retentionDays: number;
}
