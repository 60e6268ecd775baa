import type { StatePropertyAccessor } from 'botbuilder';
import {
  ComponentDialog,
  ListStyle,
  WaterfallDialog,
  type Choice as BotChoice,
  type DialogContext,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Lang } from '../knowledge/schema/unit';
import type { TriageResult } from '../knowledge/triage';
import { abstainReply, callbackOffer, clarifyReply, emergencyReply, shouldOfferCallback, unitAnswer } from './answer';
import { CALLBACK_DIALOG, CallbackDialog, type CallbackDialogOptions } from './callback-dialog';
import { choiceValidator, confirmValidator, toBotChoices, toReplyChoices } from './choice-validators';
import { matchChoice } from './choices';
import { danishChoicePrompt, danishConfirmPrompt } from './danish-prompts';
import type { FrontdoorDeps } from './deps';
import { joinReplies, type Reply } from './reply';
import { rendererFor, sendReply } from './render';
import { freshMemory, type ConversationMemory } from './state';
import { t } from './texts';

export const MAIN_DIALOG = 'main';
const TURN = 'main.turn';
export const CLARIFY_PROMPT = 'main.clarify';
export const CONFIRM_PROMPT = 'main.confirm';

/** Below this, a best guess is not even worth offering as a choice. */
const CLARIFY_FLOOR = 0.12;

/** Words that refer back to the unit of the last answer. */
const FOLLOW_UP = /\b(de|dem|deres|den|dens|der|they|them|their|it|its|what about|hvad med|og hvad|and on|og om)\b/i;
/** Pronouns that only make sense about someone already named. */
const REFERS_BACK = /\b(de|dem|deres|they|them|their)\b/i;
const WEEK = /\b(ugen|ugens|hele ugen|telefontider|åbningstider|aabningstider|week|weekly|opening hours|phone hours)\b/i;

interface TurnValues {
  triage: TriageResult;
  lang: Lang;
  unitId?: string;
}

