import type { Request, Response } from 'restify';

/**
 * Small HTTP pieces the console's routes share: cookies, HTML escaping, the same-origin check,
 * response headers.
 */

export const SESSION_COOKIE = 'frontdoor_agent';

/** Script, style, images and fetches from this origin only; no inline script, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Headers on every console response: nothing cached, sniffed or framed. `same-origin` rather than
 * `no-referrer`: under no-referrer Chromium sends `Origin: null` on the page's own form posts,
 * which the same-origin check must refuse; other sites still get no Referer.
 */
export const NO_STORE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] as string);
}

/** `{{name}}` placeholders filled with escaped values; an unknown placeholder is a bug. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return escapeHtml(value);
  });
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The session cookie: HttpOnly, SameSite=Strict, expiring with the session; Secure over https. */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

/**
 * Whether a state-changing request comes from our own pages. A browser names the page's origin
 * in `Origin` (and says `Sec-Fetch-Site`) on every POST; it must be this host or PUBLIC_URL.
 * Without either header it is not a browser request made on a third-party page, and the CSRF
 * token still has to match where a session is used.
 */
export function sameOrigin(req: Request, publicOrigin: string | undefined): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  if (publicOrigin !== undefined && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** A form post from the page (urlencoded) rather than a JSON call. */
export function isFormPost(req: Request): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
}


export function sendHtml(res: Response, status: number, html: string, extra: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, {
    ...NO_STORE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    ...extra,
  });
  res.end(html);
}

export function redirect(res: Response, location: string, extra: Readonly<Record<string, string | string[]>> = {}): void {
  res.writeHead(303, { ...NO_STORE_HEADERS, Location: location, ...extra });
  res.end();
}

export function sendJson(res: Response, status: number, body: unknown, extra: Readonly<Record<string, string | string[]>> = {}): void {
  res.writeHead(status, { ...NO_STORE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...extra });
  res.end(JSON.stringify(body));
}
