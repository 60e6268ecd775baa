import type { DateTime } from 'luxon';
import { matchChoice } from '../../dialogs/choices';
import type { Choice } from '../../dialogs/reply';
import type { SpeechPart } from '../../dialogs/render/speech-parts';
import { menuParts, speechParts } from '../../dialogs/render/speech-text';
import { t } from '../../dialogs/texts';
import type { CallbackService } from '../../knowledge/callbacks';
import type { Clock } from '../../knowledge/clock';
import { describeStatus, formatTime, type HoursEngine } from '../../knowledge/hours';
import type { KnowledgeBase } from '../../knowledge/kb';
import type { AcuteCategory, Lang, Unit } from '../../knowledge/schema/unit';
import type { Triage } from '../../knowledge/triage';
import type { CallStore } from './call-store';
import { CallbackFlow } from './ivr-callback-flow';
import { IVR } from './ivr-texts';
import { unitNumber } from './main-line';
import { ask, newResponse, say, twilioVoice, type Speaker, type Twiml } from './twiml-speech';

/**
 * The units most citizens phone about, in menu order (the seeds' call volumes); the menu reads
 * them from the knowledge base, so a renamed unit is renamed here too, and a missing one is left out.
 */
export const MENU_UNITS = ['borgerservice', 'pladsanvisning', 'affaldvarme', 'sundhed-og-omsorg', 'opkraevningen'] as const;

/** Wrong keys or silences at one question before the caller is given the way out. */
export const MAX_TRIES = 2;

/** Below this, triage's best guesses are not worth reading out as a menu. */
const PICK_FLOOR = 0.12;

export interface IvrDeps {
  readonly kb: KnowledgeBase;
  readonly hours: HoursEngine;
  readonly triage: Triage;
  readonly clock: Clock;
  readonly callbacks: CallbackService;
  readonly calls: CallStore;
  /** Prefix of the follow-up URLs: PUBLIC_URL when set (so Twilio calls back through the proxy), else ''. */
  readonly baseUrl: string;
  /** Configured voice names; only Polly./Google. voices apply to Twilio. */
  readonly voices?: { readonly da?: string; readonly en?: string };
}

/** One request of a call: who, what they keyed or said, and where in the menu they are. */
export interface Turn {
  readonly sid: string;
  readonly from: string;
  readonly lang: Lang;
  /** Wrong keys and silences so far at this question. */
  readonly tries: number;
  readonly digits: string;
  readonly speech: string;
  readonly unitId?: string | undefined;
  /** Unit ids read out at a "did you mean" question. */
  readonly choices?: readonly string[] | undefined;
  /** At the number confirmation: whether the number read back was the caller's own or keyed in. */
  readonly how?: 'caller-id' | 'keyed' | undefined;
}

type Step = 'menu' | 'other' | 'pick' | 'unit' | 'callback/number' | 'callback/keyed' | 'callback/slot' | 'callback/confirm';

/**
 * The phone menu as TwiML: the main menu from the knowledge base, "something else" by speech
 * through triage, each unit's answer (who, open now or not, today's hours) and a `<Dial>` when
 * it is open, the callback offer when it is closed. Every question re-prompts once on a wrong key
 * or silence and then gives the way out: the main number's answer (a dial while it is open, the
 * callback offer while it is closed).
 */
export class IvrFlow {
  readonly callback: CallbackFlow;

  constructor(readonly deps: IvrDeps) {
    this.callback = new CallbackFlow(this);
  }

  speaker(lang: Lang): Speaker {
    return { lang, voice: twilioVoice(this.deps.voices?.[lang], lang) };
  }

  url(step: Step, turn: Pick<Turn, 'lang'>, params: Record<string, string | number | undefined> = {}): string {
    const query = new URLSearchParams({ l: turn.lang });
    for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
    return `${this.deps.baseUrl}/ivr/twilio/${step}?${query.toString()}`;
  }

  parts(text: string | undefined, lang: Lang): SpeechPart[] {
    return text ? speechParts(text, lang) : [];
  }

  now(): DateTime {
    return this.deps.clock();
  }

  welcome(turn: Turn): Twiml {
    return this.menu(turn, IVR.welcome[turn.lang]);
  }

