// The panel's state, kept outside components: the inspected tab's recorded events (in sequence, no
// duplicates) and the connection status. Components subscribe and re-render on change. With the analysis in
// a worker the page holds no events at all: each batch is handed on (`onEvents`) and only counted here, since
// the worker keeps its own copy and a page holding 100,000 recorded requests as well cost ~300 MB.
import type { RecordedEvent } from '../protocol/messages.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

export interface PanelState {
  /** Every event of the recording, when the store keeps them (`keepEvents`); empty otherwise. */
  readonly events: readonly RecordedEvent[];
  /** How many events the recording has reached the panel with (held or handed on). */
  readonly eventCount: number;
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

/**
 * How a batch of events reached the panel: `new`, recorded as they happened; `backlog`, what was recorded before the
 * panel subscribed (or subscribed again), arriving at once; `restart`, the recording started over with these
 * (Clear, a reset snapshot).
 */
export type EventsArrival = 'new' | 'backlog' | 'restart';

/** Hears each batch of events and how it came. */
export type EventsListener = (events: readonly RecordedEvent[], arrival: EventsArrival) => void;

export class PanelStore {
  #state: PanelState = { events: [], eventCount: 0, status: 'connecting' };
  /** Kept apart from the events so that Clear empties the view without re-fetching what was cleared. */
  #lastSeq = -1;
  readonly #listeners = new Set<() => void>();
  readonly #eventListeners = new Set<EventsListener>();
  readonly #keepEvents: boolean;

  /** `keepEvents: false` when whoever listens to `onEvents` keeps the events itself (the analysis worker). */
  constructor(options: { readonly keepEvents?: boolean } = {}) {
    this.#keepEvents = options.keepEvents ?? true;
  }

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
  addEvents(events: readonly RecordedEvent[], arrival: Exclude<EventsArrival, 'restart'> = 'new'): void {
    let last = this.lastSeq;
    const fresh: RecordedEvent[] = [];
    for (const recorded of events) {
      if (recorded.seq <= last) continue;
      fresh.push(recorded);
      last = recorded.seq;
    }
    if (fresh.length === 0) return;
    this.#lastSeq = last;
    if (this.#keepEvents) for (const recorded of fresh) (this.#state.events as RecordedEvent[]).push(recorded);
    // The count changes in place, as the event list does: views that read only the status do not re-render.
    (this.#state as { eventCount: number }).eventCount += fresh.length;
    for (const listener of this.#eventListeners) listener(fresh, arrival);
    this.#notify();
  }

  /** Replaces every event held (a snapshot after the recording was cleared or the page navigated). */
  resetEvents(events: readonly RecordedEvent[]): void {
    this.#lastSeq = events.at(-1)?.seq ?? -1;
    this.#restart(events);
  }

  /** Forgets every event and where the stream stood: the next subscription asks for the whole recording. */
  forgetAll(): void {
    this.#lastSeq = -1;
    this.#restart([]);
  }

  /** Hears every batch of new events (and restarts), before the store's other listeners are told. */
  onEvents(listener: EventsListener): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Records what the background said about the recording (settings, host access, dropped events). */
  setInfo(
    info: Pick<
      PanelState,
      'preserveLog' | 'recordFromStart' | 'hostAccess' | 'droppedCount' | 'storageDegraded' | 'maxEventsPerTab'
    >,
  ): void {
    // Every batch of events repeats the recording's health: a state object (and a render of every view that
    // reads it) only when something in it changed.
    const changed = (Object.keys(info) as (keyof typeof info)[]).some((key) => info[key] !== this.#state[key]);
    if (changed) this.#set({ ...this.#state, ...info });
  }

  /** Empties the view (the toolbar's Clear); events after the last one held still arrive. */
  clear(): void {
    if (this.#state.eventCount > 0) this.#restart([]);
  }

  setStatus(status: ConnectionStatus): void {
    if (status !== this.#state.status) this.#set({ ...this.#state, status });
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A new recording: a new array (how a reader tells it from a longer one), then every listener told. */
  #restart(events: readonly RecordedEvent[]): void {
    const next = { ...this.#state, events: this.#keepEvents ? [...events] : [], eventCount: events.length };
    this.#state = next;
    for (const listener of this.#eventListeners) listener(events, 'restart');
    this.#notify();
  }

  #set(state: PanelState): void {
    this.#state = state;
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
