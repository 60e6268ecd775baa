import { EventFactory, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { RENDERER_KEY, type Renderer } from '../../dialogs/render';
import { renderVoice, voiceHintOf, type VoiceHint, type VoiceOptions } from '../../dialogs/render/voice';
import type { Clock } from '../../knowledge/clock';
import type { HoursEngine } from '../../knowledge/hours';
import type { KnowledgeBase } from '../../knowledge/kb';
import type { Lang } from '../../knowledge/schema/unit';
import { mainLine, wayOutSentence } from '../ivr/main-line';

/** Channels that speak; the same set the channel renderer gives the voice renderer. */
const VOICE_CHANNELS = new Set(['telephony', 'ivr']);

/** A phone number is 8 digits, with +45 or 0045 at most 12; anything longer is a stuck key. */
const MAX_DIGITS = 16;
/** Wrong keys in a row before the caller is offered the way out instead of the menu again. */
const WRONG_KEYS_BEFORE_WAY_OUT = 2;
const REPEAT_WORDS = new Set(['stjerne', 'gentag', 'gentag menuen', 'star', 'repeat']);

const WORDS = {
  da: {
    wrongKey: 'Det valg findes ikke.',
    emptyNumber: 'Jeg fik ikke noget nummer.',
    transfer: 'Jeg stiller dig om til kommunens hovednummer.',
    askFree: 'Sig med dine egne ord, hvad du ringer om.',
  },
  en: {
    wrongKey: 'That is not one of the options.',
    emptyNumber: 'I did not get a number.',
    transfer: "I am putting you through to the municipality's main number.",
    askFree: 'Tell me in your own words what you are calling about.',
  },
} as const;

interface CallState {
  /** What the last prompt waits for; null when the bot last only informed. */
  hint: VoiceHint | null;
  /** The last thing the bot said, to say again on "0", "*" or "stjerne". */
  last: Partial<Activity> | null;
  lang: Lang;
  digits: string;
  wrong: number;
}

export interface DtmfCollectorOptions {
  readonly kb: KnowledgeBase;
  readonly hours: HoursEngine;
  readonly clock: Clock;
  readonly voices: VoiceOptions;
  /** Conversations remembered at once; the oldest is forgotten first. */
  readonly maxConversations?: number;
}

/** The key a telephony message carries: its text when it is one keypad key, with or without the `DTMF` entity. */
export function dtmfKey(activity: Partial<Activity>): string | undefined {
  const text = (activity.text ?? '').trim();
  if (!/^[0-9*#]$/.test(text)) return undefined;
  return text;
}

/**
 * The keypad on Bot Framework's telephony channel. The channel sends each key as its own message
 * activity (text "5", an entity of type "DTMF"; microsoft/botframework-telephony DTMF.md), so:
 * - while a prompt waits for digits (a reply with `expects: 'digits'`), keys are collected per
 *   conversation and released to the bot as one message ("22334455") on `#`;
 * - "0", "*" or "stjerne" says the last prompt again, without running the bot;
 * - a key that picks no option gets "that is not an option" and the prompt again, and after
 *   two wrong keys in a row the way out: a transfer to the main number while it is open, or
 *   when it opens and the callback offer while it is closed.
 * The channel sends nothing on silence; the voice renderer puts the re-prompt and this way out
 * into the SSML itself, after breaks the caller can interrupt.
 * Register after the channel renderer: this replaces its voice renderer with one that knows the way out.
 */
export class DtmfCollector implements Middleware {
  readonly #calls = new Map<string, CallState>();
  readonly #max: number;

  constructor(private readonly options: DtmfCollectorOptions) {
    this.#max = options.maxConversations ?? 10_000;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (!VOICE_CHANNELS.has(activity.channelId)) return next();
    const id = `${activity.channelId}\u0000${activity.conversation?.id ?? ''}`;
    if (activity.type === 'endOfConversation') {
      this.#calls.delete(id);
      return next();
    }
    const call = this.#call(id);
    const voices: VoiceOptions = { ...this.options.voices, noInputWayOut: (lang) => this.#wayOut(lang) };
    context.turnState.set(RENDERER_KEY, ((reply) => renderVoice(reply, voices)) satisfies Renderer);

    let own = false;
    context.onSendActivities(async (_ctx, activities, send) => {
      if (!own) for (const a of activities) this.#observe(call, a);
      return send();
    });
    const say = async (activities: Partial<Activity>[]) => {
      own = true;
      try {
        await context.sendActivities(activities);
      } finally {
        own = false;
      }
    };

    if (activity.type !== 'message') return next();
    const key = dtmfKey(activity);
    const words = (activity.text ?? '').trim().toLowerCase().replace(/[.!]+$/, '');
    if (key === undefined) {
      if (REPEAT_WORDS.has(words)) return say(this.#repeat(call));
      call.digits = '';
      call.wrong = 0;
      return next();
    }

    if (call.hint?.expects === 'digits') {
      if (/^\d$/.test(key)) {
        // Nothing to say between keys: the caller is still typing.
        if (call.digits.length < MAX_DIGITS) call.digits += key;
        return;
      }
      if (key === '#') {
        if (call.digits.length === 0) return say([this.#sentence(WORDS[call.lang].emptyNumber, call.lang), ...this.#repeat(call)]);
        activity.text = call.digits;
        call.digits = '';
        call.wrong = 0;
        return next();
      }
      call.digits = '';
      return say(this.#repeat(call));
    }

    if (key === '0' || key === '*') return say(this.#repeat(call));
    const n = Number(key);
    if (call.hint && call.hint.choices > 0 && n >= 1 && n <= call.hint.choices) {
      call.wrong = 0;
      return next();
    }
    call.wrong += 1;
    if (call.wrong < WRONG_KEYS_BEFORE_WAY_OUT) return say([this.#sentence(WORDS[call.lang].wrongKey, call.lang), ...this.#repeat(call)]);
    call.wrong = 0;
    return say(this.#wayOutActivities(context, call.lang));
  }

  #call(id: string): CallState {
    let call = this.#calls.get(id);
    if (call) {
      // Map order is insertion order: re-inserting keeps the most recent calls at the end.
      this.#calls.delete(id);
    } else {
      call = { hint: null, last: null, lang: 'da', digits: '', wrong: 0 };
    }
    this.#calls.set(id, call);
    while (this.#calls.size > this.#max) this.#calls.delete(this.#calls.keys().next().value as string);
    return call;
  }

  #observe(call: CallState, activity: Partial<Activity>): void {
    if (activity.type !== 'message') return;
    call.hint = voiceHintOf(activity) ?? null;
    call.last = activity;
    call.lang = activity.locale?.startsWith('en') ? 'en' : 'da';
    call.digits = '';
    call.wrong = 0;
  }

  #repeat(call: CallState): Partial<Activity>[] {
    if (!call.last) return [this.#sentence(WORDS[call.lang].askFree, call.lang, true)];
    const { id: _id, timestamp: _ts, replyToId: _reply, ...again } = call.last;
    return [again];
  }

  #sentence(text: string, lang: Lang, expectsInput = false): Partial<Activity> {
    return renderVoice({ lang, text, speak: text, expectsInput }, this.options.voices);
  }

  #wayOut(lang: Lang): string {
    const { kb, hours, clock } = this.options;
    return wayOutSentence(mainLine(kb, hours, clock(), lang), lang);
  }

  /** Open: say so and hand the call to the main number. Closed: when it opens, and the callback offer. */
  #wayOutActivities(context: TurnContext, lang: Lang): Partial<Activity>[] {
    const { kb, hours, clock } = this.options;
    const line = mainLine(kb, hours, clock(), lang);
    if (line.open !== false && line.number) {
      return [
        this.#sentence(`${WORDS[lang].transfer} ${line.number.display}.`, lang),
        EventFactory.createHandoffInitiation(context, { TargetPhoneNumber: line.number.e164 }),
      ];
    }
    return [this.#sentence(wayOutSentence(line, lang), lang, true)];
  }
}
