// Keeps the panel connected to the background: connects a `panel:<tabId>` port, subscribes from the
// last event held, feeds the store, and reconnects by itself when the port drops (the service worker
// was stopped or restarted) — resuming from the last sequence number, so no event is lost or doubled.
import { type BackgroundMessage, type PanelMessage, panelPortName } from '../protocol/messages.ts';
import type { PanelStore } from './store.ts';

/** The slice of runtime.Port the panel uses. */
export interface RuntimePort {
  postMessage(message: PanelMessage): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
  disconnect?(): void;
}

export const RECONNECT_DELAY_MS = 300;

export interface PanelConnection {
  /** Sends a message on the current port; dropped while reconnecting (the toolbar state is re-sent then). */
  send(message: PanelMessage): void;
  /**
   * Forgets every event and subscribes again from the start on a new port (the background serves one
   * subscription per port): the whole recording arrives again, for an analysis that lost the events it held.
   */
  refetch(): void;
}

function applyMessage(store: PanelStore, message: BackgroundMessage): void {
  switch (message.type) {
    case 'snapshot':
    case 'events': {
      if (message.type === 'snapshot' && message.reset) store.resetEvents(message.events);
      else store.addEvents(message.events, message.type === 'snapshot' ? 'backlog' : 'new');
      store.setStatus('live');
      if (message.droppedCount !== undefined) store.setInfo({ droppedCount: message.droppedCount });
      if (message.storageDegraded !== undefined) store.setInfo({ storageDegraded: message.storageDegraded });
      return;
    }
    case 'permissions':
      store.setInfo({ hostAccess: message.granted });
      return;
    case 'settings':
      store.setInfo({
        preserveLog: message.preserveLog,
        recordFromStart: message.recordFromStart,
        maxEventsPerTab: message.maxEventsPerTab,
      });
      return;
  }
}

export function keepConnected(
  connect: (name: string) => RuntimePort,
  tabId: number,
  store: PanelStore,
  schedule: (run: () => void, ms: number) => void = (run, ms) => void setTimeout(run, ms),
): PanelConnection {
  let current: RuntimePort | undefined;
  const open = (): void => {
    let port: RuntimePort;
    try {
      port = connect(panelPortName(tabId));
    } catch {
      schedule(open, RECONNECT_DELAY_MS);
      return;
    }
    current = port;
    port.onMessage.addListener((raw) => {
      // A port given up for a new subscription (refetch) may still deliver what it had queued.
      if (current !== port) return;
      if (typeof raw === 'object' && raw !== null) applyMessage(store, raw as BackgroundMessage);
    });
    port.onDisconnect.addListener(() => {
      if (current !== port) return;
      current = undefined;
      store.setStatus('reconnecting');
      schedule(open, RECONNECT_DELAY_MS);
    });
    port.postMessage({ type: 'subscribe', since: store.lastSeq });
  };
  open();
  return {
    send(message) {
      try {
        current?.postMessage(message);
      } catch {
        // The port died between the check and the call; onDisconnect reconnects.
      }
    },
    refetch() {
      const old = current;
      if (!old) {
        // Reconnecting already: that subscription starts from the beginning.
        store.forgetAll();
        return;
      }
      current = undefined;
      store.forgetAll();
      try {
        old.disconnect?.();
      } catch {}
      open();
    },
  };
}
