import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type RunningApp } from '../../helpers/start-app';
import { call, startConversation, webChatMessage, type ActivitySetBody } from './direct-line-server';

/** Tuesday 24 November 2026, 10:00 in Aarhus: Pladsanvisningen's line is open (Tue 9–11). */
const TUESDAY_MORNING = '2026-11-24T10:00:00+01:00';

interface FrontdoorCard {
  unitId: string;
  title: string;
  phones: { display: string; tel: string }[];
  status: { open: boolean | null; text: string };
}

let running: RunningApp;
beforeAll(async () => {
  running = await startApp({ now: TUESDAY_MORNING });
});
afterAll(async () => running.close());

describe('the Direct Line of the running front door (createApp)', () => {
  test('welcomes in Danish and answers a question with the facts card in channelData', async () => {
    const c = await startConversation(running.url);
    const path = `/v3/directline/conversations/${c.conversationId}/activities`;
    const welcome = await call<ActivitySetBody>(running.url, 'GET', path, { auth: c.token });
    expect(welcome.body.activities[0]?.text).toMatch(/^Hej!/);
    const posted = await call<{ id: string }>(running.url, 'POST', path, { auth: c.token, body: webChatMessage('Hvornår har Pladsanvisningen telefontid?', 'q1') });
    expect(posted.status).toBe(200);
    const { body } = await call<ActivitySetBody>(running.url, 'GET', `${path}?watermark=${welcome.body.watermark}`, { auth: c.token });
    const answer = body.activities.find((a) => a.channelData?.frontdoorCard !== undefined);
    const card = answer?.channelData?.frontdoorCard as FrontdoorCard | undefined;
    expect(card).toMatchObject({ unitId: 'pladsanvisning', title: 'Pladsanvisningen', status: { open: true } });
    expect(card?.phones[0]).toMatchObject({ display: '89 40 20 00', tel: '+4589402000' });
    expect(answer).toMatchObject({ from: { id: 'frontdoor', role: 'bot' }, replyToId: posted.body.id, channelId: 'webchat' });
  });

  test('keeps two web chats apart: each follow-up is about its own unit', async () => {
    const a = await startConversation(running.url);
    const b = await startConversation(running.url);
    const ask = (c: typeof a, text: string, id: string) =>
      call(running.url, 'POST', `/v3/directline/conversations/${c.conversationId}/activities`, { auth: c.token, body: webChatMessage(text, id) });
    await ask(a, 'Hvornår har Pladsanvisningen telefontid?', 'a1');
    await ask(b, 'Hvornår har Borgerservice åbent?', 'b1');
    const read = (watermark = '') =>
      call<ActivitySetBody>(running.url, 'GET', `/v3/directline/conversations/${a.conversationId}/activities?watermark=${watermark}`, { auth: a.token });
    const before = await read();
    await ask(a, 'hvad er deres mail?', 'a2');
    const { body } = await read(before.body.watermark);
    expect(body.activities[0]?.text).toBe('hvad er deres mail?');
    const texts = body.activities.map((x) => x.text ?? '').join('\n');
    expect(texts).toMatch(/Pladsanvisningen/);
    expect(texts).not.toMatch(/Borgerservice/);
  });
});
