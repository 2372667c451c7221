// Streaming: a generated 1 GiB HAR (4 KB JSON bodies on API responses) analysed with bounded memory.
// Subject: `sessionscope analyze FILE` (text report to /dev/null) of the installed package, as a team runs it
// (`npm pack` of the working tree installed into a temporary prefix, as the CLI start-up row does); the
// checkout's bin, which compiles the TypeScript source through tsx as it runs, is timed once for reference.
// Should a CLI refuse the file, the row says "not available yet" and measures the core's HAR stream reader +
// analyzeTrace directly (lib/streamChild.ts) instead. Baseline: reading the
// same file through a stream and nothing else (the disk/page-cache floor). Each run is its own process
// under /usr/bin/time, whose "maximum resident set size" is the peak RSS.
// Alone: `node --import tsx bench/streaming.ts [pairs]` (default 1 pair: one run of 1 GiB takes minutes here).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packAndInstall } from '../test/e2e/helpers/installed-cli.ts';
import { ensureHar, HAR_1GB, HAR_1GB_OPTIONS } from './gen-har.ts';
import { BENCH_DIR, fmt, REPO_DIR, type RowResult, range, runRow, summarize } from './lib/stats.ts';

const ID = 'streaming';
const TITLE = 'Streaming (1 GiB HAR)';
const GOAL = 'completes at ≥ 50 MB/s with peak RSS ≤ 200 MB (#16)';
const MB = 1e6;

interface Run {
  readonly ok: boolean;
  readonly seconds: number;
  readonly peakRssMB: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
  readonly timedOut: boolean;
}

/**
 * Runs a command, sampling its peak RSS (VmHWM in /proc/PID/status, the kernel's high-water mark) until it
 * exits or `limitS` seconds pass; then it is killed and reported as not completed.
 */
