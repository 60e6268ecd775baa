import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MENU_UNITS } from '../../../bot/ivr';
import { spellReference } from '../../../knowledge/callbacks';
import { startApp, type RunningApp } from '../../helpers/start-app';
import { TwilioCall } from './twilio-call';

/** Tuesday 24 November 2026 in Aarhus. 10:00 every menu unit is open; 12:30 Pladsanvisningen is closed (next: Thursday 9:00) and the main number open; 18:00 all closed. */
const MORNING = '2026-11-24T10:00:00+01:00';
const MIDDAY = '2026-11-24T12:30:00+01:00';
const EVENING = '2026-11-24T18:00:00+01:00';
const MAIN = '+4589402000';
const CALLER = '+4522334455';

let sids = 0;
const nextSid = () => `CA${String(++sids).padStart(32, '0')}`;

/** The callbacks booked and still to be made, as the agents' queue sees them. */
async function bookings(running: RunningApp): Promise<{ reference: string; unit: string; phone: string | null; slotStart: string }[]> {
  const result = await running.app.deps.callbacks.list({ statuses: ['booked'] });
  if (!result.ok) throw new Error(result.reason);
  return result.bookings.map((b) => ({ reference: b.reference, unit: b.unit, phone: b.phone, slotStart: b.slotStart.toISO() ?? '' }));
}

describe('the Twilio IVR in the morning (every unit open)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ now: MORNING });
  });
  afterAll(async () => running.close());

  test('the main menu is read from the knowledge base and listens for keys and Danish speech', async () => {
    const menu = await new TwilioCall(running.url, nextSid(), CALLER).start();
    expect(menu.gather).toMatchObject({ input: 'dtmf speech', language: 'da-DK', numDigits: '1' });
    expect(menu.spoken).toMatch(/^Velkommen til Aarhus Kommune\./);
    const names = MENU_UNITS.map((id, i) => `Tryk ${i + 1} for ${running.app.deps.kb.require(id).name.da}.`);
    expect(names).toHaveLength(5);
    for (const line of names) expect(menu.spoken).toContain(line);
    expect(menu.spoken).toContain('Tryk 6 for noget andet.');
    expect(menu.redirect).toBe(menu.action);
  });

  test('a unit that is open answers who, that it is open and its hours, and dials its number', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    const answer = await call.press('2');
    expect(answer.spoken).toContain('Pladsanvisningen. Åbent nu – lukker klokken elleve. I dag har de telefontid fra klokken ni til klokken elleve. Jeg stiller dig om nu.');
    expect(answer.dial).toBe(running.app.deps.kb.require('pladsanvisning').contacts.phones[0]!.number.replace(/ /g, ''));
    expect(answer.spoken).not.toMatch(/\d/);
  });

  test('"something else" takes speech and runs triage to the right unit', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    const ask = await call.press('6');
    expect(ask.gather).toMatchObject({ input: 'speech dtmf', language: 'da-DK' });
    const answer = await call.say('min skraldespand er ikke blevet tømt');
    expect(answer.spoken).toMatch(/^AffaldVarme Aarhus\. Åbent nu/);
    expect(answer.dial).toBe(MAIN);
  });

  test('unsure speech gets the likely units as a keypad menu, and a key picks one', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    await call.press('6');
    const pick = await call.say('min mor har brug for hjælp');
    expect(pick.spoken).toMatch(/^Jeg er ikke helt sikker på, hvem du skal have fat i\. Tryk 1 for Sundhed og Omsorg \(En Indgang\)\. Tryk 2 for /);
    expect(pick.spoken).toContain('Tryk 0 for at gå tilbage til menuen.');
    expect((await call.press('1')).spoken).toMatch(/^Sundhed og Omsorg \(En Indgang\)\. Åbent nu/);
  });

  test('speech outside the municipality gets an honest "not sure" and the main number', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    await call.press('6');
    const answer = await call.say('hvad er vejret i morgen');
    expect(answer.spoken).toMatch(/^Det er jeg ikke sikker på, hvem der tager sig af\. Jeg stiller dig videre til kommunens hovednummer\. Aarhus Kommune\./);
    expect(answer.dial).toBe(MAIN);
  });

  test('a unit named in speech at the main menu is answered directly', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    expect((await call.say('Opkrævningen')).spoken).toMatch(/^Opkrævningen\. Åbent nu – lukker klokken tolv\./);
  });

  test('danger said at the menu leads with 112 and hangs up so the caller can dial it', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    const answer = await call.say('min nabo er faldet om og trækker ikke vejret');
    expect(answer.spoken).toBe('Er der fare for liv eller sikkerhed, så ring 1 1 2 nu.');
    expect(answer.dial).toBeUndefined();
    expect(answer.hangup).toBe(true);
  });

  test('danger to a child leads with 112 and then puts the caller through to the always-open child line', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    const answer = await call.say('jeg er bange for at et barn bliver slået derhjemme lige nu');
    const line = running.app.deps.kb.require('boern-og-ungevagten');
    expect(answer.spoken).toBe(`Er der fare for liv eller sikkerhed, så ring 1 1 2 nu. Ellers stiller jeg dig om til ${line.name.da}.`);
    expect(answer.dial).toBe(line.contacts.phones[0]!.number.replace(/ /g, ''));
  });

  test('9 switches the menu to English, listening in English', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    const menu = await call.press('9');
    expect(menu.gather).toMatchObject({ language: 'en-GB' });
    expect(menu.spoken).toContain('Press 1 for Citizen Services.');
    expect(menu.spoken).toContain('Tryk 9 for dansk.');
    expect((await call.press('1')).spoken).toMatch(/^Citizen Services\. Open now – closes at four p\.m\./);
  });

  test('0 reads the menu again without counting as a wrong key', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    const first = await call.start();
    const again = await call.press('0');
    expect(again.spoken).toBe(first.spoken.replace(/^Velkommen til Aarhus Kommune\. /, ''));
    expect(again.action).toBe(first.action);
  });

  test('a request that is not a Twilio webhook is refused with 400', async () => {
    const res = await fetch(`${running.url}/ivr/twilio/voice`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'From=%2B4522334455' });
    expect(res.status).toBe(400);
  });
});

