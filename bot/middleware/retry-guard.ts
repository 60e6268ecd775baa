import { DeliveryModes, type Activity, type Middleware, type TurnContext } from 'botbuilder';

/**
 * Channels retry a turn they think failed, with the same activity id. The guard runs the bot once
 * per (channel, conversation, activity id): a retry gets the first run's replies again when the
 * channel collects replies in the response (`expectReplies`), and nothing otherwise — it never
 * books, answers or sends twice. Together with the callback idempotency key this makes a retried
 * turn harmless even when it races the first one.
 */
export class RetryGuard implements Middleware {
  readonly #seen = new Map<string, Promise<Partial<Activity>[]>>();

  constructor(private readonly maxEntries = 5_000) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== 'message' || !activity.id) return next();
    const key = `${activity.channelId}\u0000${activity.conversation?.id ?? ''}\u0000${activity.id}`;
    const earlier = this.#seen.get(key);
    if (earlier) {
      const replies = await earlier.catch(() => []);
      if (activity.deliveryMode === DeliveryModes.ExpectReplies && replies.length > 0) await context.sendActivities(replies);
      return;
    }
    const sent: Partial<Activity>[] = [];
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      sent.push(...activities.map((a) => ({ ...a })));
      return nextSend();
    });
    let done!: (replies: Partial<Activity>[]) => void;
    let failed!: (error: unknown) => void;
    this.#seen.set(key, new Promise((resolve, reject) => ((done = resolve), (failed = reject))));
    this.#evict();
    try {
      await next();
      done(sent);
    } catch (error) {
      this.#seen.delete(key);
      failed(error);
      throw error;
    }
  }

  #evict(): void {
    while (this.#seen.size > this.maxEntries) {
      const oldest = this.#seen.keys().next().value as string;
      this.#seen.delete(oldest);
    }
  }
}
