// Keeps the panel connected to the background: connects a `panel:<tabId>` port, subscribes from the
// last event held, feeds the store, and reconnects by itself when the port drops (the service worker
// was stopped or restarted) — resuming from the last sequence number, so no event is lost or doubled.
import { type BackgroundMessage, type PanelMessage, panelPortName } from '../background/messages.ts';
import type { PanelStore } from './store.ts';

/** The slice of runtime.Port the panel uses. */
export interface RuntimePort {
  postMessage(message: PanelMessage): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

export const RECONNECT_DELAY_MS = 300;

export function keepConnected(
  connect: (name: string) => RuntimePort,
  tabId: number,
  store: PanelStore,
  schedule: (run: () => void, ms: number) => void = (run, ms) => void setTimeout(run, ms),
): void {
  const open = (): void => {
    let port: RuntimePort;
    try {
      port = connect(panelPortName(tabId));
    } catch {
      schedule(open, RECONNECT_DELAY_MS);
      return;
    }
    port.onMessage.addListener((raw) => {
      const message = raw as BackgroundMessage;
      if (message.type === 'snapshot' || message.type === 'events') {
        store.addEvents(message.events);
        store.setStatus('live');
      }
    });
    port.onDisconnect.addListener(() => {
      store.setStatus('reconnecting');
      schedule(open, RECONNECT_DELAY_MS);
    });
    port.postMessage({ type: 'subscribe', since: store.lastSeq });
  };
  open();
}
