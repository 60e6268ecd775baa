import { menuParts } from '../../dialogs/render/speech-text';
import { displayPhone, normalizeDanishPhone, spellReference } from '../../knowledge/callbacks';
import { ZONE, parseInstant } from '../../knowledge/clock';
import { describeStatus, formatDayRelative, formatTime } from '../../knowledge/hours';
import type { Lang, Unit } from '../../knowledge/schema/unit';
import type { IvrFlow, Turn } from './ivr-flow';
import { IVR } from './ivr-texts';
import { unitNumber } from './main-line';
import { ask, newResponse, say, type Twiml } from './twiml-speech';

/** Slots read out at once: enough to choose from, few enough to remember on the phone. */
const SLOTS_OFFERED = 3;
/** Days personal data is kept after the call; the purge job's default (issue 5). */
const RETENTION_DAYS = 30;

/**
 * Booking a callback by phone: the caller's own number (`From`) read back for confirmation or a
 * new number keyed in ending with `#`; a slot from the callback service; consent and a last
 * confirmation. The booking is made only at that confirmation, with the CallSid in the
 * idempotency key, so a caller who hangs up before it leaves nothing booked and Twilio's retry
 * of the confirming request books once.
 */
export class CallbackFlow {
  constructor(private readonly flow: IvrFlow) {}

  start(turn: Turn, unit: Unit): Twiml {
    const { calls } = this.flow.deps;
    const intro = IVR.callbackIntro[turn.lang](unit.name[turn.lang]);
    calls.update(turn.sid, { candidate: undefined, phone: undefined, slots: undefined, slotStart: undefined });
    const own = normalizeDanishPhone(turn.from);
    if (!own.ok) return this.askNumber({ ...turn, unitId: unit.id }, `${intro} ${IVR.noCallerId[turn.lang]}`);
    calls.update(turn.sid, { candidate: own.e164 });
    return this.confirmNumber({ ...turn, unitId: unit.id }, own.e164, 'caller-id', intro);
  }

  confirmNumber(turn: Turn, e164: string, how: 'caller-id' | 'keyed', lead?: string, tries = 0): Twiml {
    const { lang } = turn;
    const question = how === 'caller-id' ? IVR.confirmCallerId[lang](displayPhone(e164)) : IVR.confirmKeyed[lang](displayPhone(e164));
    const response = newResponse();
    ask(response, [{ parts: this.flow.parts(lead ? `${lead} ${question}` : question, lang), speaker: this.flow.speaker(lang) }], {
      action: this.flow.url('callback/number', turn, { u: turn.unitId, n: tries, h: how }),
      numDigits: 1,
    });
    return response;
  }

  async onNumber(turn: Turn): Promise<Twiml> {
    const how = turn.how ?? 'caller-id';
    const unit = this.#unit(turn);
    const candidate = this.flow.deps.calls.get(turn.sid)?.candidate;
    if (!unit || !candidate) return this.flow.menu(turn, IVR.lost[turn.lang]);
    if (turn.digits === '1') {
      this.flow.deps.calls.update(turn.sid, { phone: candidate, candidate: undefined });
      return this.offerSlots({ ...turn, tries: 0 }, unit);
    }
    if (turn.digits === '2') return this.askNumber({ ...turn, tries: 0 });
    return this.flow.retry(turn, silent(turn) ? 'silence' : 'wrongKey', (lead, n) => this.confirmNumber(turn, candidate, how, lead, n));
  }

  askNumber(turn: Turn, lead?: string, tries = 0): Twiml {
    const { lang } = turn;
    const response = newResponse();
    ask(response, [{ parts: this.flow.parts(lead ? `${lead} ${IVR.keyNumber[lang]}` : IVR.keyNumber[lang], lang), speaker: this.flow.speaker(lang) }], {
      action: this.flow.url('callback/keyed', turn, { u: turn.unitId, n: tries }),
      finishOnKey: '#',
      // Eight digits take a while to find on a keypad.
      timeout: 10,
    });
    return response;
  }

