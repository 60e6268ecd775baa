/**
 * The emergency lexicon: phrases that mean danger to life or safety, in Danish and English.
 * Recall comes first (issue 3): a missed emergency is a defect, a few false alarms are tolerable. So the
 * phrases are generous, matched with typo tolerance, and with small gaps between their words.
 *
 * Pattern language (compiled in emergency-match.ts), on normalised text with æ/ø/å:
 * - words separated by spaces must appear in this order; by default one other word may sit between two
 *   of them ("slår mig" also matches "slår også mig"); `...` allows up to four;
 * - `a|b|c` is one slot with alternatives;
 * - `word*` matches any word starting with `word` ("selvmord*" matches "selvmordstanker");
 * - words of six letters or more also match with one typo ("selvmort", "bevistløs").
 *
 * `weak` phrases are distress, not danger on their own: two of them (or one with a strong phrase) make an
 * emergency. NOT_EMERGENCY phrases are masked out before matching: idioms that contain a danger word
 * ("jeg dør af grin", "brand new", "killer deal") and everyday uses ("slå mig ned" = settle down).
 *
 * What is deliberately absent: urgency without danger ("akut", "haster", "urgent", "fjernvarmen er gået
 * ned", "akut brug for nyt pas"): those are routed, not alarmed.
 */
import type { AcuteCategory } from '../schema/unit';

export type EmergencyCategory = Extract<AcuteCategory, 'child' | 'crisis' | 'environment' | 'general'>;

export interface EmergencyPhrase {
  readonly pattern: string;
  readonly category: EmergencyCategory;
  readonly weak?: boolean;
}

const crisis = (pattern: string, weak = false): EmergencyPhrase => ({ pattern, category: 'crisis', weak });
const general = (pattern: string): EmergencyPhrase => ({ pattern, category: 'general' });
const child = (pattern: string): EmergencyPhrase => ({ pattern, category: 'child' });
const environment = (pattern: string): EmergencyPhrase => ({ pattern, category: 'environment' });

/** Own-life words after "tage"/"ende": "tage mit eget liv", "ende hans liv". */
const OWN = 'mit|sit|dit|hans|hendes|mig|sig';

