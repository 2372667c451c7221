// The streamed readers name every entry by its real position: the entry reader is given the index the scanner
// found, so a problem in the 5,001st entry of a streamed file is "entry 5000" with no renumbering afterwards.
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../analysis/analyze.ts';
import { TraceInputError } from '../trace/types.ts';
import { harToTrace } from './har.ts';
import { HarStreamReader } from './harStream.ts';
import { HarIndexer, harEvents, indexHarStream } from './harStreamEvents.ts';

const T0 = Date.UTC(2026, 0, 1);

function entry(i: number): Record<string, unknown> {
  return {
    startedDateTime: new Date(T0 + i * 1000).toISOString(),
    request: { method: 'GET', url: `https://example.test/${i}`, headers: [] },
    response: { status: 200, headers: [] },
  };
}

/** A HAR of `count` entries, the last one changed by `last`. */
function harWithLast(count: number, last: (entry: Record<string, unknown>) => void): Record<string, unknown> {
  const entries = Array.from({ length: count }, (_, i) => entry(i));
  last(entries[count - 1]!);
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } };
}

/** Feeds the text in chunks that cut entries at arbitrary places. */
function feed(text: string, reader: { write(chunk: Uint8Array): void }): void {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += 7919) reader.write(bytes.subarray(at, at + 7919));
}

describe('streamed HAR entries are named by their real position', () => {
  const har = harWithLast(5001, (last) => {
    (last.request as Record<string, unknown>).url = 42;
  });
  const text = JSON.stringify(har);
  const skipped = {
    where: 'log.entries[5000].request.url',
    message: 'entry 5000 skipped: "url" must be a string, not a number',
    skippedEntry: 5000,
  };

  it('the reader of whole traces: an unreadable 5,001st entry is skipped as entry 5000', () => {
    const reader = new HarStreamReader('big.har');
    feed(text, reader);
    const trace = reader.end();
    expect(trace.warnings).toEqual([skipped]);
    expect(trace.entryCount).toBe(5001);
    expect(trace).toEqual(harToTrace(har, 'big.har'));
  });

  it('the indexing pass of a streamed analysis says the same', () => {
    const indexer = new HarIndexer('big.har');
    feed(text, indexer);
    expect(indexer.end().warnings).toEqual([skipped]);
  });

  it('a repaired field of entry 5000 is noted where it is', () => {
    const repaired = harWithLast(5001, (last) => {
      (last.request as Record<string, unknown>).method = null;
    });
    const reader = new HarStreamReader('big.har');
    feed(JSON.stringify(repaired), reader);
    expect(reader.end().warnings).toEqual([
      { where: 'log.entries[5000].request.method', message: '"method" is null; read as GET' },
    ]);
  });

  it('a 5,001st entry that is not JSON is refused at entry 5000', () => {
    const broken = `${text.slice(0, text.lastIndexOf(',{"startedDateTime"'))},{"startedDateTime": nope}]}}`;
    const reader = new HarStreamReader('big.har');
    let error: unknown;
    try {
      feed(broken, reader);
      reader.end();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TraceInputError);
    expect((error as TraceInputError).message).toMatch(/^big\.har: not JSON: .* \(in log\.entries\[5000\]\)/);
  });
});

describe("a document whose pageref names none of log.pages is a frame's, in every reader", () => {
  // Chrome 16 gave each frame's document a page of its own, named by its URL and left out of log.pages.
  const entries = [
    { ...entry(0), pageref: 'page_1', _resourceType: 'document' },
    {
      ...entry(1),
      request: { method: 'GET', url: 'https://ads.test/frame', headers: [] },
      pageref: 'https://ads.test/frame',
      _resourceType: 'document',
    },
  ];
  const pages = [{ id: 'page_1', startedDateTime: new Date(T0).toISOString(), title: 'x', pageTimings: {} }];
  const listedFirst = { log: { version: '1.2', creator: { name: 'WebInspector', version: '535.7' }, pages, entries } };
  const listedAfter = { log: { version: '1.2', creator: { name: 'WebInspector', version: '535.7' }, entries, pages } };
  const types = (trace: ReturnType<typeof harToTrace>) =>
    trace.events.flatMap((e) => (e.kind === 'entry' ? [e.entry.request.resourceType] : []));

  it('read whole, streamed whole, and streamed in two passes', async () => {
    expect(types(harToTrace(listedFirst))).toEqual(['document', 'subdocument']);
    const reader = new HarStreamReader();
    feed(JSON.stringify(listedFirst), reader);
    expect(types(reader.end())).toEqual(['document', 'subdocument']);
    const text = JSON.stringify(listedFirst);
    const chunks = async function* () {
      yield text;
    };
    const index = await indexHarStream(chunks());
    const streamed: string[] = [];
    for await (const event of harEvents(chunks(), index))
      if (event.kind === 'entry') streamed.push(event.entry.request.resourceType ?? '');
    expect(streamed).toEqual(['document', 'subdocument']);
  });

  it('not where log.pages comes after the entries (a streamed reader could not know it), nor where it lists none', () => {
    expect(types(harToTrace(listedAfter))).toEqual(['document', 'document']);
    const reader = new HarStreamReader();
    feed(JSON.stringify(listedAfter), reader);
    expect(types(reader.end())).toEqual(['document', 'document']);
    expect(types(harToTrace({ log: { ...listedFirst.log, pages: [] } }))).toEqual(['document', 'document']);
  });

  it("the frame's site is no site inspected: its session cookie is a third party's", () => {
    const sid = 'ad_sess=3e93938ab91be15d8bb9e6bc9edf3212';
    const inFrame = (i: number, path: string, headers: Record<string, unknown>) => ({
      ...entry(i),
      request: { method: 'GET', url: `https://ads.test/${path}`, headers: headers.request },
      response: { status: 200, headers: headers.response },
      pageref: 'https://ads.test/frame',
      _resourceType: i === 1 ? 'document' : 'script',
    });
    const har = {
      log: {
        ...listedFirst.log,
        entries: [
          entries[0],
          inFrame(1, 'frame', { request: [], response: [{ name: 'Set-Cookie', value: `${sid}; Path=/` }] }),
          inFrame(2, 'ad.js', { request: [{ name: 'Cookie', value: sid }], response: [] }),
          inFrame(3, 'ad2.js', { request: [{ name: 'Cookie', value: sid }], response: [] }),
        ],
      },
    };
    const sessions = analyzeTrace(harToTrace(har)).sessions;
    expect(sessions.map((s) => [s.cookie, s.thirdParty])).toEqual([['ad_sess', true]]);
  });
});
