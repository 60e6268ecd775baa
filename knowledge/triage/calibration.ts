/**
 * How scores become a calibrated confidence, and when triage abstains. Every number here was fitted or
 * chosen on test/eval/dev.jsonl (never on the held-out sets): temperature and "none" score by minimising
 * log loss (`frontdoor eval --set dev --tune` prints the fit per variant); the thresholds from the dev
 * trade-off of misroutes against abstentions. At the defaults, on the 374 dev questions: top-1 96.1%,
 * misroutes 1.2%, answered correctly 90.4%, out-of-scope abstained 95%, expected calibration error 0.025.
 *
 * Refit on dev.jsonl + dev2.jsonl together (710 questions; dev2 written apart from dev and the KB):
 * log loss picks T 0.9-1.0 and none 4.25 (unchanged within the grid's step), T 0.9 has the lower
 * calibration error (0.023 against 0.030). The threshold went from 0.7 to 0.75: on the joined sets the
 * 0.70-0.75 band answers only about three in four right, and raising it cuts misroutes 1.4% -> 1.0% for
 * 1.4 points fewer answers (91.2% -> 89.8%), out of scope unchanged. The misroute rate on unseen
 * phrasing has run about twice the dev one, so the margin under the 3% target is kept on purpose.
 * After the KB vocabulary, compound and stemmer changes that followed (same joined sets, these defaults):
 * top-1 96.7%, answered correctly 90.9%, misroutes 0.6%, out of scope abstained 93.9%, calibration error
 * 0.019; the log-loss fit then gives T 1.0 / none 4.5, which raises the calibration error to 0.028 for
 * no gain, so T 0.9 / none 4.25 stay.
 * Everyday words damped by their frequency (commonFloor, common-words.ts), measured on a third dev set
 * written apart from the first two and from the KB (dev3.jsonl, 435 questions, fresh when measured):
 * floor 1 (off) / 0.6 / 0.4 / 0.25 gave dev3 top-1 87.2 / 87.7 / 88.5 / 87.9% and misroutes 8.2 / 7.4 /
 * 7.2 / 7.2%, dev+dev2 top-1 97.0 / 97.0 / 96.7 / 96.8%; 0.4 refits to T 0.9 / none 4.5. A fourth set
 * (dev4.jsonl, 393, fresh) confirmed it: floor 1 -> 0.4 top-1 88.3 -> 89.2%, out of scope 88.1 -> 92.9%.
 * A question with under 60% known words needs confidence 0.85 to be answered (else 0.75), measured on
 * the fresh sets: dev3 / dev4 / dev5 answered correctly -0.5 / -0.8 / -1.2 points, misroutes -0.2 / -1.1 /
 * -0.8 (those become clarifying questions); 0.7 / 0.9 cut more of both.
 * termOnce (a term reached twice scores once): dev3 top-1 88.5 -> 88.7%, misroutes 7.2 -> 6.9%, dev4 and
 * dev+dev2 unchanged.
 */
