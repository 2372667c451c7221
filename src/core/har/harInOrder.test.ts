// A HAR written in the order its requests started (almost every one) is finished entry by entry as it is read;
// one out of order is sorted and walked again at the end. Both must give the same trace: checked on every
// fixture HAR by moving one entry to the end of the file, which forces the sorted walk over the same requests.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceEntry, TraceEvent } from '../trace/types.ts';
import { harToTrace } from './har.ts';
import { HarStreamReader } from './harStream.ts';

const FIXTURE_DIRS = ['test/fixtures/demo-har', 'test/fixtures/corpora/har', 'test/fixtures/corpora/real-traffic'];

const fixtures = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.har'))
    .map((name) => `${dir}/${name}`),
);

type RawEntry = { startedDateTime?: unknown; _resourceType?: unknown; [key: string]: unknown };
type RawHar = { log: { entries: RawEntry[]; [key: string]: unknown } };

function readable(path: string): RawHar | undefined {
  try {
    const har = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as RawHar;
    harToTrace(har, path);
    return Array.isArray(har.log?.entries) ? har : undefined;
  } catch {
    return undefined; // the broken fixtures: refused either way, tested elsewhere
  }
}

/** The entries as they read in trace order, without their file positions (which the move changes). */
const withoutIndex = (events: readonly TraceEvent[]) =>
  events.map((event) => {
    if (event.kind !== 'entry') return event;
    const { index: _index, ...rest } = event.entry;
    return rest;
  });

function streamed(text: string): { trace: ReturnType<HarStreamReader['end']>; seen: TraceEntry[] } {
  const seen: TraceEntry[] = [];
  const reader = new HarStreamReader('f.har', (entry) => seen.push(entry));
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += 4096) reader.write(bytes.subarray(at, at + 4096));
  return { trace: reader.end(), seen };
}

const entryEvents = (events: readonly TraceEvent[]) => events.flatMap((e) => (e.kind === 'entry' ? [e.entry] : []));

describe('a HAR in time order is finished as it is read, and gives the trace a sorted walk gives', () => {
  const hars = fixtures.flatMap((path) => {
    const har = readable(path);
    return har ? [{ path, har }] : [];
  });

  it.each(hars)('$path', ({ har }) => {
    const { trace, seen } = streamed(JSON.stringify(har));
    expect(trace).toEqual(harToTrace(har, 'f.har'));
    const entries = entryEvents(trace.events);
    // Every readable entry was handed over once, as soon as it could be told.
    expect(seen.map((e) => e.index).sort((a, b) => a - b)).toEqual(entries.map((e) => e.index).sort((a, b) => a - b));

    // A request that started alone, not a page, moved to the end of the file: the file is out of order.
    const times = har.log.entries.map((e) => e.startedDateTime);
    const mover = entries.find(
      (e, i) =>
        i < entries.length - 1 &&
        e.request.resourceType !== 'document' &&
        times.filter((t) => t === times[e.index]).length === 1,
    );
    if (!mover) return;
    const moved = structuredClone(har);
    const [taken] = moved.log.entries.splice(mover.index, 1);
    moved.log.entries.push(taken!);
    const sorted = streamed(JSON.stringify(moved)).trace;
    expect(withoutIndex(sorted.events)).toEqual(withoutIndex(trace.events));
  });

  it('hands over the trace’s own entries while the file is in order, and each alone after the first out of order', () => {
    const T0 = Date.UTC(2026, 0, 1);
    const at = (i: number, second: number, type = 'script') => ({
      startedDateTime: new Date(T0 + second * 1000).toISOString(),
      _resourceType: type,
      request: { method: 'GET', url: `https://a.test/${i}`, headers: [{ name: 'Referer', value: 'https://a.test/' }] },
      response: { status: 200, headers: [] },
    });
    const inOrder = { log: { version: '1.2', entries: [at(0, 0, 'document'), at(1, 1), at(2, 2), at(3, 3)] } };
    const first = streamed(JSON.stringify(inOrder));
    expect(first.seen).toHaveLength(4);
    const finished = entryEvents(first.trace.events);
    for (const [i, entry] of first.seen.entries()) expect(finished[i]).toBe(entry);

    const outOfOrder = { log: { version: '1.2', entries: [at(0, 0, 'document'), at(1, 2), at(2, 1), at(3, 3)] } };
    const second = streamed(JSON.stringify(outOfOrder));
    expect(second.seen.map((e) => e.index)).toEqual([0, 1, 2, 3]);
    const final = entryEvents(second.trace.events);
    expect(final.map((e) => e.index)).toEqual([0, 2, 1, 3]);
    // Before the break the entries handed over are the finished ones' equals; after it, previews of their own.
    expect(second.seen[0]).toEqual(final[0]);
    expect(second.seen[2]!.request.siteContext).toBeUndefined();
    expect(final.find((e) => e.index === 2)!.request.initiatorUrl).toBe('https://a.test/0');
  });
});
