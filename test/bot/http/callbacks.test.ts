import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SqlCallbackRepository } from '../../../bot/storage/callback-repository';
import { openPglite, type Database } from '../../../bot/storage/database';
import { migrate } from '../../../bot/storage/migrate';
import { CallbackService } from '../../../knowledge/callbacks/service';
import { ZONE } from '../../../knowledge/clock';
import { ERRORS } from '../../../knowledge/errors';
import { HoursEngine } from '../../../knowledge/hours';
import { testKb } from '../../knowledge/callbacks/fixtures';
import { get, post, startCallbackServer } from './callbacks-server';

const kb = testKb();
const hours = new HoursEngine(kb);
const SATURDAY = DateTime.fromISO('2026-12-05T10:00', { zone: ZONE });
const MONDAY_9 = '2026-12-07T09:00:00+01:00';

let db: Database;
let api: Awaited<ReturnType<typeof startCallbackServer>>;
let url: string;

beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db);
  const callbacks = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(db), clock: () => SATURDAY });
  api = await startCallbackServer({ callbacks, rateLimit: false });
  url = api.url;
});
afterAll(async () => {
  await api.close();
  await db.close();
});
beforeEach(async () => {
  await db.exec('TRUNCATE callbacks, callback_slots');
});

const booking = (over: Record<string, unknown> = {}) => ({ unit: 'telefon', phone: '23 45 67 89', slotStart: MONDAY_9, ...over });

