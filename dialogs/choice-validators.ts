import type { Choice as BotChoice, FoundChoice, PromptValidatorContext } from 'botbuilder-dialogs';
import { normalizeDanishPhone } from '../knowledge/callbacks/phone';
import { matchChoice } from './choices';
import type { Choice } from './reply';

/**
 * Validators shared by the dialogs' prompts. botbuilder's recognizers have no Danish culture, so
 * numbers ("2", a DTMF digit), ordinals and labels are matched by `matchChoice`; a match is written
 * into the prompt's recognized result.
 */
export function toBotChoices(choices: readonly Choice[]): BotChoice[] {
  return choices.map((c) => ({ value: c.value, synonyms: [c.label, ...(c.synonyms ?? [])] }));
}

export function toReplyChoices(choices: readonly BotChoice[]): Choice[] {
  return choices.map((c) => ({ value: c.value, label: c.synonyms?.[0] ?? c.value, synonyms: c.synonyms ?? [] }));
}

/** botbuilder's recognizers have no Danish culture: numbers, ordinals and labels are matched here. */
export async function choiceValidator(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
  if (prompt.recognized.succeeded) return true;
  const choices = toReplyChoices((prompt.options as { choices?: BotChoice[] }).choices ?? []);
  const picked = matchChoice(prompt.context.activity.text ?? '', choices);
  if (!picked) return false;
  prompt.recognized.value = { value: picked.value, index: choices.indexOf(picked), score: 1 };
  prompt.recognized.succeeded = true;
  return true;
}

export async function confirmValidator(prompt: PromptValidatorContext<boolean>): Promise<boolean> {
  const choices = toReplyChoices((prompt.options as { choices?: BotChoice[] }).choices ?? []);
  const picked = matchChoice(prompt.context.activity.text ?? '', choices);
  if (picked) {
    prompt.recognized.value = picked.value === 'yes';
    prompt.recognized.succeeded = true;
    return true;
  }
  return prompt.recognized.succeeded;
}

/** A Danish phone number (+45, 0045, spaces, 8 digits). */
export async function phoneValidator(prompt: PromptValidatorContext<string>): Promise<boolean> {
  return prompt.recognized.succeeded && normalizeDanishPhone(prompt.recognized.value ?? '').ok;
}
