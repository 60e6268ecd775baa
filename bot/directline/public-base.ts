import type { IncomingMessage } from 'node:http';

/** Where clients reach us, for `streamUrl` (ws/wss) and the activities' `serviceUrl` (http/https). */
export interface PublicBase {
  readonly http: string;
  readonly ws: string;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * PUBLIC_URL when configured (behind a proxy that terminates TLS); otherwise the Host the client
 * used. `X-Forwarded-Proto: https` picks wss: a client that forges it only breaks its own stream.
 */
export function publicBase(req: IncomingMessage, publicUrl: string | undefined): PublicBase {
  if (publicUrl) {
    const base = publicUrl.replace(/\/+$/, '');
    return { http: base, ws: base.replace(/^http/, 'ws') };
  }
  const hostHeader = req.headers.host;
  const local = req.socket.localAddress ?? '127.0.0.1';
  const host =
    typeof hostHeader === 'string' && HOST.test(hostHeader)
      ? hostHeader
      : `${local.includes(':') ? `[${local}]` : local}:${req.socket.localPort ?? 80}`;
  const secure = req.headers['x-forwarded-proto'] === 'https';
  return { http: `${secure ? 'https' : 'http'}://${host}`, ws: `${secure ? 'wss' : 'ws'}://${host}` };
}
