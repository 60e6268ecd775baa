import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response, Server } from 'restify';

const gzipAsync = promisify(gzip);
const WEB_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * webchat.js from the project's own botframework-webchat (the full bundle: hero cards need its
 * Adaptive Cards renderer). The package exports only its entry point, so the file is found next to it.
 */
function webChatBundlePath(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(entry), '..', 'dist', 'webchat.js');
}

interface Asset {
  readonly path: () => string;
  readonly type: string;
  readonly maxAge: number;
}

/** What `/static/…` serves: our page's files and Web Chat, nothing from another host. */
const ASSETS: Readonly<Record<string, Asset>> = {
  'frontdoor.css': { path: () => join(WEB_DIR, 'frontdoor.css'), type: 'text/css; charset=utf-8', maxAge: 300 },
  'frontdoor.js': { path: () => join(WEB_DIR, 'frontdoor.js'), type: 'text/javascript; charset=utf-8', maxAge: 300 },
  'webchat.js': { path: webChatBundlePath, type: 'text/javascript; charset=utf-8', maxAge: 86_400 },
};

interface Loaded {
  readonly body: Buffer;
  readonly etag: string;
  gzipped?: Promise<Buffer>;
}

/** Files read once per process (webchat.js is 4 MB; compressed once, on first request). */
const cache = new Map<string, Loaded>();

function load(name: string, asset: Asset): Loaded {
  let loaded = cache.get(name);
  if (!loaded) {
    const body = readFileSync(asset.path());
    loaded = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    cache.set(name, loaded);
  }
  return loaded;
}

/**
 * SHA-256 of the empty string. Web Chat's scroller (react-scroll-to-bottom) inserts an empty
 * `<style>` without the nonce and fills it through CSSOM, which only our own scripts can do; this
 * admits exactly that empty element and no inline CSS.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The page's Content-Security-Policy: everything from our own origin, nothing inline except the
 * styles Web Chat injects at run time, which carry this request's nonce. `blob:` images are the
 * typing and spinner animations Web Chat makes in the page from its own bundle. `connect-src
 * 'self'` covers the Direct Line calls and the WebSocket on the same host.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * `GET /`: the Frontdoor page (bot/web/index.html, Danish with an English switch) embedding Web
 * Chat; `GET /static/frontdoor.css|frontdoor.js|webchat.js`: its files. The page talks to our own
 * Direct Line (bot/directline).
 */
export function registerWebChatPage(server: Server): void {
  const template = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');

  server.get('/', async (_req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    const html = template.replaceAll('{{nonce}}', nonce);
    res.sendRaw(200, html, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': contentSecurityPolicy(nonce),
      ...SECURITY_HEADERS,
    });
  });

  server.get('/static/:file', async (req: Request, res: Response) => {
    const name = typeof req.params?.file === 'string' ? req.params.file : '';
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) {
      res.sendRaw(404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return;
    }
    const loaded = load(name, asset);
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': `public, max-age=${asset.maxAge}`,
      ETag: loaded.etag,
      Vary: 'Accept-Encoding',
      ...SECURITY_HEADERS,
    };
    if (req.headers['if-none-match'] === loaded.etag) {
      res.sendRaw(304, '', headers);
      return;
    }
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      loaded.gzipped ??= gzipAsync(loaded.body);
      res.sendRaw(200, await loaded.gzipped, { ...headers, 'Content-Encoding': 'gzip' });
      return;
    }
    res.sendRaw(200, loaded.body, headers);
  });
}
