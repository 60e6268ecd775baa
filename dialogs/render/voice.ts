import type { Activity } from 'botbuilder';
import type { Reply } from '../reply';

export interface VoiceOptions {
  /** A neural voice name, e.g. da-DK-ChristelNeural / en-GB-SoniaNeural. */
  readonly voiceDa: string;
  readonly voiceEn: string;
}

export const DEFAULT_VOICES: VoiceOptions = { voiceDa: 'da-DK-ChristelNeural', voiceEn: 'en-GB-SoniaNeural' };

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

/** "+45 89 40 20 00" / "89402000" → digit pairs with short pauses between them. */
export function speakPhoneNumbers(escaped: string): string {
  return escaped.replace(/(?:\+45\s?)?\b(\d{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})\b/g, (_m, a: string, b: string, c: string, d: string) =>
    [a, b, c, d].map((pair) => `<say-as interpret-as="digits">${pair}</say-as>`).join('<break time="300ms"/>'),
  );
}

/** The SSML for a reply: the speakable text, then the choices as "Tryk 1 for …". */
export function toSsml(reply: Reply, voices: VoiceOptions = DEFAULT_VOICES): string {
  const lang = reply.lang === 'da' ? 'da-DK' : 'en-GB';
  const voice = reply.lang === 'da' ? voices.voiceDa : voices.voiceEn;
  const menu = (reply.choices ?? []).map((c, i) =>
    reply.lang === 'da' ? `Tryk ${i + 1} for ${c.label}.` : `Press ${i + 1} for ${c.label}.`,
  );
  const body = [reply.speak, ...menu].map((s) => speakPhoneNumbers(escapeXml(s))).join('<break time="400ms"/>');
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${lang}"><voice name="${voice}">${body}</voice></speak>`;
}

/** Voice rendering: plain text for the transcript, SSML in `speak`, numbered choices. */
export function renderVoice(reply: Reply, voices: VoiceOptions = DEFAULT_VOICES): Partial<Activity> {
  const numbered = (reply.choices ?? []).map((c, i) => `${i + 1}. ${c.label}`);
  return {
    type: 'message',
    text: [reply.speak, ...numbered].join('\n'),
    speak: toSsml(reply, voices),
    locale: reply.lang === 'da' ? 'da-DK' : 'en-GB',
    inputHint: reply.expectsInput ? 'expectingInput' : 'acceptingInput',
  };
}
