import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spellReference } from '../../../knowledge/callbacks';
import { messageActivity, startApp, type RunningApp } from '../../helpers/start-app';
import { parseXml, spokenText } from '../../helpers/xml';

/** Tuesday 24 November 2026 in Aarhus: at 12:30 Pladsanvisningen is closed and the main number open; at 18:00 both are closed. */
const MIDDAY = '2026-11-24T12:30:00+01:00';
const EVENING = '2026-11-24T18:00:00+01:00';

interface Reply {
  readonly type: string;
  readonly name?: string;
  readonly value?: { TargetPhoneNumber?: string };
  readonly text?: string;
  readonly speak?: string;
  readonly inputHint?: string;
  readonly locale?: string;
}

/**
 * A caller on Bot Framework's telephony channel: speech arrives as message text, each keypad key
 * as its own message whose text is the key, with an entity of type "DTMF". Replies come back in
 * the response (expectReplies); every `speak` must be SSML that parses as XML.
 */
class TelephonyCaller {
  constructor(
    private readonly running: RunningApp,
    readonly conversationId: string,
  ) {}

  say(text: string): Promise<Reply[]> {
    return this.#post(messageActivity(text, this.conversationId, { channelId: 'telephony', locale: 'da-DK' }));
  }

  key(keys: string): Promise<Reply[]> {
    return this.#post(messageActivity(keys, this.conversationId, { channelId: 'telephony', entities: [{ type: 'DTMF' }] }));
  }

  /** Keys one by one, returning the replies to each. */
  async keys(keys: string): Promise<Reply[][]> {
    const out: Reply[][] = [];
    for (const k of keys) out.push(await this.key(k));
    return out;
  }

