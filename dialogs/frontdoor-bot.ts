import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { CANCEL_BOOKING_DIALOG, CancelBookingDialog, type CancelBookingOptions } from './cancel-booking-dialog';
import { globalCommand, type GlobalCommand } from './commands';
import type { FrontdoorDeps } from './deps';
import { MAIN_DIALOG, MainDialog } from './main-dialog';
import { sendReply } from './render';
import { freshMemory, type ConversationMemory } from './state';
import { t } from './texts';

/**
 * The conversation's entry point: welcome, global commands at any point (help, restart, cancel,
 * language), then the dialogs. State is saved after every turn.
 */
export class FrontdoorBot extends ActivityHandler {
  readonly #memory: StatePropertyAccessor<ConversationMemory>;
  readonly #dialogState: StatePropertyAccessor<DialogState>;
  readonly #dialogs: DialogSet;

  constructor(
    deps: FrontdoorDeps,
    private readonly conversationState: ConversationState,
  ) {
    super();
    this.#memory = conversationState.createProperty<ConversationMemory>('memory');
    this.#dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.#dialogs = new DialogSet(this.#dialogState);
    this.#dialogs.add(new MainDialog(deps, this.#memory));
    this.#dialogs.add(new CancelBookingDialog(deps, this.#memory));

    this.onMembersAdded(async (context, next) => {
      const bot = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== bot)) await this.welcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = (context.activity.text ?? '').trim();
      const mem = await this.#memory.get(context, freshMemory());
      const command = globalCommand(text);
      if (command) await this.command(context, command, mem);
      else if (text.length === 0) await sendReply(context, { lang: mem.lang, text: t('emptyMessage', mem.lang), speak: t('emptyMessage', mem.lang) });
      else {
        const dc = await this.#dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
      }
      await next();
    });

    this.onDialog(async (context, next) => {
      await this.conversationState.saveChanges(context, false);
      await next();
    });
  }

  private async welcome(context: TurnContext): Promise<void> {
    const mem = await this.#memory.get(context, freshMemory());
    if (mem.welcomed) return;
    mem.welcomed = true;
    await sendReply(context, { lang: mem.lang, text: t('welcome', mem.lang), speak: t('welcome', mem.lang) });
  }

  private async command(context: TurnContext, command: GlobalCommand, mem: ConversationMemory): Promise<void> {
    const dc = await this.#dialogs.createContext(context);
    switch (command.kind) {
      case 'help':
        await sendReply(context, { lang: mem.lang, text: t('help', mem.lang), speak: t('help', mem.lang) });
        return;
      case 'restart': {
        await dc.cancelAllDialogs();
        const lang = mem.lang;
        const langChosen = mem.langChosen;
        delete mem.lastUnitId;
        Object.assign(mem, freshMemory(), { lang, langChosen, welcomed: true });
        await sendReply(context, { lang, text: `${t('restarted', lang)} ${t('welcome', lang)}`, speak: `${t('restarted', lang)} ${t('welcome', lang)}` });
        return;
      }
      case 'cancel': {
        const active = dc.activeDialog !== undefined;
        await dc.cancelAllDialogs();
        const key = active ? 'cancelled' : 'nothingToCancel';
        await sendReply(context, { lang: mem.lang, text: t(key, mem.lang), speak: t(key, mem.lang) });
        return;
      }
      case 'language': {
        mem.lang = command.lang;
        mem.langChosen = true;
        const key = command.lang === 'en' ? 'switchedToEnglish' : 'switchedToDanish';
        await sendReply(context, { lang: mem.lang, text: t(key, mem.lang), speak: t(key, mem.lang) });
        return;
      }
      case 'cancel-booking':
        await dc.cancelAllDialogs();
        await dc.beginDialog(CANCEL_BOOKING_DIALOG, { reference: command.reference, lang: mem.lang } satisfies CancelBookingOptions);
        return;
    }
  }
}
