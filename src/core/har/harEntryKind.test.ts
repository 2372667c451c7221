// Which HAR entries never reached a server, and which browser run an entry belongs to, from the marks real
// writers leave (Chrome DevTools, WebPageTest, proxies).
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../trace/types.ts';
import { parseHar } from './har.ts';

type Json = Record<string, unknown>;
function entryOf(extra: Json, response: Json = {}, request: Json = {}): TraceEntry {
  const doc = {
    log: {
      entries: [
        {
          startedDateTime: '2024-05-01T10:00:00Z',
          time: 12.5,
          request: { method: 'GET', url: 'https://a.test/', headers: [], ...request },
          response: { status: 200, statusText: 'OK', headers: [{ name: 'a', value: 'b' }], ...response },
          ...extra,
        },
      ],
    },
  };
  const event = parseHar(JSON.stringify(doc)).events[0];
  if (event?.kind !== 'entry') throw new Error('no entry');
  return event.entry;
}

describe('entries that never reached a server', () => {
  it.each([
    ['a proxy CONNECT tunnel', entryOf({}, {}, { method: 'CONNECT', url: 'https://a.test:443' }), 'proxy-tunnel'],
    [
      "Chrome's HSTS redirect (Non-Authoritative-Reason)",
      entryOf({}, { status: 307, statusText: '', headers: [{ name: 'Non-Authoritative-Reason', value: 'HSTS' }] }),
      'internal-redirect',
    ],
    ['a 307 "Internal Redirect"', entryOf({}, { status: 307, statusText: 'Internal Redirect' }), 'internal-redirect'],
    ['_fromCache memory', entryOf({ _fromCache: 'memory' }), 'cache'],
    ['_fromCache disk', entryOf({ _fromCache: 'disk' }), 'cache'],
    ['response._fromDiskCache', entryOf({}, { _fromDiskCache: true }), 'cache'],
    ['response._fetchedViaServiceWorker', entryOf({}, { _fetchedViaServiceWorker: true }), 'service-worker'],
    [
      "an older Chrome's memory-cache answer: nothing transferred, provisional request headers",
      entryOf({ _transferSize: 0 }, { headersSize: -1 }, { headersSize: -1 }),
      'cache',
    ],
    [
      "ZAP's site-tree node: no answer, dated at the epoch",
      entryOf({ startedDateTime: '1970-01-01T00:00:00Z', time: 0 }, { status: 0, statusText: '', headers: [] }),
      'never-sent',
    ],
  ])('%s', (_, entry, kind) => {
    expect(entry.offNetwork).toBe(kind);
  });

  it.each([
    ['a plain request', entryOf({})],
    ['a server 307 (no internal mark)', entryOf({}, { status: 307, statusText: 'Temporary Redirect' })],
    ['a 304 revalidation (it went to the server)', entryOf({}, { status: 304, statusText: 'Not Modified' })],
    ['a _fromCache that is not a string', entryOf({ _fromCache: false })],
    // Nothing transferred, but the request's headers were sent (their size known): not a cache answer.
    ['nothing transferred, the request sent', entryOf({ _transferSize: 0 }, {}, { headersSize: 420 })],
    ['bytes transferred, provisional headers', entryOf({ _transferSize: 1938 }, {}, { headersSize: -1 })],
    // A real HTTP/2 request (its size -1, its headers all there) whose answer Chrome counted no bytes of.
    [
      'nothing transferred, an HTTP/2 request that went out',
      entryOf({ _transferSize: 0 }, {}, { headersSize: -1, headers: [{ name: ':authority', value: 'a.test' }] }),
    ],
    [
      'nothing transferred, an HTTP/1.1 request that went out',
      entryOf({ _transferSize: 0 }, {}, { headersSize: -1, headers: [{ name: 'Host', value: 'a.test' }] }),
    ],
    // Failed on the network (refused, blocked): no answer, but the time it was made.
    ['a request without an answer, with its time', entryOf({}, { status: 0, statusText: '', headers: [] })],
    // An exporter that lost the times of answered requests: the answer shows it went out.
    ['an answered request dated at the epoch', entryOf({ startedDateTime: '1970-01-01T00:00:00Z' })],
  ])('%s went over the network', (_, entry) => {
    expect(entry.offNetwork).toBeUndefined();
  });
});

describe('browser runs and durations', () => {
  it.each([
    ["WebPageTest's _run", entryOf({ _run: 2, pageref: 'whatever' }), 2],
    ['a WebPageTest 2.x page id', entryOf({ pageref: 'page_3_1' }), 3],
    ['a WebPageTest 17+ page id', entryOf({ pageref: 'page_2_0_1' }), 2],
    ['a DevTools page id', entryOf({ pageref: 'page_2' }), undefined],
    ["browsertime's second run, merged (page_1-1)", entryOf({ pageref: 'page_1-1' }), 1],
    ["browsertime's third run of a second page (page_2-1-1)", entryOf({ pageref: 'page_2-1-1' }), 2],
    ['a page id with another suffix', entryOf({ pageref: 'page_1-2' }), undefined],
    ['no page', entryOf({}), undefined],
  ])('%s', (_, entry, run) => {
    expect(entry.run).toBe(run);
  });

  it('keeps the entry time as its duration, and drops a negative or missing one', () => {
    expect(entryOf({}).duration).toBe(12.5);
    expect(entryOf({ time: -1 }).duration).toBeUndefined();
    expect(entryOf({ time: 'x' }).duration).toBeUndefined();
  });

  it("ends the duration where the headers arrived (Set-Cookie takes effect then), before the body's download", () => {
    const timings = (receive: unknown) => ({ timings: { blocked: 2, send: 0.5, wait: 7.5, receive } });
    expect(entryOf(timings(2.5)).duration).toBe(10);
    // A receive of none, unknown (-1), or longer than the whole: the entry's time as it is.
    for (const receive of [0, -1, 'x', 20]) expect(entryOf(timings(receive)).duration).toBe(12.5);
  });

  it('orders a file run by run (runs may share a clock), and counts the runs', () => {
    const at = (s: number) => `2024-05-01T10:00:0${s}Z`;
    const e = (run: number, s: number) => ({
      startedDateTime: at(s),
      _run: run,
      request: { method: 'GET', url: `https://a.test/${run}/${s}` },
    });
    const trace = parseHar(JSON.stringify({ log: { entries: [e(1, 0), e(2, 1), e(1, 2), e(2, 3)] } }));
    expect(trace.events.map((ev) => (ev.kind === 'entry' ? ev.entry.index : -1))).toEqual([0, 2, 1, 3]);
    expect(trace.runs).toBe(2);
    expect(parseHar(JSON.stringify({ log: { entries: [e(1, 0)] } })).runs).toBeUndefined();
  });

  it("counts browsertime's first run, whose page ids name none, as a run of its own", () => {
    const e = (pageref: string, s: number) => ({
      pageref,
      startedDateTime: `2024-05-01T10:00:0${s}Z`,
      request: { method: 'GET', url: `https://a.test/${s}` },
    });
    const merged = [e('page_1', 0), e('page_2', 1), e('page_1-1', 2), e('page_2-1', 3), e('page_1-1-1', 4)];
    expect(parseHar(JSON.stringify({ log: { entries: merged } })).runs).toBe(3);
    // One recording's pages are one run.
    expect(parseHar(JSON.stringify({ log: { entries: [e('page_1', 0), e('page_2', 1)] } })).runs).toBeUndefined();
  });
});
