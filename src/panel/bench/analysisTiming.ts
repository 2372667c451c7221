// How long the panel's re-analysis takes on a big recording: repeats a recorded demo HAR's entries to
// N entries (default 100,000) and times, once each: the engine (analyzeTrace), the panel's whole view
// (panelView = engine + rows), what the page pays to receive the worker's answer (JSON text), and
// one filter pass over all rows. Run:  node --import tsx src/panel/bench/analysisTiming.ts [N]
import { readFileSync } from 'node:fs';
import type { RecordedEvent } from '../../background/messages.ts';
import { analyzeTrace } from '../../core/analysis/analyze.ts';
import { parseTraceFile } from '../../core/trace/detectFormat.ts';
import type { TraceEvent } from '../../core/trace/types.ts';
import { matchesFilter, parseFilter } from '../filter.ts';
import { liveTrace } from '../model.ts';
import { NO_OVERRIDES } from '../sessionOverrides.ts';
import { handleWorkerRequest } from '../workerProtocol.ts';

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
const held: RecordedEvent[] = [];
handleWorkerRequest(held, { type: 'append', events });
const [reply, viewMs] = time(() => handleWorkerRequest(held, { type: 'analyse', id: 0, overrides: NO_OVERRIDES })!);
const [, cloneMs] = time(() => structuredClone(reply));
const [parsed, parseMs] = time(
  () =>
    JSON.parse(reply.json) as {
      rows: { url: string; origin: string; cookies: string[]; rules: string[]; severities: string[] }[];
    },
);
const filter = parseFilter('origin:shop.test -rule:session-established');
const [shown, filterMs] = time(() => parsed.rows.filter((r) => matchesFilter(r, filter)).length);
console.log(
  `${total} entries: analyzeTrace ${analyseMs.toFixed(0)} ms (${analysis.findings.length} findings); ` +
    `worker view (engine + rows) ${viewMs.toFixed(0)} ms; posting the answer (clone of ${(reply.json.length / 1e6).toFixed(0)} MB of JSON) ${cloneMs.toFixed(0)} ms, ` +
    `parsing it on the page ${parseMs.toFixed(0)} ms; filter over ${parsed.rows.length} rows ${filterMs.toFixed(0)} ms (${shown} shown)`,
);
