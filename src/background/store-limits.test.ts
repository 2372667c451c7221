import { describe, expect, it, vi } from 'vitest';
import type { TraceEntry } from '../core/trace/types.ts';
import { type BackgroundMessage, isPanelMessage, type RecordingSettings, SETTINGS_KEYS } from '../protocol/messages.ts';
import { PanelHub, type PanelPort } from './panel-hub.ts';
import {
  CHUNK_SIZE,
  chunkKey,
  metaKey,
  RecorderStore,
  type SessionStorageArea,
  storedTabEvents,
} from './recorder-store.ts';
import { DEFAULT_SETTINGS, settingsFrom } from './settings.ts';
import { hopKey } from './tab-recorder.ts';

/** storage.session stand-in with Chrome's behaviour on a full area: the whole set() is refused. */
class QuotaStorage implements SessionStorageArea {
  items: Record<string, unknown> = {};
  bytesWritten = 0;
  sets = 0;
  constructor(readonly quotaBytes = Number.POSITIVE_INFINITY) {}
  get used(): number {
    return JSON.stringify(this.items).length;
  }
  async get() {
    return structuredClone(this.items);
  }
  async set(items: Record<string, unknown>) {
    const next = { ...this.items, ...structuredClone(items) };
    if (JSON.stringify(next).length > this.quotaBytes) throw new Error('Session storage quota bytes exceeded.');
    this.sets++;
    this.bytesWritten += JSON.stringify(items).length;
    this.items = next;
  }
  async remove(keys: string[]) {
    for (const key of keys) delete this.items[key];
  }
}

function entry(url: string): Omit<TraceEntry, 'index'> {
  return { startedAt: 1, request: { method: 'GET', url, headers: [] }, response: { status: 200, headers: [] } };
}

function storeWith(storage: SessionStorageArea, settings: Partial<RecordingSettings> = {}): RecorderStore {
  return new RecorderStore(storage, 1, async () => ({ ...DEFAULT_SETTINGS, ...settings }));
}

/** A fake panel port that collects what the hub posts. */
function panelPort(name: string) {
  const received: BackgroundMessage[] = [];
  const send: ((m: unknown) => void)[] = [];
  const disconnect: (() => void)[] = [];
  const port: PanelPort = {
    name,
    postMessage: (m) => void received.push(structuredClone(m)),
    onMessage: { addListener: (l) => void send.push(l) },
    onDisconnect: { addListener: (l) => void disconnect.push(l) },
  };
  return {
    port,
    received,
    post: (m: unknown) => {
      for (const l of send) l(m);
    },
    close: () => {
      for (const l of disconnect) l();
    },
  };
}

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

function seqsOf(messages: readonly BackgroundMessage[]): number[] {
  return messages.flatMap((m) => (m.type === 'snapshot' || m.type === 'events' ? m.events.map((e) => e.seq) : []));
}

describe('per-tab cap', () => {
  it('drops the oldest events past the cap, counts them, and restores the same window', async () => {
    const storage = new QuotaStorage();
    const store = storeWith(storage, { maxEventsPerTab: 250 });
    await store.ready;
    for (let i = 0; i < 1000; i++) {
      store.appendEntry(1, entry(`https://a.test/${i}`));
      if (i % 90 === 0) await store.flush();
    }
    const recorder = store.existing(1)!;
    expect(recorder.size).toBe(250);
    expect(recorder.droppedCount).toBe(750);
    expect(recorder.eventsSince(-1).map((e) => e.seq)).toEqual(Array.from({ length: 250 }, (_, i) => 750 + i));
    await store.flush();
    // Only the chunks that still hold kept events are stored.
    const chunks = Object.keys(storage.items).filter((k) => k.includes(':chunk:'));
    const firstChunk = Math.floor(750 / CHUNK_SIZE);
    const lastChunk = Math.floor(999 / CHUNK_SIZE);
    const wanted = Array.from({ length: lastChunk - firstChunk + 1 }, (_, i) => chunkKey(1, firstChunk + i));
    expect(chunks.sort()).toEqual(wanted.sort());

    const restarted = storeWith(storage, { maxEventsPerTab: 250 });
    await restarted.ready;
    expect(
      restarted
        .existing(1)!
        .eventsSince(-1)
        .map((e) => e.seq),
    ).toEqual(recorder.eventsSince(-1).map((e) => e.seq));
    expect(restarted.existing(1)!.droppedCount).toBe(750);
    expect(restarted.storageDegraded).toBe(false); // cap drops are not storage loss
    expect(restarted.appendEntry(1, entry('https://a.test/next')).seq).toBe(1000);
  });

  it('tells the panel exactly how many events it will never get', async () => {
    const store = storeWith(new QuotaStorage(), { maxEventsPerTab: 10 });
    const hub = new PanelHub(store, 1);
    await store.ready;
    for (let i = 0; i < 35; i++) store.appendEntry(2, entry(`https://a.test/${i}`));
    await store.flush();
    const panel = panelPort('panel:2');
    hub.connect(panel.port);
    panel.post({ type: 'subscribe', since: -1 });
    await vi.waitFor(() => expect(panel.received.map((m) => m.type)).toContain('permissions'), { timeout: 2000 });
    const snapshot = panel.received.find((m) => m.type === 'snapshot');
    expect(snapshot).toMatchObject({ droppedCount: 25, storageDegraded: false });
    expect(seqsOf(panel.received)).toEqual(Array.from({ length: 10 }, (_, i) => 25 + i));
    expect(panel.received).toContainEqual({ type: 'settings', ...DEFAULT_SETTINGS, maxEventsPerTab: 10 });
    expect(panel.received).toContainEqual({ type: 'permissions', granted: true });
  });
});

