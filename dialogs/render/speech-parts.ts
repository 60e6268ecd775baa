/**
 * What a voice says, before it becomes markup: text to speak and pauses. The SSML renderer
 * (voice.ts) serialises it for Bot Framework's `speak`; the IVR adds the same parts to TwiML's
 * `<Say>` through the twilio library, so both read numbers, times and references alike.
 */
export type SpeechPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'pause'; readonly ms: number };

export function said(text: string): SpeechPart {
  return { kind: 'text', text };
}

export function pause(ms: number): SpeechPart {
  return { kind: 'pause', ms };
}

/** Pauses used between pieces of speech (measured by ear against Azure's Danish neural voices). */
export const PAUSE = {
  /** Between the digit pairs of a phone number. */
  digitPair: 300,
  /** Between sentences that belong to different things (the answer, then a menu). */
  section: 500,
  /** The telephony channel allows breaks of at most 5 seconds each. */
  longest: 5000,
} as const;

/**
 * Joins adjacent text parts and drops empty ones, so markup stays small and a pause never
 * stands at the very start or end.
 */
export function tidy(parts: readonly SpeechPart[]): SpeechPart[] {
  const out: SpeechPart[] = [];
  for (const part of parts) {
    if (part.kind === 'text' && part.text.trim() === '') continue;
    const last = out[out.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') out[out.length - 1] = said(`${last.text}${needsSpace(last.text, part.text) ? ' ' : ''}${part.text}`);
    else out.push(part);
  }
  while (out[0]?.kind === 'pause') out.shift();
  while (out[out.length - 1]?.kind === 'pause') out.pop();
  return out;
}

function needsSpace(left: string, right: string): boolean {
  return !/\s$/.test(left) && !/^[\s.,;:!?]/.test(right);
}

/** The words alone, pauses as spaces: for transcripts and tests. */
export function plainSpeech(parts: readonly SpeechPart[]): string {
  return parts
    .map((p) => (p.kind === 'text' ? p.text : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