describe('the Twilio IVR at midday (Pladsanvisningen closed, the main number open)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ now: MIDDAY });
  });
  afterAll(async () => running.close());

  /** Main menu → Pladsanvisningen (closed) → "1" for a callback. */
  async function toCallback(call: TwilioCall) {
    await call.start();
    const answer = await call.press('2');
    expect(answer.spoken).toContain('Pladsanvisningen. Lukket nu – åbner torsdag klokken ni. I dag har de telefontid fra klokken ni til klokken elleve.');
    expect(answer.spoken).toContain('Tryk 1 for at bestille en opringning.');
    expect(answer.dial).toBeUndefined();
    return call.press('1');
  }

  test('closed → callback to the caller\'s own number, read back and confirmed → a slot → the reference spelled out', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    const confirm = await toCallback(call);
    expect(confirm.spoken).toContain('Skal de ringe til det nummer, du ringer fra: to to tre tre fire fire fem fem?');
    const slots = await call.press('1');
    expect(slots.spoken).toContain('Hvornår skal de ringe? Tryk 1 for torsdag fra klokken ni til kvart over ni. Tryk 2 for torsdag fra kvart over ni til halv ti.');
    const consent = await call.press('1');
    expect(consent.spoken).toContain('Pladsanvisningen ringer dig op torsdag mellem klokken ni og kvart over ni på to to tre tre fire fire fem fem.');
    expect(consent.spoken).toContain('slettes senest 30 dage efter opkaldet');
    expect(await bookings(running)).toEqual([]);

    const booked = await call.press('1');
    const [booking, ...more] = (await bookings(running)).filter((b) => b.phone === CALLER);
    expect(more).toEqual([]);
    expect(booking).toMatchObject({ unit: 'pladsanvisning', slotStart: '2026-11-26T09:00:00.000+01:00' });
    const spelled = spellReference(booking!.reference, 'da');
    expect(booked.spoken).toBe(
      `Tak. Opringningen er bestilt. Pladsanvisningen ringer dig op torsdag mellem klokken ni og kvart over ni. Din reference er ${spelled}. Jeg gentager: ${spelled}. Farvel.`,
    );
    expect(booked.hangup).toBe(true);
  });

  test('a new number keyed in and ended with # is read back, confirmed and booked', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await toCallback(call);
    const keypad = await call.press('2');
    expect(keypad.gather).toMatchObject({ input: 'dtmf', finishOnKey: '#' });
    expect(keypad.spoken).toContain('afslut med firkant');
    // Twilio leaves the finishing "#" out of Digits.
    const readBack = await call.press('87654321');
    expect(readBack.spoken).toMatch(/^Du har tastet otte syv seks fem fire tre to en\. Tryk 1, hvis det er rigtigt\./);
    await call.press('1');
    await call.press('2');
    await call.press('1');
    expect((await bookings(running)).filter((b) => b.phone === '+4587654321')).toMatchObject([{ unit: 'pladsanvisning', slotStart: '2026-11-26T09:15:00.000+01:00' }]);
  });

  test('a caller without a Danish caller ID is asked to key the number in', async () => {
    const call = new TwilioCall(running.url, nextSid(), 'anonymous');
    const keypad = await toCallback(call);
    expect(keypad.spoken).toMatch(/Jeg kan ikke se et dansk nummer, du ringer fra\. Tast det telefonnummer/);
    const wrong = await call.press('1234');
    expect(wrong.spoken).toMatch(/^Det var ikke et dansk telefonnummer med 8 cifre\. Tast/);
  });

  test('wrong keys get "not an option" and the menu again, then the way out: the main number, dialled while it is open', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    const again = await call.press('7');
    expect(again.spoken).toMatch(/^Det valg findes ikke\. Tryk 1 for Borgerservice\./);
    const wayOut = await call.press('8');
    expect(wayOut.spoken).toMatch(/^Jeg stiller dig videre til kommunens hovednummer\. Aarhus Kommune\. Åbent nu – lukker klokken fire\./);
    expect(wayOut.dial).toBe(MAIN);
  });

  test('a caller who hangs up before the last confirmation leaves nothing booked', async () => {
    const before = (await bookings(running)).length;
    const call = new TwilioCall(running.url, nextSid(), '+4533445566');
    await toCallback(call);
    await call.press('1');
    await call.press('3');
    expect(call.last!.spoken).toContain('Tryk 1 for at bekræfte opringningen.');
    expect(await call.hangUp()).toBe(204);
    expect(await bookings(running)).toHaveLength(before);
    // A stray request after the hang-up finds nothing to book.
    const late = await call.press('1');
    expect(late.spoken).toMatch(/^Beklager, jeg mistede tråden\./);
    expect((await bookings(running)).filter((b) => b.phone === '+4533445566')).toEqual([]);
  });

  test('Twilio retrying the confirmation books once', async () => {
    const call = new TwilioCall(running.url, nextSid(), '+4544556677');
    await toCallback(call);
    await call.press('1');
    await call.press('2');
    const action = call.last!.action!;
    const [a, b] = await Promise.all([call.post(action, { Digits: '1' }), call.post(action, { Digits: '1' })]);
    expect([a.spoken, b.spoken].some((s) => s.startsWith('Tak. Opringningen er bestilt.'))).toBe(true);
    expect((await bookings(running)).filter((x) => x.phone === '+4544556677')).toHaveLength(1);
  });

  test('declining at the last step stores nothing and goes back to the menu', async () => {
    const call = new TwilioCall(running.url, nextSid(), '+4555667788');
    await toCallback(call);
    await call.press('1');
    await call.press('1');
    const back = await call.press('2');
    expect(back.spoken).toMatch(/^Jeg har ikke gemt noget\. Tryk 1 for Borgerservice/);
    expect((await bookings(running)).filter((b) => b.phone === '+4555667788')).toEqual([]);
  });
});