describe('storage.session writes', () => {
  it('writes only the changed chunks: a long recording does not rewrite what is already stored', async () => {
    const storage = new QuotaStorage();
    const store = storeWith(storage);
    await store.ready;
    for (let i = 0; i < 20 * CHUNK_SIZE; i++) store.appendEntry(3, entry(`https://a.test/${i}`));
    await store.flush();
    const total = storage.used;
    const before = storage.bytesWritten;
    store.appendEntry(3, entry('https://a.test/one-more'));
    await store.flush();
    const oneFlush = storage.bytesWritten - before;
    // One new event rewrites at most its open chunk and the meta record: a few percent of the whole.
    expect(oneFlush).toBeLessThan(total / 10);
    expect(storedTabEvents(storage.items, 3)).toHaveLength(20 * CHUNK_SIZE + 1);
  });

  it('stores a full chunk deflated and the open one as JSON; a restarted worker reads both back exactly', async () => {
    const storage = new QuotaStorage();
    const store = storeWith(storage);
    await store.ready;
    const recorded = Array.from({ length: 2 * CHUNK_SIZE + 3 }, (_, i) =>
      store.appendEntry(6, { ...entry(`https://a.test/page/${i}?q=${i}`), startedAt: 1000 + i }),
    );
    await store.flush();
    const full = storage.items[chunkKey(6, 0)] as string;
    const open = storage.items[chunkKey(6, 2)] as string;
    expect(full.startsWith('deflate;base64,')).toBe(true);
    const asJson = JSON.stringify(recorded.slice(0, CHUNK_SIZE));
    expect(full.length).toBeLessThan(asJson.length / 3);
    expect(JSON.parse(open)).toEqual(recorded.slice(2 * CHUNK_SIZE));
    const restarted = storeWith(storage);
    await restarted.ready;
    expect(restarted.existing(6)!.eventsSince(-1)).toEqual(recorded);
    // A chunk that cannot be read (cut short, not base64) is left out, as a bad JSON chunk is.
    storage.items[chunkKey(6, 0)] = full.slice(0, 40);
    expect(storedTabEvents(storage.items, 6).map((e) => e.seq)).toEqual(recorded.slice(CHUNK_SIZE).map((e) => e.seq));
  });

  it('degrades on a full storage.session: keeps the newest events, says so, and never stops recording', async () => {
    const storage = new QuotaStorage(60_000);
    const store = storeWith(storage);
    const hub = new PanelHub(store, 1);
    await store.ready;
    const panel = panelPort('panel:4');
    hub.connect(panel.port);
    panel.post({ type: 'subscribe', since: -1 });
    await settle();
    // Random URLs: full chunks are stored deflated, and repeated text would fit in far less room.
    for (let i = 0; i < 2000; i++) {
      store.appendEntry(4, entry(`https://a.test/${i}/${crypto.randomUUID()}${crypto.randomUUID()}`));
      if (i % 100 === 99) await store.flush();
    }
    await store.flush();
    await vi.waitFor(() => expect(store.storageDegraded).toBe(true), { timeout: 2000 });
    // The panel got every event, in order, once, and the notice.
    await vi.waitFor(() => expect(seqsOf(panel.received)).toHaveLength(2000), { timeout: 2000 });
    expect(seqsOf(panel.received)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(panel.received.filter((m) => m.type === 'events').at(-1)).toMatchObject({ storageDegraded: true });
    // Storage holds an unbroken run ending with the newest event.
    const stored = storedTabEvents(storage.items, 4);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.at(-1)!.seq).toBe(1999);
    expect(storage.used).toBeLessThanOrEqual(60_000);

    // After a restart the newest events are back; the older ones are counted as dropped.
    const restarted = storeWith(storage);
    await restarted.ready;
    const recorder = restarted.existing(4)!;
    expect(recorder.eventsSince(-1).at(-1)!.seq).toBe(1999);
    expect(recorder.droppedCount + recorder.size).toBe(2000);
    // The restarted worker knows storage gave events up, so panels keep showing the notice.
    expect(restarted.storageDegradedFor(4)).toBe(true);
    expect(restarted.appendEntry(4, entry('https://a.test/after')).seq).toBe(2000);
    // Only for that tab: another tab's complete stored copy is not flagged; a clear ends the flag.
    restarted.appendEntry(8, entry('https://b.test/'));
    await restarted.flush();
    expect(restarted.storageDegradedFor(8)).toBe(false);
    restarted.clear(4);
    expect(restarted.storageDegradedFor(4)).toBe(false);
  });

  it('sends panels only stored events, so a worker killed before a write cannot make a number repeat', async () => {
    const storage = new QuotaStorage();
    const store = storeWith(storage);
    const hub = new PanelHub(store, 1);
    await store.ready;
    const panel = panelPort('panel:5');
    hub.connect(panel.port);
    panel.post({ type: 'subscribe', since: -1 });
    await settle();
    store.appendEntry(5, entry('https://a.test/stored'));
    await vi.waitFor(() => expect(seqsOf(panel.received)).toEqual([0]), { timeout: 2000 });
    store.appendEntry(5, entry('https://a.test/lost-with-the-worker'));
    hub.sendPending(); // a batch before the write: must not include the unstored event
    expect(seqsOf(panel.received)).toEqual([0]);
    // The worker dies now. The restarted one numbers the next event 1 again, and the panel takes it.
    const restarted = storeWith(storage);
    await restarted.ready;
    expect(restarted.appendEntry(5, entry('https://a.test/after-restart')).seq).toBe(1);
  });

  it('frees every stored key of a closed tab', async () => {
    const storage = new QuotaStorage();
    const store = storeWith(storage);
    await store.ready;
    for (let i = 0; i < 3 * CHUNK_SIZE; i++) store.appendEntry(6, entry(`https://a.test/${i}`));
    store.appendEntry(7, entry('https://b.test/'));
    await store.flush();
    expect(Object.keys(storage.items).filter((k) => k.startsWith('tab:6:'))).toHaveLength(3 + 1);
    store.forget(6);
    await store.flush();
    expect(Object.keys(storage.items).filter((k) => k.startsWith('tab:6:'))).toEqual([]);
    expect(store.existing(6)).toBeUndefined();
    expect(storage.items[metaKey(7)]).toBeDefined();
  });
});

