import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import { FrontdoorBot } from '../../dialogs/frontdoor-bot';
import type { FrontdoorDeps } from '../../dialogs/deps';
import { RENDERER_KEY, renderVoice, renderWeb } from '../../dialogs/render';
import { CallbackService, DEFAULT_PURGE_DAYS } from '../../knowledge/callbacks';
import { fixedClock, ZONE } from '../../knowledge/clock';
import { HoursEngine } from '../../knowledge/hours';
import { loadKnowledgeBase, type KnowledgeBase } from '../../knowledge/kb';
import { Triage } from '../../knowledge/triage';
import { SqlCallbackRepository } from '../../bot/storage/callback-repository';
import type { Database } from '../../bot/storage/database';
import { openPglite } from '../../bot/storage/database';
import { migrate } from '../../bot/storage/migrate';

let shared: { kb: KnowledgeBase; triage: Triage; hours: HoursEngine } | undefined;

/** The shipped knowledge base and its triage index, built once per test file. */
export function knowledge(): { kb: KnowledgeBase; triage: Triage; hours: HoursEngine } {
  if (!shared) {
    const loaded = loadKnowledgeBase();
    if (!loaded.ok) throw new Error('the shipped knowledge base is invalid');
    shared = { kb: loaded.kb, triage: Triage.build(loaded.kb), hours: new HoursEngine(loaded.kb) };
  }
  return shared;
}

export interface Conversation {
  /** Sends one message and returns the bot's replies of that turn, joined as one text. */
  say(text: string): Promise<string>;
  /** The reply activities of the last turn. */
  last: Partial<Activity>[];
  readonly deps: FrontdoorDeps;
}

/** A conversation with the real bot and dialogs over botbuilder's TestAdapter, at a fixed time. */
export async function converse(now: string, options: { voice?: boolean; db?: Database } = {}): Promise<Conversation> {
  const { kb, triage, hours } = knowledge();
  const clock = fixedClock(DateTime.fromISO(now, { zone: ZONE }));
  const db = options.db ?? (await openPglite('memory://'));
  if (!options.db) await migrate(db);
  const callbacks = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(db), clock });
  const deps: FrontdoorDeps = { kb, hours, triage, clock, callbacks, retentionDays: DEFAULT_PURGE_DAYS };
  const bot = new FrontdoorBot(deps, new ConversationState(new MemoryStorage()));
  const adapter = new TestAdapter(async (context) => {
    context.turnState.set(RENDERER_KEY, options.voice ? renderVoice : renderWeb);
    await bot.run(context);
  });
  const conversation: Conversation = {
    deps,
    last: [],
    async say(text: string) {
      await adapter.receiveActivity(text);
      conversation.last = adapter.activeQueue.splice(0);
      return conversation.last.map((a) => a.text ?? '').join('\n---\n');
    },
  };
  return conversation;
}

export type Row = readonly [citizen: string, bot: RegExp | readonly RegExp[]];

/** Plays a transcript: each citizen line must get a reply matching every pattern of its row. */
export async function play(conversation: Conversation, rows: readonly Row[]): Promise<void> {
  for (const [citizen, expected] of rows) {
    const reply = await conversation.say(citizen);
    for (const pattern of Array.isArray(expected) ? expected : [expected as RegExp]) {
      if (!pattern.test(reply)) {
        throw new Error(`after "${citizen}" the bot said:\n${reply}\n\nwhich does not match ${String(pattern)}`);
      }
    }
  }
}
