// The panel's state, kept outside components: the inspected tab's recorded events (in sequence, no
// duplicates) and the connection status. Components subscribe and re-render on change.
import type { RecordedEvent } from '../background/messages.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

export interface PanelState {
  readonly events: readonly RecordedEvent[];
  readonly status: ConnectionStatus;
}

export class PanelStore {
  #state: PanelState = { events: [], status: 'connecting' };
  readonly #listeners = new Set<() => void>();

  get state(): PanelState {
    return this.#state;
  }

  /** The sequence number of the last event held, -1 when none: where a resumed stream starts. */
  get lastSeq(): number {
    return this.#state.events.at(-1)?.seq ?? -1;
  }

  /** Adds events after the last one held; older or repeated sequence numbers are dropped. */
  addEvents(events: readonly RecordedEvent[]): void {
    let last = this.lastSeq;
    const fresh: RecordedEvent[] = [];
    for (const recorded of events) {
      if (recorded.seq <= last) continue;
      fresh.push(recorded);
      last = recorded.seq;
    }
    if (fresh.length === 0) return;
    this.#set({ ...this.#state, events: [...this.#state.events, ...fresh] });
  }

  setStatus(status: ConnectionStatus): void {
    if (status !== this.#state.status) this.#set({ ...this.#state, status });
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #set(state: PanelState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}
