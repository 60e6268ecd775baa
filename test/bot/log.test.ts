import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/config';
import { createLogger, redactForLog } from '../../bot/log';
import type { Database } from '../../bot/storage/database';
import { fixedClock, ZONE } from '../../knowledge/clock';
import { messageActivity } from '../helpers/start-app';

describe('logs never carry a citizen\'s phone or CPR number', () => {
  test.each([
    ['a CPR number with a dash', 'cpr 010203-1234 her', 'cpr [CPR] her'],
    ['a CPR number without one', '0102031234', '[CPR]'],
    ['a phone number in pairs', 'ring 21 43 65 87', 'ring [NUMBER]'],
    ['a phone number with +45', '+4521436587', '[NUMBER]'],
  ])('%s is masked', (_name, input, expected) => {
    expect(redactForLog(input)).toBe(expected);
  });

  test('dates and times in a log line stay readable', () => {
    expect(redactForLog('{"t":"2026-11-24T10:00:00.000Z"}')).toBe('{"t":"2026-11-24T10:00:00.000Z"}');
  });

  test('a conversation that books a callback while the database is down logs no number', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const loaded = loadConfig({ PORT: '0', HOST: '127.0.0.1' });
    if (!loaded.ok) throw new Error(loaded.message);
    const broken: Database = {
      kind: 'postgres',
      query: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1 while booking +4521436587')),
      exec: async () => Promise.reject(new Error('down')),
      transaction: async () => Promise.reject(new Error('down for 010203-1234')),
      close: async () => undefined,
    };
    const app = await createApp({ config: loaded.config, logger, db: broken, clock: fixedClock(DateTime.fromISO('2026-11-24T13:00:00', { zone: ZONE })) });
    const url = await app.listen(0, '127.0.0.1');
    try {
      const turn = async (text: string) => {
        const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity(text, 'log-1')) });
        const body = (await res.json()) as { activities: { text?: string }[] };
        return body.activities.map((a) => a.text ?? '').join('\n');
      };
      await turn('Kan Pladsanvisningen ringe mig op?');
      await turn('21 43 65 87');
      // The slots cannot be read: the citizen is told plainly, with the number and when it opens.
      const answer = await turn('Jens 010203-1234');
      expect(answer).toMatch(/kunne desværre ikke bestille opringningen/);
      expect(answer).toMatch(/89 40 20 00/);
      expect(answer).toMatch(/åbner torsdag kl\. 9\.00/);
    } finally {
      await app.close();
    }
    const all = lines.join('');
    expect(lines.some((l) => l.includes('storage_unavailable'))).toBe(true);
    expect(all).not.toMatch(/21\s?43\s?65\s?87/);
    expect(all).not.toMatch(/010203/);
  });
});
