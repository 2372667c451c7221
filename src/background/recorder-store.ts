// All tabs' recorders, mirrored into storage.session so a stopped service worker loses nothing.
// Each tab is stored as a small meta record (`tab:<id>:meta`) plus its events in fixed chunks of
// sequence numbers (`tab:<id>:chunk:<n>` holds seq n·CHUNK … n·CHUNK+CHUNK-1; a full chunk deflated, the open
// one as JSON), and a flush writes only the chunks that changed: a long recording does not rewrite megabytes on
// every flush. An event counts
// as durable once storage has it; panels are sent durable events only, so a worker killed between a
// send and a write can never make a panel hold an event the restarted worker numbers again.
// When storage is full the store evicts its oldest stored chunks, keeps going and says so
// (`storageDegraded`): the newest events survive, the recording never stops.
import type { TraceEntry, TraceEvent } from '../core/trace/types.ts';
import type { RecordedEvent, RecordingSettings } from '../protocol/messages.ts';
import { BLOCK_SIZE, PACKED_TEXT_PREFIX, packEvents, packedText, unpackEventsText } from './event-log.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { TabRecorder, type TabRecorderMeta } from './tab-recorder.ts';

/** The slice of `storage.session` the store uses (an in-memory fake in unit tests). */
export interface SessionStorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export type AppendListener = (tabId: number, recorded: RecordedEvent) => void;
export type TabListener = (tabId: number) => void;

/**
 * The least time between two writes. After a quiet spell an event is written in the next task; in a
 * burst (a page's hundreds of subresources) the events of each 50 ms go in one write, so a worker stopped
 * abruptly (DevTools, a crash) loses at most the last 50 ms it was handling. A write per event cost the
 * page load dearly: each `storage.session.set` is serialised in the worker and again in the browser
 * process, whose UI thread also routes every webRequest event (bench/RESULTS.md, row 1).
 */
export const DEFAULT_FLUSH_SPACING_MS = 50;
/**
 * Events per stored chunk: small enough that rewriting the open chunk on each write is cheap, large enough to keep
 * keys few; the event log's block, so a full chunk's deflated bytes serve both.
 */
export const CHUNK_SIZE = BLOCK_SIZE;
/** How often a failed write evicts old chunks and tries again before giving up on that flush. */
const MAX_EVICTION_ROUNDS = 6;

const TAB_KEY = /^tab:(\d+):(meta|chunk:(\d+))$/;

export function metaKey(tabId: number): string {
  return `tab:${tabId}:meta`;
}

export function chunkKey(tabId: number, chunk: number): string {
  return `tab:${tabId}:chunk:${chunk}`;
}

function chunkOf(seq: number): number {
  return Math.floor(seq / CHUNK_SIZE);
}

function isMeta(value: unknown): value is TabRecorderMeta {
  const meta = value as Partial<TabRecorderMeta> | null;
  return (
    typeof meta === 'object' &&
    meta !== null &&
    typeof meta.tabId === 'number' &&
    typeof meta.nextSeq === 'number' &&
    typeof meta.clearedBeforeSeq === 'number' &&
    typeof meta.nextEntryIndex === 'number' &&
    Array.isArray(meta.sites)
  );
}

function isRecordedEvent(value: unknown): value is RecordedEvent {
  const recorded = value as Partial<RecordedEvent> | null;
  return typeof recorded === 'object' && recorded !== null && typeof recorded.seq === 'number' && !!recorded.event;
}

/**
 * A stored chunk's events: deflated text (a full chunk), a JSON string (the open chunk) or a plain array; undefined
 * when unreadable.
 */
