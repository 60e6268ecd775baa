import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import { ZONE, parseInstant } from '../clock';
import type { HoursEngine } from '../hours';
import type { KnowledgeBase } from '../kb';
import { Callbacks, IsoDate, type Lang, type Unit, type UnitId } from '../schema/unit';
import type { Booking, BookingStatus, CallOutcome } from './booking';
import { normalizeDanishPhone } from './phone';
import { parseReference } from './reference';
import type { CallbackRepository, ChangeResult } from './repository';
import { cutSlots, freeSlots, type Slot, type TimeWindow } from './slots';
import { callbackWindows } from './windows';

/** A slot must start at least this long after "now", so an agent can see the booking in time. */
export const SLOT_LEAD_MINUTES = 15;
/** How far ahead slots are offered. */
export const SLOT_HORIZON_DAYS = 14;
export const DEFAULT_SLOT_LIMIT = 10;
export const MAX_SLOT_LIMIT = 100;
export const MAX_NAME_LENGTH = 100;
export const MAX_TOPIC_LENGTH = 500;
export const MAX_NOTE_LENGTH = 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
export const DEFAULT_PURGE_DAYS = 30;

export interface CallbackServiceDeps {
  readonly kb: KnowledgeBase;
  readonly hours: HoursEngine;
  readonly repo: CallbackRepository;
  readonly clock: Clock;
  /**
   * Told when storage fails (the result is then `storage_unavailable`). Gets the operation and the
   * error; log the error's code and message only — never the input, which holds a phone number.
   */
  readonly onStorageError?: (operation: string, error: unknown) => void;
}

type StorageFailure = { readonly ok: false; readonly reason: 'storage_unavailable' };

export type PolicyResult =
  | { readonly ok: true; readonly unit: Unit; readonly policy: Callbacks }
  | { readonly ok: false; readonly reason: 'unknown_unit' | 'no_callbacks' };

export type SlotsResult =
  | { readonly ok: true; readonly unit: UnitId; readonly slots: Slot[] }
  | { readonly ok: false; readonly reason: 'unknown_unit' | 'no_callbacks' }
  | StorageFailure;

export interface BookInput {
  readonly unit: string;
  readonly phone: string;
  /** An ISO 8601 instant (as given by `slots`) or a DateTime. */
  readonly slotStart: string | DateTime;
  readonly name?: string | undefined;
  readonly topic?: string | undefined;
  readonly lang?: Lang | undefined;
  /** The same key again returns the first booking and books nothing new (a retried turn or request). */
  readonly idempotencyKey?: string | undefined;
}

export type BookFailure =
  | 'unknown_unit'
  | 'no_callbacks'
  | 'invalid_phone'
  | 'invalid_name'
  | 'invalid_topic'
  | 'invalid_request'
  | 'invalid_slot'
  | 'slot_full'
  | 'storage_unavailable';

export type BookResult =
  | { readonly ok: true; readonly booking: Booking; readonly created: boolean }
  | { readonly ok: false; readonly reason: BookFailure };

export type ChangeBookingResult = ChangeResult | StorageFailure;

export type CompleteResult = ChangeBookingResult | { readonly ok: false; readonly reason: 'invalid_note' };

export type ListResult =
  | { readonly ok: true; readonly bookings: Booking[] }
  | { readonly ok: false; readonly reason: 'unknown_unit' | 'invalid_request' }
  | StorageFailure;

export type FindResult = { readonly ok: true; readonly booking: Booking } | { readonly ok: false; readonly reason: 'not_found' } | StorageFailure;

export type PurgeResult = { readonly ok: true; readonly expired: number; readonly purged: number } | StorageFailure;

export interface ListQuery {
  readonly unit?: string | undefined;
  /** A local day in Aarhus, YYYY-MM-DD. */
  readonly date?: string | undefined;
  readonly statuses?: readonly BookingStatus[] | undefined;
}

/**
 * Callbacks: free slots, booking, cancelling, and the agents' queue. Every answer is a value;
 * when storage fails the answer is `storage_unavailable` and nothing is reported as booked that
 * the storage did not confirm.
 */
export class CallbackService {
  readonly #kb: KnowledgeBase;
  readonly #hours: HoursEngine;
  readonly #repo: CallbackRepository;
  readonly #clock: Clock;
  readonly #onStorageError: (operation: string, error: unknown) => void;

