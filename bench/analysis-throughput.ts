// Analysis throughput: `sessionscope analyze`'s pipeline on the generated 100,000-entry HAR, against
// JSON.parse of the same text (A = JSON.parse, B = everything the CLI does after parsing: HAR → trace import,
// analyzeTrace, the text report). Goal: B ≤ 1 × A. Each pair is a fresh process, as a CLI run is
// (lib/analysisChild.ts): its JSON.parse, then the analysis of what it parsed, after a JIT warm-up on the first
// 10,000 entries; one more process without the warm-up is shown for reference. Pairs run in one process kept the
// pair before's trace alive (V8 keeps a loop's values in their registers until overwritten): the next pair ran
// beside ~345 MB a CLI never holds, and JSON.parse's time moved between 1.3 and 2.5 s with the heap's history.
// Alone: `node --import tsx bench/analysis-throughput.ts [pairs]`; profile: see lib/analysisChild.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureHar, HAR_100K, HAR_100K_OPTIONS } from './gen-har.ts';
import type { AnalysisPair } from './lib/analysisChild.ts';
import { BENCH_DIR, fmt, REPO_DIR, range, runRow, summarize } from './lib/stats.ts';

const ID = 'analysis-throughput';
const TITLE = 'Analysis throughput (100,000-entry HAR)';
const GOAL = 'analysis after parsing ≤ 1 × JSON.parse time';

/** One pair in a process of its own. */
function runPair(file: string, cold: boolean): AnalysisPair {
  const child = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=6144',
      '--expose-gc',
      '--import',
      'tsx',
      join(BENCH_DIR, 'lib/analysisChild.ts'),
      file,
      ...(cold ? ['--cold'] : []),
    ],
    { cwd: REPO_DIR, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`analysis child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as AnalysisPair;
}

runRow(ID, TITLE, GOAL, async () => {
  const pairs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
  const made = ensureHar(HAR_100K, HAR_100K_OPTIONS);
  const measured: AnalysisPair[] = [];
  for (let i = 0; i < pairs; i++) {
    const pair = runPair(HAR_100K, false);
    measured.push(pair);
    console.log(
      `  pair ${i + 1}/${pairs}: JSON.parse ${fmt(pair.parseMs, 0)} ms | after parsing ${fmt(pair.afterMs, 0)} ms ` +
        `(import ${fmt(pair.importMs, 0)}, analyze ${fmt(pair.analyseMs, 0)}, report ${fmt(pair.reportMs, 0)}; ` +
        `${pair.reportChars} chars)`,
    );
  }
  const cold = runPair(HAR_100K, true);
  const of = (pick: (p: AnalysisPair) => number) => summarize(measured.map(pick));
  const parse = of((p) => p.parseMs);
  const after = of((p) => p.afterMs);
  const imported = of((p) => p.importMs);
  const analysed = of((p) => p.analyseMs);
  const reported = of((p) => p.reportMs);
  const ratio = after.median / parse.median;
  const entriesPerSecond = made.entries / (after.median / 1000);
  const endToEnd = made.entries / ((after.median + parse.median) / 1000);
  return {
    id: ID,
    title: TITLE,
    goal: GOAL,
    verdict: ratio <= 1 ? 'met' : 'missed',
    figures: [
      `input: ${made.entries.toLocaleString('en-US')} entries, ${(made.bytes / 1e6).toFixed(0)} MB, ${measured[0]?.findings} findings`,
      'each pair a fresh process: its JSON.parse, then the analysis of what it parsed (JIT warmed on 10,000 entries)',
      `baseline JSON.parse: ${range(parse, ' ms', 0)}`,
      `after parsing (import+analyze+report): ${range(after, ' ms', 0)}`,
      `  import ${range(imported, ' ms', 0)}`,
      `  analyzeTrace ${range(analysed, ' ms', 0)}`,
      `  text report ${range(reported, ' ms', 0)}`,
      `ratio of medians (after parsing / JSON.parse): ${fmt(ratio, 2)}`,
      `throughput after parsing: ${fmt(entriesPerSecond, 0)} entries/s; including JSON.parse: ${fmt(endToEnd, 0)} entries/s`,
      `for reference, one process without the warm-up (a CLI run as it starts): JSON.parse ${fmt(cold.parseMs, 0)} ms, ` +
        `after parsing ${fmt(cold.afterMs, 0)} ms (${fmt(cold.afterMs / cold.parseMs, 2)}×)`,
    ],
    data: {
      parse,
      after,
      ratio,
      entriesPerSecond,
      endToEnd,
      import: imported,
      analyse: analysed,
      report: reported,
      cold,
    },
  };
});
