import type { StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { errorMessage } from '../knowledge/errors';
import type { Lang } from '../knowledge/schema/unit';
import { phoneValidator } from './choice-validators';
import type { FrontdoorDeps } from './deps';
import { rendererFor, sendReply } from './render';
import type { ConversationMemory } from './state';

export const CANCEL_BOOKING_DIALOG = 'cancel-booking';
const FLOW = 'cancel-booking.flow';
const PHONE_PROMPT = 'cancel-booking.phone';

export interface CancelBookingOptions {
  readonly reference: string;
  readonly lang: Lang;
}

const TEXT = {
  askPhone: {
    da: (ref: string) => `Du vil aflyse opringningen ${ref}. Hvilket telefonnummer bestilte du den med?`,
    en: (ref: string) => `You want to cancel call-back ${ref}. Which phone number did you book it with?`,
  },
  cancelled: {
    da: (ref: string) => `Opringningen ${ref} er aflyst.`,
    en: (ref: string) => `Call-back ${ref} is cancelled.`,
  },
  notFound: {
    da: 'Jeg kunne ikke finde en opringning med den reference og det telefonnummer.',
    en: 'I could not find a call-back with that reference and phone number.',
  },
} as const;

/** "aflys ABC123": asks for the phone number it was booked with (a reference alone is not proof) and cancels. */
export class CancelBookingDialog extends ComponentDialog {
  constructor(
    private readonly deps: FrontdoorDeps,
    _memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(CANCEL_BOOKING_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [(s) => this.ask(s), (s) => this.cancel(s)]));
    this.addDialog(new TextPrompt(PHONE_PROMPT, phoneValidator));
    this.initialDialogId = FLOW;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { reference, lang } = step.options as CancelBookingOptions;
    const render = rendererFor(step.context);
    const text = TEXT.askPhone[lang](reference);
    return step.prompt(PHONE_PROMPT, {
      prompt: render({ lang, text, speak: text, expectsInput: true, expects: 'digits' }),
      retryPrompt: render({ lang, text: errorMessage('invalid_phone', lang), speak: errorMessage('invalid_phone', lang), expectsInput: true, expects: 'digits' }),
    });
  }

  private async cancel(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { reference, lang } = step.options as CancelBookingOptions;
    const result = await this.deps.callbacks.cancel(reference, String(step.result));
    const text = result.ok ? TEXT.cancelled[lang](reference) : result.reason === 'storage_unavailable' ? errorMessage('storage_unavailable', lang) : TEXT.notFound[lang];
    await sendReply(step.context, { lang, text, speak: text });
    return step.endDialog();
  }
}
