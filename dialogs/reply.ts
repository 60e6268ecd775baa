import type { Lang } from '../knowledge/schema/unit';

/**
 * The channel-neutral reply the dialogs produce. Renderers (dialogs/render/) turn it into a web
 * chat activity (markdown, suggested actions, a hero card) or a voice activity (SSML, numbered
 * choices). Dialogs never branch on a channel name.
 */
export interface Reply {
  readonly lang: Lang;
  /** What a reader sees: short paragraphs, `**bold**` and lists allowed. */
  readonly text: string;
  /** What a listener hears: plain sentences, no markdown, phone numbers as numbers. */
  readonly speak: string;
  /** Options the citizen can pick by button, by typing its number, or by DTMF. */
  readonly choices?: readonly Choice[];
  /** The facts of one unit, for a card. */
  readonly card?: FactCard;
  /**
   * Where a channel draws the card, the text to show beside it: only what the card does not
   * already say (the yes/no for a time asked about, the week's hours), so the facts are not shown
   * twice. Channels without cards use `text`, which says everything.
   */
  readonly besideCard?: string;
  /** Whether the bot now waits for an answer (prompts) or just informs. */
  readonly expectsInput?: boolean;
  /**
   * What kind of answer a prompt waits for, when a channel can help: `digits` = a number the
   * citizen may key in (a keypad channel collects the keys up to `#`). Channel-neutral: the
   * dialog says what it asks for, the renderer decides what that means for its channel.
   */
  readonly expects?: 'digits';
}

export interface Choice {
  /** What comes back to the dialog when chosen (a unit id, "yes", a slot ISO...). */
  readonly value: string;
  readonly label: string;
  /** More words that select it ("ja", "yes"...). */
  readonly synonyms?: readonly string[];
}

export interface FactCard {
  readonly unitId: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly phones: readonly { readonly display: string; readonly tel: string; readonly label?: string }[];
  /** open: true / false, or null when the hours are not known. */
  readonly status: { readonly open: boolean | null; readonly text: string };
  readonly otherWays: readonly { readonly label: string; readonly url?: string }[];
  /** "Kilde: …, senest kontrolleret …" */
  readonly sourceLine: string;
}

/** Joins the parts of several replies into one, in order (emergency first, then the answer…). */
export function joinReplies(lang: Lang, parts: readonly Reply[]): Reply {
  const card = parts.find((p) => p.card)?.card;
  const choices = parts.flatMap((p) => p.choices ?? []);
  return {
    lang,
    text: parts.map((p) => p.text).join('\n\n'),
    speak: parts.map((p) => p.speak).join(' '),
    ...(choices.length > 0 ? { choices } : {}),
    ...(card ? { card, besideCard: parts.map((p) => (p.card ? (p.besideCard ?? '') : p.text)).filter((t) => t.length > 0).join('\n\n') } : {}),
    expectsInput: parts.some((p) => p.expectsInput),
    ...(parts.some((p) => p.expects === 'digits') ? { expects: 'digits' as const } : {}),
  };
}
