import { normalize, tokens } from './normalize';

/**
 * Danish or English, from the function words a message is built of (the content words are shared:
 * "MitID", "SFO", "Dokk1"). Danish letters count for Danish. On a tie Danish wins: it is the municipality's
 * language, and a one-word message such as "pas" is more likely Danish.
 *
 * "i" is left out on purpose: Danish "in" and English "I" are the same token once lower-cased.
 */
const DANISH_MARKERS = new Set(
  `jeg du vi de det den der er og at en et til på af med for har hvad hvordan hvornår hvor hvem hvorfor kan
   skal vil min mit mine ikke om fra når så også mig dig sig jer hej tak godt kommunen ringe åbent åben
   lukket telefontid nummer søn datter barn børn mand kone kæreste nabo mor far hjælp brug have få gerne
   noget nogen nu lige bare meget hjem hus bolig ja nej`.split(/\s+/),
);

const ENGLISH_MARKERS = new Set(
  `the is are am was be my me you your we our they their it its to of and in on at for with have has do does
   how what when where who why can could would should will need want please hello hi thanks open closed
   call phone number help from this that there here not dont don't im i'm iam just get got moved new my
   son daughter child children wife husband girlfriend boyfriend neighbour neighbor mother father yes no`.split(/\s+/),
);

export function detectLanguage(text: string): 'da' | 'en' {
  const normalized = normalize(text);
  let da = /[æøå]/.test(normalized) ? 2 : 0;
  let en = 0;
  for (const token of tokens(normalized)) {
    if (DANISH_MARKERS.has(token)) da += 1;
    if (ENGLISH_MARKERS.has(token)) en += 1;
  }
  // English "I" as a word, written upper-case, is a strong hint Danish never gives.
  if (/(^|[^\p{L}])I([^\p{L}]|$)/u.test(text)) en += 1;
  return en > da ? 'en' : 'da';
}
