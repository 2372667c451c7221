import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { plainFacts } from '../core/analysis/requestRecord.ts';
import { parseTraceFile } from '../core/open/readTrace.ts';
import type { RecordedEvent } from '../protocol/messages.ts';
import { requestExchange } from './exchange.ts';
import { exportText } from './liveExport.ts';
import { cookiesSeen, panelView, type RequestRow, type SessionOverrides, type TraceView } from './model.ts';
import { NO_OVERRIDES } from './sessionOverrides.ts';
import { READ_IN_MICROTASKS } from './testing/inThreadWorker.ts';
import {
  EVENTS_PER_MESSAGE,
  handleWorkerRequest,
  type LiveAnalyser,
  newWorkerState,
  ROW_BATCH,
  ROWS_PER_MESSAGE,
  type RowsPart,
  type ViewReply,
  type WorkerLike,
  type WorkerReply,
  type WorkerRequest,
  workerAnalyser,
} from './workerProtocol.ts';

/**
 * The page handles the worker's messages in the microtasks after they arrive, all in one slice (the clock
 * stands still): `answers()` then sees them handled. (slicedQueue.test.ts covers the slicing.)
 */
const IN_TESTS = READ_IN_MICROTASKS;

/** Lets the fake worker's answers (queued microtasks) arrive. */
const answers = () => new Promise((resolve) => setTimeout(resolve, 0));

