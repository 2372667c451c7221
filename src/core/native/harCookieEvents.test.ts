// Our HAR export keeps the recording's cookie and navigation events in `log._sessionscope.cookieEvents`, each with
// the entry it followed; our importer puts them back there, so a raw export re-imports to the story the recording
// told (a page script's removal of the session stays "cleared by script", not an alarm).
import { describe, expect, it } from 'vitest';
import { GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';
import { analyzeTrace } from '../analysis/analyze.ts';
import { exportHar } from '../formats/harExport.ts';
import { parseTraceFile } from '../open/readTrace.ts';
import type { Trace, TraceEvent } from '../trace/types.ts';

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
