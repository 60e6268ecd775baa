import type { Next, Request, Response } from 'restify';
import { errorBody } from '../../knowledge/errors';
import type { Lang } from '../../knowledge/schema/unit';

export interface RateLimitOptions {
  /** Requests a client may make at once (the bucket's size). */
  readonly burst: number;
  /** Requests a client gets back per second. */
  readonly perSecond: number;
  /** Buckets kept at most; idle ones go first, so a flood of addresses cannot grow memory without end. */
  readonly maxClients?: number;
  /** Milliseconds on a monotonic clock; tests pass their own. */
  readonly now?: () => number;
}

/**
 * Callback endpoints by default: bursts of 60 (a page loading slots and booking, or a school of
 * retries) and then one a second per client address.
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 60, perSecond: 1 };

export type TakeResult = { readonly ok: true; readonly remaining: number } | { readonly ok: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** A token bucket per key, in memory: each request takes a token; tokens come back at `perSecond`. */
export class RateLimiter {
  readonly #burst: number;
  readonly #perMs: number;
  readonly #max: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions) {
    if (!(options.burst >= 1 && options.perSecond > 0)) throw new Error('a rate limit needs burst >= 1 and perSecond > 0');
    this.#burst = options.burst;
    this.#perMs = options.perSecond / 1000;
    this.#max = options.maxClients ?? 10_000;
    this.#now = options.now ?? (() => performance.now());
  }

  take(key: string): TakeResult {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#max) this.#evict(now);
    if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)) };
    bucket.tokens -= 1;
    return { ok: true, remaining: Math.floor(bucket.tokens) };
  }

  get size(): number {
    return this.#buckets.size;
  }

  #evict(now: number): void {
    for (const [key, b] of this.#buckets) {
      if (b.tokens + (now - b.at) * this.#perMs >= this.#burst) this.#buckets.delete(key);
    }
    // Still too many busy clients: drop the least recently seen.
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= this.#max) break;
      this.#buckets.delete(key);
    }
  }
}

/** The client's address as the socket sees it (behind a proxy, pass a `key` that reads the proxy's header). */
export function clientAddress(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

/** The language of error messages: English when the client asks for it, else Danish. */
export function requestLang(req: Request): Lang {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const asked = url.searchParams.get('lang') ?? req.headers['accept-language'] ?? '';
  return /^en\b/i.test(asked) ? 'en' : 'da';
}

/**
 * Restify middleware that answers 429 `{"error":"rate_limited","message":…}` with a Retry-After
 * header once a client has used up its bucket. Put it in front of any route.
 */
export function rateLimit(limiter: RateLimiter, key: (req: Request) => string = clientAddress): (req: Request, res: Response, next: Next) => void {
  return (req, res, next) => {
    const taken = limiter.take(key(req));
    if (taken.ok) return next();
    res.header('Retry-After', String(taken.retryAfterSeconds));
    res.send(429, errorBody('rate_limited', requestLang(req)));
    return next(false);
  };
}
