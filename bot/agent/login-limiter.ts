/**
 * Failed sign-ins counted per key in a sliding window; once a key has `maxFailures` inside the
 * window, further attempts are refused (429) without checking the password until the oldest
 * failure leaves the window. A success clears the key. In memory: a restart forgets, which only
 * gives a guesser a fresh five tries per restart.
 */
export interface LoginLimiterOptions {
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Keys kept at most; the least recently failed go first. */
  readonly maxKeys?: number;
  /** Milliseconds on a monotonic clock; tests pass their own. */
  readonly now?: () => number;
}

/** Per agent name and address: five wrong passwords, then wait up to 15 minutes. */
export const PER_NAME_AND_ADDRESS: LoginLimiterOptions = { maxFailures: 5, windowMs: 15 * 60_000 };
/** Per address over all names, against trying one password on many names. */
export const PER_ADDRESS: LoginLimiterOptions = { maxFailures: 30, windowMs: 15 * 60_000 };

export type LimitCheck = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export class LoginLimiter {
  readonly #max: number;
  readonly #window: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #failures = new Map<string, number[]>();

  constructor(options: LoginLimiterOptions) {
    if (!(options.maxFailures >= 1 && options.windowMs > 0)) throw new Error('a login limit needs maxFailures >= 1 and windowMs > 0');
    this.#max = options.maxFailures;
    this.#window = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? (() => performance.now());
  }

  check(key: string): LimitCheck {
    const recent = this.#recent(key);
    if (recent.length < this.#max) return { ok: true };
    const oldest = recent[recent.length - this.#max] as number;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.#window - this.#now()) / 1000)) };
  }

  fail(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.#now());
    // Re-inserting keeps the Map in least-recently-failed order for eviction.
    this.#failures.delete(key);
    this.#failures.set(key, recent.slice(-this.#max));
    for (const old of this.#failures.keys()) {
      if (this.#failures.size <= this.#maxKeys) break;
      this.#failures.delete(old);
    }
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.#now() - this.#window;
    return (this.#failures.get(key) ?? []).filter((t) => t > since);
  }
}
