// Child process of the analysis-throughput row: one pair, in a process of its own as a CLI run is. Reads the HAR's
// text, warms the JIT on its first 10,000 entries (unless --cold), then times JSON.parse of the whole text (the
// baseline) and what the CLI does with what it parsed: HAR → trace import, analyzeTrace, the text report.
// Prints one JSON line. Needs --expose-gc (a collection before each timed part, as the CLI starts each fresh).
// Also the way to profile the analysis, on a file or on a generated HAR of N entries (default 100,000):
//   node --max-old-space-size=6144 --expose-gc --cpu-prof --cpu-prof-dir=bench/out/prof --import tsx \
//     bench/lib/analysisChild.ts [N|FILE] [--cold]
// then `node --import tsx bench/lib/topFunctions.ts bench/out/prof/<file>.cpuprofile` for the self-time table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textReport } from '../../src/cli/textReport.ts';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { harToTrace } from '../../src/core/har/har.ts';
import { ensureHar, HAR_100K, HAR_100K_OPTIONS } from '../gen-har.ts';
import { OUT_DIR } from './stats.ts';

export interface AnalysisPair {
  readonly parseMs: number;
  readonly importMs: number;
  readonly analyseMs: number;
  readonly reportMs: number;
  /** import + analyse + report. */
  readonly afterMs: number;
  readonly findings: number;
  readonly reportChars: number;
}

/** The same engine on a slice of the file: what a warm-up leaves is garbage when this returns. */
function warmUp(text: string): void {
  const warm = JSON.parse(text) as { log: { entries: unknown[] } };
  warm.log.entries = warm.log.entries.slice(0, 10_000);
  const trace = harToTrace(warm, 'warm-up.har');
  textReport('warm-up.har', trace, analyzeTrace(trace, { values: 'redacted' }));
}

function measure(text: string): AnalysisPair {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  let t = performance.now();
  const doc: unknown = JSON.parse(text);
  const parseMs = performance.now() - t;
  gc();
  t = performance.now();
  const trace = harToTrace(doc, 'har-100k.har');
  const t1 = performance.now();
  const result = analyzeTrace(trace, { values: 'redacted' });
  const t2 = performance.now();
  const report = textReport('har-100k.har', trace, result);
  const t3 = performance.now();
  return {
    parseMs,
    importMs: t1 - t,
    analyseMs: t2 - t1,
    reportMs: t3 - t2,
    afterMs: t3 - t,
    findings: result.findings.length,
    reportChars: report.length,
  };
}

/** The file named, or a generated HAR of N entries (made once, kept in bench/out/). */
function inputFile(arg: string | undefined): string {
  if (arg !== undefined && !/^\d+$/.test(arg)) return arg;
  const entries = Number(arg ?? 100_000);
  if (entries === 100_000) {
    ensureHar(HAR_100K, HAR_100K_OPTIONS);
    return HAR_100K;
  }
  const file = join(OUT_DIR, `har-${entries}.har`);
  ensureHar(file, { entries, seed: 7 });
  return file;
}

const file = inputFile(process.argv.slice(2).find((a) => !a.startsWith('--')));
const text = readFileSync(file, 'utf8');
if (!process.argv.includes('--cold')) warmUp(text);
console.log(JSON.stringify(measure(text)));
