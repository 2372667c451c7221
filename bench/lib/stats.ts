// Figures for the benchmarks: alternating baseline/subject runs (A B A B …), medians, ranges, ratios,
// and one JSON result per benchmark row so run-all.ts can print the summary and RESULTS.md can be filled.
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const OUT_DIR = join(BENCH_DIR, 'out');
export const REPO_DIR = dirname(BENCH_DIR);

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
  readonly values: readonly number[];
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n === 0 ? Number.NaN : n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted[n - 1] ?? Number.NaN, n, values };
}

/** The value at quantile q (0…1) by nearest rank, as frame-time percentiles are usually given. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * The frame interval below which a share q of the *time* was spent (not of the frames): one frozen
 * 5-second frame among 300 smooth ones is 1 frame in 300 but most of the time, and this says so.
 */
export function timeWeightedQuantile(intervals: readonly number[], q: number): number {
  if (intervals.length === 0) return Number.NaN;
  const sorted = [...intervals].sort((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  let acc = 0;
  for (const x of sorted) {
    acc += x;
    if (acc >= q * total) return x;
  }
  return sorted[sorted.length - 1]!;
}

/**
 * Runs baseline and subject alternately, `pairs` times each (A B A B …), after `warmup` unrecorded
 * pairs; each run returns its figure. Alternating spreads the noise of a shared machine over both sides.
 */
export async function alternate(
  pairs: number,
  baseline: (i: number) => Promise<number> | number,
  subject: (i: number) => Promise<number> | number,
  opts: { warmup?: number; log?: (line: string) => void } = {},
): Promise<{ baseline: Summary; subject: Summary; ratio: number }> {
  const a: number[] = [];
  const b: number[] = [];
  const warmup = opts.warmup ?? 1;
  for (let i = -warmup; i < pairs; i++) {
    const x = await baseline(i);
    const y = await subject(i);
    if (i >= 0) {
      a.push(x);
      b.push(y);
    }
    opts.log?.(`  ${i < 0 ? 'warm-up' : `pair ${i + 1}/${pairs}`}: baseline ${fmt(x)}  subject ${fmt(y)}`);
  }
  const baselineSummary = summarize(a);
  const subjectSummary = summarize(b);
  return { baseline: baselineSummary, subject: subjectSummary, ratio: subjectSummary.median / baselineSummary.median };
}

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function range(s: Summary, unit = '', digits = 1): string {
  return `median ${fmt(s.median, digits)}${unit} (min–max ${fmt(s.min, digits)}–${fmt(s.max, digits)}${unit}, n=${s.n})`;
}

/** One benchmark row's outcome, as printed and as saved to bench/out/results/<id>.json. */
export interface RowResult {
  readonly id: string;
  readonly title: string;
  readonly goal: string;
  /** met / missed / not available yet (the feature has not landed) / failed (the benchmark broke). */
  readonly verdict: 'met' | 'missed' | 'not available yet' | 'failed';
  /** Lines of figures, already formatted. */
  readonly figures: readonly string[];
  readonly data?: Record<string, unknown>;
  readonly note?: string;
}

export function saveResult(result: RowResult): void {
  const file = join(OUT_DIR, 'results', `${result.id}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
  console.log(`\n== ${result.title}: ${result.verdict.toUpperCase()} (goal: ${result.goal})`);
  for (const line of result.figures) console.log(`   ${line}`);
  if (result.note) console.log(`   note: ${result.note}`);
}

/** Runs a benchmark's main, saving a `failed` row (with the error) if it throws, and exits. */
export function runRow(id: string, title: string, goal: string, body: () => Promise<RowResult>): void {
  body().then(
    (result) => {
      saveResult(result);
      process.exit(0);
    },
    (error: unknown) => {
      saveResult({
        id,
        title,
        goal,
        verdict: 'failed',
        figures: [],
        note: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      process.exit(1);
    },
  );
}

/** The 1-, 5- and 15-minute load averages, as a row prints them. */
export function loadNow(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** A row's closing line on the machine: cores, architecture, Node, and the load at its start and now. */
export function machineLine(loadAtStart: string): string {
  return `machine: ${cpus().length} cores, ${arch()}, Node ${process.version}, load average ${loadAtStart} at start, ${loadNow()} at end`;
}
