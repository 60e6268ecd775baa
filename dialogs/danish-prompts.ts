import type { ChoiceFactoryOptions } from 'botbuilder-dialogs';

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