function parseChunk(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = value.startsWith(PACKED_TEXT_PREFIX) ? unpackEventsText(value) : JSON.parse(value);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The events stored for one tab, rebuilt from storage items: the chunks in order, only those after the
 * last clear, and only the unbroken run that ends with the newest (older chunks may have been evicted).
 */
export function storedTabEvents(items: Readonly<Record<string, unknown>>, tabId: number): RecordedEvent[] {
  const meta = items[metaKey(tabId)];
  const firstWanted = isMeta(meta) ? Math.max(meta.clearedBeforeSeq, meta.firstSeq ?? 0) : 0;
  const chunks: { n: number; events: RecordedEvent[] }[] = [];
  for (const [key, value] of Object.entries(items)) {
    const match = TAB_KEY.exec(key);
    if (!match || Number(match[1]) !== tabId || match[3] === undefined) continue;
    const list = parseChunk(value);
    if (list) chunks.push({ n: Number(match[3]), events: list.filter(isRecordedEvent) });
  }
  chunks.sort((a, b) => a.n - b.n);
  const events = chunks.flatMap((c) => c.events).filter((e) => e.seq >= firstWanted);
  let start = events.length - 1;
  while (start > 0 && events[start - 1]!.seq === events[start]!.seq - 1) start--;
  return start < 0 ? [] : events.slice(start);
}

/** What the store knows of a tab's stored copy. */
interface StoredTab {
  /** Chunk numbers present in storage. */
  readonly chunks: Set<number>;
  /** The lowest sequence number not yet written (everything below is in storage or deliberately gone). */
  unwrittenFrom: number;
  /** The last sequence number panels may be sent. */
  durableSeq: number;
}

export class RecorderStore {
  readonly #recorders = new Map<number, TabRecorder>();
  readonly #stored = new Map<number, StoredTab>();
  readonly #dirty = new Set<number>();
  readonly #appendListeners: AppendListener[] = [];
  readonly #durableListeners: TabListener[] = [];
  readonly #resetListeners: TabListener[] = [];
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the last flush started (Date.now()); -Infinity before the first. */
  #lastFlushAt = Number.NEGATIVE_INFINITY;
  /** Storage calls issued and not yet answered. */
  readonly #pending = new Set<Promise<unknown>>();
  /** Tabs whose stored copy lost events for lack of room (evicted chunks, or a write given up). */
  readonly #degradedTabs = new Set<number>();
  #warnedFull = false;
  /** Current recording settings (index.ts keeps them in step with storage.local). */
  settings: RecordingSettings = DEFAULT_SETTINGS;
  /** Resolves once the state of an earlier life of the service worker is back. */
  readonly ready: Promise<void>;

  constructor(
    private readonly storage: SessionStorageArea,
    private readonly flushSpacingMs = DEFAULT_FLUSH_SPACING_MS,
    /** Reads the recording settings (storage.local); `ready` waits for them too. */
    loadSettings?: () => Promise<RecordingSettings>,
  ) {
    const settingsLoaded = (loadSettings?.() ?? Promise.resolve(DEFAULT_SETTINGS)).then(
      (settings) => {
        this.settings = settings;
      },
      (error) => console.warn('Sessionscope: could not read settings; using the defaults', error),
    );
    this.ready = Promise.all([this.#restore(), settingsLoaded]).then(() => undefined);
  }

  async #restore(): Promise<void> {
    let items: Record<string, unknown>;
    try {
      items = await this.storage.get(null);
    } catch (error) {
      console.warn('Sessionscope: could not restore recorded events', error);
      return;
    }
    const chunksByTab = new Map<number, Set<number>>();
    for (const key of Object.keys(items)) {
      const match = TAB_KEY.exec(key);
      if (!match || match[3] === undefined) continue;
      const tabId = Number(match[1]);
      const chunks = chunksByTab.get(tabId) ?? new Set<number>();
      chunks.add(Number(match[3]));
      chunksByTab.set(tabId, chunks);
    }
    for (const [key, meta] of Object.entries(items)) {
      const match = TAB_KEY.exec(key);
      if (match?.[2] !== 'meta' || !isMeta(meta)) continue;
      const tabId = meta.tabId;
      // Anything recorded during the restore (none: index.ts waits for `ready`) would win on conflict.
      if (this.#recorders.has(tabId)) continue;
      const recorder = new TabRecorder(tabId, meta, storedTabEvents(items, tabId));
      this.#recorders.set(tabId, recorder);
      // Stored events start later than the meta says the tab held: an earlier life evicted them for
      // lack of room. The storage is still nearly full, and the panel must still be told.
      if (recorder.firstSeq > Math.max(meta.clearedBeforeSeq, meta.firstSeq ?? 0)) this.#degradedTabs.add(tabId);
      this.#stored.set(tabId, {
        chunks: chunksByTab.get(tabId) ?? new Set(),
        unwrittenFrom: recorder.nextSeq,
        durableSeq: recorder.nextSeq - 1,
      });
    }
  }

  onAppend(listener: AppendListener): void {
    this.#appendListeners.push(listener);
  }

  /** Called when more of a tab's events are safely stored (and may be sent to panels). */
  onDurable(listener: TabListener): void {
    this.#durableListeners.push(listener);
  }

  /** Called when a tab's recording was cleared (panels must drop what they hold). */
  onReset(listener: TabListener): void {
    this.#resetListeners.push(listener);
  }

  /** Whether some tab's stored copy lost events for lack of room. */
  get storageDegraded(): boolean {
    return this.#degradedTabs.size > 0;
  }

  /**
   * Whether this tab's stored copy lost events for lack of room: a restarted worker would bring back only
   * its newest ones. Per tab, so a tab recorded after the room ran out (or came back) is not flagged.
   */
  storageDegradedFor(tabId: number): boolean {
    return this.#degradedTabs.has(tabId);
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

  /** The recorder of a tab that is being recorded under the current settings, or undefined. */
  recording(tabId: number): TabRecorder | undefined {
    if (this.settings.recordFromStart) return this.recorder(tabId);
    const recorder = this.#recorders.get(tabId);
    return recorder?.panelOpened ? recorder : undefined;
  }

  recorders(): TabRecorder[] {
    return [...this.#recorders.values()];
  }

  /** The last sequence number of the tab that storage holds (or gave up on): what panels may see. */
  durableSeq(tabId: number): number {
    const recorder = this.#recorders.get(tabId);
    if (!recorder) return -1;
    return this.#stored.get(tabId)?.durableSeq ?? recorder.firstSeq - 1;
  }

  /**
   * Records a finished hop. A hop of a top-level navigation (webRequest's `main_frame`, the trace's `document`; a
   * frame's is `subdocument`) comes after a `navigation` event: every entry of a tab has one pageRef, the tab, so
   * only this tells core that a later document, or a hop of its redirect chain, was a page of the tab too, over
   * http:// where no Sec-Fetch-Dest says so (firstParty.ts: the site inspected is every top-level page's), and a HAR
   * export writes a page per navigation (harExport.ts).
   */
  appendEntry(tabId: number, entry: Omit<TraceEntry, 'index'>, hop?: string): RecordedEvent {
    if (entry.request.resourceType === 'document') {
      this.append(tabId, { kind: 'navigation', time: entry.startedAt, url: entry.request.url });
    }
    return this.#announce(tabId, this.recorder(tabId).appendEntry(entry, hop));
  }

  /**
   * The tab shows this top-level page, though its navigation was not recorded (it loaded before the recording
   * began): the tab's top URL, and a `navigation` event as a recorded navigation has.
   */
  notePage(tabId: number, url: string): RecordedEvent {
    this.recorder(tabId).setTopUrl(url);
    return this.append(tabId, { kind: 'navigation', time: Date.now(), url });
  }

  append(tabId: number, event: TraceEvent): RecordedEvent {
    return this.#announce(tabId, this.recorder(tabId).append(event));
  }

  /** Marks a tab's non-event state (sites, top URL, panel opened) as changed so it is written too. */
  touch(tabId: number): void {
    this.#dirty.add(tabId);
    this.#scheduleFlush();
  }

  /** Forgets the tab's events (numbering goes on); its stored chunks go at the next flush. */
  clear(tabId: number): void {
    const recorder = this.#recorders.get(tabId);
    if (!recorder) return;
    recorder.clear();
    // What storage lost belonged to the page of the recording just cleared.
    this.#degradedTabs.delete(tabId);
    this.touch(tabId);
    for (const listener of this.#resetListeners) listener(tabId);
  }

  /** The tab closed: free its buffer and every stored key of it. */
  forget(tabId: number): void {
    const stored = this.#stored.get(tabId);
    this.#recorders.delete(tabId);
    this.#stored.delete(tabId);
    this.#dirty.delete(tabId);
    this.#degradedTabs.delete(tabId);
    const keys = [metaKey(tabId), ...[...(stored?.chunks ?? [])].map((n) => chunkKey(tabId, n))];
    this.#track(this.storage.remove(keys), 'remove a closed tab');
  }

  /** Writes what changed in every dirty tab now; resolves when storage has it. */
  flush(): Promise<void> {
    if (this.#flushTimer !== undefined) clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    this.#lastFlushAt = Date.now();
    const tabs = [...this.#dirty];
    this.#dirty.clear();
    for (const tabId of tabs) {
      const recorder = this.#recorders.get(tabId);
      if (recorder) this.#track(this.#writeTab(recorder), 'save recorded events');
    }
    return Promise.all([...this.#pending]).then(() => undefined);
  }

  /**
   * Storage calls are issued at once, not after the previous one resolved: calls from one context
   * reach the browser in order, and waiting would widen the window a stopped worker loses.
   */
  #track(work: Promise<unknown>, what: string): void {
    const tracked = work
      .catch((error) => console.warn(`Sessionscope: could not ${what}`, error))
      .finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
  }

  #writeTab(recorder: TabRecorder): Promise<void> {
    const tabId = recorder.tabId;
    const stored = this.#stored.get(tabId) ?? { chunks: new Set<number>(), unwrittenFrom: 0, durableSeq: -1 };
    this.#stored.set(tabId, stored);
    const nextSeq = recorder.nextSeq;
    const firstHeld = recorder.firstSeq;
    // Chunks wholly before the first held event (cap, clear) are no longer wanted.
    const stale = [...stored.chunks].filter((n) => (n + 1) * CHUNK_SIZE <= firstHeld);
    if (stale.length > 0) {
      for (const n of stale) stored.chunks.delete(n);
      this.#track(this.storage.remove(stale.map((n) => chunkKey(tabId, n))), 'remove old chunks');
    }
    const from = Math.max(stored.unwrittenFrom, firstHeld);
    const chunks: number[] = [];
    for (let n = chunkOf(from); from < nextSeq && n <= chunkOf(nextSeq - 1); n++) chunks.push(n);
    stored.unwrittenFrom = nextSeq;
    // Built again for a retry: by then the chunks may hold more events, and the retry must not
    // overwrite a newer write with an older picture.
    const items = (): Record<string, unknown> => {
      const built: Record<string, unknown> = { [metaKey(tabId)]: recorder.meta() };
      const first = chunks[0];
      if (first === undefined) return built;
      // Read once for all chunks: events this recent are still live in the log (event-log.ts, HOT_EVENTS), and a
      // full chunk's bytes deflated below become its packed block there (offerPacked).
      const events = recorder.eventsBetween(first * CHUNK_SIZE, (chunks.at(-1)! + 1) * CHUNK_SIZE);
      const firstSeq = events[0]?.seq ?? 0;
      for (const n of chunks) {
        const from = Math.max(0, n * CHUNK_SIZE - firstSeq);
        const to = Math.max(0, (n + 1) * CHUNK_SIZE - firstSeq);
        // As one string: Chrome charges storage.session by its in-memory value tree, about six times the
        // JSON size for header lists. A full chunk is written deflated (written once, at a burst's rate); the
        // open chunk, rewritten as it fills, as JSON.
        const chunk = events.slice(from, to);
        if (chunk.length < CHUNK_SIZE) {
          built[chunkKey(tabId, n)] = JSON.stringify(chunk);
          continue;
        }
        const bytes = packEvents(chunk);
        recorder.offerPacked(chunk[0]!.seq, bytes);
        built[chunkKey(tabId, n)] = packedText(bytes);
      }
      return built;
    };
    return this.#setWithEviction(items, tabId).then((saved) => {
      if (this.#recorders.get(tabId) !== recorder) return; // closed meanwhile
      if (saved) for (const n of chunks) stored.chunks.add(n);
      // Given up or not, these events are as safe as they will get: let panels have them.
      if (stored.durableSeq < nextSeq - 1) {
        stored.durableSeq = nextSeq - 1;
        for (const listener of this.#durableListeners) listener(tabId);
      }
    });
  }

  /** Sets the items; when storage refuses (quota), drops the oldest stored chunks and retries. */
  async #setWithEviction(items: () => Record<string, unknown>, writingTab: number): Promise<boolean> {
    for (let round = 0; ; round++) {
      const batch = items();
      try {
        await this.storage.set(batch);
        return true;
      } catch (error) {
        if (!this.#warnedFull) console.warn('Sessionscope: storage.session is full; keeping the newest events', error);
        this.#warnedFull = true;
        if (round >= MAX_EVICTION_ROUNDS || !(await this.#evictOldest(batch, writingTab))) {
          // Nothing more to give up: the events stay in memory only (and are still sent to panels).
          if (this.#recorders.has(writingTab)) this.#degradedTabs.add(writingTab);
          return false;
        }
      }
    }
  }

  /** Removes the older half of the stored chunks not being written now, oldest first; false if none. */
  async #evictOldest(writing: Record<string, unknown>, writingTab: number): Promise<boolean> {
    const candidates: { tabId: number; n: number }[] = [];
    for (const [tabId, stored] of this.#stored) {
      for (const n of stored.chunks) if (!(chunkKey(tabId, n) in writing)) candidates.push({ tabId, n });
    }
    if (candidates.length === 0) return false;
    // The tab being written gives up its own oldest first; then other tabs' oldest.
    candidates.sort((a, b) => Number(a.tabId !== writingTab) - Number(b.tabId !== writingTab) || a.n - b.n);
    const victims = candidates.slice(0, Math.max(1, Math.ceil(candidates.length / 2)));
    for (const v of victims) {
      this.#stored.get(v.tabId)?.chunks.delete(v.n);
      this.#degradedTabs.add(v.tabId);
    }
    await this.storage.remove(victims.map((v) => chunkKey(v.tabId, v.n)));
    return true;
  }

  #announce(tabId: number, recorded: RecordedEvent): RecordedEvent {
    this.recorder(tabId).trimTo(this.settings.maxEventsPerTab);
    this.touch(tabId);
    for (const listener of this.#appendListeners) listener(tabId, recorded);
    return recorded;
  }

  #scheduleFlush(): void {
    if (this.#flushTimer !== undefined) return;
    const wait = Math.max(0, this.#lastFlushAt + this.flushSpacingMs - Date.now());
    this.#flushTimer = setTimeout(() => void this.flush(), wait);
  }
}
