import type { Lang } from '../knowledge/schema/unit';

/** What the conversation remembers between turns (botbuilder ConversationState). */
export interface ConversationMemory {
  lang: Lang;
  /** The citizen chose the language ("English"/"dansk"): stop auto-detecting. */
  langChosen: boolean;
  /** The unit the last answer was about, for follow-ups ("hvad er deres mail?"). */
  lastUnitId?: string;
  welcomed: boolean;
}

export function freshMemory(): ConversationMemory {
  return { lang: 'da', langChosen: false, welcomed: false };
}