export const EMERGENCY_PHRASES: readonly EmergencyPhrase[] = [
  // --- Suicide, self-harm, acute psychological crisis (Danish) -------------------------------------
  crisis('selvmord*'),
  crisis('selvmorderisk*'),
  crisis(`tage ${OWN} eget liv`),
  crisis(`tage livet af ${OWN}`),
  crisis('slå mig|sig|dig selv ihjel'),
  crisis('dræbe mig|sig selv'),
  crisis(`ende|afslutte ${OWN} liv|livet`),
  crisis('gøre en ende på det|livet|alt|mit'),
  crisis('ende det hele'),
  crisis('vil|ville ikke leve'),
  crisis('ikke leve mere|længere'),
  crisis('ikke lyst til at leve'),
  crisis('orker|magter ikke at leve'),
  crisis('ikke værd at leve'),
  crisis('ingen grund til at leve'),
  crisis('vil|ville|ønsker bare dø'),
  crisis('vil gerne dø'),
  crisis('ønsker at dø'),
  crisis('have|har lyst til at dø'),
  crisis('hellere være død'),
  crisis('skære|skærer|skar i mig|sig selv'),
  crisis('skade|skader mig|sig selv'),
  crisis('gøre|gør mig|sig selv skade|fortræd'),
  crisis('selvskade*'),
  crisis('cutter|cutte|cuttet'),
  crisis('hoppe|springe ud foran'),
  crisis('kaste mig|sig ud foran'),
  crisis('ser ingen anden udvej'),
  crisis('psykisk|akut krise|sammenbrud'),
  crisis('psykose|psykotisk'),
  crisis('kan ikke mere', true),
  crisis('orker ikke mere', true),
  crisis('kan ikke klare mere|det', true),
  crisis('ingen udvej', true),
  crisis('håbløst|håbløs', true),
  crisis('giver op', true),
  crisis('alene og bange', true),
  // --- Suicide, self-harm, acute psychological crisis (English) ------------------------------------
  crisis('suicid*'),
  crisis('end|ending|take|taking my|own|his|her life'),
  crisis('kill|killing myself'),
  crisis('end it all'),
  crisis('want|going to die'),
  crisis('wanna|gonna die'),
  crisis('dont|not want to live|be alive'),
  crisis('no reason to live'),
  crisis('not worth living'),
  crisis('better off dead'),
  crisis('hurt|hurting|harm|harming|cut|cutting myself|herself|himself'),
  crisis('self harm*'),
  crisis('selfharm*'),
  crisis('jump off|in front'),
  crisis('mental breakdown|crisis'),
  crisis('psychotic|psychosis'),
  crisis('cant|cannot go on', true),
  crisis('cant|cannot take it anymore', true),
  crisis('no way out', true),
  crisis('hopeless', true),
  crisis('give up', true),

  // --- Violence and threats (Danish) -------------------------------------------------------------------
  general('slår|slog|banker|bankede|tæsker|tæskede|sparker|sparkede|kvæler|kvalte|hamrer mig|os|hende|ham'),
  general('har slået|banket|tæsket|sparket mig|os|hende'),
  general('truer|truet|truede med at slå|dræbe|skade|stikke|skyde'),
  general('truer|truet|truede ... med kniv|våben|pistol|økse'),
  general('vold|volden|voldelig|voldelige|voldeligt|voldsudøver|partnervold'),
  general('voldtægt|voldtaget|voldtog|voldtager|voldtage'),
  general('overfald|overfaldet|overfaldt|overfalder|overfaldne'),
  general('knivstik*'),
  general('kniv|kniven|knive|pistol|pistolen|våben|våbnet|gevær'),
  general('stukket|stak ned'),
  general('blevet|er stukket|skudt'),
  general('skyder på|mod|efter'),
  general('skud|skyderi|skudsalve'),
  general('gidsel|gidsler|kidnappet|bortført*'),
  general('bange for min|hans|hendes mand|kæreste|kone|far|eks|ekskæreste|ekskone|ekskæresten|samlever'),
  general('han|hun truer mig|os'),
  general('forfølger mig|os'),
  // --- Violence and threats (English) --------------------------------------------------------------------
  general('hits|hit|hitting|beats|beat|beating|kicks|kicked|choked|strangled|strangling me|us|her|him'),
  general('choking'),
  general('threaten*|threat* to kill|hurt|stab|shoot'),
  general('threaten* ... with knife|gun|weapon'),
  general('knife|gun|weapon|firearm'),
  general('stabbed|stabbing|shooting|shot at'),
  general('been|was|got|is shot'),
  general('assault*'),
  general('rape|raped|raping'),
  general('domestic violence|abuse'),
  general('violent|violence'),
  general('attacked|attacking me|us|her|him'),
  general('hostage|kidnapped|abducted'),
  general('afraid|scared of my husband|boyfriend|partner|wife|father|ex'),

  // --- Fire and explosions -------------------------------------------------------------------------------
  general('brand|ildebrand|ildspåsættelse'),
  general('det|huset|lejligheden|køkkenet|bilen brænder'),
  general('står i flammer'),
  general('flammer'),
  general('ild i'),
  general('røg fra'),
  general('kommer|vælter røg'),
  general('røgen'),
  general('røgudvikling|røgforgiftning|røgforgiftet'),
  general('eksplosion|eksploderet|bombe|bomben'),
  general('on fire'),
  general('a|the|theres fire'),
  general('fire in|at'),
  general('house|building|flat|apartment|kitchen fire'),
  general('is burning'),
  general('smoke|flames|explosion|exploded|bomb'),

  // --- Medical emergencies (Danish) ----------------------------------------------------------------------
  general('trækker ikke vejret'),
  general('kan ikke trække|få vejret'),
  general('får ikke luft|vejret'),
  general('bevidstløs*|livløs*|besvimet|besvimede|mistet bevidstheden'),
  general('faldet|faldt om'),
  general('faldet|faldt ... kan ikke rejse|komme'),
  general('han|hun|mor|far|mand|kone|barnet|babyen|ham|hende|nabo|naboen|moren|faren|manden|konen|kæreste|kæresten reagerer ikke'),
  general('vil|kan ikke vågne|vække'),
  general('hjertestop|hjerteanfald|blodprop|slagtilfælde|hjerneblødning'),
  general('ondt|smerter i brystet'),
  general('brystsmerter'),
  general('bløder meget|voldsomt|kraftigt|stadig|fra'),
  general('kraftig|voldsom blødning'),
  general('krampeanfald|kramper'),
  general('allergisk chok|reaktion'),
  general('anafylaktisk*'),
  general('overdosis|overdosen'),
  general('taget|slugt|spist for mange piller|pillerne|tabletter'),
  general('taget|slugt|spist alle ... piller|pillerne|tabletter'),
  general('forgiftet|forgiftning'),
  general('drukket|slugt klor*|rengøringsmiddel|afløbsrens|kemikalier|gift'),
  general('drukner|druknet|druknede|drukne'),
  general('faldet i vandet|havnen|søen|åen'),
  general('gennem|under isen'),
  general('ved at dø'),
  general('døende'),
  general('livsfare|livsfarlig|livstruende'),
  general('ambulance|ambulancen|ambulancer'),
  general('112'),
  general('nødsituation'),
  general('hjælp hjælp'),
  // --- Medical emergencies (English) ---------------------------------------------------------------------
  general('not|isnt|stopped breathing'),
  general('cant|cannot|couldnt breathe'),
  general('unconscious|unresponsive|collapsed|fainted'),
  general('passed out'),
  general('wont|not|doesnt wake up'),
  general('heart attack'),
  general('cardiac arrest'),
  general('stroke|seizure|seizures|convulsions'),
  general('chest pain|pains'),
  general('bleeding'),
  general('allergic reaction|shock'),
  general('anaphyla*'),
  general('overdose*'),
  general('took|taken|swallowed too many pills|tablets'),
  general('took|taken|swallowed all ... pills|tablets'),
  general('poisoned|poisoning'),
  general('swallowed|drank bleach|detergent|chemicals|poison'),
  general('drowning|drowned|drown'),
  general('fell into|in water|harbour|harbor|lake|river|sea'),
  general('through the ice'),
  general('dying'),
  general('life threatening'),
  general('lifethreatening'),
  general('call|called|calling an ambulance'),
  general('ambulance'),
  general('emergency room'),
  general('help me please'),

  // --- A child in danger ---------------------------------------------------------------------------------
  child('barn|barnet|børn|børnene|baby|babyen|søn|datter|dreng|pige ... forsvundet|savnet|bortført*'),
  child('kan ikke finde mit|min|vores barn|barnet|søn|datter|dreng|pige'),
  child('barn|barnet|børn|børnene|baby|babyen ... alene hjemme'),
  child('slår|slog|banker|mishandler|misbruger|sparker|ryster barnet|børnene|babyen|ungerne'),
  child('mishandl*|omsorgssvigt*|vanrøgt*|børnemishandling'),
  child('seksuelt misbrug*|misbrugt'),
  child('misbrug af barn|børn|barnet'),
  child('child|kid|son|daughter|baby|boy|girl ... missing|abducted|kidnapped'),
  child('cant|cannot find my son|daughter|child|kid|baby'),
  child('child|children|kid|kids|baby ... alone at home|home alone'),
  child('child abuse|neglect'),
  child('abusing|abused|neglecting|neglected ... child|children|kid|kids|son|daughter|baby'),
  child('shaking the|my baby'),

  // --- Accidents and missing people --------------------------------------------------------------------
  general('ulykke|ulykken|trafikulykke|færdselsulykke|påkørt|påkørsel'),
  general('kørt ned'),
  general('elektrisk stød'),
  general('indbrudstyv|indbrudstyve|tyven|tyvene ... i huset|lejligheden|hjemme'),
  general('mor|far|mand|kone|dement|demente|bedstemor|bedstefar|morfar|mormor|farmor|farfar ... forsvundet|savnet|væk'),
  general('car|traffic accident'),
  general('hit|run over by a car|bus|truck'),
  general('electrocuted|electric shock'),
  general('intruder|burglar|breaking in|break in'),
  general('missing person'),
  general('gone missing'),

  // --- Gas, chemicals, pollution -------------------------------------------------------------------------
  environment('lugter|lugt af gas|kemikalier|benzin'),
  environment('gaslugt|gasudslip|gaslæk|gaslækage|gasforgiftning'),
  environment('gas siver|lækker|strømmer|udslip'),
  environment('udslip|kemikalieudslip|olieudslip|kemikalieulykke'),
  environment('olie|kemikalier|gift i åen|søen|havnen|vandet|kloakken|brønden'),
  environment('døde fisk'),
  environment('fiskedød'),
  environment('giftig røg|giftige dampe|giftig gas'),
  environment('kulilte*|kulos'),
  environment('smell|smells|smelling of gas'),
  environment('smell|smells gas'),
  environment('gas leak|leaking|smell'),
  environment('leaking gas'),
  environment('chemical spill|leak'),
  environment('oil spill'),
  environment('toxic fumes|gas|smoke'),
  environment('carbon monoxide'),
  environment('dead fish'),
];

