import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { AuditLog } from '../../../bot/agent';
import type { CallbackView } from '../../../bot/agent/callback-view';
import { startAgentApp, type AgentApp, type SignedIn } from './agent-app';

/** Thursday 3 December 2026, 8:00: Pladsanvisningen's first slots today are 9:00, 9:15, 9:30… */
const NOW = '2026-12-03T08:00:00+01:00';
const TODAY = '2026-12-03';

type QueueBody = { unit: string | null; date: string; callbacks: CallbackView[] };
type OneBody = { callback: CallbackView };

let app: AgentApp;
let anna: SignedIn;
let bob: SignedIn;
let audit: AuditLog;

beforeAll(async () => {
  app = await startAgentApp({ now: NOW });
  anna = await app.login('anna');
  bob = await app.login('bob');
  audit = new AuditLog(app.app.db);
});
afterAll(() => app.close());
beforeEach(async () => {
  await app.app.db.exec('TRUNCATE callbacks, callback_slots, audit_log');
});

/** Books through the callback service, as the chat and the phone line do. */
async function book(slot: string, phone: string, name?: string, topic?: string): Promise<string> {
  const result = await app.app.deps.callbacks.book({ unit: 'pladsanvisning', phone, slotStart: `${TODAY}T${slot}:00+01:00`, name, topic });
  if (!result.ok) throw new Error(`booking failed: ${result.reason}`);
  return result.booking.reference;
}

const queue = (as: SignedIn, query = `unit=pladsanvisning&date=${TODAY}`) => app.get<QueueBody>(`/api/agent/callbacks?${query}`, as);
const claim = (ref: string, as: SignedIn) => app.post<OneBody>(`/api/agent/callbacks/${ref}/claim`, {}, as);
const complete = (ref: string, as: SignedIn, body: unknown) => app.post<OneBody>(`/api/agent/callbacks/${ref}/complete`, body, as);
const phoneShown = async () => (await audit.list({ action: 'phone_shown' })).map((e) => [e.agent, e.reference]);

describe('the queue', () => {
  test('lists the day\'s callbacks of a unit in slot order, every number masked but for its last two digits', async () => {
    const late = await book('09:30', '23 45 67 89', 'Karen');
    const early = await book('09:00', '31 42 53 64');
    const res = await queue(anna);
    expect(res.status).toBe(200);
    expect(res.body.unit).toBe('pladsanvisning');
    expect(res.body.date).toBe(TODAY);
    expect(res.body.callbacks.map((c) => c.reference)).toEqual([early, late]);
    expect(res.body.callbacks[1]).toEqual({
      reference: late,
      unit: 'pladsanvisning',
      slotStart: '2026-12-03T09:30:00+01:00',
      slotEnd: '2026-12-03T09:45:00+01:00',
      status: 'booked',
      name: 'Karen',
      topic: null,
      lang: 'da',
      attemptsMade: 0,
      claimedBy: null,
      mine: false,
      note: null,
      phone: '+45 •• •• •• 89',
      phoneVisible: false,
    });
    expect(res.text).not.toMatch(/23 ?45 ?67/);
    expect(await phoneShown()).toEqual([]);
  });

  test('without a date it shows today by the server clock', async () => {
    await book('09:00', '23 45 67 89');
    const res = await queue(anna, 'unit=pladsanvisning');
    expect(res.body.date).toBe(TODAY);
    expect(res.body.callbacks).toHaveLength(1);
  });

  test.each([
    ['an unknown unit', 'unit=findes-ikke', 404, 'unknown_unit'],
    ['a malformed date', 'unit=pladsanvisning&date=3-12-2026', 400, 'invalid_request'],
  ])('%s answers %i %s', async (_, query, status, error) => {
    const res = await queue(anna, query);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error });
  });
});

describe('claiming', () => {
  test('shows the full number to the agent who claims it, and logs that they saw it', async () => {
    const ref = await book('09:00', '23 45 67 89', 'Karen');
    const res = await claim(ref, anna);
    expect(res.status).toBe(200);
    expect(res.body.callback).toMatchObject({ reference: ref, status: 'claimed', claimedBy: 'anna', mine: true, phone: '+45 23 45 67 89', phoneVisible: true });
    const entries = await audit.list();
    expect(entries.map((e) => [e.agent, e.action, e.reference, e.unit])).toEqual([
      ['anna', 'claim', ref, 'pladsanvisning'],
      ['anna', 'phone_shown', ref, 'pladsanvisning'],
    ]);
    expect(entries[1]?.at.toISO()).toBe('2026-12-03T08:00:00.000+01:00');
  });

  test('every later look at the number by the claimer is logged again; other agents see it masked and nothing is logged for them', async () => {
    const ref = await book('09:00', '23 45 67 89');
    await claim(ref, anna);
    const mine = await queue(anna);
    expect(mine.body.callbacks[0]).toMatchObject({ phone: '+45 23 45 67 89', phoneVisible: true, mine: true });
    const theirs = await queue(bob);
    expect(theirs.body.callbacks[0]).toMatchObject({ phone: '+45 •• •• •• 89', phoneVisible: false, mine: false, claimedBy: 'anna' });
    expect(await phoneShown()).toEqual([
      ['anna', ref],
      ['anna', ref],
    ]);
  });

  test('a callback another agent holds cannot be claimed: 409, and their number stays hidden', async () => {
    const ref = await book('09:00', '23 45 67 89');
    await claim(ref, anna);
    const res = await claim(ref, bob);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'invalid_state' });
    expect(res.text).not.toContain('67 89');
  });

  test('claiming again what one already holds answers 200 with the same callback', async () => {
    const ref = await book('09:00', '23 45 67 89');
    await claim(ref, anna);
    const again = await claim(ref, anna);
    expect(again.status).toBe(200);
    expect(again.body.callback).toMatchObject({ reference: ref, claimedBy: 'anna' });
  });

  test('an unknown reference answers 404', async () => {
    const res = await claim('ZZZ999', anna);
    expect(res.status).toBe(404);
  });
});

