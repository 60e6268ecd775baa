import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import { tidy, type SpeechPart } from '../../dialogs/render/speech-parts';
import type { Lang } from '../../knowledge/schema/unit';

export type Twiml = VoiceResponse;
type SayVoice = NonNullable<VoiceResponse.SayAttributes['voice']>;

/** Twilio speaks with Amazon Polly or Google voices; an Azure voice name from the config does not apply there. */
const TWILIO_VOICES: Record<Lang, string> = { da: 'Polly.Sofie-Neural', en: 'Polly.Amy-Neural' };

export interface Speaker {
  readonly lang: Lang;
  readonly voice: string;
}

export function twilioVoice(configured: string | undefined, lang: Lang): string {
  return configured && /^(?:Polly|Google)\./.test(configured) ? configured : TWILIO_VOICES[lang];
}

export function languageTag(lang: Lang): 'da-DK' | 'en-GB' {
  return lang === 'da' ? 'da-DK' : 'en-GB';
}

export function newResponse(): Twiml {
  return new twilio.twiml.VoiceResponse();
}

interface SayParent {
  say(attributes: VoiceResponse.SayAttributes, message: string): VoiceResponse.Say;
}

/** `<Say>` with the parts as text and SSML `<break>`s, built through the twilio library (it escapes). */
export function say(parent: SayParent, parts: readonly SpeechPart[], speaker: Speaker): void {
  const tidied = tidy(parts);
  if (tidied.length === 0) return;
  const node = parent.say({ language: languageTag(speaker.lang), voice: speaker.voice as SayVoice }, '');
  for (const part of tidied) {
    if (part.kind === 'text') node.addText(part.text);
    else node.break({ time: `${Math.round(part.ms)}ms` });
  }
}

export interface PromptOptions {
  /** Where Twilio posts the answer; also where silence is redirected to (no Digits, no SpeechResult). */
  readonly action: string;
  readonly input?: readonly ('dtmf' | 'speech')[];
  readonly numDigits?: number;
  readonly finishOnKey?: string;
  /** Seconds to wait for the first key or word. */
  readonly timeout?: number;
  readonly hints?: string;
}

/** Parts spoken by one voice; a question may switch voice ("Press 9 for English" in English). */
export interface Spoken {
  readonly parts: readonly SpeechPart[];
  readonly speaker: Speaker;
}

/**
 * A question: `<Gather>` around what is said, then a `<Redirect>` to the same action, which
 * Twilio follows when the caller says and keys nothing; the action sees no input and re-prompts.
 * The Gather listens in the language of the first voice.
 */
export function ask(response: Twiml, speech: readonly Spoken[], options: PromptOptions): void {
  const input = [...(options.input ?? ['dtmf'])];
  const first = speech[0]?.speaker.lang ?? 'da';
  const gather = response.gather({
    action: options.action,
    method: 'POST',
    input,
    language: languageTag(first),
    timeout: options.timeout ?? 6,
    ...(options.numDigits !== undefined && { numDigits: options.numDigits }),
    ...(options.finishOnKey !== undefined && { finishOnKey: options.finishOnKey }),
    ...(input.includes('speech') && { speechTimeout: 'auto' }),
    ...(options.hints && { hints: options.hints }),
  });
  for (const { parts, speaker } of speech) say(gather, parts, speaker);
  response.redirect({ method: 'POST' }, options.action);
}