/** Idioms and everyday phrases that contain a danger word but mean none: masked before matching. */
export const NOT_EMERGENCY: readonly string[] = [
  'dør|døde|døer af grin|grine|latter',
  'griner mig ihjel',
  'keder mig ihjel|til døde',
  'slå|slår|slog mig ned',
  'slå|slår|slog det|den|dem|noget op',
  'slå|slår tiden ihjel',
  'drukner i arbejde|papirer|regninger|mails|post|opgaver',
  'skudt i gang',
  'skyde|skyder det|den i gang',
  'brand new',
  'brand name',
  'the|our|their|a brand',
  'killer deal|app|feature|price|prices|offer',
  'kill time',
  'killing time',
  'dying to',
  'dying of laughter',
  'dying laughing',
  'to die for',
  'give up smoking|my place|my flat|my apartment',
  'giver op med|på',
  'fire børn|uger|dage|gange|måneder|timer|år|personer|voksne|kr|kroner',
  'kan ikke mere finde|logge|komme|se',
  'bleeding edge',
  'smoke alarm|detector|detectors|alarms',
  'shot of',
  'flu shot',
  'stukket|stak af',
  'slår mig at|som',
  'hit me up',
  'beat me to',
  'kicked me|us|him|her out',
  'want|wanted to live in|with|at|near|there|here|together',
  'leve med',
  'by accident',
  'accidentally',
];

