/**
 * The words of what a citizen wants, Danish and English, as regular expressions over FOLDED normalised
 * text (æ -> ae, ø -> oe, å -> aa; see normalize.ts), so "åbent" is written `aabent` here and also matches
 * the ASCII spelling a citizen may type. Tried in this order; the first that matches decides.
 */
import type { Intent } from './types';

export const INTENT_PATTERNS: readonly { intent: Exclude<Intent, 'unknown'>; pattern: RegExp }[] = [
  {
    // "ring mig op", "kan I ringe mig op", "blive ringet op", "ringe tilbage", "call me back".
    intent: 'callback',
    pattern:
      /\b(ring\w* (mig|os) (op|tilbage)|ring\w* (op|tilbage) til (mig|os)|(blive|bliver|blevet) ringet op|ringe\w* tilbage|call\w* (me|us) back|call ?back|ring (me|us) back|phone (me|us) back|get back to me|opkald tilbage|tilbageopkald|kontakte mig|contact me|ringe til mig|call me)\b/,
  },
  {
    // Opening and phone hours, open now, when to call.
    intent: 'hours',
    pattern:
      /\b(aabning\w*|telefontid\w*|ringetid\w*|aaben|aabent|aabner|aabne|lukke\w*|lukket|lukker|open\w*|close\w*|hours?|hvornaar (kan|maa|skal) (jeg|man|vi) (ringe|komme|kontakte|faa fat)|hvornaar (har|er) \w+( \w+)? (aabent|aaben|telefontid)|when can (i|we|you) (call|ring|phone|reach|come)|can (i|we) (call|ring|phone) (now|today|tomorrow)|kan (jeg|man|vi) ringe (nu|i dag|idag|i morgen|imorgen|paa|om|efter|foer|kl)|(what|which) time)\b/,
  },
  {
    // Contact details: the number, the e-mail, where to call, whom to talk to.
    intent: 'contact',
    pattern:
      /\b(telefon ?nummer\w*|nummer\w*|tlf|telefon|mail\w*|e ?mail\w*|adresse\w*|kontakt\w*|ringe til|ring til|komme i kontakt|faa fat|fat i|tale med|snakke med|hvem (skal|kan) jeg (ringe|kontakte|skrive|henvende)|henvende mig|phone|number|email|e mail|address|contact|reach|get hold|talk to|speak to|speak with|talk with|who (do|should|can) i (call|contact|ring|write))\b/,
  },
  {
    // How to do something, or what to do.
    intent: 'howto',
    pattern:
      /\b(hvordan|hvad skal jeg|hvad goer jeg|hvad kraever|ansoeg\w*|soege om|soeger om|bestille|bestiller|melde|tilmelde\w*|afmelde\w*|forny\w*|skifte|faa (et|en|ny|nyt)|how (do|can|to|should|does)|what do i (need|do)|apply|applying|application|renew\w*|book\w*|register\w*|sign up|order)\b/,
  },
];

/**
 * Words about phoning and opening hours: they tell the intent, not the unit, and appear in many units'
 * examples. Routing gives them a small weight (see index-build.ts) so "hvornår har pladsanvisningen
 * telefontid" is decided by "pladsanvisningen".
 */
export const ROUTING_WEAK: readonly string[] = [
  'telefontid', 'telefontider', 'telefontiden', 'åbningstid', 'åbningstider', 'åbningstiden', 'åbent', 'åben',
  'åbner', 'lukket', 'lukker', 'ringe', 'ring', 'ringer', 'nummer', 'nummeret', 'telefonnummer',
  'telefonnummeret', 'telefon', 'tlf', 'kontakt', 'kontakte', 'mail', 'email', 'hjælp', 'hjælpe', 'spørgsmål',
  'open', 'opening', 'hours', 'closed', 'call', 'phone', 'number', 'contact', 'email', 'help', 'question',
];
