// Analysis throughput: `sessionscope analyze`'s pipeline on the generated 100,000-entry HAR, against
// JSON.parse of the same text in the same process, alternating (A = JSON.parse, B = everything the CLI
// does after parsing: HAR → trace import, analyzeTrace, the text report). Goal: B ≤ 1 × A.
// Alone: `node --max-old-space-size=6144 --import tsx bench/analysis-throughput.ts [pairs]`
// Profile: add `--cpu-prof --cpu-prof-dir=bench/out/prof` (node's flag) and `--profile-only`.
import { readFileSync } from 'node:fs';
import { textReport } from '../src/cli/textReport.ts';
import { analyzeTrace } from '../src/core/analysis/analyze.ts';
import { harToTrace } from '../src/core/har/har.ts';
import { ensureHar, HAR_100K, HAR_100K_OPTIONS } from './gen-har.ts';
import { fmt, range, runRow, summarize } from './lib/stats.ts';

const ID = 'analysis-throughput';
const TITLE = 'Analysis throughput (100,000-entry HAR)';
const GOAL = 'analysis after parsing ≤ 1 × JSON.parse time';

runRow(ID, TITLE, GOAL, async () => {
  const pairs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
  const made = ensureHar(HAR_100K, HAR_100K_OPTIONS);
  const text = readFileSync(HAR_100K, 'utf8');
  const parseMs: number[] = [];
  const importMs: number[] = [];
  const analyseMs: number[] = [];
  const reportMs: number[] = [];
  const totalMs: number[] = [];
  let findings = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  // Warm the JIT on the first 10,000 entries (a full-size warm-up pair would cost minutes here).
  const warm = JSON.parse(text) as { log: { entries: unknown[] } };
  warm.log.entries = warm.log.entries.slice(0, 10_000);
  const warmTrace = harToTrace(warm, 'warm-up.har');
  textReport('warm-up.har', warmTrace, analyzeTrace(warmTrace, { values: 'redacted' }));
  JSON.parse(text);
  for (let i = 0; i < pairs; i++) {
    // A: the baseline, JSON.parse alone.
    gc?.();
    let t = performance.now();
    let doc: unknown = JSON.parse(text);
    const a = performance.now() - t;
    doc = undefined;
    // B: a fresh parse (untimed), then what the CLI does with it.
    gc?.();
    doc = JSON.parse(text);
    gc?.();
    t = performance.now();
    const trace = harToTrace(doc, 'har-100k.har');
    const t1 = performance.now();
    const result = analyzeTrace(trace, { values: 'redacted' });
    const t2 = performance.now();
    const report = textReport('har-100k.har', trace, result);
    const t3 = performance.now();
    doc = undefined;
    findings = result.findings.length;
    if (i >= 0) {
      parseMs.push(a);
      importMs.push(t1 - t);
      analyseMs.push(t2 - t1);
      reportMs.push(t3 - t2);
      totalMs.push(t3 - t);
    }
    console.log(
      `  pair ${i + 1}/${pairs}: JSON.parse ${fmt(a, 0)} ms | after parsing ${fmt(t3 - t, 0)} ms ` +
        `(import ${fmt(t1 - t, 0)}, analyze ${fmt(t2 - t1, 0)}, report ${fmt(t3 - t2, 0)}; ${report.length} chars)`,
    );
    if (process.argv.includes('--profile-only') && i >= 0) break;
  }
  const parse = summarize(parseMs);
  const after = summarize(totalMs);
  const ratio = after.median / parse.median;
  const entriesPerSecond = made.entries / (after.median / 1000);
  const endToEnd = made.entries / ((after.median + parse.median) / 1000);
  return {
    id: ID,
    title: TITLE,
    goal: GOAL,
    verdict: ratio <= 1 ? 'met' : 'missed',
    figures: [
      `input: ${made.entries.toLocaleString('en-US')} entries, ${(made.bytes / 1e6).toFixed(0)} MB, ${findings} findings`,
      `baseline JSON.parse: ${range(parse, ' ms', 0)}`,
      `after parsing (import+analyze+report): ${range(after, ' ms', 0)}`,
      `  import ${range(summarize(importMs), ' ms', 0)}`,
      `  analyzeTrace ${range(summarize(analyseMs), ' ms', 0)}`,
      `  text report ${range(summarize(reportMs), ' ms', 0)}`,
      `ratio of medians (after parsing / JSON.parse): ${fmt(ratio, 2)}`,
      `throughput after parsing: ${fmt(entriesPerSecond, 0)} entries/s; including JSON.parse: ${fmt(endToEnd, 0)} entries/s`,
    ],
    data: {
      parse,
      after,
      ratio,
      entriesPerSecond,
      endToEnd,
      import: summarize(importMs),
      analyse: summarize(analyseMs),
      report: summarize(reportMs),
    },
  };
});
