import { DateTime } from 'luxon';
import { AgentStore } from '../../../bot/agent';
import { ZONE } from '../../../knowledge/clock';
import { startApp, type RunningApp } from '../../helpers/start-app';

/** Every test agent's password. */
export const PASSWORD = 'korrekt-hest-batteri';

/** An HTTP answer; `body` is the parsed JSON (typed as the caller expects it), or the text. */
export interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

/** A signed-in agent: the cookie to send and the CSRF token for changes. */
export interface SignedIn {
  readonly username: string;
  readonly cookie: string;
  readonly csrfToken: string;
  /** The whole Set-Cookie header of the sign-in. */
  readonly setCookie: string;
}

export interface AgentApp extends RunningApp {
  request<T = unknown>(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string; as?: SignedIn }): Promise<Answer<T>>;
  /** GET as an agent (or anonymously). */
  get<T = unknown>(path: string, as?: SignedIn): Promise<Answer<T>>;
  /** POST JSON as an agent with the agent's CSRF token (override headers to test refusals). */
  post<T = unknown>(path: string, body: unknown, as?: SignedIn, headers?: Record<string, string>): Promise<Answer<T>>;
  login(username: string, password?: string): Promise<SignedIn>;
}

/**
 * The real server (test/helpers/start-app) with agents already added. bcrypt cost 10 keeps the
 * sign-ins of a test file quick; production hashes with 12.
 */
export async function startAgentApp(options: { now: string; env?: Record<string, string>; agents?: readonly string[] }): Promise<AgentApp> {
  const running = await startApp(options);
  const store = new AgentStore(running.app.db, { cost: 10 });
  for (const name of options.agents ?? ['anna', 'bob']) {
    const added = await store.add(name, PASSWORD, DateTime.fromISO(options.now, { zone: ZONE }));
    if (!added.ok) throw new Error(`could not add agent ${name}: ${added.reason}`);
  }
  const request = async <T,>(path: string, init: Parameters<AgentApp['request']>[1] = {}): Promise<Answer<T>> => {
    const headers: Record<string, string> = { ...(init.as && { cookie: init.as.cookie }), ...init.headers };
    const res = await fetch(`${running.url}${path}`, {
      method: init.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(init.body !== undefined && { body: init.body }),
    });
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') ?? '') && text !== '';
    return { status: res.status, headers: res.headers, body: (json ? JSON.parse(text) : text) as T, text };
  };
  return {
    ...running,
    request,
    get: <T,>(path: string, as?: SignedIn) => request<T>(path, as ? { as } : {}),
    post: <T,>(path: string, body: unknown, as?: SignedIn, headers: Record<string, string> = {}) =>
      request<T>(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(as && { 'x-csrf-token': as.csrfToken }), ...headers },
        ...(as && { as }),
      }),
    login: async (username, password = PASSWORD) => {
      const res = await request<{ csrfToken: string }>('/agent/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`sign-in as ${username} answered ${res.status}`);
      const setCookie = res.headers.get('set-cookie') ?? '';
      return { username, cookie: setCookie.split(';')[0] as string, csrfToken: res.body.csrfToken, setCookie };
    },
  };
}
