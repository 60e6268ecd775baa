import { ComponentDialog, WaterfallDialog, type PromptValidatorContext } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { describe, expect, test } from 'vitest';
import { danishConfirmPrompt, DANISH_CONFIRM_DEFAULTS } from '../../dialogs/danish-prompts';

/** A confirm prompt with only botbuilder's own recognition (no Frontdoor matcher on top). */
class AskYesNo extends ComponentDialog {
  constructor() {
    super('ask');
    this.addDialog(danishConfirmPrompt('confirm', async (p: PromptValidatorContext<boolean>) => p.recognized.succeeded));
    this.addDialog(
      new WaterfallDialog('flow', [
        async (step) => step.prompt('confirm', { prompt: 'Er det i orden?' }),
        async (step) => {
          await step.context.sendActivity(`svar: ${String(step.result)}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'flow';
  }
}

describe('botbuilder prompts with Danish defaults', () => {
  test.each([
    ['ja', 'svar: true'],
    ['Nej', 'svar: false'],
    ['1', 'svar: true'],
  ])('"%s" is understood by the confirm prompt in a da-DK conversation', async (answer, expected) => {
    const client = new DialogTestClient('test', new AskYesNo());
    const prompt = await client.sendActivity({ type: 'message', text: 'hej', locale: 'da-DK' } as never);
    expect(prompt.text).toBe('Er det i orden?');
    const reply = await client.sendActivity({ type: 'message', text: answer, locale: 'da-DK' } as never);
    expect(reply.text).toBe(expected);
  });

  test('the Danish yes/no words are Ja and Nej', () => {
    expect(DANISH_CONFIRM_DEFAULTS['da-dk']?.choices).toEqual(['Ja', 'Nej']);
  });
});
