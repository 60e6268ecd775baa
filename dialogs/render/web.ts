import { ActionTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import type { Reply } from '../reply';

/**
 * Web chat rendering: markdown text, choices as suggested actions (numbered, so typing "2" works
 * too), the unit's facts as a hero card with a `tel:` button. The structured card also travels in
 * `channelData.frontdoorCard` so a page can draw its own card.
 */
export function renderWeb(reply: Reply): Partial<Activity> {
  const activity: Partial<Activity> = {
    type: 'message',
    text: reply.text,
    textFormat: 'markdown',
    locale: reply.lang === 'da' ? 'da-DK' : 'en-US',
    speak: reply.speak,
    inputHint: reply.expectsInput ? 'expectingInput' : 'acceptingInput',
  };
  if (reply.choices && reply.choices.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: reply.choices.map(
        (c, i): CardAction => ({ type: ActionTypes.ImBack, title: `${i + 1}. ${c.label}`, value: c.label }),
      ),
    };
  }
  if (reply.card) {
    const card = reply.card;
    const buttons: CardAction[] = card.phones.slice(0, 2).map((p) => ({
      type: ActionTypes.Call,
      title: `${reply.lang === 'da' ? 'Ring' : 'Call'} ${p.display}`,
      value: `tel:${p.tel}`,
    }));
    // The hero card is compact (who, open or not, call buttons): the text already says the rest.
    activity.attachments = [CardFactory.heroCard(card.title, '', undefined, buttons, { subtitle: card.status.text })];
    // A page that draws its own card from these shows `besideCard` as the text instead.
    activity.channelData = { frontdoorCard: card, frontdoorTextBesideCard: reply.besideCard ?? reply.text };
  }
  return activity;
}