describe('completing', () => {
  test('done with a note ends the callback, masks the number again and is logged', async () => {
    const ref = await book('09:00', '23 45 67 89');
    await claim(ref, anna);
    const res = await complete(ref, anna, { outcome: 'done', note: 'Svaret på spørgsmål om friplads' });
    expect(res.status).toBe(200);
    expect(res.body.callback).toMatchObject({ status: 'done', attemptsMade: 1, note: 'Svaret på spørgsmål om friplads', phone: '+45 •• •• •• 89', phoneVisible: false });
    const actions = (await audit.list()).map((e) => e.action);
    expect(actions).toEqual(['claim', 'phone_shown', 'complete']);
    expect((await audit.list())[2]?.detail).toBe('done');
  });

  test('no answer puts it back in the queue for another try while attempts are left, then ends it', async () => {
    const ref = await book('09:00', '23 45 67 89');
    await claim(ref, anna);
    const first = await complete(ref, anna, { outcome: 'no_answer', note: 'Telefonsvarer' });
    expect(first.body.callback).toMatchObject({ status: 'booked', attemptsMade: 1, claimedBy: null, note: 'Telefonsvarer' });
    await claim(ref, bob);
    const second = await complete(ref, bob, { outcome: 'no_answer' });
    expect(second.body.callback).toMatchObject({ status: 'no_answer', attemptsMade: 2 });
  });

  test("only the agent who claimed it may complete it: another agent's try answers 409", async () => {
    const ref = await book('09:00', '23 45 67 89');
    await claim(ref, anna);
    const res = await complete(ref, bob, { outcome: 'done' });
    expect(res.status).toBe(409);
  });

  test.each([
    ['no outcome', {}, 400, 'invalid_request'],
    ['an unknown outcome', { outcome: 'maybe' }, 400, 'invalid_request'],
    ['a note over 1000 characters', { outcome: 'done', note: 'x'.repeat(1001) }, 422, 'invalid_note'],
  ])('%s answers %i %s', async (_, body, status, error) => {
    const ref = await book('09:00', '23 45 67 89');
    await claim(ref, anna);
    const res = await complete(ref, anna, body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error });
  });
});

describe('personal data', () => {
  test('the audit log never holds a phone number', async () => {
    const ref = await book('09:00', '23 45 67 89');
    await claim(ref, anna);
    await queue(anna);
    const rows = await app.app.db.query('SELECT * FROM audit_log');
    expect(JSON.stringify(rows.rows)).not.toMatch(/2345|45 ?67 ?89/);
  });

  test('a citizen name with HTML comes back as the same text in JSON that a browser will not sniff as HTML', async () => {
    const name = '<img src=x onerror="alert(1)">';
    await book('09:00', '23 45 67 89', name, '<script>alert(2)</script>');
    const res = await queue(anna);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.body.callbacks[0]).toMatchObject({ name, topic: '<script>alert(2)</script>' });
  });

  test('the page script puts data into the page only as text: no innerHTML, document.write or eval', () => {
    const script = readFileSync(new URL('../../../bot/agent/web/agent.js', import.meta.url), 'utf8');
    expect(script).not.toMatch(/\.innerHTML|\.outerHTML|\.insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(script).toMatch(/textContent/);
  });

  test('the pages hold no inline script, style or event handler, which the Content-Security-Policy would block', () => {
    for (const file of ['agent.html', 'login.html']) {
      const html = readFileSync(new URL(`../../../bot/agent/web/${file}`, import.meta.url), 'utf8');
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
      expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });
});

describe('when the audit log cannot be written', () => {
  test('the number is not shown (503); claiming again once the log works shows it and logs it', async () => {
    const ref = await book('09:00', '23 45 67 89');
    await app.app.db.exec('ALTER TABLE audit_log RENAME TO audit_log_away');
    let res;
    try {
      res = await claim(ref, anna);
    } finally {
      await app.app.db.exec('ALTER TABLE audit_log_away RENAME TO audit_log');
    }
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: 'agent_storage_unavailable' });
    expect(res.text).not.toContain('67 89');
    const again = await claim(ref, anna);
    expect(again.body.callback).toMatchObject({ phone: '+45 23 45 67 89', phoneVisible: true });
    expect(await phoneShown()).toEqual([['anna', ref]]);
  });
});
