import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** The bot as Direct Line clients see it (`from` of its replies, `recipient` of the citizen's). */
export const BOT_ACCOUNT = { id: 'frontdoor', name: 'Frontdoor', role: 'bot' } as const;

/** The channel id the bot sees for the web chat (the same as Azure's Web Chat channel). */
export const WEBCHAT_CHANNEL = 'webchat';

/**
 * What a client may post to `…/activities`: what Web Chat sends (a message, an event, a typing
 * indicator) and nothing we would have to trust. Unknown fields are accepted and dropped; ids,
 * timestamps, the conversation and the recipient are ours to set.
 */
export function postedActivitySchema(maxText: number) {
  return z.looseObject({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().max(maxText, `text is longer than ${maxText} characters`).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    locale: z.string().max(35).optional(),
    localTimezone: z.string().max(64).optional(),
    name: z.string().max(256).optional(),
    value: z.unknown().optional(),
    from: z.looseObject({ id: z.string().min(1).max(256), name: z.string().max(256).optional() }).optional(),
    channelData: z.looseObject({ clientActivityID: z.string().max(256).optional() }).optional(),
  });
}

export type PostedActivity = z.infer<ReturnType<typeof postedActivitySchema>>;

/** The citizen's activity as the bot receives it and as it is echoed back to the client. */
export function citizenActivity(
  posted: PostedActivity,
  conversation: { readonly id: string; readonly userId: string },
  serviceUrl: string,
): Record<string, unknown> & { type: string } {
  // A client must not speak as the bot: Web Chat would draw it as the bot's bubble.
  const fromId = posted.from && posted.from.id !== BOT_ACCOUNT.id ? posted.from.id : conversation.userId;
  return {
    type: posted.type,
    ...(posted.text === undefined ? {} : { text: posted.text }),
    ...(posted.textFormat === undefined ? {} : { textFormat: posted.textFormat }),
    ...(posted.locale === undefined ? {} : { locale: posted.locale }),
    ...(posted.localTimezone === undefined ? {} : { localTimezone: posted.localTimezone }),
    ...(posted.name === undefined ? {} : { name: posted.name }),
    ...(posted.value === undefined ? {} : { value: posted.value }),
    // Web Chat finds its own message again by channelData.clientActivityID and marks it sent.
    ...(posted.channelData === undefined ? {} : { channelData: posted.channelData }),
    channelId: WEBCHAT_CHANNEL,
    serviceUrl,
    conversation: { id: conversation.id },
    from: { id: fromId, ...(posted.from?.name === undefined ? {} : { name: posted.from.name }), role: 'user' },
    recipient: { ...BOT_ACCOUNT },
  };
}

/** What the bot sees when the citizen joins: both members added, so the welcome is sent. */
export function joinActivity(
  conversation: { readonly id: string; readonly userId: string },
  serviceUrl: string,
  locale: string | undefined,
): Record<string, unknown> & { type: string } {
  return {
    type: 'conversationUpdate',
    channelId: WEBCHAT_CHANNEL,
    serviceUrl,
    conversation: { id: conversation.id },
    from: { id: conversation.userId, role: 'user' },
    recipient: { ...BOT_ACCOUNT },
    membersAdded: [{ id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name }, { id: conversation.userId }],
    ...(locale === undefined ? {} : { locale }),
  };
}

/**
 * A reply from the bot, addressed as Direct Line addresses it. Trace and delay activities stay on
 * the server (Direct Line does not forward traces; a web page has no use for a pause).
 */
export function botReply(
  reply: Partial<Activity>,
  conversation: { readonly id: string },
  recipientId: string,
  replyToId: string | undefined,
): (Record<string, unknown> & { type: string }) | undefined {
  const type = reply.type ?? 'message';
  if (type === 'trace' || type === 'delay') return undefined;
  const { id: _id, timestamp: _ts, serviceUrl: _url, deliveryMode: _mode, conversation: _c, from: _f, recipient: _r, ...content } = reply;
  return {
    ...content,
    type,
    channelId: WEBCHAT_CHANNEL,
    conversation: { id: conversation.id },
    from: { ...BOT_ACCOUNT },
    // botbuilder addresses a reply to whoever spoke; keep that, else the conversation's citizen.
    recipient: { id: typeof reply.recipient?.id === 'string' ? reply.recipient.id : recipientId, role: 'user' },
    ...(replyToId === undefined ? {} : { replyToId }),
  };
}
