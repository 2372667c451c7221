// Serves the Sessions panels: each panel connects a port named `panel:<tabId>`, subscribes from the
// last sequence number it has, gets a snapshot of the rest, then a batch of new events whenever some
// are recorded. Each port remembers the last number it was sent, so nothing is sent twice or skipped.
import { type BackgroundMessage, isPanelMessage, tabIdOfPortName } from './messages.ts';
import type { RecorderStore } from './recorder-store.ts';

/** The slice of runtime.Port the hub uses. */
export interface PanelPort {
  readonly name: string;
  postMessage(message: BackgroundMessage): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

interface Subscription {
  readonly port: PanelPort;
  readonly tabId: number;
  lastSentSeq: number;
}

export const DEFAULT_BATCH_DELAY_MS = 50;

export class PanelHub {
  readonly #subscriptions = new Set<Subscription>();
  #batchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: RecorderStore,
    private readonly batchDelayMs = DEFAULT_BATCH_DELAY_MS,
  ) {
    store.onAppend(() => this.#scheduleBatch());
  }

  /** Handles runtime.onConnect; ignores ports that are not a panel's. */
  connect(port: PanelPort): void {
    const tabId = tabIdOfPortName(port.name);
    if (tabId === undefined) return;
    let subscription: Subscription | undefined;
    port.onMessage.addListener((message) => {
      if (!isPanelMessage(message) || subscription) return;
      const pending: Subscription = { port, tabId, lastSentSeq: message.since };
      subscription = pending;
      void this.store.ready.then(() => {
        const events = this.store.recorder(tabId).eventsSince(pending.lastSentSeq);
        pending.lastSentSeq = events.at(-1)?.seq ?? pending.lastSentSeq;
        this.#post(pending, { type: 'snapshot', events });
        this.#subscriptions.add(pending);
      });
    });
    port.onDisconnect.addListener(() => {
      if (subscription) this.#subscriptions.delete(subscription);
    });
  }

  /** Number of live panel subscriptions (for tests). */
  get subscriberCount(): number {
    return this.#subscriptions.size;
  }

  /** Sends every subscriber what it has not had yet; normally runs on a short timer. */
  sendPending(): void {
    if (this.#batchTimer !== undefined) clearTimeout(this.#batchTimer);
    this.#batchTimer = undefined;
    for (const subscription of this.#subscriptions) {
      const recorder = this.store.existing(subscription.tabId);
      const events = recorder?.eventsSince(subscription.lastSentSeq) ?? [];
      if (events.length === 0) continue;
      subscription.lastSentSeq = events.at(-1)!.seq;
      this.#post(subscription, { type: 'events', events });
    }
  }

  #post(subscription: Subscription, message: BackgroundMessage): void {
    try {
      subscription.port.postMessage(message);
    } catch {
      // The panel went away between the event and the batch.
      this.#subscriptions.delete(subscription);
    }
  }

  #scheduleBatch(): void {
    if (this.#batchTimer === undefined) this.#batchTimer = setTimeout(() => this.sendPending(), this.batchDelayMs);
  }
}
