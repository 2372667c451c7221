// Serves the Sessions panels: each panel connects a port named `panel:<tabId>`, subscribes from the
// last sequence number it has, gets a snapshot of the rest, then a batch of new events whenever more
// are safely stored. Each port remembers the last number it was sent, so nothing is sent twice or
// skipped. Panels may also clear their tab's recording and switch "Preserve log".

import type { RecordingSettings } from '../protocol/messages.ts';
import { type BackgroundMessage, isPanelMessage, tabIdOfPortName } from '../protocol/messages.ts';
import type { RecorderStore } from './recorder-store.ts';

/** The slice of runtime.Port the hub uses. */
export interface PanelPort {
  readonly name: string;
  postMessage(message: BackgroundMessage): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

/** What the hub asks of the rest of the background (browser APIs stay out of this module). */
export interface HubHost {
  /** Whether the extension may see every site's requests (Firefox asks the user for it). */
  permissionsGranted(): Promise<boolean>;
  /** Stores the "Preserve log" choice. */
  setPreserveLog(value: boolean): Promise<void>;
  /** Stores the "Record from start" choice. */
  setRecordFromStart(value: boolean): Promise<void>;
  /** A tab gained its first panel or lost its last: whether to capture at all may have changed. */
  panelsChanged(): void;
  /**
   * Reads the settings from storage again. A subscribing panel waits for it, so what it is told (and
   * whether the background captures) is what storage holds, even if a storage.onChanged event was
   * missed — as happened in CI when a setting was written while the worker was still starting.
   */
  refreshSettings(): Promise<void>;
  /** The address of the page a tab shows now (tabs.get), when the browser lets the extension read it. */
  tabUrl(tabId: number): Promise<string | undefined>;
}

const NO_HOST: HubHost = {
  permissionsGranted: async () => true,
  setPreserveLog: async () => undefined,
  setRecordFromStart: async () => undefined,
  panelsChanged: () => undefined,
  refreshSettings: async () => undefined,
  tabUrl: async () => undefined,
};

interface Subscription {
  readonly port: PanelPort;
  readonly tabId: number;
  lastSentSeq: number;
}

export const DEFAULT_BATCH_DELAY_MS = 50;

export function settingsMessage(settings: RecordingSettings): BackgroundMessage {
  return { type: 'settings', ...settings };
}

export class PanelHub {
  readonly #subscriptions = new Set<Subscription>();
  #batchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: RecorderStore,
    private readonly batchDelayMs = DEFAULT_BATCH_DELAY_MS,
    private readonly host: HubHost = NO_HOST,
  ) {
    // Panels get an event once storage holds it: after a restart it keeps the number they know it by.
    store.onDurable(() => this.#scheduleBatch());
    store.onReset((tabId) => this.#resetPanels(tabId));
  }

  /** Handles runtime.onConnect; ignores ports that are not a panel's. */
  connect(port: PanelPort): void {
    const tabId = tabIdOfPortName(port.name);
    if (tabId === undefined) return;
    let subscription: Subscription | undefined;
    port.onMessage.addListener((message) => {
      if (!isPanelMessage(message)) return;
      switch (message.type) {
        case 'subscribe': {
          if (subscription) return;
          const pending: Subscription = { port, tabId, lastSentSeq: message.since };
          subscription = pending;
          // After the store's own first read, so this newer read is the one that stays. A failed read
          // keeps the settings held; the panel is served either way.
          void this.store.ready
            .then(() => this.host.refreshSettings().catch(() => undefined))
            .then(() => this.#start(pending));
          return;
        }
        case 'clear':
          void this.store.ready.then(() => this.store.clear(tabId));
          return;
        case 'setPreserveLog':
          void this.host.setPreserveLog(message.value);
          return;
        case 'setRecordFromStart':
          void this.host.setRecordFromStart(message.value);
          return;
      }
    });
    port.onDisconnect.addListener(() => {
      if (!subscription) return;
      this.#subscriptions.delete(subscription);
      // The last panel of the tab closed: a tab recorded only with a panel stops here (its events stay).
      const recorder = this.store.existing(tabId);
      if (recorder && ![...this.#subscriptions].some((s) => s.tabId === tabId)) {
        recorder.panelOpened = false;
        this.store.touch(tabId);
        this.host.panelsChanged();
      }
    });
  }

  /** Number of live panel subscriptions (for tests). */
  get subscriberCount(): number {
    return this.#subscriptions.size;
  }

  /** Sends a message to every panel (settings or permissions changed). */
  broadcast(message: BackgroundMessage): void {
    for (const subscription of this.#subscriptions) this.#post(subscription, message);
  }

  /**
   * A panel opened on a page the recorder never saw load (recording starts with the panel by default): the page the
   * tab shows is its top-level page all the same. Noted as the recorder notes a navigation (RecorderStore.notePage),
   * so the site inspected is that page's rather than guessed from the first request, which a frame or a beacon may
   * make, and frame requests are compared with it for SameSite (site-context.ts).
   */
  #notePageShown(tabId: number): void {
    void this.host
      .tabUrl(tabId)
      .catch(() => undefined)
      .then((url) => {
        const recorder = this.store.existing(tabId);
        // A navigation the recorder saw meanwhile is newer than the page asked about.
        if (url === undefined || !/^https?:/i.test(url) || !recorder || recorder.topUrl !== undefined) return;
        this.store.notePage(tabId, url);
      });
  }

  /** Sends every subscriber the stored events it has not had yet; normally runs on a short timer. */
  sendPending(): void {
    if (this.#batchTimer !== undefined) clearTimeout(this.#batchTimer);
    this.#batchTimer = undefined;
    for (const subscription of this.#subscriptions) {
      const events = this.#eventsFor(subscription);
      if (events.length === 0) continue;
      this.#post(subscription, { type: 'events', events, ...this.#health(subscription.tabId) });
    }
  }

  #start(subscription: Subscription): void {
    const recorder = this.store.recorder(subscription.tabId);
    if (!recorder.panelOpened) {
      recorder.panelOpened = true;
      this.store.touch(subscription.tabId);
      this.host.panelsChanged();
    }
    if (recorder.topUrl === undefined) this.#notePageShown(subscription.tabId);
    // The panel holds events from before a clear it has not heard of: it must drop them.
    const reset = subscription.lastSentSeq >= 0 && subscription.lastSentSeq < recorder.clearedBeforeSeq;
    const events = this.#eventsFor(subscription);
    this.#post(subscription, {
      type: 'snapshot',
      events,
      ...(reset ? { reset: true } : {}),
      ...this.#health(subscription.tabId),
    });
    this.#post(subscription, settingsMessage(this.store.settings));
    this.#subscriptions.add(subscription);
    void this.host
      .permissionsGranted()
      .then((granted) => this.#post(subscription, { type: 'permissions', granted }))
      .catch(() => undefined);
  }

  /** The durable events after what the subscription was sent; advances its mark. */
  #eventsFor(subscription: Subscription) {
    const recorder = this.store.existing(subscription.tabId);
    if (!recorder) return [];
    const durable = this.store.durableSeq(subscription.tabId);
    const events = recorder.eventsBetween(subscription.lastSentSeq + 1, durable + 1);
    subscription.lastSentSeq = events.at(-1)?.seq ?? subscription.lastSentSeq;
    return events;
  }

  #health(tabId: number): { droppedCount: number; storageDegraded: boolean } {
    return {
      droppedCount: this.store.existing(tabId)?.droppedCount ?? 0,
      storageDegraded: this.store.storageDegradedFor(tabId),
    };
  }

  #resetPanels(tabId: number): void {
    for (const subscription of this.#subscriptions) {
      if (subscription.tabId !== tabId) continue;
      subscription.lastSentSeq = (this.store.existing(tabId)?.clearedBeforeSeq ?? 0) - 1;
      this.#post(subscription, { type: 'snapshot', events: [], reset: true, ...this.#health(tabId) });
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
