import type { Request } from 'restify';

/**
 * The request body as a JSON object, or undefined. restify's bodyParser gives an object for JSON
 * (and for urlencoded forms); a body sent with another content type arrives as text or a Buffer
 * and is read as JSON. Anything that is not an object — an array, a number, broken JSON — is
 * undefined, for the route to answer 400.
 */
export function bodyObject(req: Request): Record<string, unknown> | undefined {
  let body: unknown = req.body;
  if (body === undefined || body === null || body === '') return undefined;
  if (Buffer.isBuffer(body)) body = body.toString('utf8');
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}
