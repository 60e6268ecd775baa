import { Conversation } from './conversation';

export interface ConversationLimits {
  /** Conversations kept at once; when full, expired ones go first, then the least recently used. */
  readonly maxConversations: number;
  /** A conversation nobody has used for this long (ms) is forgotten. */
  readonly idleMs: number;
  /** Activities kept per conversation. */
  readonly maxActivities: number;
  /** Activities per `GET …/activities` answer; the watermark pages through the rest. */
  readonly pageSize: number;
  /** WebSockets open at once on one conversation; a new one closes the oldest. */
  readonly maxStreams: number;
}

/**
 * Sized for one municipality's chat on one server: a few hundred citizens at once is a busy day,
 * and 5000 × 200 activities of a few kB stays well inside a small container's memory. An hour
 * idle is longer than any phone-hours question; the page polls or streams while it is open.
 */
export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = {
  maxConversations: 5000,
  idleMs: 60 * 60 * 1000,
  maxActivities: 200,
  pageSize: 100,
  maxStreams: 4,
};

/** The conversations of this process, in memory (Direct Line's state is short-lived by design). */
export class ConversationStore {
  readonly #conversations = new Map<string, Conversation>();

  constructor(
    private readonly limits: ConversationLimits,
    private readonly now: () => number,
  ) {}

  /** The conversation, if it exists and has not expired; using it keeps it alive. */
  get(id: string): Conversation | undefined {
    const conversation = this.#conversations.get(id);
    if (!conversation) return undefined;
    const now = this.now();
    if (this.#expired(conversation, now)) {
      this.#forget(conversation);
      return undefined;
    }
    conversation.lastSeen = now;
    // Re-inserting keeps the Map in least-recently-used order.
    this.#conversations.delete(id);
    this.#conversations.set(id, conversation);
    return conversation;
  }

  /** Starts a conversation, making room first when the store is full. */
  create(id: string, userId: string): Conversation {
    const now = this.now();
    if (this.#conversations.size >= this.limits.maxConversations) this.#makeRoom(now);
    const conversation = new Conversation(id, userId, this.limits.maxActivities, now);
    this.#conversations.set(id, conversation);
    return conversation;
  }

  get size(): number {
    return this.#conversations.size;
  }

  /** Ends every conversation (their streams close); for shutdown. */
  clear(): void {
    for (const conversation of this.#conversations.values()) conversation.end();
    this.#conversations.clear();
  }

  #expired(conversation: Conversation, now: number): boolean {
    // A turn still running keeps its conversation, however slow the turn.
    return conversation.pending === 0 && now - conversation.lastSeen >= this.limits.idleMs;
  }

  #makeRoom(now: number): void {
    for (const conversation of this.#conversations.values()) {
      if (this.#expired(conversation, now)) this.#forget(conversation);
    }
    for (const conversation of this.#conversations.values()) {
      if (this.#conversations.size < this.limits.maxConversations) break;
      this.#forget(conversation);
    }
  }

  #forget(conversation: Conversation): void {
    this.#conversations.delete(conversation.id);
    conversation.end();
  }
}
