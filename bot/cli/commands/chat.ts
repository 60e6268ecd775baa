import { createInterface } from 'node:readline/promises';
import { TestAdapter, ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { FrontdoorBot } from '../../../dialogs/frontdoor-bot';
import { RENDERER_KEY, renderWeb } from '../../../dialogs/render';
import { CallbackService } from '../../../knowledge/callbacks';
import { HoursEngine } from '../../../knowledge/hours';
import { formatProblem, loadKnowledgeBase } from '../../../knowledge/kb';
import { Triage } from '../../../knowledge/triage';
import { clockFromEnv } from '../../config/clock-from-env';
import { loadConfig } from '../../config/config';
import { SqlCallbackRepository } from '../../storage/callback-repository';
import { openStorage } from '../../storage/open';
import { ReopeningDatabase } from '../../storage/reopening';
import { UsageError, writeLine, type Command } from '../io';

export const summary = 'chat  (talk to Frontdoor in the terminal; FRONTDOOR_NOW fixes the clock)';

/** Renders a web-chat activity for a terminal: the text, the numbered choices, the card's facts. */
function toTerminal(activity: Partial<Activity>): string {
  const lines = [String(activity.text ?? '').replace(/\*\*/g, '').replace(/_/g, '')];
  for (const action of activity.suggestedActions?.actions ?? []) lines.push(`  [${action.title}]`);
  return lines.join('\n');
}

/** A terminal chat with the same dialogs as every channel, over botbuilder's in-memory adapter. */
export const run: Command = async (_args, io) => {
  const loadedConfig = loadConfig(io.env);
  if (!loadedConfig.ok) throw new UsageError(loadedConfig.message);
  const clock = clockFromEnv(io.env);
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new UsageError(`invalid knowledge base: ${loaded.problems.map(formatProblem).join('; ')}`);
  const kb = loaded.kb;
  const hours = new HoursEngine(kb);
  const db = new ReopeningDatabase(() => openStorage(loadedConfig.config), () => undefined);
  await db.ready();
  const callbacks = new CallbackService({ kb, hours, repo: new SqlCallbackRepository(db), clock });
  const bot = new FrontdoorBot({ kb, hours, triage: Triage.build(kb), clock, callbacks }, new ConversationState(new MemoryStorage()));
  const adapter = new TestAdapter(async (context) => {
    context.turnState.set(RENDERER_KEY, renderWeb);
    await bot.run(context);
  });
  adapter.onTurnError = async (_context, error) => {
    writeLine(io.stderr, `error: ${error.message}`);
  };
  const print = (activities: Partial<Activity>[]) => {
    for (const a of activities) if (a.type === 'message') writeLine(io.stdout, `\nFrontdoor: ${toTerminal(a)}\n`);
  };
  const take = () => {
    const out = adapter.activeQueue.splice(0);
    print(out);
  };
  await adapter.processActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'Borger' }], recipient: { id: 'bot', name: 'Frontdoor' } } as Partial<Activity>);
  take();
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal: false });
  io.stdout.write('Du: ');
  for await (const line of rl) {
    if (['exit', 'quit', 'farvel'].includes(line.trim().toLowerCase())) break;
    await adapter.send(line);
    take();
    io.stdout.write('Du: ');
  }
  rl.close();
  await db.close();
  return 0;
};