  async #post(activity: Record<string, unknown>): Promise<Reply[]> {
    const res = await fetch(`${this.running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    const text = await res.text();
    const replies = ((text ? JSON.parse(text) : {}) as { activities?: Reply[] }).activities ?? [];
    for (const reply of replies) {
      if (reply.type !== 'message') continue;
      expect(reply.speak, reply.text).toBeDefined();
      const root = parseXml(reply.speak!).documentElement!;
      expect(root.nodeName).toBe('speak');
      expect(root.getAttribute('xml:lang')).toBe(reply.locale);
    }
    return replies;
  }
}

/** What the caller hears first (before any silence re-prompt), for each message. */
function heard(replies: readonly Reply[]): string {
  return replies
    .filter((r) => r.type === 'message')
    .map((r) => spokenText(r.speak!).split(' Jeg hørte ikke noget.')[0]!.split(' I did not hear anything.')[0]!)
    .join(' | ');
}

let conversations = 0;

describe('the telephony channel at midday', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ now: MIDDAY });
  });
  afterAll(async () => running.close());
  const caller = () => new TelephonyCaller(running, `telephony-${++conversations}`);

  test('a closed unit is answered in Danish SSML and the callback offer waits for input with a keypad menu', async () => {
    const replies = await caller().say('Hvornår har Pladsanvisningen telefontid?');
    const [answer, offer] = replies;
    expect(answer!.inputHint).toBe('acceptingInput');
    expect(answer!.speak).toContain('otte ni<break time="300ms"/>fire nul<break time="300ms"/>to nul<break time="300ms"/>nul nul');
    expect(spokenText(answer!.speak!)).toContain('Lukket nu – åbner torsdag klokken ni.');
    expect(answer!.speak).not.toMatch(/kl\.|\d\.\d\d/);
    expect(offer!.inputHint).toBe('expectingInput');
    const said = spokenText(offer!.speak!);
    expect(said).toMatch(/^Vil du have, at de ringer dig op, når der er åbent\? Tryk 1 for Ja, ring mig op\. Tryk 2 for Nej tak\. Tryk 0 for at høre valgene igen\./);
    // Silence: after the breaks the menu again, then the way out (the main number is open now).
    expect(offer!.speak).toMatch(/<break time="5000ms"\/><break time="3000ms"\/>Jeg hørte ikke noget\./);
    expect(said).toMatch(/Du kan også ringe til kommunens hovednummer otte ni fire nul to nul nul nul\. Åbent nu – lukker klokken fire\.$/);
  });

  test('a phone number keyed digit by digit and ended with # reaches the dialog as one number, and the booking is read back spelled', async () => {
    const call = caller();
    await call.say('Hvornår har Pladsanvisningen telefontid?');
    const ask = await call.key('1');
    expect(ask.at(-1)!.inputHint).toBe('expectingInput');
    expect(heard(ask)).toContain('Sig nummeret, eller tast det og afslut med firkant.');
    // While keys are collected the bot stays quiet.
    expect((await call.keys('22334455')).flat()).toEqual([]);
    const name = await call.key('#');
    expect(heard(name)).toMatch(/^Hvad er dit navn\?/);
    const slots = await call.say('spring over');
    expect(heard(slots)).toContain('Tryk 1 for Torsdag fra klokken ni til kvart over ni.');
    const consent = await call.key('1');
    expect(heard(consent)).toContain('Tryk 1 for Ja, det er i orden.');
    const done = await call.key('1');
    const listed = await running.app.deps.callbacks.list({ statuses: ['booked'] });
    const booking = listed.ok ? listed.bookings.find((b) => b.phone === '+4522334455') : undefined;
    expect(booking).toMatchObject({ unit: 'pladsanvisning' });
    expect(booking!.slotStart.toISO()).toBe('2026-11-26T09:00:00.000+01:00');
    expect(heard(done)).toBe(
      `Tak. Pladsanvisningen ringer dig op torsdag mellem klokken ni og kvart over ni. Din reference er ${spellReference(booking!.reference, 'da')}.`,
    );
    expect(done.at(-1)!.inputHint).toBe('acceptingInput');
  });

  test('# without digits says no number came and asks again; * starts the number over', async () => {
    const call = caller();
    await call.say('Hvornår har Pladsanvisningen telefontid?');
    const ask = await call.key('1');
    const empty = await call.key('#');
    expect(heard(empty)).toMatch(/^Jeg fik ikke noget nummer\. \| Hvilket telefonnummer/);
    await call.keys('999');
    expect(heard(await call.key('*'))).toBe(heard(ask.slice(-1)));
    await call.keys('87654321');
    expect(heard(await call.key('#'))).toMatch(/^Hvad er dit navn\?/);
  });

  test.each([['0'], ['*']])('the key %s says the last prompt again without running the bot', async (key) => {
    const call = caller();
    const offer = (await call.say('Hvornår har Pladsanvisningen telefontid?')).at(-1)!;
    const again = await call.key(key);
    expect(again).toHaveLength(1);
    expect(again[0]!.speak).toBe(offer.speak);
    expect(again[0]!.inputHint).toBe('expectingInput');
  });

  test('saying "stjerne" says the last prompt again', async () => {
    const call = caller();
    const offer = (await call.say('Hvornår har Pladsanvisningen telefontid?')).at(-1)!;
    expect((await call.say('stjerne'))[0]!.speak).toBe(offer.speak);
  });

  test('a key that picks no option gets "not an option" and the prompt again, then the way out: a transfer to the main number while it is open', async () => {
    const call = caller();
    const offer = (await call.say('Hvornår har Pladsanvisningen telefontid?')).at(-1)!;
    const again = await call.key('7');
    expect(heard(again)).toBe(`Det valg findes ikke. | ${heard([offer])}`);
    const out = await call.key('8');
    expect(heard(out)).toBe('Jeg stiller dig om til kommunens hovednummer. otte ni fire nul to nul nul nul.');
    const transfer = out.find((r) => r.type === 'event');
    expect(transfer).toMatchObject({ name: 'handoff.initiate', value: { TargetPhoneNumber: '+4589402000' } });
  });

  test('a right key after a wrong one goes through to the dialog', async () => {
    const call = caller();
    await call.say('Hvornår har Pladsanvisningen telefontid?');
    await call.key('7');
    expect(heard(await call.key('2'))).toMatch(/^Kan jeg hjælpe med andet\?/);
  });

  test('English callers get English SSML and "Press 1 for"', async () => {
    const replies = await caller().say('When can I call the Childcare Placement Office?');
    const offer = replies.at(-1)!;
    expect(offer.locale).toBe('en-GB');
    expect(spokenText(offer.speak!)).toMatch(/Press 1 for Yes, call me back\. Press 2 for No thanks\. Press 0 to hear the options again\./);
  });

  test('on other channels a digit is just text', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity('7', `web-${++conversations}`, { entities: [{ type: 'DTMF' }] })),
    });
    const body = (await res.json()) as { activities: Reply[] };
    expect(body.activities.map((a) => a.text).join(' ')).not.toMatch(/Det valg findes ikke/);
  });
});

describe('the telephony channel in the evening', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ now: EVENING });
  });
  afterAll(async () => running.close());

  test('with the main number closed, wrong keys lead to its hours and the words that book a callback, which work', async () => {
    const call = new TelephonyCaller(running, `telephony-${++conversations}`);
    await call.key('5');
    const out = await call.key('5');
    expect(heard(out)).toBe(
      'Kommunens hovednummer er otte ni fire nul to nul nul nul. Lukket nu – åbner i morgen klokken ni. Sig "ring mig op fra hovednummeret", så bestiller jeg en opringning.',
    );
    expect(out.at(-1)!.inputHint).toBe('expectingInput');
    expect(out.some((r) => r.type === 'event')).toBe(false);
    const booking = await call.say('ring mig op fra hovednummeret');
    expect(heard(booking)).toMatch(/^Jeg bestiller en opringning fra Aarhus Kommune/);
    expect(booking.at(-1)!.inputHint).toBe('expectingInput');
  });

  test('a prompt says the same way out after silence', async () => {
    const call = new TelephonyCaller(running, `telephony-${++conversations}`);
    const offer = (await call.say('Hvornår har Borgerservice åbent?')).at(-1)!;
    expect(spokenText(offer.speak!)).toMatch(/Jeg hørte ikke noget\..*Sig "ring mig op fra hovednummeret", så bestiller jeg en opringning\.$/);
  });
});
