// Where analyzeTrace's time goes, phase by phase, on a generated HAR of N entries (default 100,000): the
// cookie replay (identifying session cookies + the jar replay), each rule's check, and the whole
// analyzeTrace for comparison (which also builds the per-request and per-lane views). A companion to the
// flat self-time profile (`node --cpu-prof`, bench/lib/topFunctions.ts). Run:
//   node --max-old-space-size=6144 --import tsx bench/analysis-phases.ts [N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoMemory } from '../src/core/analysis/analysisMemory.ts';
import { analyzeTrace } from '../src/core/analysis/analyze.ts';
import { valueRenderer } from '../src/core/analysis/redact.ts';
import { Replay } from '../src/core/analysis/replay.ts';
import { withDefaults } from '../src/core/analysis/settings.ts';
import { harToTrace } from '../src/core/har/har.ts';
import { RULES } from '../src/core/rules/registry.ts';
import type { RuleContext } from '../src/core/rules/rule.ts';
import { classifyPeriodicRotation } from '../src/core/rules/sessionRotated.ts';
import { ensureHar } from './gen-har.ts';
import { OUT_DIR } from './lib/stats.ts';

const entries = Number(process.argv[2] ?? 100_000);
const file = join(OUT_DIR, entries === 100_000 ? 'har-100k.har' : `har-${entries}.har`);
ensureHar(file, { entries, seed: 7 });
let t = performance.now();
const doc = JSON.parse(readFileSync(file, 'utf8'));
const parseMs = performance.now() - t;
const trace = harToTrace(doc, file);
const settings = withDefaults({});
const show = valueRenderer('redacted');
t = performance.now();
const facts = new Replay(trace, settings).run();
const replayMs = performance.now() - t;
classifyPeriodicRotation(facts.lanes, new Set(facts.logins.map((l) => l.origin)));
const byEntry = new Map(facts.requests.map((r) => [r.entry, r]));
// The rules' memos as analyzeTrace gives them (one analysis: nothing kept).
const ctx: RuleContext = { facts, settings, show, request: (e) => byEntry.get(e), memos: new NoMemory().ruleMemos() };
const ruleMs: [string, number][] = [];
for (const rule of RULES) {
  const r0 = performance.now();
  [...rule.check(ctx)];
  ruleMs.push([rule.id, performance.now() - r0]);
}
t = performance.now();
analyzeTrace(trace, { values: 'redacted' });
const wholeMs = performance.now() - t;
const rulesTotal = ruleMs.reduce((s, [, ms]) => s + ms, 0);
console.log(`${entries} entries; JSON.parse ${parseMs.toFixed(0)} ms`);
console.log(`replay (session cookies + jar): ${replayMs.toFixed(0)} ms`);
console.log(`rules: ${rulesTotal.toFixed(0)} ms`);
for (const [id, ms] of ruleMs.sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${id}: ${ms.toFixed(0)} ms`);
console.log(`whole analyzeTrace (run again): ${wholeMs.toFixed(0)} ms`);
