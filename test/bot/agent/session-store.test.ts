import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AgentStore } from '../../../bot/agent/agent-store';
import { LoginLimiter } from '../../../bot/agent/login-limiter';
import { SESSION_TTL_MS, SessionStore } from '../../../bot/agent/session-store';
import { openPglite, type Database } from '../../../bot/storage/database';
import { migrate } from '../../../bot/storage/migrate';

let db: Database;
const T0 = Date.UTC(2026, 11, 3, 7, 0, 0);

beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db);
  await new AgentStore(db, { cost: 10 }).add('anna', 'korrekt-hest-batteri', DateTime.fromMillis(T0));
});
afterAll(() => db.close());

describe('sessions', () => {
  test('a session is valid until 8 hours after sign-in and not a millisecond longer', async () => {
    let now = T0;
    const store = new SessionStore(db, { secret: 'test-secret', now: () => now });
    const { cookieValue, session } = await store.create('anna');
    expect(session.expiresAt - T0).toBe(SESSION_TTL_MS);
    now = T0 + SESSION_TTL_MS - 1;
    expect(await store.read(cookieValue)).toMatchObject({ username: 'anna', csrfToken: session.csrfToken });
    now = T0 + SESSION_TTL_MS;
    expect(await store.read(cookieValue)).toBeUndefined();
  });

  test('a cookie signed with another secret is refused; with the same secret it survives a restart', async () => {
    const now = () => T0;
    const { cookieValue } = await new SessionStore(db, { secret: 'first', now }).create('anna');
    expect(await new SessionStore(db, { secret: 'second', now }).read(cookieValue)).toBeUndefined();
    expect(await new SessionStore(db, { secret: 'first', now }).read(cookieValue)).toMatchObject({ username: 'anna' });
  });

  test('without a secret every process has its own random key', async () => {
    const now = () => T0;
    const { cookieValue } = await new SessionStore(db, { secret: '', now }).create('anna');
    expect(await new SessionStore(db, { secret: '', now }).read(cookieValue)).toBeUndefined();
  });

  test('the table holds only a hash of the session id, never the cookie value', async () => {
    const { cookieValue } = await new SessionStore(db, { secret: 's', now: () => T0 }).create('anna');
    const id = cookieValue.split('.')[0] as string;
    const rows = await db.query<{ id_hash: string }>('SELECT id_hash FROM agent_sessions');
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(rows.rows.some((r) => r.id_hash.includes(id))).toBe(false);
  });

  test('removing an agent ends their sessions', async () => {
    const agents = new AgentStore(db, { cost: 10 });
    await agents.add('leaver', 'korrekt-hest-batteri', DateTime.fromMillis(T0));
    const store = new SessionStore(db, { secret: 's', now: () => T0 });
    const { cookieValue } = await store.create('leaver');
    expect(await agents.remove('leaver')).toBe(true);
    expect(await store.read(cookieValue)).toBeUndefined();
  });
});

describe('passwords', () => {
  test('are stored as bcrypt hashes of cost 10 or more, never as given', async () => {
    const rows = await db.query<{ password_hash: string }>("SELECT password_hash FROM agents WHERE username = 'anna'");
    const hash = rows.rows[0]?.password_hash ?? '';
    expect(hash).toMatch(/^\$2[aby]\$(1\d)\$/);
    expect(hash).not.toContain('korrekt-hest-batteri');
  });

  test('the production default hashes with cost 12', async () => {
    const agents = new AgentStore(db);
    await agents.add('dora', 'korrekt-hest-batteri', DateTime.fromMillis(T0));
    const rows = await db.query<{ password_hash: string }>("SELECT password_hash FROM agents WHERE username = 'dora'");
    expect(rows.rows[0]?.password_hash).toMatch(/^\$2[aby]\$12\$/);
  });

  test.each([
    ['too short', 'kort'],
    ['longer than bcrypt reads (72 bytes)', 'æ'.repeat(37)],
  ])('a password %s is refused', async (_, password) => {
    expect(await new AgentStore(db, { cost: 10 }).add('eve', password, DateTime.fromMillis(T0))).toEqual({ ok: false, reason: 'weak_password' });
  });

  test('an agent name with markup is refused', async () => {
    expect(await new AgentStore(db, { cost: 10 }).add('<b>x</b>', 'korrekt-hest-batteri', DateTime.fromMillis(T0))).toEqual({ ok: false, reason: 'invalid_name' });
  });
});

describe('the sign-in limit', () => {
  test('refuses after the fifth failure and allows again once the oldest failure leaves the 15-minute window', () => {
    let now = 0;
    const limiter = new LoginLimiter({ maxFailures: 5, windowMs: 15 * 60_000, now: () => now });
    for (let i = 0; i < 5; i++) {
      expect(limiter.check('anna|1.2.3.4').ok).toBe(true);
      limiter.fail('anna|1.2.3.4');
      now += 60_000;
    }
    expect(limiter.check('anna|1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 600 });
    now = 15 * 60_000 + 1;
    expect(limiter.check('anna|1.2.3.4').ok).toBe(true);
  });

  test('a success clears the failures of its key', () => {
    const limiter = new LoginLimiter({ maxFailures: 2, windowMs: 60_000, now: () => 0 });
    limiter.fail('k');
    limiter.succeed('k');
    limiter.fail('k');
    expect(limiter.check('k').ok).toBe(true);
  });
});