describe('GET /api/callbacks/slots', () => {
  test('answers 200 with the free slots in time order as ISO instants with offset', async () => {
    const res = await get(`${url}/api/callbacks/slots?unit=telefon&limit=3`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body).toEqual({
      unit: 'telefon',
      slots: [
        { start: '2026-12-07T09:00:00+01:00', end: '2026-12-07T09:30:00+01:00', free: 2 },
        { start: '2026-12-07T09:30:00+01:00', end: '2026-12-07T10:00:00+01:00', free: 2 },
        { start: '2026-12-07T10:00:00+01:00', end: '2026-12-07T10:30:00+01:00', free: 2 },
      ],
    });
  });

  test('leaves out a slot once it is full and counts down the one being filled', async () => {
    await post(`${url}/api/callbacks`, booking());
    await post(`${url}/api/callbacks`, booking({ phone: '87654321' }));
    await post(`${url}/api/callbacks`, booking({ slotStart: '2026-12-07T09:30:00+01:00' }));
    const res = await get(`${url}/api/callbacks/slots?unit=telefon&limit=2`);
    expect(res.body).toMatchObject({ slots: [{ start: '2026-12-07T09:30:00+01:00', free: 1 }, { start: '2026-12-07T10:00:00+01:00', free: 2 }] });
  });

  test.each([
    ['an unknown unit', 404, 'unknown_unit', 'unit=findes-ikke'],
    ['a unit without callbacks', 422, 'no_callbacks', 'unit=lukket'],
    ['no unit', 400, 'invalid_request', ''],
    ['a limit that is not a number', 400, 'invalid_request', 'unit=telefon&limit=abc'],
    ['a limit of 0', 400, 'invalid_request', 'unit=telefon&limit=0'],
    ['a limit over 100', 400, 'invalid_request', 'unit=telefon&limit=101'],
  ])('answers %s with %i %s', async (_, status, error, query) => {
    const res = await get(`${url}/api/callbacks/slots?${query}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, message: ERRORS[error as keyof typeof ERRORS].da });
  });

  test('writes error messages in English when the client asks for English', async () => {
    const res = await get(`${url}/api/callbacks/slots?unit=findes-ikke`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.body).toEqual({ error: 'unknown_unit', message: ERRORS.unknown_unit.en });
  });
});

describe('POST /api/callbacks', () => {
  test('answers 201 with the reference and the slot', async () => {
    const res = await post(`${url}/api/callbacks`, booking({ name: 'Karen', topic: 'Vuggestue', lang: 'da' }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ reference: expect.stringMatching(/^[A-Z]{3}[2-9]{3}$/), unit: 'telefon', slotStart: MONDAY_9, slotEnd: '2026-12-07T09:30:00+01:00' });
  });

  test('answers a repeated idempotency key with the same booking and books nothing new', async () => {
    const first = await post(`${url}/api/callbacks`, booking({ idempotencyKey: 'page-7f3a' }));
    const again = await post(`${url}/api/callbacks`, booking({ idempotencyKey: 'page-7f3a' }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const slots = await get(`${url}/api/callbacks/slots?unit=telefon&limit=1`);
    expect(slots.body).toMatchObject({ slots: [{ start: MONDAY_9, free: 1 }] });
  });

  test('answers 409 slot_full when the slot has no free place', async () => {
    await post(`${url}/api/callbacks`, booking());
    await post(`${url}/api/callbacks`, booking({ phone: '87654321' }));
    const res = await post(`${url}/api/callbacks`, booking({ phone: '33333333' }));
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: 'slot_full', message: ERRORS.slot_full.da });
  });

  test.each([
    ['an invalid phone number', 422, 'invalid_phone', { phone: '1234' }],
    ['a phone number that is not text', 422, 'invalid_phone', { phone: 23456789 }],
    ['a slot that is not offered', 422, 'invalid_slot', { slotStart: '2026-12-07T09:10:00+01:00' }],
    ['a slot that is not a time', 422, 'invalid_slot', { slotStart: 'i morgen' }],
    ['an over-long name', 422, 'invalid_name', { name: 'x'.repeat(200) }],
    ['an over-long topic', 422, 'invalid_topic', { topic: 'x'.repeat(600) }],
    ['an unknown unit', 404, 'unknown_unit', { unit: 'findes-ikke' }],
    ['a unit without callbacks', 422, 'no_callbacks', { unit: 'lukket' }],
    ['an unknown language', 400, 'invalid_request', { lang: 'sv' }],
    ['a missing phone', 400, 'invalid_request', { phone: undefined }],
  ])('answers %s with %i %s', async (_, status, error, over) => {
    const res = await post(`${url}/api/callbacks`, booking(over));
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, message: ERRORS[error as keyof typeof ERRORS].da });
  });

  test('answers in English when the booking is in English', async () => {
    const res = await post(`${url}/api/callbacks`, booking({ phone: '1234', lang: 'en' }));
    expect(res.body).toEqual({ error: 'invalid_phone', message: 'The phone number must be a Danish number with 8 digits, e.g. 21 43 65 87.' });
  });

  test.each([
    ['malformed JSON', '{"unit": "telefon", ', {}],
    ['a JSON array', '[1, 2]', {}],
    ['JSON null', 'null', {}],
    ['no body at all', '', {}],
    ['a body that is not JSON', 'unit=telefon', { 'content-type': 'text/plain' }],
  ])('answers %s with 400 invalid_request and keeps serving', async (_, raw, headers) => {
    const res = await post(`${url}/api/callbacks`, raw, headers);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request' });
    expect((await get(`${url}/api/callbacks/slots?unit=telefon&limit=1`)).status).toBe(200);
  });

  test('reads a JSON body sent as text/plain', async () => {
    const res = await post(`${url}/api/callbacks`, JSON.stringify(booking()), { 'content-type': 'text/plain' });
    expect(res.status).toBe(201);
  });

  test('answers 413 payload_too_large to an oversized body', async () => {
    const res = await post(`${url}/api/callbacks`, booking({ topic: 'x'.repeat(40_000) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'payload_too_large' });
  });
});

describe('POST /api/callbacks/REFERENCE/cancel', () => {
  const book = async (): Promise<string> => {
    const res = await post(`${url}/api/callbacks`, booking());
    return (res.body as { reference: string }).reference;
  };

  test('answers 200 when reference and phone match, and frees the place', async () => {
    const reference = await book();
    const res = await post(`${url}/api/callbacks/${reference}/cancel`, { phone: '+45 23 45 67 89' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ reference, status: 'cancelled' });
    const slots = await get(`${url}/api/callbacks/slots?unit=telefon&limit=1`);
    expect(slots.body).toMatchObject({ slots: [{ start: MONDAY_9, free: 2 }] });
  });

  test('answers a wrong phone and an unknown reference with the same 404', async () => {
    const reference = await book();
    const wrongPhone = await post(`${url}/api/callbacks/${reference}/cancel`, { phone: '87654321' });
    const unknown = await post(`${url}/api/callbacks/ZZZ999/cancel`, { phone: '23456789' });
    const nonsense = await post(`${url}/api/callbacks/%3Cscript%3E/cancel`, { phone: '23456789' });
    expect(wrongPhone.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(nonsense.status).toBe(404);
    expect(wrongPhone.body).toEqual(unknown.body);
    expect(nonsense.body).toEqual(unknown.body);
  });

  test.each([
    ['no phone', {}],
    ['malformed JSON', '{"phone":'],
  ])('answers %s with 400 invalid_request', async (_, body) => {
    const res = await post(`${url}/api/callbacks/KMR472/cancel`, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request' });
  });
});

describe('other requests under /api/callbacks', () => {
  test('answers an unknown path with 404 not_found in the same shape', async () => {
    const res = await get(`${url}/api/callbacks/KMR472`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'not_found', message: ERRORS.not_found.da });
  });

  test('answers a wrong method with 405 method_not_allowed', async () => {
    const res = await fetch(`${url}/api/callbacks/slots?unit=telefon`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ error: 'method_not_allowed' });
  });
});
