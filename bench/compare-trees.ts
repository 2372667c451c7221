// Times the HAR import and analyzeTrace of this checkout against another checkout of the repository (the tree
// before a change), both loaded in this one process and run alternately on the same parsed 100,000-entry HAR: the
// load of the machine and the state of the heap fall on both, so a change of a few percent shows, where the
// analysis-throughput row (each side against its own JSON.parse, a fresh process a pair) moves ~5 % from run to run.
// The other checkout needs its node_modules (a symlink to this one's will do), e.g.:
//   git worktree add /tmp/before HEAD~1 && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   node --expose-gc --max-old-space-size=6144 --import tsx bench/compare-trees.ts /tmp/before [rounds]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureHar, HAR_100K, HAR_100K_OPTIONS } from './gen-har.ts';
import { range, summarize } from './lib/stats.ts';

interface Engine {
  readonly name: string;
  readonly harToTrace: (har: unknown, file?: string) => unknown;
  readonly analyzeTrace: (trace: never, options: { values: 'redacted' }) => unknown;
}

async function engineAt(root: string, name: string): Promise<Engine> {
  const har = await import(resolve(root, 'src/core/har/har.ts'));
  const analyze = await import(resolve(root, 'src/core/analysis/analyze.ts'));
  return { name, harToTrace: har.harToTrace, analyzeTrace: analyze.analyzeTrace };
}

const other = process.argv[2];
const gc = (globalThis as { gc?: () => void }).gc;
if (!other || !gc) {
  console.error(
    'usage: node --expose-gc --max-old-space-size=6144 --import tsx bench/compare-trees.ts OTHER_CHECKOUT [rounds]',
  );
  process.exit(2);
}
const rounds = Number(process.argv[3] ?? 7);
const engines = [await engineAt(other, `other (${other})`), await engineAt(process.cwd(), 'this checkout')];
ensureHar(HAR_100K, HAR_100K_OPTIONS);
const doc = JSON.parse(readFileSync(HAR_100K, 'utf8'));
const times = new Map(engines.map((e) => [e, { import: [] as number[], analyze: [] as number[] }]));
for (let round = 0; round < rounds; round++) {
  for (const engine of engines) {
    gc();
    const t0 = performance.now();
    const trace = engine.harToTrace(doc, 'har-100k.har');
    const t1 = performance.now();
    gc();
    const t2 = performance.now();
    engine.analyzeTrace(trace as never, { values: 'redacted' });
    const t3 = performance.now();
    // The first round warms the JIT of both and is left out.
    if (round === 0) continue;
    times.get(engine)!.import.push(t1 - t0);
    times.get(engine)!.analyze.push(t3 - t2);
  }
}
for (const [engine, t] of times) {
  console.log(
    `${engine.name}: import ${range(summarize(t.import), ' ms', 0)}; analyzeTrace ${range(summarize(t.analyze), ' ms', 0)}`,
  );
}
