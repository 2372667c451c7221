import { describe, expect, it, vi } from 'vitest';
import type { TraceEntry } from '../core/trace/types.ts';
import { keepConnected, type RuntimePort } from '../panel/connection.ts';
import { PanelStore } from '../panel/store.ts';
import type { BackgroundMessage, PanelMessage } from '../protocol/messages.ts';
import { PanelHub, type PanelPort } from './panel-hub.ts';
import { RecorderStore, type SessionStorageArea } from './recorder-store.ts';

class MemoryStorage implements SessionStorageArea {
  items: Record<string, unknown> = {};
  async get() {
    return structuredClone(this.items);
  }
  async set(items: Record<string, unknown>) {
    Object.assign(this.items, structuredClone(items));
  }
  async remove(keys: string[]) {
    for (const key of keys) delete this.items[key];
  }
}

function entry(url: string): Omit<TraceEntry, 'index'> {
  return { startedAt: 1, request: { method: 'GET', url, headers: [] }, response: { status: 200, headers: [] } };
}

/** A connected pair of ports: what the panel posts reaches the hub and back. */
function portPair(name: string) {
  const toBackground: ((m: unknown) => void)[] = [];
  const toPanel: ((m: unknown) => void)[] = [];
  const disconnects: (() => void)[] = [];
  const panelDisconnects: (() => void)[] = [];
  const background: PanelPort = {
    name,
    postMessage: (m: BackgroundMessage) =>
      queueMicrotask(() => {
        for (const l of toPanel) l(structuredClone(m));
      }),
    onMessage: { addListener: (l) => void toBackground.push(l) },
    onDisconnect: { addListener: (l) => void disconnects.push(l) },
  };
  const panel: RuntimePort = {
    postMessage: (m: PanelMessage) =>
      queueMicrotask(() => {
        for (const l of toBackground) l(structuredClone(m));
      }),
    onMessage: { addListener: (l) => void toPanel.push(l) },
    onDisconnect: { addListener: (l) => void panelDisconnects.push(l) },
  };
  const drop = () => {
    for (const l of [...disconnects, ...panelDisconnects]) l();
  };
  return { background, panel, drop };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('recording and serving a tab', () => {
  it('writes a burst in few writes: the first at once, the rest at most one per spacing', async () => {
    // On the fake clock: the decision under test is "at most one write per spacing", not how fast this machine is
    // (with the real clock a loaded machine delayed writes and the measured gaps shrank below the spacing).
    vi.useFakeTimers();
    try {
      const storage = new MemoryStorage();
      const writes: number[] = [];
      const set = storage.set.bind(storage);
      storage.set = async (items) => {
        writes.push(Date.now());
        await set(items);
      };
      const store = new RecorderStore(storage, 40);
      await store.ready;
      const started = Date.now();
      // 60 events, one per millisecond: a write per event before the spacing.
      for (let i = 0; i < 60; i++) {
        store.appendEntry(4, entry(`https://a.test/${i}`));
        await vi.advanceTimersByTimeAsync(1);
      }
      await vi.advanceTimersByTimeAsync(100);
      const elapsed = Date.now() - started;
      expect(writes[0]).toBe(started);
      expect(writes.length).toBeGreaterThanOrEqual(2);
      expect(writes.length).toBeLessThanOrEqual(Math.ceil(elapsed / 40) + 1);
      for (let i = 1; i < writes.length; i++) expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(40);
      const restarted = new RecorderStore(storage, 40);
      await restarted.ready;
      expect(restarted.existing(4)?.eventsSince(-1)).toHaveLength(60);
    } finally {
      vi.useRealTimers();
    }
  });

  it('numbers events densely and restores them after a restart', async () => {
    const storage = new MemoryStorage();
    const store = new RecorderStore(storage, 1);
    await store.ready;
    store.appendEntry(3, entry('https://a.test/1'));
    store.recorder(3).setTopUrl('https://a.test/1');
    store.appendEntry(3, entry('https://a.test/2'));
    await store.flush();

    const restarted = new RecorderStore(storage, 1);
    await restarted.ready;
    const recorder = restarted.existing(3)!;
    expect(recorder.eventsSince(-1).map((e) => e.seq)).toEqual([0, 1]);
    expect(recorder.topUrl).toBe('https://a.test/1');
    expect(recorder.relatesToSite('a.test')).toBe(true);
    expect(restarted.appendEntry(3, entry('https://a.test/3'))).toMatchObject({
      seq: 2,
      event: { entry: { index: 2 } },
    });

    restarted.forget(3);
    await restarted.flush(); // resolves once storage has every call issued, the removal among them
    expect(storage.items['tab:3']).toBeUndefined();
  });

  it('resumes a panel after the background restarts with no duplicate and no gap', async () => {
    const storage = new MemoryStorage();
    let store = new RecorderStore(storage, 1);
    let hub = new PanelHub(store, 1);
    const panelStore = new PanelStore();
    let current = portPair('panel:5');
    const connections: string[] = [];
    keepConnected(
      (name) => {
        connections.push(name);
        hub.connect(current.background);
        return current.panel;
      },
      5,
      panelStore,
      (run) => setTimeout(run, 1),
    );
    store.appendEntry(5, entry('https://a.test/1'));
    await settle();
    store.appendEntry(5, entry('https://a.test/2'));
    store.appendEntry(6, entry('https://b.test/other-tab'));
    await settle();
    await vi.waitFor(() => expect(panelStore.state.events.map((e) => e.seq)).toEqual([0, 1]), { timeout: 2000 });
    expect(panelStore.state.status).toBe('live');

    // The service worker stops: state survives only in storage; the port drops; the panel reconnects.
    await store.flush();
    store = new RecorderStore(storage, 1);
    hub = new PanelHub(store, 1);
    await store.ready; // the background appends only after the restore (index.ts afterRestore)
    store.appendEntry(5, entry('https://a.test/3'));
    current.drop();
    current = portPair('panel:5');
    await settle();
    await settle();
    store.appendEntry(5, entry('https://a.test/4'));
    await settle();

    expect(connections).toEqual(['panel:5', 'panel:5']);
    await vi.waitFor(() => expect(panelStore.state.events.map((e) => e.seq)).toEqual([0, 1, 2, 3]), {
      timeout: 2000,
    });
    expect(panelStore.state.events.map((e) => (e.event.kind === 'entry' ? e.event.entry.request.url : ''))).toEqual([
      'https://a.test/1',
      'https://a.test/2',
      'https://a.test/3',
      'https://a.test/4',
    ]);
  });
});
