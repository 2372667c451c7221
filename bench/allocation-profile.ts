// What the HAR import and analyzeTrace allocate on the 100,000-entry HAR, and where: V8's sampling heap profiler
// with the objects already collected kept in (a `--heap-prof` profile shows only what is still alive at the end,
// which hides garbage). Self size per function, most first; functions V8 inlined are counted in their caller.
//   node --max-old-space-size=6144 --import tsx bench/allocation-profile.ts [N]
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { analyzeTrace } from '../src/core/analysis/analyze.ts';
import { harToTrace } from '../src/core/har/har.ts';
import { ensureHar, HAR_100K, HAR_100K_OPTIONS } from './gen-har.ts';

interface SampledNode {
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly selfSize: number;
  readonly children: readonly SampledNode[];
}

const top = Number(process.argv[2] ?? 20);
ensureHar(HAR_100K, HAR_100K_OPTIONS);
const doc = JSON.parse(readFileSync(HAR_100K, 'utf8')) as { log: { entries: unknown[] } };
// Warm the JIT first, as the CLI's code would be warm on a file this size: optimised code allocates less.
analyzeTrace(harToTrace({ log: { ...doc.log, entries: doc.log.entries.slice(0, 10_000) } }, 'warm-up.har'), {
  values: 'redacted',
});

const session = new Session();
session.connect();
const SAMPLING = {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
};

async function sampled<T>(work: () => T): Promise<{ result: T; head: SampledNode }> {
  await session.post('HeapProfiler.startSampling', SAMPLING);
  const result = work();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  return { result, head: profile.head as unknown as SampledNode };
}

function report(title: string, head: SampledNode): void {
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: SampledNode) => {
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop() ?? ''}`;
    bySite.set(name, (bySite.get(name) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const child of node.children) walk(child);
  };
  walk(head);
  console.log(`${title}: ${(total / 1e6).toFixed(0)} MB allocated`);
  for (const [name, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${name}`);
  }
}

const imported = await sampled(() => harToTrace(doc, 'har-100k.har'));
report('HAR import', imported.head);
const analysed = await sampled(() => analyzeTrace(imported.result, { values: 'redacted' }));
report('analyzeTrace', analysed.head);
