import { createInterface } from 'node:readline/promises';
import { TestAdapter, ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { FrontdoorBot } from '../../../dialogs/frontdoor-bot';
import { RENDERER_KEY, renderWeb } from '../../../dialogs/render';
import { loadConfig } from '../../config/config';
import { buildDeps, StartupError } from '../../deps';
import { silentLogger } from '../../log';
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
  let built;
  try {
    built = await buildDeps({ config: loadedConfig.config, logger: silentLogger });
  } catch (error) {
    if (error instanceof StartupError) throw new UsageError(error.message);
    throw error;
  }
  const { deps, db } = built;
  const bot = new FrontdoorBot(deps, new ConversationState(new MemoryStorage()));
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
