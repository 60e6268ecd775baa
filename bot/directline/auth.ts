import type { IncomingHttpHeaders } from 'node:http';
import { isSecret, type TokenScope, type TokenSigner } from './tokens';

/**
 * Who is calling: the holder of DIRECT_LINE_SECRET (a site's own backend; any conversation) or
 * the holder of a token (one conversation).
 */
export type Grant = { readonly kind: 'secret' } | { readonly kind: 'token'; readonly conversationId: string };

export type AuthResult =
  | { readonly ok: true; readonly grant: Grant }
  /** `unauthorized` (401): no credentials; `forbidden` (403): wrong, expired or for another conversation. */
  | { readonly ok: false; readonly code: 'unauthorized' | 'forbidden' };

/** The value of `Authorization: Bearer …`, or undefined when there is none. */
export function bearer(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** Checks a bearer value: the configured secret, or a valid token of `scope`. */
export function authorize(credential: string | undefined, signer: TokenSigner, secret: string, scope: TokenScope, nowMs: number): AuthResult {
  if (credential === undefined || credential === '') return { ok: false, code: 'unauthorized' };
  if (isSecret(credential, secret)) return { ok: true, grant: { kind: 'secret' } };
  const verified = signer.verify(credential, scope, nowMs);
  if (!verified.ok) return { ok: false, code: 'forbidden' };
  return { ok: true, grant: { kind: 'token', conversationId: verified.claims.conv } };
}

/** Whether a grant covers a conversation: the secret covers all, a token only its own. */
export function covers(grant: Grant, conversationId: string): boolean {
  return grant.kind === 'secret' || grant.conversationId === conversationId;
}
