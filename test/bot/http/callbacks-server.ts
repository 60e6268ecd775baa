import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import { registerCallbackRoutes, type CallbackRoutesDeps } from '../../../bot/http/callback-routes';

/** A real restify server on an ephemeral port with the plugins the main server installs. */
export async function startCallbackServer(deps: CallbackRoutesDeps): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = restify.createServer({ name: 'callbacks-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 16 * 1024 }));
  registerCallbackRoutes(server, deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** POSTs a JSON body (or a raw string as is) and reads the JSON answer. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => undefined), headers: res.headers };
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, { headers });
  return { status: res.status, body: await res.json().catch(() => undefined), headers: res.headers };
}