describe('the Twilio IVR in the evening (everything closed)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ now: EVENING });
  });
  afterAll(async () => running.close());

  test('silence gets "I did not hear anything" and the menu again, then the way out: the callback offer while the main number is closed', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER);
    await call.start();
    const again = await call.silence();
    expect(again.spoken).toMatch(/^Jeg hørte ikke noget\. Tryk 1 for Borgerservice\./);
    const wayOut = await call.silence();
    expect(wayOut.spoken).toMatch(/^Jeg stiller dig videre til kommunens hovednummer\. Aarhus Kommune\. Lukket nu – åbner i morgen klokken ni\./);
    expect(wayOut.spoken).toContain('Tryk 1 for at bestille en opringning.');
    expect(wayOut.dial).toBeUndefined();
    const confirm = await call.press('1');
    expect(confirm.spoken).toMatch(/^Du bestiller en opringning fra Aarhus Kommune\./);
  });

  test('silence at the keypad re-asks, then gives the way out', async () => {
    const call = new TwilioCall(running.url, nextSid(), 'anonymous');
    await call.start();
    await call.press('2');
    await call.press('1');
    expect((await call.silence()).spoken).toMatch(/^Jeg hørte ikke noget\. Tast det telefonnummer/);
    expect((await call.silence()).spoken).toMatch(/^Jeg stiller dig videre til kommunens hovednummer\./);
  });
});

