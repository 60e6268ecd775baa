import { DateTime } from 'luxon';

/** The municipality's zone: every opening hour is local time in Aarhus. */
export const ZONE = 'Europe/Copenhagen';

/** "Now", injected: every function that needs the time takes a clock or an instant. */
export type Clock = () => DateTime;

export const systemClock: Clock = () => DateTime.now().setZone(ZONE);

export function fixedClock(at: DateTime): Clock {
  const instant = at.setZone(ZONE);
  return () => instant;
}

/** An ISO 8601 instant with an offset or Z, e.g. 2026-12-03T16:30:00+01:00; a local time is read in Aarhus. */
export function parseInstant(text: string): DateTime | undefined {
  const dt = DateTime.fromISO(text.trim(), { zone: ZONE, setZone: false });
  return dt.isValid ? dt.setZone(ZONE) : undefined;
}
