import type { Activity, TurnContext } from 'botbuilder';
import type { Reply } from '../reply';
import { renderWeb } from './web';

export { renderWeb } from './web';
export { renderVoice, toSsml, DEFAULT_VOICES, type VoiceOptions } from './voice';

/** Turns a reply into an activity for the channel of the turn; chosen by bot/, never by a dialog. */
export type Renderer = (reply: Reply) => Partial<Activity>;

/** Where bot/ puts the turn's renderer (a turn-state key, so dialogs stay channel-blind). */
export const RENDERER_KEY = Symbol('frontdoor.renderer');

/** Sends a reply with the renderer bot/ chose for this turn (web chat by default). */
export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  const render = (context.turnState.get(RENDERER_KEY) as Renderer | undefined) ?? renderWeb;
  await context.sendActivity(render(reply));
}

/** The renderer bot/ chose for this turn, for prompts that take a ready activity. */
export function rendererFor(context: TurnContext): Renderer {
  return (context.turnState.get(RENDERER_KEY) as Renderer | undefined) ?? renderWeb;
}
