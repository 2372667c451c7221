// CLI start-up: how long the installed `sessionscope analyze small.har --format json` takes, wall time from spawn
// to exit, beside Node's own start-up (`node -e 0`) measured in the same run, alternating (A B A B …). The CLI is
// the one a team installs: `npm pack` of the working tree installed into a temporary prefix
// (test/e2e/helpers/installed-cli.ts, as the cli-package E2E test does), run from a folder outside the repository.
// For reference, a few runs of the checkout's bin (the source through tsx, what `npx sessionscope` runs in the
// repo) follow; they are not part of the ratio. The HAR is the smallest demo HAR, so the figure is start-up, not
// analysis.
// Alone: `node --import tsx bench/cli-startup.ts [pairs]` (default 15).
import { spawnSync } from 'node:child_process';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packAndInstall } from '../test/e2e/helpers/installed-cli.ts';
import {
  alternate,
  fmt,
  loadNow,
  machineLine,
  REPO_DIR,
  type RowResult,
  range,
  runRow,
  summarize,
} from './lib/stats.ts';

const ID = 'cli-startup';
const TITLE = 'CLI start-up (installed package)';
const GOAL = 'median wall time ≤ 5× `node -e 0`';
const MAX_RATIO = 5;
const SMALL_HAR = join(REPO_DIR, 'test', 'fixtures', 'demo-har', 'client-expiry.har');
const SOURCE_RUNS = 3;

/** Wall time of one run in ms; a run that fails stops the bench (a fast failure is not a start-up figure). */
function wallMs(command: string, args: readonly string[], cwd: string): number {
  const t = performance.now();
  const child = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return ms;
}

runRow(ID, TITLE, GOAL, async (): Promise<RowResult> => {
  const loadStart = loadNow();
  const pairs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 15);
  const packStarted = performance.now();
  const cli = packAndInstall();
  const packS = (performance.now() - packStarted) / 1000;
  try {
    copyFileSync(SMALL_HAR, join(cli.workDir, 'small.har'));
    const analyze = ['analyze', 'small.har', '--format', 'json'];
    console.log(`packed and installed in ${fmt(packS)} s; ${pairs} pairs (node -e 0, installed CLI)`);
    const { baseline, subject, ratio } = await alternate(
      pairs,
      () => wallMs(process.execPath, ['-e', '0'], cli.workDir),
      () => wallMs(cli.bin, analyze, cli.workDir),
      { log: console.log },
    );
    const bin = join(REPO_DIR, 'bin', 'sessionscope.mjs');
    const source = summarize(
      Array.from({ length: SOURCE_RUNS }, () => wallMs(process.execPath, [bin, ...analyze], cli.workDir)),
    );
    const sizeKB = statSync(SMALL_HAR).size / 1024;
    return {
      id: ID,
      title: TITLE,
      goal: GOAL,
      verdict: ratio <= MAX_RATIO ? 'met' : 'missed',
      figures: [
        `node -e 0: ${range(baseline, ' ms', 0)}`,
        `installed sessionscope analyze (${fmt(sizeKB, 0)} KB HAR, --format json): ${range(subject, ' ms', 0)}`,
        `ratio of medians ${fmt(ratio, 2)}`,
        `for reference, the checkout's bin (source through tsx): ${range(source, ' ms', 0)}`,
        machineLine(loadStart),
      ],
      data: { baseline, subject, ratio, source, packSeconds: packS },
    };
  } finally {
    cli.remove();
  }
});
