/**
 * Callbacks: when the line is closed a citizen books a slot to be called back (issue 5).
 * Framework-free: storage comes in through the `CallbackRepository` interface.
 */
export { BookingStatus, CallOutcome, OPEN_STATUSES, type Booking } from './booking';
export { displayPhone, maskPhone, normalizeDanishPhone, type PhoneResult } from './phone';
export { isReference, newReference, parseReference, spellReference } from './reference';
export type { CallbackRepository, ChangeResult, CompleteInput, ListFilter, NewBooking, StoreBookResult } from './repository';
export {
  CallbackService,
  DEFAULT_PURGE_DAYS,
  DEFAULT_SLOT_LIMIT,
  MAX_SLOT_LIMIT,
  SLOT_HORIZON_DAYS,
  SLOT_LEAD_MINUTES,
  type BookFailure,
  type BookInput,
  type BookResult,
  type CallbackServiceDeps,
  type ChangeBookingResult,
  type CompleteResult,
  type FindResult,
  type ListQuery,
  type ListResult,
  type PolicyResult,
  type PurgeResult,
  type SlotsResult,
} from './service';
export { cutSlots, freeSlots, type Slot, type TimeWindow } from './slots';
export { callbackWindows, weekWindows } from './windows';