  constructor(deps: CallbackServiceDeps) {
    this.#kb = deps.kb;
    this.#hours = deps.hours;
    this.#repo = deps.repo;
    this.#clock = deps.clock;
    this.#onStorageError = deps.onStorageError ?? (() => {});
  }

  /** Whether a unit offers callbacks, and its policy. */
  policy(unitId: string): PolicyResult {
    const unit = this.#kb.get(unitId);
    if (!unit) return { ok: false, reason: 'unknown_unit' };
    if (!unit.callbacks.offered) return { ok: false, reason: 'no_callbacks' };
    return { ok: true, unit, policy: unit.callbacks };
  }

  /** The next free slots of a unit, in time order (at most `limit`, default 10). */
  async slots(unitId: string, opts: { readonly limit?: number } = {}): Promise<SlotsResult> {
    const found = this.policy(unitId);
    if (!found.ok) return found;
    const { unit, policy } = found;
    const limit = Math.min(Math.max(Math.trunc(opts.limit ?? DEFAULT_SLOT_LIMIT), 1), MAX_SLOT_LIMIT);
    const candidates = this.#candidates(unit, this.#clock());
    const first = candidates[0];
    const last = candidates[candidates.length - 1];
    if (!first || !last) return { ok: true, unit: unit.id, slots: [] };
    const counts = await this.#guard('slots', () => this.#repo.bookedCounts(unit.id, first.start, last.end));
    if (!counts.ok) return counts;
    return { ok: true, unit: unit.id, slots: freeSlots(candidates, policy.capacity, counts.value).slice(0, limit) };
  }

  async book(input: BookInput): Promise<BookResult> {
    const found = this.policy(input.unit);
    if (!found.ok) return found;
    const { unit, policy } = found;
    const phone = normalizeDanishPhone(input.phone);
    if (!phone.ok) return phone;
    const name = cleanText(input.name, MAX_NAME_LENGTH, false);
    if (name === false) return { ok: false, reason: 'invalid_name' };
    const topic = cleanText(input.topic, MAX_TOPIC_LENGTH, true);
    if (topic === false) return { ok: false, reason: 'invalid_topic' };
    const key = input.idempotencyKey ?? null;
    if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) return { ok: false, reason: 'invalid_request' };

    // A repeat must get its booking back even when the slot has since passed or filled up.
    if (key !== null) {
      const seen = await this.#guard('book', () => this.#repo.findByIdempotencyKey(key));
      if (!seen.ok) return seen;
      if (seen.value) return { ok: true, booking: seen.value, created: false };
    }

    const now = this.#clock();
    const wanted = typeof input.slotStart === 'string' ? parseInstant(input.slotStart) : input.slotStart;
    if (!wanted?.isValid) return { ok: false, reason: 'invalid_slot' };
    const slot = this.#candidates(unit, now).find((s) => s.start.toMillis() === wanted.toMillis());
    if (!slot) return { ok: false, reason: 'invalid_slot' };

