import type { Activity } from 'botbuilder';
import type { Lang } from '../../knowledge/schema/unit';
import type { Reply } from '../reply';
import { pause, PAUSE, said, tidy, type SpeechPart } from './speech-parts';
import { menuParts, speechParts } from './speech-text';

export interface VoiceOptions {
  /** A neural voice name, e.g. da-DK-ChristelNeural / en-GB-SoniaNeural (FRONTDOOR_VOICE_DA / _EN). */
  readonly voiceDa: string;
  readonly voiceEn: string;
  /**
   * What to offer a caller who stays silent after the re-prompt (the main number while it is
   * open, a callback when it is closed). bot/ knows the hours; without it the re-prompt is the end.
   */
  readonly noInputWayOut?: (lang: Lang) => string;
}

export const DEFAULT_VOICES: VoiceOptions = { voiceDa: 'da-DK-ChristelNeural', voiceEn: 'en-GB-SoniaNeural' };

/** Where a voice reply tells the channel's middleware what the prompt waits for. */
export const VOICE_HINT_KEY = 'frontdoorVoice';

/** What a voice prompt waits for: keyed digits up to `#`, a numbered choice, or any answer. */
export interface VoiceHint {
  readonly expects: 'digits' | 'choice' | 'answer';
  /** How many numbered choices were read out (0 when none). */
  readonly choices: number;
}

/** The voice hint of an outgoing activity, if it is a voice prompt. */
export function voiceHintOf(activity: Partial<Activity>): VoiceHint | undefined {
  const data = activity.channelData as Record<string, unknown> | undefined;
  const hint = data?.[VOICE_HINT_KEY] as VoiceHint | undefined;
  return hint && typeof hint.choices === 'number' ? hint : undefined;
}

const WORDS = {
  da: {
    repeat: 'Tryk 0 for at høre valgene igen.',
    digits: 'Sig nummeret, eller tast det og afslut med firkant.',
    silence: 'Jeg hørte ikke noget.',
  },
  en: {
    repeat: 'Press 0 to hear the options again.',
    digits: 'Say the number, or key it in and finish with the hash key.',
    silence: 'I did not hear anything.',
  },
} as const;

/**
 * Seconds of silence before the re-prompt. The telephony channel sends nothing when a caller
 * stays quiet, so the wait is part of the message: breaks (at most 5 s each) during which the
 * caller can barge in by voice or keypad (Microsoft's telephony FAQ recommends this pattern).
 */
const SILENCE_WAIT: readonly SpeechPart[] = [pause(PAUSE.longest), pause(3000)];

/** What a reply says before any silence: the speakable text, the menu, how to answer. */
export function promptParts(reply: Reply): SpeechPart[] {
  const words = WORDS[reply.lang];
  const labels = (reply.choices ?? []).map((c) => c.label);
  const parts: SpeechPart[] = [...speechParts(reply.speak, reply.lang)];
  if (labels.length > 0) parts.push(pause(PAUSE.section), ...menuParts(labels, reply.lang), pause(PAUSE.digitPair), said(words.repeat));
  if (reply.expects === 'digits') parts.push(pause(PAUSE.digitPair), said(words.digits));
  return tidy(parts);
}

/** Everything a reply says, with the re-prompt and the way out after silence when it waits for an answer. */
export function replySpeech(reply: Reply, voices: VoiceOptions = DEFAULT_VOICES): SpeechPart[] {
  const prompt = promptParts(reply);
  if (!reply.expectsInput) return prompt;
  const parts = [...prompt, ...SILENCE_WAIT, said(WORDS[reply.lang].silence), ...prompt];
  const wayOut = voices.noInputWayOut?.(reply.lang);
  if (wayOut) parts.push(...SILENCE_WAIT, ...speechParts(wayOut, reply.lang));
  return tidy(parts);
}

// XML 1.0 forbids most control characters even when escaped; a stray one must not break the SSML.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

export function ssmlLanguage(lang: Lang): string {
  return lang === 'da' ? 'da-DK' : 'en-GB';
}

/** Speech parts as an SSML document in the given language and voice. */
export function partsToSsml(parts: readonly SpeechPart[], lang: Lang, voice: string): string {
  const body = parts.map((p) => (p.kind === 'text' ? escapeXml(p.text) : `<break time="${Math.round(p.ms)}ms"/>`)).join('');
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${ssmlLanguage(lang)}"><voice name="${escapeXml(voice)}">${body}</voice></speak>`;
}

/**
 * The SSML for a reply: Danish (`da-DK`) or English, the configured voice, times and numbers read
 * naturally, the choices as "Tryk 1 for …", and — when it waits for an answer — a re-prompt after
 * silence and then the way out.
 */
export function toSsml(reply: Reply, voices: VoiceOptions = DEFAULT_VOICES): string {
  return partsToSsml(replySpeech(reply, voices), reply.lang, reply.lang === 'da' ? voices.voiceDa : voices.voiceEn);
}

/** Voice rendering: plain text for the transcript, SSML in `speak`, numbered choices, the input hint. */
export function renderVoice(reply: Reply, voices: VoiceOptions = DEFAULT_VOICES): Partial<Activity> {
  const choices = reply.choices ?? [];
  const numbered = choices.map((c, i) => `${i + 1}. ${c.label}`);
  const activity: Partial<Activity> = {
    type: 'message',
    text: [reply.speak, ...numbered].join('\n'),
    speak: toSsml(reply, voices),
    locale: ssmlLanguage(reply.lang),
    inputHint: reply.expectsInput ? 'expectingInput' : 'acceptingInput',
  };
  if (reply.expectsInput) {
    const hint: VoiceHint = { expects: reply.expects === 'digits' ? 'digits' : choices.length > 0 ? 'choice' : 'answer', choices: choices.length };
    activity.channelData = { [VOICE_HINT_KEY]: hint };
  }
  return activity;
}
