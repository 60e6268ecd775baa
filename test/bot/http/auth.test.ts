import { afterAll, beforeAll, expect, test } from 'vitest';
import { messageActivity, startApp, type RunningApp } from '../../helpers/start-app';

let running: RunningApp;
beforeAll(async () => {
  running = await startApp({ now: '2026-11-24T10:00:00+01:00', env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' } });
});
afterAll(async () => running.close());

test('with a Bot Framework app id configured, an activity without a token is refused with 401', async () => {
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity('Hvornår har Borgerservice åbent?', 'auth-1')),
  });
  expect(res.status).toBe(401);
});

test('a forged token is refused too', async () => {
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
    body: JSON.stringify(messageActivity('Hvornår har Borgerservice åbent?', 'auth-2')),
  });
  expect(res.status).toBe(401);
});
