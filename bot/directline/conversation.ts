import { DateTime } from 'luxon';

/** An activity as Direct Line hands it to clients: always with an id and a timestamp. */
export type StoredActivity = Record<string, unknown> & { readonly id: string; readonly type: string; readonly timestamp: string };

/** Direct Line's answer to "what is new": the activities and the watermark to ask from next time. */
export interface ActivitySet {
  readonly activities: readonly StoredActivity[];
  readonly watermark: string;
}

/** Someone streaming this conversation (a WebSocket): gets each new activity, and hears when it ends. */
export interface ConversationListener {
  deliver(set: ActivitySet): void;
  end(): void;
}

interface Entry {
  readonly seq: number;
  readonly activity: StoredActivity;
}

/**
 * One Direct Line conversation in memory: its activities in order (the citizen's own, echoed, and
 * the bot's), numbered so a watermark is simply the number of the last one a client has seen.
 * Turns run one at a time, so two quick messages cannot interleave in the dialog state.
 */
export class Conversation {
  readonly #entries: Entry[] = [];
  readonly #listeners = new Set<ConversationListener>();
  #seq = 0;
  #lastMs = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #pending = 0;
  #ended = false;

  constructor(
    readonly id: string,
    /** The citizen's id, as given when the conversation started (or made up). */
    readonly userId: string,
    /** Activities kept; older ones are dropped, the numbering goes on. */
    private readonly maxActivities: number,
    /** Milliseconds on the wall clock when last used; the store expires idle conversations. */
    public lastSeen: number,
  ) {}

  /** The watermark after the newest activity. */
  get watermark(): string {
    return String(this.#seq);
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Turns waiting for or holding the conversation. */
  get pending(): number {
    return this.#pending;
  }

  /**
   * Adds an activity with the next id (`conversationId|0000007`, as Direct Line numbers them) and
   * a timestamp; streams it to listeners. Timestamps strictly increase within a conversation:
   * Web Chat orders by them, and a turn's replies often fall in the same millisecond.
   */
  append(activity: Record<string, unknown> & { type: string }, nowMs: number): StoredActivity {
    this.#seq += 1;
    this.#lastMs = Math.max(nowMs, this.#lastMs + 1);
    const stored: StoredActivity = {
      ...activity,
      id: `${this.id}|${String(this.#seq).padStart(7, '0')}`,
      timestamp: DateTime.fromMillis(this.#lastMs, { zone: 'utc' }).toISO() ?? '',
    };
    this.#entries.push({ seq: this.#seq, activity: stored });
    if (this.#entries.length > this.maxActivities) this.#entries.splice(0, this.#entries.length - this.maxActivities);
    const set: ActivitySet = { activities: [stored], watermark: this.watermark };
    for (const listener of this.#listeners) listener.deliver(set);
    return stored;
  }

  /** Activities after `watermark` (all kept ones when undefined), at most `pageSize` of them. */
  since(watermark: number | undefined, pageSize: number): ActivitySet {
    const after = watermark ?? 0;
    const page = this.#entries.filter((e) => e.seq > after).slice(0, pageSize);
    const last = page.at(-1);
    const mark = last ? last.seq : Math.min(after, this.#seq);
    return { activities: page.map((e) => e.activity), watermark: String(mark) };
  }

  /** Listens for new activities until the returned function is called or the conversation ends. */
  subscribe(listener: ConversationListener): () => void {
    if (this.#ended) {
      listener.end();
      return () => undefined;
    }
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  /** The oldest listener, so a conversation can make room for a new stream. */
  oldestListener(): ConversationListener | undefined {
    return this.#listeners.values().next().value;
  }

  /** Runs `work` after every turn queued before it; a failure does not block the ones after. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.#pending += 1;
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined).finally(() => {
      this.#pending -= 1;
    });
    return run;
  }

  /** Forgets the conversation: streams are told to close. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    for (const listener of this.#listeners) listener.end();
    this.#listeners.clear();
  }
}