describe('restarts', () => {
  it('a restarted store knows which hops its predecessor recorded (so a late event is not recorded twice)', async () => {
    const storage = new QuotaStorage();
    const store = storeWith(storage);
    await store.ready;
    const key = hopKey('req-1', 'https://a.test/ping?i=1');
    store.appendEntry(11, entry('https://a.test/ping?i=1'), key);
    await store.flush();
    const restarted = storeWith(storage);
    await restarted.ready;
    expect(restarted.existing(11)!.hasRecordedHop(key)).toBe(true);
    expect(restarted.existing(11)!.hasRecordedHop(hopKey('req-1', 'https://a.test/redirected'))).toBe(false);
  });
});

describe('clear and panel messages', () => {
  it('clear empties the tab, resets its panels, keeps numbering, and survives a restart', async () => {
    const storage = new QuotaStorage();
    const store = storeWith(storage);
    const hub = new PanelHub(store, 1);
    await store.ready;
    for (let i = 0; i < 150; i++) store.appendEntry(8, entry(`https://a.test/${i}`));
    const panel = panelPort('panel:8');
    hub.connect(panel.port);
    panel.post({ type: 'subscribe', since: -1 });
    await vi.waitFor(() => expect(seqsOf(panel.received)).toHaveLength(150), { timeout: 2000 });
    panel.post({ type: 'clear' });
    await vi.waitFor(
      () => expect(panel.received.at(-1)).toMatchObject({ type: 'snapshot', events: [], reset: true, droppedCount: 0 }),
      { timeout: 2000 },
    );
    store.appendEntry(8, entry('https://a.test/after-clear'));
    await vi.waitFor(() => expect(panel.received.at(-1)?.type).toBe('events'), { timeout: 2000 });
    const last = panel.received.at(-1)!;
    expect(
      last.type === 'events' && last.events.map((e) => [e.seq, e.event.kind === 'entry' && e.event.entry.index]),
    ).toEqual([[150, 0]]);
    await store.flush();
    expect(storedTabEvents(storage.items, 8).map((e) => e.seq)).toEqual([150]);

    // A panel that missed the clear (it was reconnecting) is told to drop what it holds.
    const restarted = storeWith(storage);
    const hub2 = new PanelHub(restarted, 1);
    const late = panelPort('panel:8');
    hub2.connect(late.port);
    late.post({ type: 'subscribe', since: 120 });
    await vi.waitFor(() => expect(late.received[0]).toMatchObject({ type: 'snapshot', reset: true }), {
      timeout: 2000,
    });
    await vi.waitFor(() => expect(seqsOf(late.received)).toEqual([150]), { timeout: 2000 });
  });

  it('records a tab only once a panel opened for it when recordFromStart is off', async () => {
    const store = storeWith(new QuotaStorage(), { recordFromStart: false });
    const hub = new PanelHub(store, 1);
    await store.ready;
    expect(store.recording(9)).toBeUndefined();
    const panel = panelPort('panel:9');
    hub.connect(panel.port);
    panel.post({ type: 'subscribe', since: -1 });
    await vi.waitFor(() => expect(store.recording(9)).toBeDefined(), { timeout: 2000 });
    panel.close();
    expect(store.recording(9)).toBeUndefined();
    expect(store.existing(9)).toBeDefined(); // what was recorded stays until the tab closes
  });

  it('passes setting changes to the host, tells it when panels come and go, and refuses malformed messages', async () => {
    const store = storeWith(new QuotaStorage());
    const calls: boolean[] = [];
    const fromStart: boolean[] = [];
    let panelChanges = 0;
    const hub = new PanelHub(store, 1, {
      permissionsGranted: async () => false,
      setPreserveLog: async (value) => void calls.push(value),
      setRecordFromStart: async (value) => void fromStart.push(value),
      panelsChanged: () => void panelChanges++,
      // Storage says record-from-start is on although nobody told the store: the panel must hear it.
      refreshSettings: async () => {
        store.settings = { ...store.settings, recordFromStart: true };
      },
      tabUrl: async () => undefined,
    });
    const panel = panelPort('panel:10');
    hub.connect(panel.port);
    panel.post({ type: 'setPreserveLog', value: false });
    panel.post({ type: 'setPreserveLog', value: 'yes' });
    panel.post({ type: 'setRecordFromStart', value: true });
    panel.post({ type: 'setRecordFromStart', value: 1 });
    panel.post({ type: 'subscribe', since: -1 });
    await vi.waitFor(() => expect(calls).toEqual([false]), { timeout: 2000 });
    expect(fromStart).toEqual([true]);
    await vi.waitFor(() => expect(panelChanges).toBe(1), { timeout: 2000 });
    expect(store.existing(10)?.panelOpened).toBe(true);
    expect(panel.received).toContainEqual(expect.objectContaining({ type: 'settings', recordFromStart: true }));
    panel.close();
    expect(panelChanges).toBe(2);
    expect(store.existing(10)?.panelOpened).toBe(false);
    await vi.waitFor(() => expect(panel.received).toContainEqual({ type: 'permissions', granted: false }), {
      timeout: 2000,
    });
    for (const bad of [null, 1, {}, { type: 'subscribe' }, { type: 'subscribe', since: 0.5 }, { type: '__proto__' }]) {
      expect(isPanelMessage(bad)).toBe(false);
    }
    expect(isPanelMessage({ type: 'clear' })).toBe(true);
  });
});

describe('settings', () => {
  it('reads storage.local keys and falls back to defaults on bad values', () => {
    expect(settingsFrom({})).toEqual(DEFAULT_SETTINGS);
    expect(
      settingsFrom({
        [SETTINGS_KEYS.maxEventsPerTab]: 500,
        [SETTINGS_KEYS.recordFromStart]: false,
        [SETTINGS_KEYS.preserveLog]: false,
      }),
    ).toEqual({ maxEventsPerTab: 500, recordFromStart: false, preserveLog: false });
    expect(
      settingsFrom({
        [SETTINGS_KEYS.maxEventsPerTab]: -3,
        [SETTINGS_KEYS.recordFromStart]: 'no',
        [SETTINGS_KEYS.preserveLog]: 1,
      }),
    ).toEqual(DEFAULT_SETTINGS);
  });
});