    const stored = await this.#guard('book', () =>
      this.#repo.book({
        unit: unit.id,
        slotStart: slot.start,
        slotEnd: slot.end,
        capacity: policy.capacity,
        phone: phone.e164,
        name,
        topic,
        lang: input.lang ?? 'da',
        idempotencyKey: key,
        now,
      }),
    );
    if (!stored.ok) return stored;
    return stored.value;
  }

  /**
   * Cancels by reference and phone. An unknown reference and a wrong phone are both `not_found`,
   * so the answer never tells whether a reference exists.
   */
  async cancel(reference: string, phone: string): Promise<ChangeBookingResult> {
    const ref = parseReference(reference);
    const number = normalizeDanishPhone(phone);
    if (ref === undefined || !number.ok) return { ok: false, reason: 'not_found' };
    const result = await this.#guard('cancel', () => this.#repo.cancel(ref, number.e164, this.#clock()));
    return result.ok ? result.value : result;
  }

  /** One booking, for agents. */
  async find(reference: string): Promise<FindResult> {
    const ref = parseReference(reference);
    if (ref === undefined) return { ok: false, reason: 'not_found' };
    const result = await this.#guard('find', () => this.#repo.findByReference(ref));
    if (!result.ok) return result;
    return result.value ? { ok: true, booking: result.value } : { ok: false, reason: 'not_found' };
  }

  /** Bookings in slot order, by unit, local day and status. */
  async list(query: ListQuery = {}): Promise<ListResult> {
    if (query.unit !== undefined && !this.#kb.has(query.unit)) return { ok: false, reason: 'unknown_unit' };
    let from: DateTime | undefined;
    let to: DateTime | undefined;
    if (query.date !== undefined) {
      if (!IsoDate.safeParse(query.date).success) return { ok: false, reason: 'invalid_request' };
      from = DateTime.fromISO(query.date, { zone: ZONE }).startOf('day');
      to = from.plus({ days: 1 }).startOf('day');
    }
    const result = await this.#guard('list', () =>
      this.#repo.list({
        ...(query.unit !== undefined && { unit: query.unit }),
        ...(from && { from }),
        ...(to && { to }),
        ...(query.statuses && { statuses: query.statuses }),
      }),
    );
    return result.ok ? { ok: true, bookings: result.value } : result;
  }

  /** An agent takes a booked callback to call it. */
  async claim(reference: string, agent: string): Promise<ChangeBookingResult> {
    const ref = parseReference(reference);
    if (ref === undefined) return { ok: false, reason: 'not_found' };
    const result = await this.#guard('claim', () => this.#repo.claim(ref, agent, this.#clock()));
    return result.ok ? result.value : result;
  }

  /**
   * The agent's outcome of a claimed callback. `no_answer` puts it back in the queue while the
   * unit's `attempts` allow another call. With `agent`, only the agent who claimed it may complete it.
   */
  async complete(reference: string, outcome: CallOutcome, note?: string, agent?: string): Promise<CompleteResult> {
    const ref = parseReference(reference);
    if (ref === undefined) return { ok: false, reason: 'not_found' };
    const cleanNote = cleanText(note, MAX_NOTE_LENGTH, true);
    if (cleanNote === false) return { ok: false, reason: 'invalid_note' };
    const booking = await this.#guard('complete', () => this.#repo.findByReference(ref));
    if (!booking.ok) return booking;
    if (!booking.value) return { ok: false, reason: 'not_found' };
    // A unit removed from the knowledge base since the booking keeps the default policy.
    const maxAttempts = (this.#kb.get(booking.value.unit)?.callbacks ?? Callbacks.parse({ offered: false })).attempts;
    const result = await this.#guard('complete', () =>
      this.#repo.complete({ reference: ref, outcome, note: cleanNote, maxAttempts, now: this.#clock(), ...(agent !== undefined && { agent }) }),
    );
    return result.ok ? result.value : result;
  }

  /**
   * Ends callbacks left open from earlier days: agents may work a slot late the same day, but not
   * the next. Returns how many ended.
   */
  async expire(): Promise<{ readonly ok: true; readonly count: number } | StorageFailure> {
    const now = this.#clock();
    const result = await this.#guard('expire', () => this.#repo.expire(now.setZone(ZONE).startOf('day'), now));
    return result.ok ? { ok: true, count: result.value } : result;
  }

  /** Expires what is left open, then erases personal data of callbacks that ended more than `days` days ago. */
  async purge(days: number = DEFAULT_PURGE_DAYS): Promise<PurgeResult> {
    const expired = await this.expire();
    if (!expired.ok) return expired;
    const now = this.#clock();
    const result = await this.#guard('purge', () => this.#repo.purge(now.minus({ days }), now));
    return result.ok ? { ok: true, expired: expired.count, purged: result.value } : result;
  }

  /** Every slot of the horizon that starts late enough, booked or not. */
  #candidates(unit: Unit, now: DateTime): TimeWindow[] {
    // Windows from local midnight keep slots aligned to the window starts, not to "now".
    const from = now.setZone(ZONE).startOf('day');
    const windows = callbackWindows(this.#hours, unit, from, from.plus({ days: SLOT_HORIZON_DAYS }));
    return cutSlots(windows, unit.callbacks.slotMinutes, now.plus({ minutes: SLOT_LEAD_MINUTES }));
  }

  async #guard<T>(operation: string, fn: () => Promise<T>): Promise<{ ok: true; value: T } | StorageFailure> {
    try {
      return { ok: true, value: await fn() };
    } catch (error) {
      this.#onStorageError(operation, error);
      return { ok: false, reason: 'storage_unavailable' };
    }
  }
}

/**
 * Optional free text: trimmed, empty becomes null; false when too long or holding control
 * characters (line breaks allowed where `multiline`).
 */
function cleanText(text: string | undefined, max: number, multiline: boolean): string | null | false {
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > max) return false;
  const control = multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ : /[\u0000-\u001F\u007F]/;
  return control.test(trimmed) ? false : trimmed;
}
