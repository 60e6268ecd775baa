import type { DateTime } from 'luxon';
import { z } from 'zod';
import type { Lang, UnitId } from '../schema/unit';

/**
 * A callback's life: `booked` → `claimed` (an agent is calling) → `done`, or back to `booked` for
 * another try when nobody answered and attempts are left, else `no_answer`. A citizen may cancel
 * (`cancelled`); a slot that passed without a call is `expired`.
 */
export const BookingStatus = z.enum(['booked', 'claimed', 'done', 'no_answer', 'cancelled', 'expired']);
export type BookingStatus = z.infer<typeof BookingStatus>;

/** Statuses a callback can still leave; every other status is final. */
export const OPEN_STATUSES: readonly BookingStatus[] = ['booked', 'claimed'];

/** What an agent reports after calling. */
export const CallOutcome = z.enum(['done', 'no_answer']);
export type CallOutcome = z.infer<typeof CallOutcome>;

/** A booked callback as the service and its callers see it. */
export interface Booking {
  readonly reference: string;
  readonly unit: UnitId;
  readonly slotStart: DateTime;
  readonly slotEnd: DateTime;
  readonly status: BookingStatus;
  /** E.164 ("+4512345678"); null once personal data has been purged. */
  readonly phone: string | null;
  readonly name: string | null;
  readonly topic: string | null;
  readonly lang: Lang;
  /** Calls made so far (a call counts when the agent completes it, answered or not). */
  readonly attemptsMade: number;
  readonly claimedBy: string | null;
  readonly note: string | null;
  readonly createdAt: DateTime;
  /** When the callback reached a final status; purging counts from here. */
  readonly endedAt: DateTime | null;
}