/**
 * Real words one typo away from a lexicon word: never read as that typo. "det sparer mig tid" (saves) is
 * not "sparker mig" (kicks), "lever" is a liver, not "leve".
 */
export const NOT_TYPOS: readonly string[] = ['sparer', 'sparet', 'sparede', 'skader', 'brander', 'brands', 'savner', 'banken'];

/** Chat spellings mapped to the dictionary word before matching ("ik" is how many write "ikke"). */
export const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['ik', 'ikke'],
  ['ikk', 'ikke'],
  ['ike', 'ikke'],
  ['mej', 'mig'],
  ['dej', 'dig'],
  ['jg', 'jeg'],
  ['sku', 'skulle'],
  ['gider', 'orker'],
  ['u', 'you'],
  ['ur', 'your'],
]);

/** Words for a child: an emergency that mentions one is also a 'child' emergency (Børn og ungevagten). */
export const CHILD_WORDS: readonly string[] = [
  'barn', 'barnet', 'børn', 'børnene', 'baby', 'babyen', 'spædbarn', 'søn', 'sønnen', 'datter', 'datteren',
  'dreng', 'drengen', 'pige', 'pigen', 'ungen', 'ungerne', 'teenager', 'stedsøn', 'steddatter', 'barnebarn',
  'child', 'children', 'kid', 'kids', 'son', 'daughter', 'boy', 'girl', 'toddler', 'infant', 'teen', 'teenager',
];
