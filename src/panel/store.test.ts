// The store hands each batch of events on; with keepEvents off (the analysis in a worker) it holds none.
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../protocol/messages.ts';
import { keepConnected, type RuntimePort } from './connection.ts';
import { PanelStore } from './store.ts';

const event = (seq: number): RecordedEvent => ({
  seq,
  event: { kind: 'navigation', time: seq, url: `https://a.test/${seq}` },
});

/** Ports as runtime.connect gives them, each kept to deliver background messages through. */
function fakePorts() {
  const ports: (RuntimePort & { sent: unknown[]; deliver(m: unknown): void; disconnected: boolean })[] = [];
  const connect = (): RuntimePort => {
    const listeners: ((m: unknown) => void)[] = [];
    const port = {
      sent: [] as unknown[],
      disconnected: false,
      postMessage(m: unknown) {
        port.sent.push(m);
      },
      onMessage: { addListener: (l: (m: unknown) => void) => void listeners.push(l) },
      onDisconnect: { addListener: () => undefined },
      disconnect() {
        port.disconnected = true;
      },
      deliver(m: unknown) {
        for (const l of listeners) l(m);
      },
    };
    ports.push(port);
    return port;
  };
  return { ports, connect };
}

describe('PanelStore', () => {
  it('hands each new batch on, counts it, and holds none of it when told not to keep events', () => {
    const store = new PanelStore({ keepEvents: false });
    const heard: [number[], string][] = [];
    store.onEvents((events, arrival) => heard.push([events.map((e) => e.seq), arrival]));
    store.addEvents([event(0), event(1)], 'backlog');
    store.addEvents([event(1), event(2)]);
    expect(heard).toEqual([
      [[0, 1], 'backlog'],
      [[2], 'new'],
    ]);
    expect(store.state.events).toEqual([]);
    expect(store.state.eventCount).toBe(3);
    store.clear();
    store.resetEvents([event(7)]);
    expect(heard.slice(2)).toEqual([
      [[], 'restart'],
      [[7], 'restart'],
    ]);
    expect([store.state.eventCount, store.lastSeq]).toEqual([1, 7]);
  });

  it('keeps every event by default', () => {
    const store = new PanelStore();
    store.addEvents([event(0), event(1)]);
    expect(store.state.events.map((e) => e.seq)).toEqual([0, 1]);
    expect(store.state.eventCount).toBe(2);
  });
});

describe('keepConnected refetch', () => {
  it('forgets every event and subscribes from the start on a new port, ignoring the old one', () => {
    const { ports, connect } = fakePorts();
    const store = new PanelStore({ keepEvents: false });
    const connection = keepConnected(connect, 5, store, () => undefined);
    ports[0]!.deliver({ type: 'snapshot', events: [event(0), event(1)] });
    expect(store.lastSeq).toBe(1);
    connection.refetch();
    expect(ports).toHaveLength(2);
    expect(ports[0]!.disconnected).toBe(true);
    expect(ports[1]!.sent).toEqual([{ type: 'subscribe', since: -1 }]);
    expect(store.state.eventCount).toBe(0);
    ports[0]!.deliver({ type: 'events', events: [event(2)] });
    expect(store.state.eventCount).toBe(0);
    ports[1]!.deliver({ type: 'snapshot', events: [event(0), event(1), event(2)] });
    expect([store.state.eventCount, store.lastSeq]).toEqual([3, 2]);
  });
});

describe('the recording health each batch repeats', () => {
  it('makes a new state (what views re-render on) only when it changed', () => {
    const { ports, connect } = fakePorts();
    const store = new PanelStore({ keepEvents: false });
    keepConnected(connect, 5, store, () => undefined);
    const health = { droppedCount: 0, storageDegraded: false };
    ports[0]!.deliver({ type: 'snapshot', events: [event(0)], ...health });
    const state = store.state;
    let told = 0;
    store.subscribe(() => told++);
    for (let seq = 1; seq <= 3; seq++) ports[0]!.deliver({ type: 'events', events: [event(seq)], ...health });
    expect(store.state).toBe(state);
    expect(store.state.eventCount).toBe(4);
    // Listeners still hear of each batch (the analysis runs on it).
    expect(told).toBe(3);
    ports[0]!.deliver({ type: 'events', events: [event(4)], droppedCount: 7, storageDegraded: false });
    expect(store.state).not.toBe(state);
    expect(store.state).toMatchObject({ droppedCount: 7, storageDegraded: false, eventCount: 5 });
  });
});
