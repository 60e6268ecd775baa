/**
 * What the IVR remembers about a call between Twilio's requests, keyed by CallSid: the caller's
 * number only ever here, never in a URL (URLs end up in Twilio's and proxies' request logs).
 * Nothing here is a booking: a booking exists only after the final confirmation.
 */
export interface CallRecord {
  /** A number read back to the caller and not yet confirmed (E.164). */
  readonly candidate?: string;
  /** The confirmed number to call back (E.164). */
  readonly phone?: string;
  /** The slots read out, in the order of their keys (ISO instants). */
  readonly slots?: readonly string[];
  readonly slotStart?: string;
}

/** Calls in memory, the least recently used forgotten first; a call's record is dropped when it ends. */
export class CallStore {
  readonly #calls = new Map<string, CallRecord>();

  constructor(private readonly maxCalls = 10_000) {}

  get(callSid: string): CallRecord | undefined {
    return this.#calls.get(callSid);
  }

  /** Merges `patch` into the call's record; `undefined` values remove a field. */
  update(callSid: string, patch: { [K in keyof CallRecord]?: CallRecord[K] | undefined }): CallRecord {
    const merged: Record<string, unknown> = { ...this.#calls.get(callSid) };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete merged[key];
      else merged[key] = value;
    }
    this.#calls.delete(callSid);
    this.#calls.set(callSid, merged as CallRecord);
    while (this.#calls.size > this.maxCalls) this.#calls.delete(this.#calls.keys().next().value as string);
    return merged as CallRecord;
  }

  delete(callSid: string): void {
    this.#calls.delete(callSid);
  }

  get size(): number {
    return this.#calls.size;
  }
}