async function timed(command: string, args: string[], limitS: number, stdoutToNull = false): Promise<Run> {
  const t = performance.now();
  const child = spawn(command, args, { cwd: REPO_DIR, stdio: ['ignore', stdoutToNull ? 'ignore' : 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let peakKiB = 0;
  let timedOut = false;
  const sample = () => {
    try {
      const kib = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      peakKiB = Math.max(peakKiB, kib);
    } catch {
      // exited between samples
    }
  };
  const poll = setInterval(sample, 100);
  const limit = setTimeout(() => {
    timedOut = true;
    sample();
    child.kill('SIGKILL');
  }, limitS * 1000);
  const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearInterval(poll);
  clearTimeout(limit);
  return {
    ok: status === 0 && !timedOut,
    timedOut,
    seconds: (performance.now() - t) / 1000,
    peakRssMB: (peakKiB * 1024) / MB,
    stdout,
    stderr,
    status,
  };
}

const child = join(BENCH_DIR, 'lib', 'streamChild.ts');
const node = process.execPath;

runRow(ID, TITLE, GOAL, async (): Promise<RowResult> => {
  const pairs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1);
  // A run that has not finished by then is stopped (its peak RSS so far still counts): keeps npm run bench bounded.
  const limitS = process.argv.includes('--full') ? 3600 : Number(process.env.BENCH_STREAM_LIMIT_S ?? 240);
  const made = ensureHar(HAR_1GB, HAR_1GB_OPTIONS);
  const sizeMB = made.bytes / MB;
  const installed = packAndInstall();
  try {
    return await measure(pairs, limitS, installed.bin, sizeMB, made.entries);
  } finally {
    installed.remove();
  }
});

async function measure(
  pairs: number,
  limitS: number,
  cliBin: string,
  sizeMB: number,
  entries: number,
): Promise<RowResult> {
  // Does the CLI take the file? One try tells (it refuses in well under a second when it cannot).
  const cliArgs = ['analyze', HAR_1GB];
  const raw: Run[] = [];
  const subject: Run[] = [];
  let cliAvailable = true;
  let cliRefusal = '';
  for (let i = 0; i < pairs; i++) {
    raw.push(await timed(node, ['--import', 'tsx', child, 'raw', HAR_1GB], limitS));
    let run = cliAvailable ? await timed(cliBin, cliArgs, limitS, true) : undefined;
    if (run && !run.ok && !run.timedOut) {
      cliAvailable = false;
      cliRefusal = run.stderr.trim().split('\n')[0] ?? `exit ${run.status}`;
      run = undefined;
    }
    run ??= await timed(node, ['--max-old-space-size=4096', '--import', 'tsx', child, 'reader', HAR_1GB], limitS);
    subject.push(run);
    console.log(
      `  pair ${i + 1}/${pairs}: raw read ${fmt(raw.at(-1)!.seconds)} s (${fmt(raw.at(-1)!.peakRssMB, 0)} MB RSS) | ` +
        `${cliAvailable ? 'CLI' : 'core stream reader'} ${run.ok ? 'completed' : run.timedOut ? 'STOPPED at the time limit' : `FAILED (${run.stderr.trim().split('\n').at(-1)})`} in ${fmt(run.seconds)} s, peak RSS ${fmt(run.peakRssMB, 0)} MB`,
    );
  }
  // The checkout's bin, once: what a developer of this repository runs (tsx compiles the source in-process).
  const checkout = cliAvailable
    ? await timed(node, [join(REPO_DIR, 'bin', 'sessionscope.mjs'), ...cliArgs], limitS, true)
    : undefined;
  const rawS = summarize(raw.map((r) => r.seconds));
  const subS = summarize(subject.map((r) => r.seconds));
  const rssS = summarize(subject.map((r) => r.peakRssMB));
  const completed = subject.every((r) => r.ok);
  const detail = subject.find((r) => r.ok && r.stdout.startsWith('{'))?.stdout;
  const info = detail ? (JSON.parse(detail) as { entries: number; findings: number; readMs: number }) : undefined;
  const figures = [
    `input: ${entries.toLocaleString('en-US')} entries, ${fmt(sizeMB, 0)} MB`,
    cliAvailable
      ? 'subject: sessionscope analyze (text report), the installed package'
      : `subject: the CLI is not streaming yet (it says: "${cliRefusal}"); measured instead: the core HAR stream reader + analyzeTrace in one process`,
    `baseline raw streamed read: ${range(rawS, ' s')} → ${fmt(sizeMB / rawS.median, 0)} MB/s`,
    completed
      ? `subject: completed; ${range(subS, ' s')} → ${fmt(sizeMB / subS.median, 1)} MB/s; ratio of medians ${fmt(subS.median / rawS.median, 1)}`
      : `subject: DID NOT COMPLETE within ${limitS} s (${subject.filter((r) => r.timedOut).length} stopped at the limit; \`--full\` lifts it) → under ${fmt(sizeMB / limitS, 1)} MB/s`,
    `peak RSS: ${range(rssS, ' MB', 0)}`,
    ...(checkout
      ? [
          `for reference, the checkout's bin (source through tsx): ${checkout.ok ? `${fmt(checkout.seconds)} s (${fmt(sizeMB / checkout.seconds, 1)} MB/s), peak RSS ${fmt(checkout.peakRssMB, 0)} MB` : 'did not complete'}`,
        ]
      : []),
    ...(info
      ? [
          `read phase ${fmt(info.readMs / 1000, 1)} s (${fmt(sizeMB / (info.readMs / 1000), 1)} MB/s), ${info.entries.toLocaleString('en-US')} events, ${info.findings} findings`,
        ]
      : []),
  ];
  const met = completed && sizeMB / subS.median >= 50 && rssS.max <= 200;
  return {
    id: ID,
    title: TITLE,
    goal: GOAL,
    verdict: cliAvailable ? (met ? 'met' : 'missed') : 'not available yet',
    figures,
    data: { raw: rawS, subject: subS, rss: rssS, cliAvailable, cliRefusal, info, readerMet: met },
    note: cliAvailable
      ? undefined
      : `core reader + analysis alone: ${met ? 'within' : 'NOT within'} the goal (completes, peak RSS ${fmt(rssS.max, 0)} MB)`,
  };
}
