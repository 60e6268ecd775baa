import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Seconds a conversation token lives, as Direct Line's own tokens (`expires_in: 1800`). */
export const TOKEN_LIFETIME_SECONDS = 1800;

/**
 * Seconds a stream token (the `t` in `streamUrl`) lives: only long enough to open the WebSocket.
 * It travels in a URL, where proxies may log it, so it must be worth little once used.
 */
export const STREAM_TOKEN_LIFETIME_SECONDS = 120;

/**
 * What a token grants: `conversation` = the Direct Line REST calls of one conversation;
 * `stream` = opening that conversation's WebSocket, nothing else.
 */
export type TokenScope = 'conversation' | 'stream';

const Claims = z.strictObject({
  iss: z.literal('frontdoor-directline'),
  conv: z.string().min(1).max(64),
  scope: z.enum(['conversation', 'stream']),
  iat: z.number().int(),
  exp: z.number().int(),
});

/** The verified contents of a token; times are seconds since the epoch, as in a JWT. */
export type TokenClaims = z.infer<typeof Claims>;

export type VerifyResult =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad_signature' | 'expired' | 'wrong_scope' };

/** A compact JWT header: the only algorithm we sign with and the only one we accept. */
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Signs and verifies Direct Line tokens: compact JWTs (HMAC-SHA256) bound to one conversation,
 * with an expiry. botframework-directlinejs decodes tokens as JWTs (to find a user id), so the
 * format is JWT even though only this server ever checks them.
 */
export class TokenSigner {
  readonly #key: Buffer;

  /**
   * `secret`: DIRECT_LINE_SECRET, so tokens stay valid across restarts and instances that share
   * it; empty = a random key for this process (tokens die with it, which a page survives by
   * fetching a new one).
   */
  constructor(secret: string) {
    // Derived, so the secret itself never doubles as a signing key somewhere else.
    this.#key = secret === '' ? randomBytes(32) : createHmac('sha256', secret).update('frontdoor direct line tokens v1').digest();
  }

  /** A token for `conversationId`, issued at `nowMs`. */
  sign(conversationId: string, scope: TokenScope, nowMs: number): { token: string; expiresIn: number } {
    const iat = Math.floor(nowMs / 1000);
    const expiresIn = scope === 'conversation' ? TOKEN_LIFETIME_SECONDS : STREAM_TOKEN_LIFETIME_SECONDS;
    const claims: TokenClaims = { iss: 'frontdoor-directline', conv: conversationId, scope, iat, exp: iat + expiresIn };
    const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return { token: `${body}.${this.#mac(body)}`, expiresIn };
  }

  /** Checks signature, shape, scope and expiry (at `nowMs`); never throws on hostile input. */
  verify(token: string, scope: TokenScope, nowMs: number): VerifyResult {
    const parts = token.split('.');
    if (parts.length !== 3 || token.length > 2048) return { ok: false, reason: 'malformed' };
    const [header, payload, mac] = parts as [string, string, string];
    if (header !== HEADER) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.#mac(`${header}.${payload}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const claims = Claims.safeParse(json);
    if (!claims.success) return { ok: false, reason: 'malformed' };
    if (claims.data.scope !== scope) return { ok: false, reason: 'wrong_scope' };
    if (claims.data.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, claims: claims.data };
  }

  #mac(data: string): string {
    return createHmac('sha256', this.#key).update(data).digest('base64url');
  }
}

/** Compares a bearer value with the configured secret in constant time (hashes first: lengths differ). */
export function isSecret(candidate: string, secret: string): boolean {
  if (secret === '') return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
