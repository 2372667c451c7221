// How long the panel's re-analysis takes on a big recording: repeats a recorded demo HAR's entries to
// N entries (default 100,000) and times, once each: the engine (analyzeTrace), the panel's whole view
// (panelView = engine + rows), what the page pays to receive the worker's answer (JSON text), and
// one filter pass over all rows. Run:  node --import tsx src/panel/bench/analysisTiming.ts [N]
import { readFileSync } from 'node:fs';
import { analyzeTrace } from '../../core/analysis/analyze.ts';
import { parseTraceFile } from '../../core/open/readTrace.ts';
import type { TraceEvent } from '../../core/trace/types.ts';
import type { RecordedEvent } from '../../protocol/messages.ts';
import { matchesFilter, parseFilter } from '../filter.ts';
import { liveTrace } from '../model.ts';
import { NO_OVERRIDES } from '../sessionOverrides.ts';
import {
  handleWorkerRequest,
  newWorkerState,
  type RowsPart,
  type ViewReply,
  type WorkerReply,
} from '../workerProtocol.ts';

/** An answer's parts put back together: all its rows (what the page parses on arrival), its summary. */
const whole = (replies: WorkerReply[]) => {
  const parts = replies as (RowsPart | ViewReply)[];
  return {
    rows: `[${parts
      .map((p) => p.rows.slice(1, -1))
      .filter((r) => r !== '')
      .join(',')}]`,
    summary: (parts.at(-1) as ViewReply).summary,
  };
};

const total = Number(process.argv[2] ?? 100_000);
const file = 'test/fixtures/demo-har/secure-lost-on-http.har';
const base = parseTraceFile(readFileSync(file, 'utf8'), file).events.filter((e) => e.kind === 'entry');
const events: RecordedEvent[] = [];
for (let i = 0; i < total; i++) {
  const source = base[i % base.length] as Extract<TraceEvent, { kind: 'entry' }>;
  const entry = { ...source.entry, index: i, startedAt: source.entry.startedAt + i * 10 };
  events.push({ seq: i, event: { kind: 'entry', entry } });
}
const time = <T>(run: () => T): [T, number] => {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
};
const [analysis, analyseMs] = time(() => analyzeTrace(liveTrace(events), { values: 'raw' }));
const state = newWorkerState();
const tail = events.splice(total - 1_000);
handleWorkerRequest(state, { type: 'append', events });
const [reply, viewMs] = time(() =>
  whole(handleWorkerRequest(state, { type: 'analyse', id: 0, overrides: NO_OVERRIDES })),
);
const [, cloneMs] = time(() => structuredClone(reply));
const [parsed, parseMs] = time(
  () =>
    JSON.parse(reply.rows) as [
      number,
      { url: string; origin: string; cookies: string[]; rules: string[]; severities: string[] },
    ][],
);
// The next answer after 1,000 more events: only the new and changed rows travel.
handleWorkerRequest(state, { type: 'append', events: tail });
const [delta, deltaMs] = time(() =>
  whole(handleWorkerRequest(state, { type: 'analyse', id: 1, overrides: NO_OVERRIDES })),
);
const [deltaRows, deltaParseMs] = time(() => (JSON.parse(delta.rows) as unknown[]).length);
const filter = parseFilter('origin:shop.test -rule:session-established');
const [shown, filterMs] = time(() => parsed.filter(([, r]) => matchesFilter(r, filter)).length);
console.log(
  `${total} entries: analyzeTrace ${analyseMs.toFixed(0)} ms (${analysis.findings.length} findings); ` +
    `worker view (engine + rows) ${viewMs.toFixed(0)} ms; posting the first answer (clone of ${(reply.rows.length / 1e6).toFixed(0)} MB of JSON) ${cloneMs.toFixed(0)} ms, ` +
    `parsing it on the page ${parseMs.toFixed(0)} ms; filter over ${parsed.length} rows ${filterMs.toFixed(0)} ms (${shown} shown); ` +
    `after 1,000 more events: worker ${deltaMs.toFixed(0)} ms, ${deltaRows} rows sent (${(delta.rows.length / 1e3).toFixed(0)} kB), parsed on the page in ${deltaParseMs.toFixed(1)} ms; summary ${(delta.summary.length / 1e3).toFixed(0)} kB (first ${(reply.summary.length / 1e3).toFixed(0)} kB)`,
);