/**
 * One citizen question, start to end: triage → (emergency first) → a clarifying choice when unsure
 * → the answer → a callback offer when the line is closed. Global commands are handled by the bot
 * before a turn reaches this dialog.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly deps: FrontdoorDeps,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(
      new WaterfallDialog(TURN, [
        (step) => this.route(step),
        (step) => this.answer(step),
        (step) => this.afterOffer(step),
      ]),
    );
    this.addDialog(danishChoicePrompt(CLARIFY_PROMPT, choiceValidator));
    this.addDialog(danishConfirmPrompt(CONFIRM_PROMPT, confirmValidator));
    this.addDialog(new CallbackDialog(deps, memory));
    this.initialDialogId = TURN;
  }

  /** A new question while a choice is pending starts over with that question instead of failing the prompt. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const active = innerDc.activeDialog;
    const text = innerDc.context.activity.text ?? '';
    if (active && (active.id === CLARIFY_PROMPT || active.id === CONFIRM_PROMPT)) {
      const options = (active.state as { options?: { choices?: BotChoice[] } }).options;
      const picked = matchChoice(text, toReplyChoices(options?.choices ?? []));
      if (!picked && looksLikeQuestion(text)) {
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(TURN);
      }
    }
    return super.onContinueDialog(innerDc);
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const mem = await this.memory.get(context, freshMemory());
    const text = context.activity.text ?? '';
    const now = this.deps.clock();
    const triage = this.deps.triage.classify(text, now);
    if (!mem.langChosen) mem.lang = triage.lang;
    const lang = mem.lang;
    const values = step.values as TurnValues;
    values.triage = triage;
    values.lang = lang;

    const lead: Reply[] = [];
    if (triage.cpr) lead.push({ lang, text: t('cprWarning', lang), speak: t('cprWarning', lang) });
    if (triage.emergency) {
      const unit = triage.unitId === null ? undefined : this.deps.kb.get(triage.unitId);
      const otherwise = unit ? { unit, now } : undefined;
      await sendReply(context, joinReplies(lang, [emergencyReply(this.deps, triage.emergencyCategories, lang, otherwise), ...lead]));
      return step.endDialog();
    }
    if (lead.length > 0) await sendReply(context, joinReplies(lang, lead));

    let unitId = triage.unitId;
    if (mem.lastUnitId && isFollowUp(text, triage)) unitId = mem.lastUnitId;
    // "ring mig op" with no unit named or talked about: the main number's callback, not a guess.
    if (unitId === null && triage.intent === 'callback') unitId = this.deps.kb.main.id;
    if (unitId === null && mem.lastUnitId === undefined && REFERS_BACK.test(text) && text.trim().split(/\s+/).length <= 8) {
      // "hvad er deres mail?" with nothing said before: ask who, rather than guess or give up.
      await sendReply(context, { lang, text: t('noContext', lang), speak: t('noContext', lang) });
      return step.endDialog();
    }
    if (unitId === null) {
      const candidates = triage.alternatives.filter((a) => a.confidence >= CLARIFY_FLOOR).map((a) => a.unitId);
      if (!triage.outOfScope && candidates.length > 0) {
        const reply = clarifyReply(this.deps, candidates, lang);
        const render = rendererFor(context);
        return step.prompt(CLARIFY_PROMPT, {
          prompt: render(reply),
          retryPrompt: render({ ...reply, text: t('clarifyRetry', lang), speak: t('clarifyRetry', lang) }),
          choices: toBotChoices(reply.choices ?? []),
          style: ListStyle.none,
        });
      }
      await sendReply(context, abstainReply(this.deps, lang, now, triage.outOfScope));
      return step.endDialog();
    }
    return step.next({ value: unitId } satisfies Pick<FoundChoice, 'value'>);
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const { triage, lang } = step.values as TurnValues;
    const mem = await this.memory.get(context, freshMemory());
    const picked = (step.result as FoundChoice | undefined)?.value;
    const now = this.deps.clock();
    const unit = picked ? this.deps.kb.get(picked) : undefined;
    if (!unit) {
      await sendReply(context, abstainReply(this.deps, lang, now, false));
      return step.endDialog();
    }
    mem.lastUnitId = unit.id;
    if (triage.intent === 'callback') {
      return step.beginDialog(CALLBACK_DIALOG, callbackOptions(unit.id, triage, lang));
    }
    const reply = unitAnswer(this.deps, unit, {
      lang,
      now,
      when: triage.when,
      showWeek: WEEK.test(context.activity.text ?? ''),
      focus: triage.intent === 'contact' ? 'contact' : triage.intent === 'hours' ? 'hours' : 'all',
    });
    if (!shouldOfferCallback(this.deps, unit, now)) {
      await sendReply(context, reply);
      return step.endDialog();
    }
    await sendReply(context, reply);
    const offer = callbackOffer(lang);
    const render = rendererFor(context);
    (step.values as TurnValues).unitId = unit.id;
    return step.prompt(CONFIRM_PROMPT, {
      prompt: render(offer),
      retryPrompt: render(offer),
      choices: toBotChoices(offer.choices ?? []),
      style: ListStyle.none,
    });
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { triage, lang } = step.values as TurnValues;
    if (step.result === true) {
      const unitId = (step.values as TurnValues).unitId ?? '';
      return step.beginDialog(CALLBACK_DIALOG, callbackOptions(unitId, triage, lang));
    }
    await sendReply(step.context, { lang, text: t('anythingElse', lang), speak: t('anythingElse', lang) });
    return step.endDialog();
  }
}

/** The callback dialog's options: the topic (CPR-redacted) and, when asked for ("i morgen"), from when. */
function callbackOptions(unitId: string, triage: TriageResult, lang: Lang): CallbackDialogOptions {
  const from = triage.when?.start.toISO();
  return { unitId, topic: triage.redactedText, lang, ...(from ? { from } : {}) };
}

/** A short message that leans on the last answer: "hvad er deres mail?", "what about Sunday?". */
function isFollowUp(text: string, triage: TriageResult): boolean {
  const words = text.trim().split(/\s+/).length;
  if (triage.unitId !== null && triage.confidence >= 0.6 && !FOLLOW_UP.test(text)) return false;
  if (triage.unitId !== null && triage.confidence >= 0.8) return false;
  return words <= 10 && (FOLLOW_UP.test(text) || (triage.when !== null && triage.unitId === null) || (triage.unitId === null && triage.intent !== 'unknown'));
}

function looksLikeQuestion(text: string): boolean {
  return text.includes('?') || text.trim().split(/\s+/).length >= 3;
}
