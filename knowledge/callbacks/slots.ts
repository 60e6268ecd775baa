import type { DateTime } from 'luxon';

/** A window of time in which calls are made, [start, end). */
export interface TimeWindow {
  readonly start: DateTime;
  readonly end: DateTime;
}

/** A bookable callback slot and how many places are left in it. */
export interface Slot {
  readonly start: DateTime;
  readonly end: DateTime;
  readonly capacity: number;
  readonly free: number;
}

/**
 * Cuts callback windows into slots of `slotMinutes`, aligned to each window's start (a window
 * 16:00–17:15 gives 16:00, 16:15 … 17:00 with 15 minutes). A slot must fit wholly in its window
 * and start at or after `earliest`. Pass windows that begin at their real start (not clipped to
 * "now"), or the slots lose their alignment.
 */
export function cutSlots(windows: readonly TimeWindow[], slotMinutes: number, earliest: DateTime): TimeWindow[] {
  const out: TimeWindow[] = [];
  const first = earliest.toMillis();
  for (const w of windows) {
    // Slots count real minutes, so a window across a DST change still gives equal slots.
    for (let start = w.start; ; start = start.plus({ minutes: slotMinutes })) {
      const end = start.plus({ minutes: slotMinutes });
      if (end > w.end) break;
      if (start.toMillis() >= first) out.push({ start, end });
    }
  }
  return out;
}

/**
 * Slots with their free places: capacity minus the open bookings counted per slot start (epoch
 * milliseconds). Full slots are left out; the order is kept.
 */
export function freeSlots(slots: readonly TimeWindow[], capacity: number, booked: ReadonlyMap<number, number>): Slot[] {
  const out: Slot[] = [];
  for (const s of slots) {
    const free = capacity - (booked.get(s.start.toMillis()) ?? 0);
    if (free > 0) out.push({ start: s.start, end: s.end, capacity, free });
  }
  return out;
}