describe('X-Twilio-Signature', () => {
  const TOKEN = 'test-auth-token-0123456789abcdef';
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ now: MIDDAY, env: { TWILIO_AUTH_TOKEN: TOKEN } });
  });
  afterAll(async () => running.close());

  test('a request signed with the auth token over the URL it was sent to is answered', async () => {
    const menu = await new TwilioCall(running.url, nextSid(), CALLER, { authToken: TOKEN }).start();
    expect(menu.spoken).toMatch(/^Velkommen/);
  });

  test.each([
    ['unsigned', undefined],
    ['signed with another token', 'not-the-token'],
  ])('a request %s gets 403 and does nothing', async (_name, signWith) => {
    const call = new TwilioCall(running.url, nextSid(), CALLER, { authToken: TOKEN });
    await call.start();
    await call.press('2');
    await call.press('1');
    await call.press('1');
    await call.press('1');
    const action = call.last!.action!;
    const forged = new TwilioCall(running.url, call.sid, CALLER, signWith ? { authToken: signWith } : {});
    const res = await forged.send(action, { Digits: '1' });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(/<Response/);
    expect((await forged.send('/ivr/twilio/status', { CallStatus: 'completed' })).status).toBe(403);
    expect(await bookings(running)).toEqual([]);
    // The real call is untouched by the forgeries and can still book.
    expect((await call.press('1')).spoken).toMatch(/^Tak\. Opringningen er bestilt\./);
    await running.app.deps.callbacks.cancel((await bookings(running))[0]!.reference, CALLER);
  });

  test('a valid signature for one URL does not open another', async () => {
    const params = { CallSid: nextSid(), From: CALLER, Digits: '1' };
    const signature = twilio.getExpectedTwilioSignature(TOKEN, `${running.url}/ivr/twilio/voice`, params);
    const post = (path: string) =>
      fetch(`${running.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
    expect((await post('/ivr/twilio/voice')).status).toBe(200);
    expect((await post('/ivr/twilio/menu')).status).toBe(403);
    expect((await post('/ivr/twilio/voice?l=en')).status).toBe(403);
  });
});

describe('behind a proxy (PUBLIC_URL)', () => {
  const TOKEN = 'proxy-token';
  const PUBLIC = 'https://frontdoor.example.dk/telefon';
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ now: MORNING, env: { TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: PUBLIC } });
  });
  afterAll(async () => running.close());

  test('signatures are checked against the public URL and the follow-up URLs point there', async () => {
    const call = new TwilioCall(running.url, nextSid(), CALLER, { authToken: TOKEN, publicUrl: PUBLIC });
    const menu = await call.start();
    expect(menu.action).toBe(`${PUBLIC}/ivr/twilio/menu?l=da&n=0`);
    expect((await call.press('1')).dial).toBe(MAIN);
    const direct = await new TwilioCall(running.url, nextSid(), CALLER, { authToken: TOKEN }).send('/ivr/twilio/voice', {});
    expect(direct.status).toBe(403);
  });
});
