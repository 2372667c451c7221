// `npm run bench`: builds the extension once, generates the big inputs, then runs every benchmark row
// as its own process (one at a time: the machine has two cores) and prints a summary with the machine's
// description. Rows save their figures to bench/out/results/<id>.json. Options: `--only id,id` and
// `--skip id,id`. These are benchmarks, not tests: the exit code is 0 unless a row failed to run.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureHar, HAR_1GB, HAR_1GB_OPTIONS, HAR_100K, HAR_100K_OPTIONS } from './gen-har.ts';
import { buildExtension, chromiumVersion } from './lib/browser.ts';
import { BENCH_DIR, OUT_DIR, REPO_DIR, type RowResult } from './lib/stats.ts';

interface Row {
  readonly id: string;
  readonly script: string;
  readonly nodeArgs?: readonly string[];
  readonly args?: readonly string[];
  readonly timeoutMs: number;
}

/** In the order of the table. Pair counts are each script's defaults (≥ 5 where a baseline alternates). */
export const ROWS: readonly Row[] = [
  { id: 'page-load', script: 'page-load.ts', timeoutMs: 240_000 },
  {
    id: 'analysis-throughput',
    script: 'analysis-throughput.ts',
    nodeArgs: ['--max-old-space-size=6144', '--expose-gc'],
    timeoutMs: 720_000,
  },
  // Three pairs: one 1 GiB run's peak RSS varies by ±15 MB from run to run here, around the 200 MB goal.
  { id: 'streaming', script: 'streaming.ts', args: ['3'], timeoutMs: 330_000 },
  { id: 'panel-load', script: 'panel-load.ts', timeoutMs: 240_000 },
  { id: 'import', script: 'import.ts', timeoutMs: 480_000 },
  { id: 'background-memory', script: 'background-memory.ts', timeoutMs: 300_000 },
  { id: 'cli-startup', script: 'cli-startup.ts', timeoutMs: 300_000 },
  { id: 'worst-case-inputs', script: 'worst-case-inputs.ts', timeoutMs: 120_000 },
];

/** Rows that drive the built extension in a browser; the others need no extension build. */
const BROWSER_ROWS = new Set(['page-load', 'panel-load', 'import', 'background-memory']);

function listOption(name: string): Set<string> | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? new Set((process.argv[i + 1] ?? '').split(',')) : undefined;
}

function runChild(row: Row): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...(row.nodeArgs ?? []), '--import', 'tsx', join(BENCH_DIR, row.script), ...(row.args ?? [])],
      {
        cwd: REPO_DIR,
        stdio: 'inherit',
        env: { ...process.env, BENCH_NO_BUILD: '1' },
        detached: true,
      },
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The row's own process group: its browsers and child processes go with it.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, row.timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut });
    });
  });
}

async function main(): Promise<void> {
  const only = listOption('--only');
  const skip = listOption('--skip');
  const rows = ROWS.filter((r) => (!only || only.has(r.id)) && !skip?.has(r.id));
  const started = performance.now();
  const machine = [
    `date ${new Date().toISOString()}`,
    `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory (${(freemem() / 2 ** 30).toFixed(1)} free)`,
    `${chromiumVersion()}, Node ${process.version}`,
    `load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ];
  console.log(machine.join('\n'));
  if (rows.some((r) => BROWSER_ROWS.has(r.id))) buildExtension();
  if (rows.some((r) => r.id === 'analysis-throughput' || r.id === 'import')) ensureHar(HAR_100K, HAR_100K_OPTIONS);
  if (rows.some((r) => r.id === 'streaming')) ensureHar(HAR_1GB, HAR_1GB_OPTIONS);
  const summary: { row: Row; result?: RowResult & { at?: string }; seconds: number; problem?: string }[] = [];
  for (const row of rows) {
    const file = join(OUT_DIR, 'results', `${row.id}.json`);
    rmSync(file, { force: true });
    console.log(`\n### ${row.id} (${new Date().toISOString().slice(11, 19)}, load ${loadavg()[0]!.toFixed(2)})`);
    const t = performance.now();
    const { code, timedOut } = await runChild(row);
    const seconds = (performance.now() - t) / 1000;
    let result: RowResult | undefined;
    try {
      result = JSON.parse(readFileSync(file, 'utf8')) as RowResult;
    } catch {
      result = undefined;
    }
    const problem = timedOut
      ? `timed out after ${row.timeoutMs / 1000} s`
      : code !== 0 && !result
        ? `exit ${code}`
        : undefined;
    summary.push({ row, ...(result ? { result } : {}), seconds, ...(problem ? { problem } : {}) });
  }
  const total = (performance.now() - started) / 1000;
  const lines: string[] = ['================ summary ================', ...machine];
  lines.push(
    `load average at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; total ${(total / 60).toFixed(1)} min`,
  );
  for (const { row, result, seconds, problem } of summary) {
    const verdict = problem ? 'FAILED' : (result?.verdict ?? 'no result').toUpperCase();
    lines.push('', `[${verdict}] ${result?.title ?? row.id} — goal: ${result?.goal ?? '?'} (${seconds.toFixed(0)} s)`);
    if (problem) lines.push(`   ${problem}`);
    for (const line of result?.figures ?? []) lines.push(`   ${line}`);
    if (result?.note) lines.push(`   note: ${result.note.split('\n')[0]}`);
  }
  console.log(`\n${lines.join('\n')}`);
  // Kept for RESULTS.md: the last summary, as printed.
  writeFileSync(join(OUT_DIR, 'summary.txt'), `${lines.join('\n')}\n`);
  const failed = summary.some((s) => s.problem || s.result?.verdict === 'failed');
  process.exit(failed ? 1 : 0);
}

void main();
