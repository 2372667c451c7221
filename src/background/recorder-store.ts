// All tabs' recorders, mirrored into storage.session so a stopped service worker loses nothing: every
// change marks its tab dirty and dirty tabs are written together a moment later (batched writes).
import type { TraceEntry, TraceEvent } from '../core/trace/types.ts';
import type { RecordedEvent } from './messages.ts';
import { TabRecorder, type TabRecorderState } from './tab-recorder.ts';

/** The slice of `storage.session` the store uses (an in-memory fake in unit tests). */
export interface SessionStorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export type AppendListener = (tabId: number, recorded: RecordedEvent) => void;

const KEY_PREFIX = 'tab:';
export const DEFAULT_FLUSH_DELAY_MS = 250;

function storageKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

function isTabState(value: unknown): value is TabRecorderState {
  const state = value as Partial<TabRecorderState> | null;
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof state.tabId === 'number' &&
    Array.isArray(state.events) &&
    typeof state.nextEntryIndex === 'number' &&
    Array.isArray(state.sites)
  );
}

export class RecorderStore {
  readonly #recorders = new Map<number, TabRecorder>();
  readonly #dirty = new Set<number>();
  readonly #listeners: AppendListener[] = [];
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();
  /** Resolves once the state of an earlier life of the service worker is back. */
  readonly ready: Promise<void>;

  constructor(
    private readonly storage: SessionStorageArea,
    private readonly flushDelayMs = DEFAULT_FLUSH_DELAY_MS,
  ) {
    this.ready = this.#restore();
  }

  async #restore(): Promise<void> {
    let items: Record<string, unknown>;
    try {
      items = await this.storage.get(null);
    } catch (error) {
      console.warn('Sessionscope: could not restore recorded events', error);
      return;
    }
    for (const [key, value] of Object.entries(items)) {
      if (!key.startsWith(KEY_PREFIX) || !isTabState(value)) continue;
      // A tab recorded before the restart keeps its events; anything recorded meanwhile wins on conflict.
      if (!this.#recorders.has(value.tabId)) this.#recorders.set(value.tabId, new TabRecorder(value.tabId, value));
    }
  }

  onAppend(listener: AppendListener): void {
    this.#listeners.push(listener);
  }

  /** The tab's recorder, made on first use. */
  recorder(tabId: number): TabRecorder {
    let recorder = this.#recorders.get(tabId);
    if (!recorder) {
      recorder = new TabRecorder(tabId);
      this.#recorders.set(tabId, recorder);
    }
    return recorder;
  }

  existing(tabId: number): TabRecorder | undefined {
    return this.#recorders.get(tabId);
  }

  recorders(): TabRecorder[] {
    return [...this.#recorders.values()];
  }

  appendEntry(tabId: number, entry: Omit<TraceEntry, 'index'>): RecordedEvent {
    return this.#announce(tabId, this.recorder(tabId).appendEntry(entry));
  }

  append(tabId: number, event: TraceEvent): RecordedEvent {
    return this.#announce(tabId, this.recorder(tabId).append(event));
  }

  /** Marks a tab's non-event state (sites, top URL) as changed so it is written too. */
  touch(tabId: number): void {
    this.#dirty.add(tabId);
    this.#scheduleFlush();
  }

  /** The tab closed: free its buffer and its stored copy. */
  forget(tabId: number): void {
    this.#recorders.delete(tabId);
    this.#dirty.delete(tabId);
    this.storage.remove([storageKey(tabId)]).catch((error) => console.warn('Sessionscope: remove failed', error));
  }

  /** Writes every dirty tab now; resolves when storage has them. */
  flush(): Promise<void> {
    if (this.#flushTimer !== undefined) clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const items: Record<string, unknown> = {};
    for (const tabId of this.#dirty) {
      const recorder = this.#recorders.get(tabId);
      if (recorder) items[storageKey(tabId)] = recorder.toState();
    }
    this.#dirty.clear();
    if (Object.keys(items).length === 0) return this.#flushing;
    // Writes are chained so an older state can never land after a newer one.
    this.#flushing = this.#flushing
      .then(() => this.storage.set(items))
      .catch((error) => console.warn('Sessionscope: could not save recorded events', error));
    return this.#flushing;
  }

  #announce(tabId: number, recorded: RecordedEvent): RecordedEvent {
    this.touch(tabId);
    for (const listener of this.#listeners) listener(tabId, recorded);
    return recorded;
  }

  #scheduleFlush(): void {
    if (this.#flushTimer === undefined) this.#flushTimer = setTimeout(() => void this.flush(), this.flushDelayMs);
  }
}
