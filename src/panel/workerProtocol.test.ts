import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../background/messages.ts';
import { parseTraceFile } from '../core/trace/detectFormat.ts';
import { panelView } from './model.ts';
import { NO_OVERRIDES } from './sessionOverrides.ts';
import {
  handleWorkerRequest,
  type WorkerLike,
  type WorkerReply,
  type WorkerRequest,
  workerAnalyser,
} from './workerProtocol.ts';

const events: RecordedEvent[] = parseTraceFile(
  readFileSync('test/fixtures/demo-har/rotation.har', 'utf8'),
  'r.har',
).events.map((event, seq) => ({ seq, event }));

/** A worker in the same thread, speaking the real protocol through structuredClone as postMessage does. */
function fakeWorker() {
  const held: RecordedEvent[] = [];
  const requests: WorkerRequest['type'][] = [];
  const listeners: { message: ((e: MessageEvent<WorkerReply>) => void)[]; error: (() => void)[] } = {
    message: [],
    error: [],
  };
  const worker: WorkerLike & { fail(): void } = {
    postMessage(message) {
      requests.push(message.type);
      const reply = handleWorkerRequest(held, structuredClone(message));
      if (reply)
        queueMicrotask(() => {
          for (const l of listeners.message) l({ data: structuredClone(reply) } as MessageEvent<WorkerReply>);
        });
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      (listeners[type] as unknown[]).push(listener);
    },
    fail() {
      for (const l of listeners.error) l();
    },
  };
  return { worker, requests, held };
}

describe('workerAnalyser', () => {
  it('gives the same rows and findings as analysing on the page, sending only new events', async () => {
    const { worker, requests, held } = fakeWorker();
    const analyser = workerAnalyser(worker);
    const half = events.slice(0, events.length - 1);
    expect(half.length).toBeGreaterThan(0);
    await analyser.analyse(half, NO_OVERRIDES);
    const view = await analyser.analyse(events, NO_OVERRIDES);
    expect(requests).toEqual(['reset', 'analyse', 'append', 'analyse']);
    expect(held).toHaveLength(events.length);
    const local = panelView(events);
    expect(view.rows).toEqual(local.rows);
    expect(view.analysis.findings).toEqual(local.analysis.findings);
    expect([...view.entries.keys()]).toEqual([...local.entries.keys()]);
    expect(view.analysis.sessions).toEqual(local.analysis.sessions);
    expect([...view.analysis.facts.sessionCookieNames]).toEqual([...local.analysis.facts.sessionCookieNames]);
    expect([...view.factsByEntry.keys()]).toEqual([...local.factsByEntry.keys()]);
    expect([...view.findingsByEntry.keys()]).toEqual([...local.findingsByEntry.keys()]);
    expect(view.trace.entryCount).toBe(local.trace.entryCount);
  });

  it('starts over after Clear, and falls back to the page when the worker dies', async () => {
    const { worker, requests } = fakeWorker();
    const analyser = workerAnalyser(worker);
    await analyser.analyse(events, NO_OVERRIDES);
    await analyser.analyse(events.slice(2), NO_OVERRIDES);
    expect(requests.slice(2)).toEqual(['reset', 'analyse']);
    worker.fail();
    const view = await analyser.analyse(events, NO_OVERRIDES);
    expect(requests).toHaveLength(4);
    expect(view.rows).toHaveLength(panelView(events).rows.length);
  });
});
