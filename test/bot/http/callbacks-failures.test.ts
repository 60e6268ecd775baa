import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RateLimiter } from '../../../bot/http/rate-limit';
import { SqlCallbackRepository } from '../../../bot/storage/callback-repository';
import { openPglite, openPostgres, type Database } from '../../../bot/storage/database';
import { migrate } from '../../../bot/storage/migrate';
import { CallbackService } from '../../../knowledge/callbacks/service';
import { ZONE } from '../../../knowledge/clock';
import { ERRORS } from '../../../knowledge/errors';
import { HoursEngine } from '../../../knowledge/hours';
import { testKb } from '../../knowledge/callbacks/fixtures';
import { get, post, startCallbackServer } from './callbacks-server';

const kb = testKb();
const hours = new HoursEngine(kb);
const clock = () => DateTime.fromISO('2026-12-05T10:00', { zone: ZONE });
const booking = { unit: 'telefon', phone: '23456789', slotStart: '2026-12-07T09:00:00+01:00' };

describe('the callback API when the database is down', () => {
  const down = openPostgres('postgres://postgres@127.0.0.1:1/test');
  let api: Awaited<ReturnType<typeof startCallbackServer>>;

  beforeAll(async () => {
    const callbacks = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(down), clock });
    api = await startCallbackServer({ callbacks, rateLimit: false });
  });
  afterAll(async () => {
    await api.close();
    await down.close();
  });

  test('answers a booking with 503 storage_unavailable and a plain message', async () => {
    const res = await post(`${api.url}/api/callbacks`, booking);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: 'storage_unavailable', message: ERRORS.storage_unavailable.da });
    expect(res.headers.get('retry-after')).toBe('60');
  });

  test('answers slots and cancel with 503 too', async () => {
    expect((await get(`${api.url}/api/callbacks/slots?unit=telefon`)).status).toBe(503);
    expect((await post(`${api.url}/api/callbacks/KMR472/cancel`, { phone: '23456789' })).status).toBe(503);
  });

  test('still answers input errors with their own codes', async () => {
    expect((await post(`${api.url}/api/callbacks`, { ...booking, phone: 'nej' })).status).toBe(422);
  });
});

describe('rate limiting', () => {
  let db: Database;
  let api: Awaited<ReturnType<typeof startCallbackServer>>;

  beforeAll(async () => {
    db = await openPglite('memory://');
    await migrate(db);
    const callbacks = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(db), clock });
    // One client per x-client header, so the test can be two clients from one address.
    api = await startCallbackServer({ callbacks, rateLimit: { burst: 3, perSecond: 0.01 }, clientKey: (req) => String(req.headers['x-client']) });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  test('answers 429 rate_limited with Retry-After once a client has used its burst, across all callback routes', async () => {
    const a = { 'x-client': 'a' };
    expect((await get(`${api.url}/api/callbacks/slots?unit=telefon`, a)).status).toBe(200);
    expect((await post(`${api.url}/api/callbacks`, booking, a)).status).toBe(201);
    expect((await post(`${api.url}/api/callbacks/KMR472/cancel`, { phone: '23456789' }, a)).status).toBe(404);
    const limited = await post(`${api.url}/api/callbacks`, booking, a);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'rate_limited', message: ERRORS.rate_limited.da });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await get(`${api.url}/api/callbacks/slots?unit=telefon`, { 'x-client': 'b' })).status).toBe(200);
  });
});

describe('RateLimiter', () => {
  test('refills a client’s bucket over time', () => {
    let t = 0;
    const limiter = new RateLimiter({ burst: 2, perSecond: 1, now: () => t });
    expect([limiter.take('x').ok, limiter.take('x').ok, limiter.take('x').ok]).toEqual([true, true, false]);
    expect(limiter.take('x')).toEqual({ ok: false, retryAfterSeconds: 1 });
    t = 1000;
    expect(limiter.take('x').ok).toBe(true);
    expect(limiter.take('x').ok).toBe(false);
  });

  test('keeps at most maxClients buckets', () => {
    const limiter = new RateLimiter({ burst: 5, perSecond: 1, maxClients: 100, now: () => 0 });
    for (let i = 0; i < 1000; i++) limiter.take(`10.0.${Math.floor(i / 256)}.${i % 256}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});
