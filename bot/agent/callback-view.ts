import type { Booking } from '../../knowledge/callbacks/booking';
import { displayPhone, maskPhone } from '../../knowledge/callbacks/phone';
import { isoInstant } from './unit-card';

/** A callback as the console shows it (`GET /api/agent/callbacks`). Shapes in bot/agent/API.md. */
export interface CallbackView {
  readonly reference: string;
  readonly unit: string;
  readonly slotStart: string;
  readonly slotEnd: string;
  readonly status: Booking['status'];
  readonly name: string | null;
  readonly topic: string | null;
  readonly lang: Booking['lang'];
  readonly attemptsMade: number;
  readonly claimedBy: string | null;
  /** Claimed by the agent asking. */
  readonly mine: boolean;
  readonly note: string | null;
  /** "+45 12 34 56 78" for the agent calling; otherwise masked, "+45 •• •• •• 78"; null once purged. */
  readonly phone: string | null;
  readonly phoneVisible: boolean;
}

/**
 * Whether `agent` may see the citizen's number: only while the callback is claimed by them. Every
 * view for which this is true must be written to the audit log before it is sent.
 */
export function phoneVisibleTo(booking: Booking, agent: string): boolean {
  return booking.status === 'claimed' && booking.claimedBy === agent && booking.phone !== null;
}

export function callbackView(booking: Booking, agent: string): CallbackView {
  const visible = phoneVisibleTo(booking, agent);
  return {
    reference: booking.reference,
    unit: booking.unit,
    slotStart: isoInstant(booking.slotStart) as string,
    slotEnd: isoInstant(booking.slotEnd) as string,
    status: booking.status,
    name: booking.name,
    topic: booking.topic,
    lang: booking.lang,
    attemptsMade: booking.attemptsMade,
    claimedBy: booking.claimedBy,
    mine: booking.claimedBy === agent,
    note: booking.note,
    phone: booking.phone === null ? null : visible ? displayPhone(booking.phone) : maskPhone(booking.phone),
    phoneVisible: visible,
  };
}
