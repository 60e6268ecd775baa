import type { DateTime } from 'luxon';
import type { AcuteCategory } from '../schema/unit';

/** What the citizen wants from the unit: its contact details, its hours, a call back, or how to do something. */
export type Intent = 'contact' | 'hours' | 'callback' | 'howto' | 'unknown';

/** A time the citizen asked about, resolved against "now": a point (`end: null`) or an interval [start, end). */
export interface TimeQuery {
  start: DateTime;
  end: DateTime | null;
  /** The words it was read from, normalised ("torsdag kl 16:30"). */
  text: string;
}

/** Triage's reading of one message. */
export interface TriageResult {
  /** null = abstain: not confident enough, or outside the municipality's business (see `outOfScope`). */
  unitId: string | null;
  /** Calibrated probability that `unitId` (or, when abstaining, the best candidate) is right. */
  confidence: number;
  /** Up to three other candidates, best first, never `unitId`. */
  alternatives: { unitId: string; confidence: number }[];
  /** Danger to life or safety: the answer leads with 112 and the always-open lines. */
  emergency: boolean;
  emergencyCategories: AcuteCategory[];
  lang: 'da' | 'en';
  intent: Intent;
  when: TimeQuery | null;
  /** Abstaining because the question is not about the municipality's business at all. */
  outOfScope: boolean;
  /** A CPR number was found (and redacted): the dialog tells the citizen not to share it here. */
  cpr: boolean;
  /** The message with CPR numbers replaced by "[CPR]": the only form that may be logged or stored. */
  redactedText: string;
}
