import type { Middleware, TurnContext } from 'botbuilder';
import { RENDERER_KEY, renderVoice, renderWeb, type Renderer, type VoiceOptions } from '../../dialogs/render';

/** Channels that speak: replies carry SSML in `speak` and numbered choices. */
const VOICE_CHANNELS = new Set(['telephony', 'ivr']);

/**
 * Picks the renderer for a turn by its channel, so the dialogs never branch on a channel name:
 * voice for the telephony channel, web chat (markdown, suggested actions, hero card) otherwise.
 */
export class ChannelRenderer implements Middleware {
  constructor(private readonly voices: VoiceOptions) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const renderer: Renderer = VOICE_CHANNELS.has(context.activity.channelId) ? (r) => renderVoice(r, this.voices) : renderWeb;
    context.turnState.set(RENDERER_KEY, renderer);
    await next();
  }
}
