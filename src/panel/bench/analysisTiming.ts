// How long the panel's re-analysis takes on a big recording: repeats a recorded demo HAR's entries to
// N entries (default 100,000) and times analyzeTrace and panelView once each. Run:
//   node --import tsx src/panel/bench/analysisTiming.ts [N]
import { readFileSync } from 'node:fs';
import type { RecordedEvent } from '../../background/messages.ts';
import { analyzeTrace } from '../../core/analysis/analyze.ts';
import { parseTraceFile } from '../../core/trace/detectFormat.ts';
import type { TraceEvent } from '../../core/trace/types.ts';
import { liveTrace, panelView } from '../model.ts';

const total = Number(process.argv[2] ?? 100_000);
const file = 'test/fixtures/demo-har/secure-lost-on-http.har';
const base = parseTraceFile(readFileSync(file, 'utf8'), file).events.filter((e) => e.kind === 'entry');
const events: RecordedEvent[] = [];
for (let i = 0; i < total; i++) {
  const source = base[i % base.length] as Extract<TraceEvent, { kind: 'entry' }>;
  const entry = { ...source.entry, index: i, startedAt: source.entry.startedAt + i * 10 };
  events.push({ seq: i, event: { kind: 'entry', entry } });
}
let t = performance.now();
const analysis = analyzeTrace(liveTrace(events), { values: 'raw' });
const analyseMs = performance.now() - t;
t = performance.now();
const view = panelView(events);
const viewMs = performance.now() - t;
console.log(
  `${total} entries: analyzeTrace ${analyseMs.toFixed(0)} ms (${analysis.findings.length} findings), ` +
    `panelView ${viewMs.toFixed(0)} ms (${view.rows.length} rows)`,
);