  menu(turn: Turn, lead?: string, tries = 0): Twiml {
    const { lang } = turn;
    const other: Lang = lang === 'da' ? 'en' : 'da';
    const labels = [...this.#menuUnits().map((u) => u.name[lang]), IVR.other[lang]];
    const response = newResponse();
    ask(
      response,
      [
        { parts: [...this.parts(lead, lang), ...menuParts(labels, lang), ...speechParts(`${IVR.repeat[lang]} ${IVR.sayIt[lang]}`, lang)], speaker: this.speaker(lang) },
        // The other language is offered in its own voice, so that its speakers understand it.
        { parts: speechParts(IVR.otherLang[lang], other), speaker: this.speaker(other) },
      ],
      { action: this.url('menu', turn, { n: tries }), input: ['dtmf', 'speech'], numDigits: 1, hints: labels.join(', ') },
    );
    return response;
  }

  async onMenu(turn: Turn): Promise<Twiml> {
    const units = this.#menuUnits();
    if (isSilent(turn)) return this.retry(turn, 'silence', (lead, n) => this.menu(turn, lead, n));
    if (turn.digits) {
      if (turn.digits === '0' || turn.digits === '*') return this.menu(turn, undefined, turn.tries);
      if (turn.digits === '9') return this.menu({ ...turn, lang: turn.lang === 'da' ? 'en' : 'da' });
      const n = Number(turn.digits);
      const unit = units[n - 1];
      if (unit) return this.answer(turn, unit);
      if (n === units.length + 1) return this.askOther(turn);
      return this.retry(turn, 'wrongKey', (lead, tries) => this.menu(turn, lead, tries));
    }
    const choices: Choice[] = [
      ...units.map((u) => ({ value: u.id, label: u.name[turn.lang], synonyms: [u.name.da, u.name.en, ...u.aliases] })),
      { value: 'other', label: IVR.other[turn.lang], synonyms: ['andet', 'noget andet', 'other', 'something else'] },
    ];
    const picked = matchChoice(turn.speech, choices);
    if (picked?.value === 'other') return this.askOther(turn);
    const unit = picked ? this.deps.kb.get(picked.value) : undefined;
    return unit ? this.answer(turn, unit) : this.route(turn, turn.speech);
  }

  askOther(turn: Turn, lead?: string, tries = 0): Twiml {
    const response = newResponse();
    ask(response, [{ parts: [...this.parts(lead, turn.lang), ...this.parts(IVR.askOther[turn.lang], turn.lang)], speaker: this.speaker(turn.lang) }], {
      action: this.url('other', turn, { n: tries }),
      input: ['speech', 'dtmf'],
      numDigits: 1,
    });
    return response;
  }

  async onOther(turn: Turn): Promise<Twiml> {
    if (turn.speech) return this.route(turn, turn.speech);
    if (turn.digits === '0' || turn.digits === '*') return this.menu({ ...turn, tries: 0 });
    return this.retry(turn, isSilent(turn) ? 'silence' : 'wrongKey', (lead, n) => this.askOther(turn, lead, n));
  }

  /** Free speech through triage: an emergency first, a unit, a short "did you mean", or the way out. */
  route(turn: Turn, text: string): Twiml {
    const triage = this.deps.triage.classify(text.slice(0, 500), this.now());
    if (triage.emergency) return this.emergency(turn, triage.emergencyCategories);
    const unit = triage.unitId === null ? undefined : this.deps.kb.get(triage.unitId);
    if (unit) return this.answer(turn, unit);
    const candidates = triage.outOfScope ? [] : triage.alternatives.filter((a) => a.confidence >= PICK_FLOOR && this.deps.kb.has(a.unitId)).map((a) => a.unitId).slice(0, 3);
    if (candidates.length > 0) return this.pick({ ...turn, choices: candidates });
    return this.answer(turn, this.deps.kb.main, `${IVR.notSure[turn.lang]} ${IVR.wayOut[turn.lang]}`);
  }

  pick(turn: Turn, lead?: string, tries = 0): Twiml {
    const units = this.#picked(turn);
    const response = newResponse();
    const parts = [
      ...this.parts(lead ?? IVR.pick[turn.lang], turn.lang),
      ...menuParts(units.map((u) => u.name[turn.lang]), turn.lang),
      ...this.parts(IVR.toMenu[turn.lang], turn.lang),
    ];
    ask(response, [{ parts, speaker: this.speaker(turn.lang) }], { action: this.url('pick', turn, { n: tries, c: units.map((u) => u.id).join(',') }), numDigits: 1 });
    return response;
  }

  async onPick(turn: Turn): Promise<Twiml> {
    const units = this.#picked(turn);
    if (units.length === 0) return this.menu(turn, IVR.lost[turn.lang]);
    if (turn.digits === '0' || turn.digits === '*') return this.menu({ ...turn, tries: 0 });
    const unit = units[Number(turn.digits) - 1];
    if (turn.digits && unit) return this.answer(turn, unit);
    if (turn.speech) return this.route(turn, turn.speech);
    return this.retry(turn, isSilent(turn) ? 'silence' : 'wrongKey', (lead, n) => this.pick(turn, `${lead} ${IVR.pick[turn.lang]}`, n));
  }

  /** Who, whether they are open now, today's hours; then a `<Dial>` when open, the callback offer when closed. */
  answer(turn: Turn, unit: Unit, lead?: string, tries = 0): Twiml {
    const { lang } = turn;
    const now = this.now();
    const status = this.deps.hours.status(unit.id, now);
    const facts = [lead, `${unit.name[lang]}.`, `${describeStatus(status, now, lang)}.`, status.kind === 'scheduled' ? this.#today(unit, now, lang) : undefined]
      .filter((s): s is string => s !== undefined)
      .join(' ');
    const response = newResponse();
    const number = unitNumber(unit);
    if (status.open !== false && number) {
      say(response, this.parts(`${facts} ${IVR.putThrough[lang]}`, lang), this.speaker(lang));
      response.dial({ timeout: 30 }, number.e164);
      say(response, this.parts(IVR.afterDial[lang], lang), this.speaker(lang));
      response.hangup();
      return response;
    }
    const offer = status.open === false && unit.callbacks.offered ? IVR.offerCallback[lang] : `${IVR.noCallbacks[lang]} ${IVR.toMenu[lang]}`;
    ask(response, [{ parts: this.parts(`${facts} ${offer}`, lang), speaker: this.speaker(lang) }], { action: this.url('unit', turn, { u: unit.id, n: tries }), numDigits: 1 });
    return response;
  }

  async onUnit(turn: Turn): Promise<Twiml> {
    const unit = turn.unitId ? this.deps.kb.get(turn.unitId) : undefined;
    if (!unit) return this.menu(turn, IVR.lost[turn.lang]);
    if (turn.digits === '0' || turn.digits === '*') return this.menu({ ...turn, tries: 0 });
    if (turn.digits === '1' && unit.callbacks.offered && this.deps.hours.status(unit.id, this.now()).open === false) {
      return this.callback.start({ ...turn, tries: 0 }, unit);
    }
    if (!unit.callbacks.offered && isSilent(turn)) {
      const response = newResponse();
      say(response, this.parts(IVR.goodbye[turn.lang], turn.lang), this.speaker(turn.lang));
      response.hangup();
      return response;
    }
    return this.retry(turn, isSilent(turn) ? 'silence' : 'wrongKey', (lead, n) => this.answer(turn, unit, lead, n));
  }

  /** Once more with "that is not an option" / "I did not hear anything", then the way out. */
  retry(turn: Turn, why: 'wrongKey' | 'silence', again: (lead: string, tries: number) => Twiml | Promise<Twiml>): Twiml | Promise<Twiml> {
    const tries = turn.tries + 1;
    if (tries < MAX_TRIES) return again(IVR[why][turn.lang], tries);
    return this.wayOut(turn);
  }

  /** The main number's own answer: a dial while it is open, the callback offer while it is closed. */
  wayOut(turn: Turn): Twiml {
    return this.answer({ ...turn, tries: 0 }, this.deps.kb.main, IVR.wayOut[turn.lang]);
  }

  /** 112 first; then the always-open line for the matter, dialled. */
  emergency(turn: Turn, categories: readonly AcuteCategory[]): Twiml {
    const { lang } = turn;
    const response = newResponse();
    const line = this.deps.kb.acuteLines(categories.length > 0 ? categories : ['general'])[0];
    const number = line ? unitNumber(line) : undefined;
    if (!line || !number) {
      say(response, this.parts(t('emergencyLeadSpeak', lang), lang), this.speaker(lang));
      response.hangup();
      return response;
    }
    const next = lang === 'da' ? `Ellers stiller jeg dig om til ${line.name[lang]}.` : `Otherwise I am putting you through to ${line.name[lang]}.`;
    say(response, this.parts(`${t('emergencyLeadSpeak', lang)} ${next}`, lang), this.speaker(lang));
    response.dial({ timeout: 30 }, number.e164);
    response.hangup();
    return response;
  }

  #menuUnits(): Unit[] {
    return MENU_UNITS.map((id) => this.deps.kb.get(id)).filter((u): u is Unit => u !== undefined);
  }

  #picked(turn: Turn): Unit[] {
    return (turn.choices ?? []).map((id) => this.deps.kb.get(id)).filter((u): u is Unit => u !== undefined).slice(0, 3);
  }

  #today(unit: Unit, now: DateTime, lang: Lang): string {
    const windows = this.deps.hours.day(unit.id, now).windows;
    if (windows.length === 0) return IVR.closedToday[lang];
    return IVR.today[lang](windows.map((w) => `${formatTime(w.start, lang)}–${formatTime(w.end, lang)}`).join(` ${IVR.and[lang]} `));
  }
}

function isSilent(turn: Turn): boolean {
  return turn.digits === '' && turn.speech === '';
}
