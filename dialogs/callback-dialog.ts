import type { StatePropertyAccessor } from 'botbuilder';
import {
  ComponentDialog,
  ListStyle,
  TextPrompt,
  WaterfallDialog,
  type Choice as BotChoice,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { normalizeDanishPhone } from '../knowledge/callbacks/phone';
import { spellReference } from '../knowledge/callbacks/reference';
import { redactCpr } from '../knowledge/triage';
import { ZONE } from '../knowledge/clock';
import { errorMessage } from '../knowledge/errors';
import { describeStatus, formatDayRelative, formatTime } from '../knowledge/hours';
import type { Lang } from '../knowledge/schema/unit';
import { choiceValidator, confirmValidator, phoneValidator } from './choice-validators';
import { danishChoicePrompt, danishConfirmPrompt } from './danish-prompts';
import type { FrontdoorDeps } from './deps';
import type { Choice, Reply } from './reply';
import { rendererFor, sendReply } from './render';
import type { ConversationMemory } from './state';
import { phoneParts } from './answer';

export const CALLBACK_DIALOG = 'callback';
const FLOW = 'callback.flow';
/** Slot choice, consent and booking; restarts itself when the chosen slot fills up meanwhile. */
const BOOK_FLOW = 'callback.book';
const PHONE_PROMPT = 'callback.phone';
const NAME_PROMPT = 'callback.name';
const SLOT_PROMPT = 'callback.slot';
const CONSENT_PROMPT = 'callback.consent';

/** How many slots to offer at once: enough to choose, few enough to read aloud. */
const SLOTS_OFFERED = 4;

export interface CallbackDialogOptions {
  readonly unitId: string;
  /** What the call is about, CPR-redacted. */
  readonly topic: string;
  readonly lang: Lang;
  /** Offer slots from this instant on (ISO), when the citizen asked for a time ("kan I ringe i morgen?"). */
  readonly from?: string;
}

interface FlowValues {
  options: CallbackDialogOptions;
  phone?: string;
  name?: string | null;
  slotStart?: string;
}

interface BookOptions {
  readonly options: CallbackDialogOptions;
  readonly phone: string;
  readonly name: string | null;
  readonly lead: string;
}

const TEXT = {
  notOffered: {
    da: (unit: string) => `${unit} tilbyder desværre ikke opringning her.`,
    en: (unit: string) => `${unit} unfortunately does not offer call-backs here.`,
  },
  intro: {
    da: (unit: string, topic: string) => `Jeg bestiller en opringning fra **${unit}**${topic ? ` om: "${topic}"` : ''}.`,
    en: (unit: string, topic: string) => `I will book a call-back from **${unit}**${topic ? ` about: "${topic}"` : ''}.`,
  },
  askPhone: {
    da: 'Hvilket telefonnummer skal de ringe til? (8 cifre, fx 21 43 65 87)',
    en: 'Which phone number should they call? (8 digits, e.g. 21 43 65 87)',
  },
  askName: {
    da: 'Hvad er dit navn? Det er frivilligt – sig eller skriv "spring over", hvis du ikke vil oplyse det.',
    en: 'What is your name? It is optional – say or write "skip" if you would rather not say.',
  },
  askSlot: { da: 'Hvornår passer det dig, at de ringer?', en: 'When would you like them to call?' },
  noSlots: {
    da: 'Der er desværre ingen ledige tider til opringning de næste dage.',
    en: 'Unfortunately there are no free call-back times in the coming days.',
  },
  consent: {
    da: (unit: string, days: number) =>
      `Vi gemmer dit telefonnummer${' '}(og dit navn, hvis du har givet det) alene for at ${unit} kan ringe dig op. Kun medarbejderne, der skal ringe, kan se nummeret. Oplysningerne slettes senest ${days} dage efter opkaldet. Er det i orden?`,
    en: (unit: string, days: number) =>
      `We store your phone number (and your name, if given) only so that ${unit} can call you back. Only the staff who make the call can see the number. It is deleted at the latest ${days} days after the call. Is that OK?`,
  },
  declined: {
    da: 'OK, jeg har ikke gemt noget. Du kan stadig ringe selv:',
    en: 'OK, I have not stored anything. You can still call yourself:',
  },
  booked: {
    da: (unit: string, when: string, ref: string) => `Tak! ${unit} ringer dig op ${when}. Din reference er **${ref}** – brug den, hvis du vil aflyse ("aflys ${ref}").`,
    en: (unit: string, when: string, ref: string) => `Thank you! ${unit} will call you ${when}. Your reference is **${ref}** – use it to cancel ("cancel ${ref}").`,
  },
  bookedSpeak: {
    da: (unit: string, when: string, ref: string) => `Tak. ${unit} ringer dig op ${when}. Din reference er ${ref}.`,
    en: (unit: string, when: string, ref: string) => `Thank you. ${unit} will call you ${when}. Your reference is ${ref}.`,
  },
  slotTaken: {
    da: 'Den tid blev desværre optaget lige før dig. Vælg en anden:',
    en: 'Sorry, that time was just taken. Please pick another:',
  },
  skipWords: ['spring over', 'skip', 'nej', 'no', 'ingen', 'none', '-'],
} as const;


/**
 * Books a callback: confirms unit and topic, asks for a Danish phone number, an optional name, a
 * slot, and consent; books it with the turn's activity id as idempotency key (a channel's retry of
 * the same activity never books twice) and gives a short reference that is easy to read aloud.
 */
export class CallbackDialog extends ComponentDialog {
  constructor(
    private readonly deps: FrontdoorDeps,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(CALLBACK_DIALOG);
    this.addDialog(
      new WaterfallDialog(FLOW, [
        (s) => this.start(s),
        (s) => this.gotPhone(s),
        (s) => this.gotName(s),
        (s) => s.endDialog(s.result),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(BOOK_FLOW, [
        (s) => this.offerSlots(s),
        (s) => this.gotSlot(s),
        (s) => this.gotConsent(s),
      ]),
    );
    this.addDialog(new TextPrompt(PHONE_PROMPT, phoneValidator));
    this.addDialog(new TextPrompt(NAME_PROMPT));
    this.addDialog(danishChoicePrompt(SLOT_PROMPT, choiceValidator));
    this.addDialog(danishConfirmPrompt(CONSENT_PROMPT, confirmValidator));
    this.initialDialogId = FLOW;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as CallbackDialogOptions;
    (step.values as FlowValues).options = options;
    const { lang } = options;
    const unit = this.deps.kb.get(options.unitId);
    if (!unit) return step.endDialog();
    if (!unit.callbacks.offered) {
      await this.say(step, TEXT.notOffered[lang](unit.name[lang]));
      return step.endDialog();
    }
    await this.say(step, TEXT.intro[lang](unit.name[lang], options.topic.slice(0, 140)));
    return step.prompt(PHONE_PROMPT, {
      prompt: this.render(step, { lang, text: TEXT.askPhone[lang], speak: TEXT.askPhone[lang], expectsInput: true, expects: 'digits' }),
      retryPrompt: this.render(step, { lang, text: errorMessage('invalid_phone', lang), speak: errorMessage('invalid_phone', lang), expectsInput: true, expects: 'digits' }),
    });
  }

  private async gotPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as FlowValues;
    const parsed = normalizeDanishPhone(String(step.result));
    if (!parsed.ok) return step.endDialog();
    values.phone = parsed.e164;
    const { lang } = values.options;
    return step.prompt(NAME_PROMPT, { prompt: this.render(step, { lang, text: TEXT.askName[lang], speak: TEXT.askName[lang], expectsInput: true }) });
  }

  private async gotName(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as FlowValues;
    const raw = String(step.result ?? '').trim();
    // A CPR number typed into the name is never stored (nor anything else that looks like one).
    const cleaned = redactCpr(raw).text.replace(/\[CPR\]/g, '').replace(/\s+/g, ' ').trim();
    const name = (TEXT.skipWords as readonly string[]).includes(cleaned.toLowerCase()) || cleaned.length === 0 ? null : cleaned.slice(0, 80);
    const book: BookOptions = { options: values.options, phone: values.phone ?? '', name, lead: TEXT.askSlot[values.options.lang] };
    return step.beginDialog(BOOK_FLOW, book);
  }

  private async offerSlots(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const book = step.options as BookOptions;
    const values = step.values as FlowValues;
    values.options = book.options;
    values.phone = book.phone;
    values.name = book.name;
    const { options, lead } = book;
    const { lang } = options;
    const result = await this.deps.callbacks.slots(options.unitId, { limit: options.from ? 100 : SLOTS_OFFERED });
    if (!result.ok) {
      await this.failed(step, result.reason);
      return step.endDialog();
    }
    const wanted = options.from ? DateTime.fromISO(options.from) : undefined;
    // From the time asked for, if there are slots then; otherwise simply the next free ones.
    const fromWanted = wanted ? result.slots.filter((s) => s.start >= wanted.startOf('day') && s.end > wanted) : [];
    const slots = (fromWanted.length > 0 ? fromWanted : result.slots).slice(0, SLOTS_OFFERED);
    if (slots.length === 0) {
      await this.say(step, TEXT.noSlots[lang]);
      return step.endDialog();
    }
    const now = this.deps.clock();
    const choices: Choice[] = slots.map((slot) => ({
      value: slot.start.toISO() ?? '',
      label: `${capitalize(formatDayRelative(slot.start, now, lang))} ${formatTime(slot.start, lang)}–${formatTime(slot.end, lang).replace(/^kl\. /, '')}`,
    }));
    const reply: Reply = { lang, text: lead, speak: lead, choices, expectsInput: true };
    return step.prompt(SLOT_PROMPT, {
      prompt: this.render(step, reply),
      retryPrompt: this.render(step, reply),
      choices: choices.map((c): BotChoice => ({ value: c.value, synonyms: [c.label] })),
      style: ListStyle.none,
    });
  }

  private async gotSlot(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as FlowValues;
    values.slotStart = (step.result as FoundChoice).value;
    const { lang, unitId } = values.options;
    const unit = this.deps.kb.require(unitId);
    const text = TEXT.consent[lang](unit.name[lang], this.deps.retentionDays);
    const choices: Choice[] = [
      { value: 'yes', label: lang === 'da' ? 'Ja, det er i orden' : 'Yes, that is OK', synonyms: ['ja', 'yes', 'ok', 'fint'] },
      { value: 'no', label: lang === 'da' ? 'Nej' : 'No', synonyms: ['nej', 'no'] },
    ];
    return step.prompt(CONSENT_PROMPT, {
      prompt: this.render(step, { lang, text, speak: text, choices, expectsInput: true }),
      choices: choices.map((c): BotChoice => ({ value: c.value, synonyms: [c.label, ...(c.synonyms ?? [])] })),
      style: ListStyle.none,
    });
  }

  private async gotConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as FlowValues;
    const { lang, unitId, topic } = values.options;
    const unit = this.deps.kb.require(unitId);
    if (step.result !== true) {
      await this.sayWithNumber(step, TEXT.declined[lang]);
      return step.endDialog();
    }
    const activity = step.context.activity;
    const result = await this.deps.callbacks.book({
      unit: unitId,
      phone: values.phone ?? '',
      slotStart: values.slotStart ?? '',
      ...(values.name ? { name: values.name } : {}),
      ...(topic ? { topic: topic.slice(0, 500) } : {}),
      lang,
      idempotencyKey: `${activity.channelId}:${activity.conversation?.id ?? ''}:${activity.id ?? values.slotStart}`,
    });
    if (!result.ok) {
      if (result.reason === 'slot_full') {
        const again: BookOptions = { options: values.options, phone: values.phone ?? '', name: values.name ?? null, lead: TEXT.slotTaken[lang] };
        return step.replaceDialog(BOOK_FLOW, again);
      }
      await this.failed(step, result.reason);
      return step.endDialog();
    }
    const { booking } = result;
    const now = this.deps.clock();
    const start = booking.slotStart.setZone(ZONE);
    const when = `${formatDayRelative(start, now, lang)} ${lang === 'da' ? 'mellem' : 'between'} ${formatTime(start, lang)} ${lang === 'da' ? 'og' : 'and'} ${formatTime(booking.slotEnd.setZone(ZONE), lang).replace(/^kl\. /, '')}`;
    await sendReply(step.context, {
      lang,
      text: TEXT.booked[lang](unit.name[lang], when, booking.reference),
      speak: TEXT.bookedSpeak[lang](unit.name[lang], when, spellReference(booking.reference, lang)),
    });
    const mem = await this.memory.get(step.context);
    if (mem) mem.lastUnitId = unitId;
    return step.endDialog({ reference: booking.reference });
  }

  /** Storage down or similar: say plainly that nothing was booked, and what to do instead. */
  private async failed(step: WaterfallStepContext, reason: string): Promise<void> {
    const { lang } = (step.values as FlowValues).options;
    const code = reason === 'storage_unavailable' || reason === 'slot_full' || reason === 'no_callbacks' ? reason : 'storage_unavailable';
    await this.sayWithNumber(step, errorMessage(code, lang));
  }

  private async sayWithNumber(step: WaterfallStepContext, lead: string): Promise<void> {
    const { lang, unitId } = (step.values as FlowValues).options;
    const unit = this.deps.kb.require(unitId);
    const now = this.deps.clock();
    const phone = unit.contacts.phones[0];
    const number = phone ? phoneParts(phone).display : '89 40 20 00';
    const status = describeStatus(this.deps.hours.status(unit.id, now), now, lang);
    const text = `${lead} ${unit.name[lang]}: **${number}**. ${status}.`;
    await sendReply(step.context, { lang, text, speak: text.replace(/\*\*/g, '') });
  }

  private async say(step: WaterfallStepContext, text: string): Promise<void> {
    const { lang } = (step.values as FlowValues).options ?? (step.options as CallbackDialogOptions);
    await sendReply(step.context, { lang, text, speak: text.replace(/\*\*/g, '') });
  }

  private render(step: WaterfallStepContext, reply: Reply) {
    return rendererFor(step.context)(reply);
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
