// Our HAR export keeps the recording's cookie and navigation events in `log._sessionscope.cookieEvents`, each with
// the entry it followed; our importer puts them back there, so a raw export re-imports to the story the recording
// told (a page script's removal of the session stays "cleared by script", not an alarm).
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/runCli.ts';
import { GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';
import { analyzeTrace } from '../analysis/analyze.ts';
import { exportHar } from '../formats/harExport.ts';
import { HarStreamReader } from '../har/harStream.ts';
import { parseTraceFile } from '../open/readTrace.ts';
import type { Trace, TraceEvent } from '../trace/types.ts';
import { endHarStream } from './harCookieEvents.ts';

/** A page script removes the session between two requests; the next page is issued a new one. */
const clearedByScript = () =>
  trace()
    .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
    .cookieChanged({ name: 'sid', value: ID.a, domain: 'shop.test', removed: true, cause: 'explicit' })
    .get('https://shop.test/x', { cookie: '', setCookie: [`sid=${ID.b}; ${GOOD}`] })
    .build();

const rawHar = (t: Trace) => JSON.parse(exportHar(t, analyzeTrace(t), { values: 'raw' }));
const reimported = (har: unknown) => parseTraceFile(JSON.stringify(har), 'again.har');
/** Each event as the entry index it is, or its kind. */
const order = (events: readonly TraceEvent[]) => events.map((e) => (e.kind === 'entry' ? e.entry.index : e.kind));

describe('cookie events in our HAR export', () => {
  it('a raw export of a session a page script removed re-imports to the same findings: cleared by script, no alarm', () => {
    const recorded = clearedByScript();
    const result = analyzeTrace(recorded);
    expect(result.findings.filter((f) => f.rule === 'session-reset').map((f) => f.cause)).toEqual([
      'cleared-by-script',
    ]);
    const again = analyzeTrace(reimported(rawHar(recorded)));
    expect(again.findings).toEqual(result.findings);
    expect(again.findings.filter((f) => f.rule === 'session-not-sent')).toEqual([]);
  });

  it('each event goes back after the entry it followed, also one that happened while a later entry was in flight', () => {
    const built = clearedByScript();
    const [first, removal, second] = built.events;
    // The removal happened after the second request started, while it was in flight: the recording has it after.
    const removalInFlight = { ...removal!, time: (second as { entry: { startedAt: number } }).entry.startedAt - 1 };
    const navigation: TraceEvent = { kind: 'navigation', time: 0, url: 'https://shop.test/' };
    const recorded: Trace = { ...built, events: [navigation, first!, second!, removalInFlight] };
    expect(order(reimported(rawHar(recorded)).events)).toEqual(['navigation', 0, 1, 'cookie-changed']);
  });

  it('an export older than afterEntry: its events go after the last entry that started by their time', () => {
    const har = rawHar(clearedByScript());
    for (const event of har.log._sessionscope.cookieEvents) delete event.afterEntry;
    expect(order(reimported(har).events)).toEqual([0, 'cookie-changed', 1]);
  });

  it('an event that cannot be read is left out and named; the others are still read', () => {
    const har = rawHar(clearedByScript());
    const [removal] = har.log._sessionscope.cookieEvents;
    har.log._sessionscope.cookieEvents = [
      { ...removal, cause: 'spilled-coffee' },
      { kind: 'entry', entry: {} },
      removal,
    ];
    const again = reimported(har);
    expect(order(again.events)).toEqual([0, 'cookie-changed', 1]);
    expect(again.warnings?.map((w) => w.where)).toEqual([
      'log._sessionscope.cookieEvents[0].cause',
      'log._sessionscope.cookieEvents[1].kind',
    ]);
    expect(again.warnings?.[0]?.message).toMatch(/^cookie event 0 left out: .*cause/);
  });

  it('a hostile number of events after one entry is read, not a stack overflow', () => {
    const har = rawHar(clearedByScript());
    const navigation = { kind: 'navigation', time: 0, url: 'https://shop.test/', afterEntry: 0 };
    har.log._sessionscope.cookieEvents = Array.from({ length: 200_000 }, () => navigation);
    const events = reimported(har).events;
    expect(events).toHaveLength(200_002);
    expect(order([events[0]!, events[1]!, events.at(-1)!])).toEqual([0, 'navigation', 1]);
  });

  it('cookieEvents that are not a list: a warning, and the entries as they are', () => {
    const har = rawHar(clearedByScript());
    har.log._sessionscope.cookieEvents = { kind: 'navigation' };
    const again = reimported(har);
    expect(order(again.events)).toEqual([0, 1]);
    expect(again.warnings?.map((w) => [w.where, w.message])).toEqual([
      ['log._sessionscope.cookieEvents', 'cookieEvents is not an array: the cookie events were left out'],
    ]);
  });
});

/** The CLI's JSON report of a HAR's text, read whole or streamed (two passes), with each request's verdicts. */
async function cliJson(har: string, stream: boolean): Promise<string> {
  const run = await runCli(['analyze', 'x.har', '--format', 'json', '--requests'], { files: { 'x.har': har }, stream });
  expect(run.stderr).toBe('');
  return run.stdout;
}

/** The trace the panel's streamed import reads (HarStreamReader, in 1 KiB chunks). */
function streamedTrace(har: string): Trace {
  const reader = new HarStreamReader('x.har');
  for (let at = 0; at < har.length; at += 1024) reader.write(har.slice(at, at + 1024));
  return endHarStream(reader, 'x.har');
}

describe('cookie events in a streamed HAR: placed as the whole-file reader places them', () => {
  type ExportedHar = {
    log: { entries: { request: unknown; startedDateTime: string }[]; _sessionscope: { cookieEvents: unknown[] } };
  };
  /** A page (0) and an image (1) load; a page script removes the session; the next page (2) started before page 0. */
  function exported(): ExportedHar {
    const built = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/logo.png', { cookie: `sid=${ID.a}` })
      .cookieChanged({ name: 'sid', value: ID.a, domain: 'shop.test', removed: true, cause: 'explicit' })
      .get('https://shop.test/x', { cookie: '', setCookie: [`sid=${ID.b}; ${GOOD}`] })
      .build();
    const navigation: TraceEvent = { kind: 'navigation', time: 0, url: 'https://shop.test/' };
    const [page, image, removal, next] = built.events as [TraceEvent, TraceEvent, TraceEvent, TraceEvent];
    return rawHar({ ...built, events: [navigation, page, image, removal, next] });
  }
  const variants: [string, (har: ExportedHar) => void][] = [
    ['as exported', () => undefined],
    [
      // In time order (the two-pass reader sorts them).
      'entries out of time order',
      (har) => {
        const [page, , next] = har.log.entries;
        next!.startedDateTime = new Date(Date.parse(page!.startedDateTime) - 500).toISOString();
      },
    ],
    [
      // Placed by time after the page, the last *readable* entry that started by then.
      'events without afterEntry, the entry before the removal unreadable',
      (har) => {
        for (const event of har.log._sessionscope.cookieEvents as { afterEntry?: number }[]) delete event.afterEntry;
        har.log.entries[1]!.request = 'not a request';
      },
    ],
    ['one event unreadable', (har) => void har.log._sessionscope.cookieEvents.unshift({ kind: 'cookie-changed' })],
  ];

  it.each(variants)(
    '%s: the CLI says the same, streamed or whole, and the panel reads the same trace',
    async (_name, change) => {
      const har = exported();
      change(har);
      const text = JSON.stringify(har);
      const whole = await cliJson(text, false);
      expect(JSON.parse(whole).findings).toContainEqual(
        expect.objectContaining({ rule: 'session-reset', cause: 'cleared-by-script' }),
      );
      expect(await cliJson(text, true)).toBe(whole);
      expect(streamedTrace(text)).toEqual(parseTraceFile(text, 'x.har'));
    },
  );
});
