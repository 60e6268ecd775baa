/**
 * Words that report contact with a unit rather than ask for it: "Borgerservice sagde jeg skulle ringe
 * til jer om min husleje", "I called the job centre and they sent me here". A unit named next to one of
 * these is where the citizen has been, not (necessarily) where the question belongs; the rest of the
 * message decides. Normalised form; matched on whole words within a few words of the name.
 */
export const MENTION_CUES: readonly string[] = [
  // Danish: said, says, referred, called, talked, wrote, sent, been in contact, could not help
  'sagde', 'siger', 'sagt', 'henviste', 'henviser', 'henvist', 'ringet', 'ringede', 'talt', 'talte', 'snakket',
  'snakkede', 'skrevet', 'skrev', 'sendte', 'sendt', 'kontakt', 'kontaktet', 'kontaktede', 'været', 'forklarede',
  'mente', 'mener', 'vejledte',
  // English
  'said', 'says', 'told', 'called', 'rang', 'talked', 'spoke', 'contacted', 'wrote', 'sent', 'referred',
  'redirected', 'advised',
];

/** How far (in words) a cue may stand from the name it reports on. */
export const MENTION_WINDOW = 4;
