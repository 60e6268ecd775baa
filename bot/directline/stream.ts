import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { errorBody, errorStatus, type ErrorCode } from '../../knowledge/errors';
import type { Logger } from '../log';
import { authorize, bearer, covers, type AuthResult } from './auth';
import type { ConversationStore } from './conversation-store';
import type { Conversation, ConversationListener } from './conversation';
import { parseWatermark } from './watermark';
import type { TokenSigner } from './tokens';

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

export interface StreamDeps {
  readonly store: ConversationStore;
  readonly signer: TokenSigner;
  readonly secret: string;
  readonly now: () => number;
  readonly maxStreams: number;
  readonly logger?: Logger;
  /** Milliseconds between pings; a socket that has not answered the last one is dropped. */
  readonly heartbeatMs?: number;
}

/** The WebSocket side of Direct Line, attached to the HTTP server's upgrades; `close` ends every stream. */
export interface Streams {
  close(): void;
}

/**
 * Direct Line streaming: `GET streamUrl` upgrades to a WebSocket that carries `{activities,
 * watermark}` frames, first what the client has not seen (from the `watermark` in the URL), then
 * each new activity. The `t` in the URL is a short-lived stream token (browsers cannot set headers
 * on a WebSocket); `Authorization: Bearer` works too. The client's own frames are pings and are
 * ignored. Upgrades on other paths are left to whoever else listens.
 */
export function attachStreams(httpServer: HttpServer, deps: StreamDeps): Streams {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakSet<WebSocket>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return;
    const conversationId = decodeSegment(match[1] ?? '');
    const auth = streamAuth(url, req, deps);
    if (!auth.ok) return refuse(socket, auth.code);
    if (conversationId === undefined || !covers(auth.grant, conversationId)) return refuse(socket, 'forbidden');
    const watermark = parseWatermark(url.searchParams.get('watermark'));
    if (!watermark.ok) return refuse(socket, 'invalid_request');
    const conversation = deps.store.get(conversationId);
    if (!conversation) return refuse(socket, 'conversation_not_found');
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      stream(ws, conversation, watermark.value, deps.maxStreams);
    });
  };
  httpServer.on('upgrade', onUpgrade);

  // Browsers rarely notice a dead connection; pings find them so their listeners go away.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, deps.heartbeatMs ?? 30_000);
  heartbeat.unref();

  return {
    close: () => {
      httpServer.off('upgrade', onUpgrade);
      clearInterval(heartbeat);
      for (const ws of wss.clients) {
        ws.close(1001, 'server shutting down');
        // An open socket would hold the HTTP server's close; a client that does not answer is cut.
        setTimeout(() => ws.terminate(), 1000).unref();
      }
      wss.close();
    },
  };
}

function stream(ws: WebSocket, conversation: Conversation, watermark: number | undefined, maxStreams: number): void {
  if (conversation.listeners >= maxStreams) conversation.oldestListener()?.end();
  const send = (payload: unknown): void => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  };
  const listener: ConversationListener = {
    deliver: (set) => send(set),
    end: () => ws.close(1000, 'conversation ended'),
  };
  // What the client missed, then everything new: subscribing in the same tick loses nothing.
  const backlog = conversation.since(watermark, Number.MAX_SAFE_INTEGER);
  if (backlog.activities.length > 0) send(backlog);
  const unsubscribe = conversation.subscribe(listener);
  ws.on('close', unsubscribe);
  ws.on('error', () => ws.terminate());
}

function streamAuth(url: URL, req: IncomingMessage, deps: StreamDeps): AuthResult {
  const t = url.searchParams.get('t');
  if (t !== null) return authorize(t, deps.signer, '', 'stream', deps.now());
  return authorize(bearer(req.headers), deps.signer, deps.secret, 'conversation', deps.now());
}

function refuse(socket: Duplex, code: ErrorCode): void {
  const status = errorStatus(code);
  const body = JSON.stringify(errorBody(code));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
