import { ChoicePrompt, ConfirmPrompt, ListStyle, type ChoiceFactoryOptions, type FoundChoice, type PromptValidator } from 'botbuilder-dialogs';

/**
 * botbuilder's Choice and Confirm prompts ship no Danish culture (PromptCultureModels has no
 * Danish), so their list texts and yes/no words would fall back to English. These are the Danish
 * (and English) defaults passed to the prompts' constructors.
 */
const DA_OPTIONS: ChoiceFactoryOptions = {
  inlineSeparator: ', ',
  inlineOr: ' eller ',
  inlineOrMore: ' eller ',
  includeNumbers: true,
};
const EN_OPTIONS: ChoiceFactoryOptions = {
  inlineSeparator: ', ',
  inlineOr: ' or ',
  inlineOrMore: ', or ',
  includeNumbers: true,
};

export const DANISH_CHOICE_DEFAULTS: Record<string, ChoiceFactoryOptions> = {
  'da-dk': DA_OPTIONS,
  da: DA_OPTIONS,
  'en-us': EN_OPTIONS,
  'en-gb': EN_OPTIONS,
};

export const DANISH_CONFIRM_DEFAULTS: Record<string, { choices: string[]; options: ChoiceFactoryOptions }> = {
  'da-dk': { choices: ['Ja', 'Nej'], options: DA_OPTIONS },
  da: { choices: ['Ja', 'Nej'], options: DA_OPTIONS },
  'en-us': { choices: ['Yes', 'No'], options: EN_OPTIONS },
  'en-gb': { choices: ['Yes', 'No'], options: EN_OPTIONS },
};

/**
 * A ChoicePrompt with the Danish defaults. Its own list style is off: our renderers draw the
 * choices (buttons on the web, "Tryk 1 for …" on the phone), so the prompt must not append
 * "(1) … eller (2) …" to the text as well.
 */
export function danishChoicePrompt(id: string, validator: PromptValidator<FoundChoice>): ChoicePrompt {
  const prompt = new ChoicePrompt(id, validator, 'da-dk', DANISH_CHOICE_DEFAULTS);
  prompt.style = ListStyle.none;
  return prompt;
}

/** A ConfirmPrompt with the Danish yes/no defaults; list style off for the same reason. */
export function danishConfirmPrompt(id: string, validator: PromptValidator<boolean>): ConfirmPrompt {
  const prompt = new ConfirmPrompt(id, validator, 'da-dk', DANISH_CONFIRM_DEFAULTS);
  prompt.style = ListStyle.none;
  return prompt;
}
