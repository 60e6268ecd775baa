import type { Request } from 'restify';
import twilio from 'twilio';

/**
 * The URL Twilio signed. Behind a proxy the server cannot see it, so PUBLIC_URL (the address
 * configured in Twilio) wins when set; otherwise it is rebuilt from the request: protocol, Host
 * header, path and query.
 */
export function signedUrl(req: Request, publicUrl: string | undefined): string {
  const pathAndQuery = req.url ?? '/';
  if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}${pathAndQuery}`;
  return `${req.isSecure() ? 'https' : 'http'}://${req.headers.host ?? ''}${pathAndQuery}`;
}

/** Whether `X-Twilio-Signature` is Twilio's HMAC of the signed URL and the posted form fields. */
export function hasValidTwilioSignature(req: Request, authToken: string, publicUrl: string | undefined): boolean {
  const signature = req.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || signature.length === 0) return false;
  const body: unknown = req.body;
  const params = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return twilio.validateRequest(authToken, signature, signedUrl(req, publicUrl), params);
}