export interface Calibration {
  /** Softmax temperature over the top candidates' scores, fitted by minimising log loss on dev. */
  readonly temperature: number;
  /**
   * Score of the "none of these" pseudo-candidate in the softmax: evidence a unit must beat before its
   * confidence passes 50%. Fitted with the temperature.
   */
  readonly nullScore: number;
  /** How many top candidates the softmax runs over (the rest carry no weight worth the work). */
  readonly candidates: number;
  /** Abstain below this confidence: a clarifying question beats a confident wrong answer. */
  readonly minConfidence: number;
  /** Below this share of known words, answering needs lowCoverageMinConfidence instead of minConfidence. */
  readonly lowCoverage: number;
  readonly lowCoverageMinConfidence: number;
  /** Out of scope when less than this share of the question's content words is municipal vocabulary. */
  readonly minCoverage: number;
  /** Out of scope when the best score is below this, whatever the coverage. */
  readonly minScore: number;
  /** A best score this high is municipal business even when many other words are not (a long story). */
  readonly strongScore: number;
  /** Added to a unit whose whole name or an alias is in the message ("Borgerservice", "Den Digitale Hotline"). */
  readonly nameBonus: number;
  /** Added to a unit one of whose keywords or topics of two words or more stands whole in the message. */
  readonly phraseBonus: number;
  /** Each further word of a name or phrase adds this share of its bonus ("stemme på plejehjem" > "plejehjem"). */
  readonly bonusPerWord: number;
  /** Words about phoning, hours and time count this much for routing (they say little about WHICH unit). */
  readonly weakWeight: number;
  /** Words of time ("nat", "weekend", "søndag") count this much for routing. */
  readonly timeWeight: number;
  /** A unit's name told as where the citizen has been ("Borgerservice sagde...") counts this much. */
  readonly mentionWeight: number;
  /** The weight of the most common everyday word; rarer words weigh more, up to 1 (common-words.ts). */
  readonly commonFloor: number;
  /** A term the message reaches twice ("gebyr ... gebyret") scores once. */
  readonly termOnce: boolean;
  /** The emergency model (emergency-model.ts) raises the alarm from this probability, when the lexicon did not. */
  readonly emergencyModelThreshold: number;
  /**
   * ...and from this one when the lexicon masked an idiom that hid words of its danger phrases ("banker på"
   * is knocking, not beating): the figure of speech is discounted, but a message the model is all but sure
   * of still alarms.
   */
  readonly emergencyModelIdiomThreshold: number;
  /** ...and from this one when the lexicon read the danger as told after the fact (AFTER_THE_FACT, WELL_NOW). */
  readonly emergencyModelReportedThreshold: number;
  /**
   * ...and from this one when the writer says it is not dangerous (SAID_NOT_DANGEROUS). Until sealed set CR
   * such a message was never the model's to alarm; there a p = 1.00 assault opened with "just wondering".
   */
  readonly emergencyModelCalmThreshold: number;
  /**
   * The model stands a lexicon alarm down when the message's words speak this strongly against an
   * emergency (EmergencyModel.evidence, log-odds)...
   */
  readonly emergencyVetoEvidence: number;
  /** ...and the six words either side of the phrase below this one... */
  readonly emergencyVetoNearEvidence: number;
  /**
   * ...and the words on each side of it, each side on its own, below this one. Without it a bare phrase
   * after a question about an application ("hej jeg har et spørgsmål om min ansøgning, men det ryger")
   * was stood down once sets CK and CL were learned (near company -5.6). The near bar was then -6 for a
   * while; with this side bar at 0 and the near bar back at -4, leave-one-set-out over 44 sets stood down
   * 23 of the lexicon's 95 false alarms (19 at -6 without it) and none of its 3363 caught emergencies.
   * At 0 a side of one word the model leans on by a hair ("slumped over": "over" at -0.04) counted as
   * speaking against danger; at -0.5, over 48 sets: 20 of 95 stood down, 0 of 3560.
   */
  readonly emergencyVetoSideEvidence: number;
  /** ...and only in a message of at least this many words: a bare danger phrase is never stood down. */
  readonly emergencyVetoMinWords: number;
}

export const DEFAULT_CALIBRATION: Calibration = {
  temperature: 0.9,
  nullScore: 4.5,
  candidates: 5,
  minConfidence: 0.75,
  lowCoverage: 0.6,
  lowCoverageMinConfidence: 0.85,
  minCoverage: 0.5,
  minScore: 2,
  strongScore: 7,
  nameBonus: 2,
  phraseBonus: 1,
  bonusPerWord: 0,
  weakWeight: 0.3,
  timeWeight: 0.3,
  mentionWeight: 0.3,
  commonFloor: 0.4,
  termOnce: true,
  emergencyModelThreshold: 0.6,
  emergencyModelIdiomThreshold: 0.95,
  emergencyModelReportedThreshold: 0.9,
  emergencyModelCalmThreshold: 0.99,
  emergencyVetoEvidence: -4,
  emergencyVetoNearEvidence: -4,
  emergencyVetoSideEvidence: -0.5,
  emergencyVetoMinWords: 6,
};
