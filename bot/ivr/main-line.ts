import type { DateTime } from 'luxon';
import { describeStatus, type HoursEngine } from '../../knowledge/hours';
import type { KnowledgeBase } from '../../knowledge/kb';
import type { Lang, Phone, Unit } from '../../knowledge/schema/unit';

/** A unit's first phone number, as dialled (E.164) and as read. */
export interface DialNumber {
  readonly e164: string;
  readonly display: string;
}

export function dialNumber(phone: Phone | undefined): DialNumber | undefined {
  if (!phone) return undefined;
  return { e164: phone.number.replace(/[\s-]/g, ''), display: phone.number.replace(/^\+45\s?/, '') };
}

export function unitNumber(unit: Unit): DialNumber | undefined {
  return dialNumber(unit.contacts.phones[0]);
}

/** The municipality's main line now: its number, whether it is open (null = unknown), the status in words. */
export interface MainLine {
  readonly unit: Unit;
  readonly number: DialNumber | undefined;
  readonly open: boolean | null;
  readonly status: string;
}

export function mainLine(kb: KnowledgeBase, hours: HoursEngine, now: DateTime, lang: Lang): MainLine {
  const unit = kb.main;
  const status = hours.status(unit.id, now);
  return { unit, number: unitNumber(unit), open: status.open, status: describeStatus(status, now, lang) };
}

/** What a caller says to book a callback from the main number; triage reads it as exactly that. */
export const CALLBACK_PHRASE: Record<Lang, string> = { da: 'ring mig op fra hovednummeret', en: 'call me back from the main number' };

/**
 * The way out for a caller the menu could not help (silence, wrong keys) on a channel that can
 * only be spoken to: the main number while it is open; when it is closed, when it opens and how
 * to have it call back.
 */
export function wayOutSentence(line: MainLine, lang: Lang): string {
  const number = line.number?.display ?? '89 40 20 00';
  if (line.open !== false) {
    return lang === 'da'
      ? `Du kan også ringe til kommunens hovednummer ${number}. ${line.status}.`
      : `You can also call the municipality's main number ${number}. ${line.status}.`;
  }
  return lang === 'da'
    ? `Kommunens hovednummer er ${number}. ${line.status}. Sig "${CALLBACK_PHRASE.da}", så bestiller jeg en opringning.`
    : `The municipality's main number is ${number}. ${line.status}. Say "${CALLBACK_PHRASE.en}" and I will book a call-back.`;
}