const sameRow = (a: RequestRow, b: RequestRow | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The rows of a view, as an array to compare. */
const asRead = (rows: readonly RequestRow[]) => [...rows];

const DEMO = 'test/fixtures/demo-har/';

const events: RecordedEvent[] = parseTraceFile(
  readFileSync('test/fixtures/demo-har/rotation.har', 'utf8'),
  'r.har',
).events.map((event, seq) => ({ seq, event }));

/**
 * Hands the analyser what the store would (the events appended to the array since the last call; a new array
 * is a new recording), then asks for the analysis.
 */
function storeLike(analyser: LiveAnalyser) {
  let array: readonly RecordedEvent[] | undefined;
  let fed = 0;
  return (events: readonly RecordedEvent[], overrides: SessionOverrides = NO_OVERRIDES) => {
    if (events !== array || events.length < fed) analyser.feed(events, true);
    else analyser.feed(events.slice(fed), false);
    array = events;
    fed = events.length;
    return analyser.analyse(overrides);
  };
}

/** A worker in the same thread, speaking the real protocol through structuredClone as postMessage does. */
function fakeWorker() {
  const state = newWorkerState();
  const held = state.events;
  const requests: WorkerRequest['type'][] = [];
  const replies: WorkerReply[] = [];
  const listeners: { message: ((e: MessageEvent<WorkerReply>) => void)[]; error: (() => void)[] } = {
    message: [],
    error: [],
  };
  const worker: WorkerLike & { fail(): void } = {
    postMessage(message) {
      requests.push(message.type);
      for (const reply of handleWorkerRequest(state, structuredClone(message))) {
        replies.push(reply);
        queueMicrotask(() => {
          for (const l of listeners.message) l({ data: structuredClone(reply) } as MessageEvent<WorkerReply>);
        });
      }
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      (listeners[type] as unknown[]).push(listener);
    },
    fail() {
      for (const l of listeners.error) l();
    },
  };
  const lastView = () => replies.filter((r) => r.type === 'view').at(-1) as ViewReply;
  return { worker, requests, held, replies, lastView };
}

describe('workerAnalyser', () => {
  it('gives the same rows and findings as analysing on the page, sending only new events', async () => {
    const { worker, requests, held } = fakeWorker();
    const analyser = workerAnalyser(worker, IN_TESTS);
    const analyse = storeLike(analyser);
    // The store appends to the array it holds; a longer same array is new events only.
    const live = events.slice(0, events.length - 1);
    expect(live.length).toBeGreaterThan(0);
    await analyse(live, NO_OVERRIDES);
    live.push(events.at(-1)!);
    const view = await analyse(live, NO_OVERRIDES);
    expect(requests).toEqual(['reset', 'analyse', 'append', 'analyse']);
    expect(held).toHaveLength(events.length);
    const local = panelView(events);
    expect(asRead(view.rows)).toEqual(local.rows);
    expect(view.analysis.findings).toEqual(local.analysis.findings);
    expect(view.analysis.sessions).toEqual(local.analysis.sessions);
    expect([...view.analysis.facts.sessionCookieNames]).toEqual([...local.analysis.facts.sessionCookieNames]);
    expect([...view.factsByEntry.keys()]).toEqual([...local.factsByEntry.keys()]);
    expect([...view.findingsByEntry.keys()]).toEqual([...local.findingsByEntry.keys()]);
    expect(view.trace.entryCount).toBe(local.trace.entryCount);
  });

  it('starts over after Clear, and falls back to the page when the worker dies', async () => {
    const { worker, requests } = fakeWorker();
    const analyser = workerAnalyser(worker, IN_TESTS);
    const analyse = storeLike(analyser);
    await analyse(events, NO_OVERRIDES);
    await analyse(events.slice(2), NO_OVERRIDES);
    expect(requests.slice(2)).toEqual(['reset', 'analyse']);
    // The worker dies with the events: whoever listens hands the recording over again, analysed on the page.
    const lost = vi.fn();
    analyser.onEventsLost?.(lost);
    worker.fail();
    expect(lost).toHaveBeenCalledOnce();
    expect(analyser.where).toBe('page');
    const view = await analyse([...events], NO_OVERRIDES);
    expect(requests).toHaveLength(4);
    expect(view.rows).toHaveLength(panelView(events).rows.length);
  });

  it('answers with only the new and changed rows and summary parts; the page patches its view', async () => {
    const { worker, lastView } = fakeWorker();
    const analyser = workerAnalyser(worker, IN_TESTS);
    const analyse = storeLike(analyser);
    // Held back: the last request only. (The login before it makes sid a *certain* session, which rightly changes
    // the severity of the findings on every earlier row: appending it would change them all.)
    const live: RecordedEvent[] = events.slice(0, events.length - 1);
    await analyse(live, NO_OVERRIDES);
    const first = lastView();
    expect(first.restarted).toBe(true);
    expect(JSON.parse(first.rows)).toHaveLength(panelView(live).rows.length);

    // Nothing new: nothing is sent again.
    const same = await analyse(live, NO_OVERRIDES);
    expect(JSON.parse(lastView().rows)).toEqual([]);
    expect(lastView().summary).toBe('{}');
    expect(asRead(same.rows)).toEqual(panelView(live).rows);

    // The store appends to the same array: only the rows from the new events (and any whose verdict they
    // changed) travel, and the patched view equals a whole analysis on the page.
    live.push(...events.slice(events.length - 1));
    const view = await analyse(live, NO_OVERRIDES);
    const changed = JSON.parse(lastView().rows) as [number][];
    const local = panelView(events);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(local.rows.length);
    expect(asRead(view.rows)).toEqual(local.rows);
    expect(view.analysis.findings).toEqual(local.analysis.findings);
    // The page holds no list of every request's facts (the Cookies view gets its list from the worker).
    expect(() => view.analysis.facts.requests).toThrow();
    expect(view.analysis.jar).toEqual(local.analysis.jar);
    // The page holds no events: exports are written in the worker, as the page would have written them.
    expect(() => view.trace.events).toThrow();
    for (const format of ['trace', 'har'] as const)
      for (const values of ['redacted', 'raw'] as const)
        expect(await analyser.exportFile(format, values)).toBe(exportText(format, local.trace, local.analysis, values));
    // The detail's facts are fetched from the worker one request at a time, then shown again (onRefresh).
    const refreshed: TraceView[] = [];
    analyser.onRefresh?.((v) => refreshed.push(v));
    for (const row of local.rows) {
      expect(view.awaitingFacts?.(row.entryIndex)).toBe(true);
      expect(view.factsByEntry.get(row.entryIndex)).toBeUndefined();
    }
    await answers();
    expect(refreshed.length).toBeGreaterThan(0);
    for (const row of local.rows) {
      expect(refreshed.at(-1)!.awaitingFacts?.(row.entryIndex)).toBe(false);
      expect(refreshed.at(-1)!.factsByEntry.get(row.entryIndex)).toEqual(
        plainFacts(local.factsByEntry.get(row.entryIndex)!),
      );
      // The raw headers and redirect chain come with them (the page holds no entries).
      expect(refreshed.at(-1)!.exchangeOf?.(row.entryIndex)).toEqual(
        requestExchange([...local.entries.values()], row.entryIndex),
      );
    }
    expect(view.seenCookies).toEqual(cookiesSeen(local.analysis));
    expect(view.seenCookies?.length).toBeGreaterThan(0);
    expect([...view.findingsByEntry.entries()]).toEqual([...local.findingsByEntry.entries()]);

    // An override changes verdicts of existing rows: those rows are sent again.
    const name = local.analysis.facts.sessionCookieNames.keys().next().value!;
    const unmarked = await analyse(live, { sessionCookies: [], notSessionCookies: [name] });
    const localUnmarked = panelView(events, { sessionCookies: [], notSessionCookies: [name] });
    expect(JSON.parse(lastView().rows).length).toBeGreaterThan(0);
    expect(asRead(unmarked.rows)).toEqual(localUnmarked.rows);
    expect(unmarked.analysis.findings).toEqual(localUnmarked.analysis.findings);
    // Facts fetched before are dropped for the rows sent again (their facts changed), and fetched anew.
    const resent = (JSON.parse(lastView().rows) as [number, RequestRow][]).map(([, row]) => row.entryIndex);
    for (const entry of resent) expect(unmarked.awaitingFacts?.(entry)).toBe(true);
    await answers();
    for (const row of localUnmarked.rows)
      expect(unmarked.factsByEntry.get(row.entryIndex)).toEqual(
        plainFacts(localUnmarked.factsByEntry.get(row.entryIndex)!),
      );
  });

  it('after a restart sends only the rows that read differently; the page keeps the rest and refetches facts', async () => {
    const recorded = parseTraceFile(readFileSync(`${DEMO}samesite-cross-site.har`, 'utf8'), 'x.har').events.map(
      (event, seq) => ({ seq, event }),
    );
    const { worker, lastView } = fakeWorker();
    const analyser = workerAnalyser(worker, IN_TESTS);
    const analyse = storeLike(analyser);
    const before = await analyse(recorded, NO_OVERRIDES);
    const unmarked = asRead(before.rows);
    expect(JSON.parse(lastView().rows)).toHaveLength(unmarked.length);
    const entry = unmarked[0]!.entryIndex;
    before.factsByEntry.get(entry);
    await answers();
    expect(before.awaitingFacts?.(entry)).toBe(false);

    // An override starts the analysis over (any verdict may change), yet some rows read as before.
    const overrides = { sessionCookies: [], notSessionCookies: ['sid'] };
    const local = panelView(recorded, overrides);
    const differing = local.rows.flatMap((row, i) => (sameRow(row, unmarked[i]) ? [] : [i]));
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.length).toBeLessThan(local.rows.length);
    const view = await analyse(recorded, overrides);
    expect(lastView().restarted).toBe(true);
    expect((JSON.parse(lastView().rows) as [number][]).map(([position]) => position)).toEqual(differing);
    expect(asRead(view.rows)).toEqual(local.rows);
    expect(view.analysis.findings).toEqual(local.analysis.findings);
    // A request's facts hold more than its row: those fetched before the restart are asked for again.
    expect(view.awaitingFacts?.(entry)).toBe(true);
    await answers();
    expect(view.factsByEntry.get(entry)).toEqual(plainFacts(local.factsByEntry.get(entry)!));
  });

  it('appended one event at a time, each patched view is the whole analysis of the events so far', async () => {
    let resentEarlier = 0;
    for (const name of readdirSync(DEMO)) {
      const recorded = parseTraceFile(readFileSync(`${DEMO}${name}`, 'utf8'), name).events.map((event, seq) => ({
        seq,
        event,
      }));
      const { worker, lastView } = fakeWorker();
      const analyser = workerAnalyser(worker, IN_TESTS);
      const analyse = storeLike(analyser);
      const live: RecordedEvent[] = [];
      for (const event of recorded) {
        live.push(event);
        const view = await analyse(live, NO_OVERRIDES);
        const local = panelView(live);
        expect(asRead(view.rows), name).toEqual(local.rows);
        expect(view.analysis.findings, name).toEqual(local.analysis.findings);
        expect(view.analysis.sessions, name).toEqual(local.analysis.sessions);
        expect(view.seenCookies, name).toEqual(cookiesSeen(local.analysis));
        const sent = JSON.parse(lastView().rows) as [number][];
        if (!lastView().restarted && sent.some(([position]) => position < local.rows.length - 1)) resentEarlier++;
      }
    }
    // Some appended request decided something about an earlier one (a rotation, an ID's end): that row came again.
    expect(resentEarlier).toBeGreaterThan(0);
  });

  it('hands a large batch of events to the worker a few hundred per task; an analysis waits for them all', async () => {
    const entries = events.filter((e) => e.event.kind === 'entry');
    const many: RecordedEvent[] = Array.from({ length: EVENTS_PER_MESSAGE * 3 + 10 }, (_, i) => ({
      seq: i,
      event: entries[i % entries.length]!.event,
    }));
    const { worker, requests, held } = fakeWorker();
    const analyser = workerAnalyser(worker, IN_TESTS);
    analyser.feed(many, true);
    expect(requests).toEqual(['reset']);
    expect(held).toHaveLength(EVENTS_PER_MESSAGE);
    await answers();
    expect(requests).toEqual(['reset', 'append']);
    expect(held).toHaveLength(EVENTS_PER_MESSAGE * 2);
    const view = analyser.analyse(NO_OVERRIDES);
    expect(requests).toEqual(['reset', 'append']);
    await view;
    expect(requests.slice(2)).toEqual(['append', 'append', 'analyse']);
    expect(held).toHaveLength(many.length);
    await answers();
    expect(requests).toHaveLength(5);
  });

  it('sends a large batch of rows in parts within the budget, in order; the page ends with every row', async () => {
    const { worker, replies } = fakeWorker();
    const analyser = workerAnalyser(worker, IN_TESTS);
    const analyse = storeLike(analyser);
    const entries = events.filter((e) => e.event.kind === 'entry');
    const many: RecordedEvent[] = Array.from({ length: ROWS_PER_MESSAGE * 2 + 10 }, (_, i) => {
      const source = entries[i % entries.length]!.event as Extract<RecordedEvent['event'], { kind: 'entry' }>;
      return {
        seq: i,
        event: { kind: 'entry', entry: { ...source.entry, index: i, startedAt: source.entry.startedAt + i } },
      };
    });
    const view = await analyse(many, NO_OVERRIDES);
    const parts = replies as (RowsPart | ViewReply)[];
    expect(parts.map((r) => r.type)).toEqual([...parts.slice(0, -1).map(() => 'rows'), 'view']);
    expect(parts.length).toBeGreaterThan(2);
    const positions: number[] = [];
    for (const part of parts) {
      const items = JSON.parse(part.rows) as [number, RequestRow][];
      expect(items.length).toBeLessThanOrEqual(ROW_BATCH.maxRows);
      const chars = items.reduce((sum, item) => sum + JSON.stringify(item).length, 0);
      expect(chars).toBeLessThanOrEqual(ROW_BATCH.maxChars);
      for (const [position] of items) positions.push(position);
    }
    expect(positions).toEqual(many.map((_, i) => i));
    expect(asRead(view.rows)).toEqual(panelView(many).rows);
  });
});
