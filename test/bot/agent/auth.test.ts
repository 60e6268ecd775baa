import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, startAgentApp, type AgentApp, type SignedIn } from './agent-app';

const NOW = '2026-12-03T08:00:00+01:00';

let app: AgentApp;
let anna: SignedIn;

beforeAll(async () => {
  app = await startAgentApp({ now: NOW, agents: ['anna', 'bob', 'carl', 'dora'] });
  anna = await app.login('anna');
});
afterAll(() => app.close());

const jsonLogin = (username: string, password: string, headers: Record<string, string> = {}) =>
  app.request('/agent/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });

describe('signing in', () => {
  test('a right name and password answer 200 with the name, a CSRF token and an HttpOnly, SameSite=Strict cookie that expires in 8 hours', async () => {
    const res = await jsonLogin('bob', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ username: 'bob', csrfToken: expect.stringMatching(/^[\w-]{40,}$/), expiresAt: expect.any(String) });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^frontdoor_agent=[\w-]+\.\d+\.[\w-]+;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Max-Age=28800/);
    expect(cookie).toMatch(/; Path=\//);
  });

  test('the name is read without regard to case', async () => {
    expect((await jsonLogin('BOB', PASSWORD)).status).toBe(200);
  });

  test.each([
    ['a wrong password', 'carl', 'forkert-kodeord'],
    ['an unknown agent', 'ingen-her', PASSWORD],
  ])('%s answers 401 invalid_credentials and sets no cookie', async (_, name, password) => {
    const res = await jsonLogin(name, password);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_credentials', message: 'Forkert brugernavn eller adgangskode.' });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('a body without name or password answers 400', async () => {
    const res = await app.request('/agent/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"anna"}' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request' });
  });

  test('the sign-in form posts urlencoded and is sent on to the console with a cookie', async () => {
    const res = await app.request('/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
      body: `username=bob&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/agent');
    expect(res.headers.get('set-cookie')).toMatch(/^frontdoor_agent=/);
  });

  test('a wrong password in the form answers 401 with the sign-in page, the typed name escaped', async () => {
    const res = await app.request('/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=${encodeURIComponent('"><script>alert(1)</script>')}&password=forkert-kodeord`,
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('Forkert brugernavn eller adgangskode.');
    expect(res.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(res.text).not.toContain('<script>alert(1)');
  });

  test('after five wrong passwords for one name from one address, the sixth attempt answers 429 even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await jsonLogin('dora', `forkert-${i}-kodeord`)).status).toBe(401);
    const blocked = await jsonLogin('dora', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: 'rate_limited' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another agent at the same address is not locked out by dora's guesser.
    expect((await jsonLogin('carl', PASSWORD)).status).toBe(200);
  });

  test('a sign-in posted from another site is refused with 403', async () => {
    const res = await jsonLogin('carl', PASSWORD, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('without a valid session', () => {
  const routes: [string, string][] = [
    ['GET', '/api/agent/session'],
    ['GET', '/api/agent/search?q=plads'],
    ['GET', '/api/agent/units/pladsanvisning'],
    ['GET', '/api/agent/callbacks?unit=pladsanvisning&date=2026-12-03'],
    ['POST', '/api/agent/callbacks/ABC234/claim'],
    ['POST', '/api/agent/callbacks/ABC234/complete'],
    ['GET', '/api/agent/something-else'],
  ];

  test.each(routes)('%s %s answers 401 unauthorized', async (method, path) => {
    const res = await app.request(path, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' && { body: '{"outcome":"done"}' }) });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'unauthorized' });
  });

  test.each(routes)('%s %s answers 401 to a forged or altered cookie', async (method, path) => {
    const [id, expiry] = anna.cookie.split('=')[1]!.split('.') as [string, string];
    for (const cookie of [`frontdoor_agent=${id}.${expiry}.forgedmac`, `frontdoor_agent=${id}.${Number(expiry) + 1000}.${anna.cookie.split('.')[2]}`]) {
      const res = await app.request(path, { method, headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': anna.csrfToken } });
      expect(res.status).toBe(401);
    }
  });

  test.each(['/agent', '/agent/', '/agent/queue'])('the page %s redirects to the sign-in page', async (path) => {
    const res = await app.get(path);
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get('location')).toBe('/agent/login');
  });

  test('the sign-in page itself is served, in Danish, with a strict Content-Security-Policy', async () => {
    const res = await app.get('/agent/login');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="da">');
    expect(res.text).toContain('<label for="username">');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('with a session', () => {
  test('the console page is served with the session CSRF token and no-store caching', async () => {
    const res = await app.get('/agent', anna);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<meta name="csrf-token" content="${anna.csrfToken}">`);
    expect(res.text).toMatch(/<script src="\/agent\/assets\/agent\.js" defer><\/script>/);
    expect(res.text).not.toMatch(/<script(?![^>]*src="\/agent\/assets\/)/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('GET /api/agent/session names the agent and the CSRF token', async () => {
    const res = await app.get('/api/agent/session', anna);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'anna', csrfToken: anna.csrfToken });
  });
});

describe('CSRF protection', () => {
  const claim = '/api/agent/callbacks/ABC234/claim';

  test.each<[string, (s: SignedIn) => Record<string, string>]>([
    ['no CSRF token', () => ({ 'x-csrf-token': '' })],
    ['a wrong CSRF token', () => ({ 'x-csrf-token': 'x'.repeat(43) })],
    ['the right token from another site', () => ({ origin: 'https://evil.example' })],
    ['the right token in a cross-site fetch', () => ({ 'sec-fetch-site': 'cross-site' })],
  ])('a change with %s is refused with 403 before anything happens', async (_, headers) => {
    const res = await app.post(claim, {}, anna, headers(anna));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'csrf_rejected' });
  });

  test("another agent's CSRF token does not pass", async () => {
    const bob = await app.login('bob');
    const res = await app.post(claim, {}, anna, { 'x-csrf-token': bob.csrfToken });
    expect(res.status).toBe(403);
  });

  test('the right token from our own origin passes the check (and meets the unknown reference: 404)', async () => {
    const res = await app.post(claim, {}, anna, { origin: app.url, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(404);
  });

  test('signing out needs the token too', async () => {
    const res = await app.request('/agent/logout', { method: 'POST', as: anna, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
    expect((await app.get('/api/agent/session', anna)).status).toBe(200);
  });
});

describe('signing out', () => {
  test('ends the session at once: the same cookie then gets 401 and the page redirects', async () => {
    const eve = await app.login('carl');
    const res = await app.request('/agent/logout', { method: 'POST', as: eve, headers: { 'x-csrf-token': eve.csrfToken } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^frontdoor_agent=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict/);
    expect((await app.get('/api/agent/session', eve)).status).toBe(401);
    expect((await app.get('/agent', eve)).headers.get('location')).toBe('/agent/login');
  });

  test("the page's form posts the token as a field and is sent to the sign-in page", async () => {
    const eve = await app.login('carl');
    const res = await app.request('/agent/logout', {
      method: 'POST',
      as: eve,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
      body: `csrfToken=${encodeURIComponent(eve.csrfToken)}`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/agent/login');
    expect((await app.get('/api/agent/session', eve)).status).toBe(401);
  });
});

describe('behind https (PUBLIC_URL)', () => {
  let secure: AgentApp;
  beforeAll(async () => {
    secure = await startAgentApp({ now: NOW, agents: ['anna'], env: { PUBLIC_URL: 'https://frontdoor.aarhus.example' } });
  });
  afterAll(() => secure.close());

  test('the cookie is Secure and the public origin passes the origin check', async () => {
    const res = await secure.request('/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://frontdoor.aarhus.example' },
      body: JSON.stringify({ username: 'anna', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });
});
