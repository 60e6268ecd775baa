import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { MainDialog } from '../../dialogs/main-dialog';
import type { ConversationMemory } from '../../dialogs/state';
import { CallbackService, DEFAULT_PURGE_DAYS } from '../../knowledge/callbacks';
import { fixedClock, ZONE } from '../../knowledge/clock';
import { SqlCallbackRepository } from '../../bot/storage/callback-repository';
import { openPglite } from '../../bot/storage/database';
import { migrate } from '../../bot/storage/migrate';
import { knowledge } from './harness';

/** MainDialog alone, driven by botbuilder-testing's DialogTestClient. */
async function client(now: string): Promise<DialogTestClient> {
  const { kb, triage, hours } = knowledge();
  const db = await openPglite('memory://');
  await migrate(db);
  const clock = fixedClock(DateTime.fromISO(now, { zone: ZONE }));
  const callbacks = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(db), clock });
  const state = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog({ kb, hours, triage, clock, callbacks, retentionDays: DEFAULT_PURGE_DAYS }, state.createProperty<ConversationMemory>('memory'));
  return new DialogTestClient('test', dialog, undefined, [], state);
}

const TUE_10 = '2026-11-24T10:00:00+01:00';

describe('when triage is unsure it asks, with the alternatives as choices', () => {
  test('the choices come as numbered suggested actions, and "1" picks the first', async () => {
    const c = await client(TUE_10);
    const ask = await c.sendActivity('min mor har brug for hjælp');
    expect(ask.text).toMatch(/ikke helt sikker/);
    const titles = (ask.suggestedActions?.actions ?? []).map((a: { title?: string }) => a.title);
    expect(titles[0]).toMatch(/^1\. Sundhed og Omsorg/);
    expect(titles.at(-1)).toMatch(/Ingen af dem$/);
    const answer = await c.sendActivity('1');
    expect(answer.text).toMatch(/\*\*Sundhed og Omsorg \(En Indgang\)\*\*/);
    expect(answer.text).toMatch(/Åbent nu – lukker kl\. 15\.00/);
  });

  test('a label picks its choice too, and "none of these" gives the main number', async () => {
    const c = await client(TUE_10);
    await c.sendActivity('min mor har brug for hjælp');
    const none = await c.sendActivity('ingen af dem');
    expect(none.text).toMatch(/89 40 20 00/);
  });

  test('a new question instead of a choice is answered as a new question', async () => {
    const c = await client(TUE_10);
    await c.sendActivity('min mor har brug for hjælp');
    const answer = await c.sendActivity('Hvornår har Den Digitale Hotline åbent?');
    expect(answer.text).toMatch(/Den Digitale Hotline/);
    expect(answer.text).toMatch(/70 20 00 00/);
  });

  test('a wrong number is asked again', async () => {
    const c = await client(TUE_10);
    await c.sendActivity('min mor har brug for hjælp');
    const again = await c.sendActivity('9');
    expect(again.text).toMatch(/Vælg et af numrene/);
  });
});