  async onKeyed(turn: Turn): Promise<Twiml> {
    if (!this.#unit(turn)) return this.flow.menu(turn, IVR.lost[turn.lang]);
    // Twilio leaves the finishing "#" out of Digits.
    const phone = normalizeDanishPhone(turn.digits.replace(/[#*]/g, ''));
    if (phone.ok) {
      this.flow.deps.calls.update(turn.sid, { candidate: phone.e164 });
      return this.confirmNumber({ ...turn, tries: 0 }, phone.e164, 'keyed');
    }
    const why = silent(turn) ? IVR.silence[turn.lang] : IVR.badNumber[turn.lang];
    return this.flow.retry(turn, silent(turn) ? 'silence' : 'wrongKey', (_lead, n) => this.askNumber(turn, why, n));
  }

  async offerSlots(turn: Turn, unit: Unit, lead?: string, tries = 0): Promise<Twiml> {
    const { lang } = turn;
    const result = await this.flow.deps.callbacks.slots(unit.id, { limit: SLOTS_OFFERED });
    if (!result.ok) return this.#notBooked(turn, unit);
    if (result.slots.length === 0) return this.#goodbye(turn, `${IVR.noSlots[lang]} ${this.#callThem(unit, lang)}`);
    const now = this.flow.now();
    const labels = result.slots.map((s) => `${formatDayRelative(s.start, now, lang)} ${formatTime(s.start, lang)}–${formatTime(s.end, lang)}`);
    this.flow.deps.calls.update(turn.sid, { slots: result.slots.map((s) => s.start.toISO() ?? ''), slotStart: undefined });
    const response = newResponse();
    ask(
      response,
      [{ parts: [...this.flow.parts(lead ? `${lead} ${IVR.askSlot[lang]}` : IVR.askSlot[lang], lang), ...menuParts(labels, lang)], speaker: this.flow.speaker(lang) }],
      { action: this.flow.url('callback/slot', turn, { u: unit.id, n: tries }), numDigits: 1 },
    );
    return response;
  }

  async onSlot(turn: Turn): Promise<Twiml> {
    const unit = this.#unit(turn);
    const record = this.flow.deps.calls.get(turn.sid);
    if (!unit || !record?.phone || !record.slots) return this.flow.menu(turn, IVR.lost[turn.lang]);
    if (turn.digits === '0' || turn.digits === '*') return this.offerSlots({ ...turn, tries: 0 }, unit, undefined, turn.tries);
    const slotStart = record.slots[Number(turn.digits) - 1];
    if (turn.digits && slotStart) {
      this.flow.deps.calls.update(turn.sid, { slotStart });
      return this.confirmBooking({ ...turn, tries: 0 }, unit, slotStart, record.phone);
    }
    return this.flow.retry(turn, silent(turn) ? 'silence' : 'wrongKey', (lead, n) => this.offerSlots(turn, unit, lead, n));
  }

  confirmBooking(turn: Turn, unit: Unit, slotStart: string, phone: string, lead?: string, tries = 0): Twiml {
    const { lang } = turn;
    const text = IVR.confirmBooking[lang](unit.name[lang], this.#when(slotStart, unit, lang), displayPhone(phone), RETENTION_DAYS);
    const response = newResponse();
    ask(response, [{ parts: this.flow.parts(lead ? `${lead} ${text}` : text, lang), speaker: this.flow.speaker(lang) }], {
      action: this.flow.url('callback/confirm', turn, { u: unit.id, n: tries }),
      numDigits: 1,
    });
    return response;
  }

  async onConfirm(turn: Turn): Promise<Twiml> {
    const { lang } = turn;
    const unit = this.#unit(turn);
    const record = this.flow.deps.calls.get(turn.sid);
    if (!unit || !record?.phone || !record.slotStart) return this.flow.menu(turn, IVR.lost[lang]);
    const { phone, slotStart } = record;
    if (turn.digits === '2') {
      this.flow.deps.calls.delete(turn.sid);
      return this.flow.menu({ ...turn, tries: 0 }, IVR.declined[lang]);
    }
    if (turn.digits !== '1') {
      return this.flow.retry(turn, silent(turn) ? 'silence' : 'wrongKey', (lead, n) => this.confirmBooking(turn, unit, slotStart, phone, lead, n));
    }
    const result = await this.flow.deps.callbacks.book({
      unit: unit.id,
      phone,
      slotStart,
      lang,
      // One booking per call: Twilio's retry of this request returns the same booking.
      idempotencyKey: `twilio:${turn.sid}:confirm`,
    });
    if (!result.ok) {
      if (result.reason === 'slot_full' || result.reason === 'invalid_slot') return this.offerSlots({ ...turn, tries: 0 }, unit, IVR.slotTaken[lang]);
      return this.#notBooked(turn, unit);
    }
    this.flow.deps.calls.delete(turn.sid);
    const { booking } = result;
    const when = this.#when(booking.slotStart.toISO() ?? slotStart, unit, lang);
    return this.#goodbye(turn, IVR.booked[lang](unit.name[lang], when, spellReference(booking.reference, lang)));
  }

  /** "i morgen mellem kl. 9.00 og kl. 9.15" — the speech helpers say the times in words. */
  #when(slotStart: string, unit: Unit, lang: Lang): string {
    const start = (parseInstant(slotStart) ?? this.flow.now()).setZone(ZONE);
    const end = start.plus({ minutes: unit.callbacks.slotMinutes });
    return `${formatDayRelative(start, this.flow.now(), lang)} ${IVR.between[lang]} ${formatTime(start, lang)} ${IVR.and[lang]} ${formatTime(end, lang)}`;
  }

  #callThem(unit: Unit, lang: Lang): string {
    const now = this.flow.now();
    const number = unitNumber(unit)?.display ?? '89 40 20 00';
    return `${lang === 'da' ? 'Ring til' : 'Call'} ${unit.name[lang]} ${lang === 'da' ? 'på' : 'on'} ${number}. ${describeStatus(this.flow.deps.hours.status(unit.id, now), now, lang)}.`;
  }

  /** Storage down or similar: say plainly that nothing was booked, and what to do instead. */
  #notBooked(turn: Turn, unit: Unit): Twiml {
    const { lang } = turn;
    const now = this.flow.now();
    const number = unitNumber(unit)?.display ?? '89 40 20 00';
    return this.#goodbye(turn, IVR.notBooked[lang](unit.name[lang], number, describeStatus(this.flow.deps.hours.status(unit.id, now), now, lang)));
  }

  #goodbye(turn: Turn, text: string): Twiml {
    const response = newResponse();
    say(response, this.flow.parts(`${text} ${IVR.goodbye[turn.lang]}`, turn.lang), this.flow.speaker(turn.lang));
    response.hangup();
    return response;
  }

  #unit(turn: Turn): Unit | undefined {
    const unit = turn.unitId ? this.flow.deps.kb.get(turn.unitId) : undefined;
    return unit?.callbacks.offered ? unit : undefined;
  }
}

function silent(turn: Turn): boolean {
  return turn.digits === '' && turn.speech === '';
}
