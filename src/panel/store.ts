// The panel's state, kept outside components: the inspected tab's recorded events (in sequence, no
// duplicates) and the connection status. Components subscribe and re-render on change.
import type { RecordedEvent } from '../protocol/messages.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

export interface PanelState {
  readonly events: readonly RecordedEvent[];
  readonly status: ConnectionStatus;
  /** The background's "Preserve log" setting, once it has said. */
  readonly preserveLog?: boolean;
  /** The background's "Record from start" setting (every tab recorded, panel or not), once it has said. */
  readonly recordFromStart?: boolean;
  /** False when the browser has not granted host access (Firefox MV3): nothing can be recorded. */
  readonly hostAccess?: boolean;
  /** Events the background dropped past its cap: the recording is incomplete. */
  readonly droppedCount?: number;
  /** storage.session was full: the background gave up its oldest stored events (see RecordingHealth). */
  readonly storageDegraded?: boolean;
  /** The background's per-tab cap, once it has said. */
  readonly maxEventsPerTab?: number;
}

export class PanelStore {
  #state: PanelState = { events: [], status: 'connecting' };
  /** Kept apart from the events so that Clear empties the view without re-fetching what was cleared. */
  #lastSeq = -1;
  readonly #listeners = new Set<() => void>();

  get state(): PanelState {
    return this.#state;
  }

  /** The sequence number of the last event held, -1 when none: where a resumed stream starts. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /**
   * Adds events after the last one held; older or repeated sequence numbers are dropped. The event list is
   * append-only: a batch is pushed onto the array held (no copy of the whole recording per batch) and the
   * state object stays the same, so views that read only the status and settings do not re-render. Clear
   * and resets replace the array, which is how a reader tells a new recording from a longer one.
   */
  addEvents(events: readonly RecordedEvent[]): void {
    let last = this.lastSeq;
    const held = this.#state.events as RecordedEvent[];
    const before = held.length;
    for (const recorded of events) {
      if (recorded.seq <= last) continue;
      held.push(recorded);
      last = recorded.seq;
    }
    if (held.length === before) return;
    this.#lastSeq = last;
    this.#notify();
  }

  /** Replaces every event held (a snapshot after the recording was cleared or the page navigated). */
  resetEvents(events: readonly RecordedEvent[]): void {
    this.#lastSeq = events.at(-1)?.seq ?? -1;
    this.#set({ ...this.#state, events: [...events] });
  }

  /** Records what the background said about the recording (settings, host access, dropped events). */
  setInfo(
    info: Pick<
      PanelState,
      'preserveLog' | 'recordFromStart' | 'hostAccess' | 'droppedCount' | 'storageDegraded' | 'maxEventsPerTab'
    >,
  ): void {
    this.#set({ ...this.#state, ...info });
  }

  /** Empties the view (the toolbar's Clear); events after the last one held still arrive. */
  clear(): void {
    if (this.#state.events.length > 0) this.#set({ ...this.#state, events: [] });
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
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
