import { INTENT_PATTERNS } from './intent-words';
import { fold, normalize } from './normalize';
import type { Intent } from './types';

/** Phoning or coming by: with a time attached, the question is whether they are open then. */
const REACHING = /\b(ring\w*|kontakt\w*|komme|kommer|faa fat|call\w*|phone|reach|come|visit)\b/;

/**
 * What the citizen wants. A time expression turns "kan jeg ringe til pladsanvisningen torsdag kl. 16.30?"
 * into an hours question: the answer is yes or no with the hours, not the number.
 */
export function detectIntent(text: string, hasTime: boolean): Intent {
  const folded = fold(normalize(text));
  const found = INTENT_PATTERNS.find((p) => p.pattern.test(folded))?.intent ?? 'unknown';
  if (hasTime && found !== 'callback' && found !== 'hours' && REACHING.test(folded)) return 'hours';
  return found;
}
