import type { DateTime } from 'luxon';
import type { Lang, UnitId } from '../schema/unit';
import type { Booking, BookingStatus, CallOutcome } from './booking';

/** A booking to store; the repository picks the reference. */
export interface NewBooking {
  readonly unit: UnitId;
  readonly slotStart: DateTime;
  readonly slotEnd: DateTime;
  /** The unit's capacity per slot now: at most this many open bookings in the slot. */
  readonly capacity: number;
  /** E.164, already normalised. */
  readonly phone: string;
  readonly name: string | null;
  readonly topic: string | null;
  readonly lang: Lang;
  /** The same key again returns the first booking and books nothing new. */
  readonly idempotencyKey: string | null;
  readonly now: DateTime;
}

export type StoreBookResult =
  | { readonly ok: true; readonly booking: Booking; readonly created: boolean }
  | { readonly ok: false; readonly reason: 'slot_full' };

/** A change to one booking: the booking after it, or why not. */
export type ChangeResult =
  | { readonly ok: true; readonly booking: Booking }
  | { readonly ok: false; readonly reason: 'not_found' | 'invalid_state' };

export interface ListFilter {
  readonly unit?: UnitId;
  /** Slots starting at or after this instant. */
  readonly from?: DateTime;
  /** Slots starting before this instant. */
  readonly to?: DateTime;
  readonly statuses?: readonly BookingStatus[];
}

export interface CompleteInput {
  readonly reference: string;
  readonly outcome: CallOutcome;
  readonly note: string | null;
  /** When given, only the agent who claimed the callback may complete it. */
  readonly agent?: string;
  /** The unit's `attempts`: a call with no answer before this many goes back to `booked`. */
  readonly maxAttempts: number;
  readonly now: DateTime;
}

/**
 * Where callbacks are stored. Implementations throw only when the storage itself fails (down,
 * full, broken connection); the service turns that into `storage_unavailable`. Everything a caller
 * can get wrong comes back as a value.
 *
 * Guarantees every implementation must keep (test/bot/storage/callback-repository.contract.ts):
 * - `book` never lets a slot hold more than `capacity` open bookings, also under concurrent calls;
 * - a given `idempotencyKey` is stored at most once; a repeat returns the stored booking with
 *   `created: false`;
 * - references are unique;
 * - whatever `book` returned `ok` for survives a restart.
 */
export interface CallbackRepository {
  book(input: NewBooking): Promise<StoreBookResult>;
  findByReference(reference: string): Promise<Booking | undefined>;
  findByIdempotencyKey(key: string): Promise<Booking | undefined>;
  /**
   * Cancels a `booked` or `claimed` callback when reference and phone (E.164) match, and frees its
   * place in the slot. Cancelling again is `ok`; a callback that has ended is `invalid_state`;
   * anything else — unknown reference, wrong phone, purged — is `not_found`.
   */
  cancel(reference: string, phone: string, now: DateTime): Promise<ChangeResult>;
  /** In slot order (then booking order). */
  list(filter: ListFilter): Promise<Booking[]>;
  /** Open bookings per slot of a unit: slot start in epoch milliseconds → count. */
  bookedCounts(unit: UnitId, from: DateTime, to: DateTime): Promise<Map<number, number>>;
  /** `booked` → `claimed` by an agent. */
  claim(reference: string, agent: string, now: DateTime): Promise<ChangeResult>;
  /**
   * Ends a call of a `claimed` callback: `done`; or `no_answer`, which goes back to `booked` for
   * another try while attempts are left and is final after the last one.
   */
  complete(input: CompleteInput): Promise<ChangeResult>;
  /**
   * Open callbacks whose slot ended at or before `before`: never tried → `expired`, tried without
   * an answer → `no_answer`. Returns how many.
   */
  expire(before: DateTime, now: DateTime): Promise<number>;
  /** Erases phone, name, topic and note of callbacks that ended before `endedBefore`. Returns how many. */
  purge(endedBefore: DateTime, now: DateTime): Promise<number>;
}
