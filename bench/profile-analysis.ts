// Profiling helper for the analysis row: one import + analyzeTrace of a generated HAR of N entries
// (default 20,000), meant to run under `node --cpu-prof --cpu-prof-dir=bench/out/prof`. Prints the
// phases; `bench/lib/topFunctions.ts` turns the .cpuprofile into a self-time table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTrace } from '../src/core/analysis/analyze.ts';
import { harToTrace } from '../src/core/har/har.ts';
import { ensureHar, HAR_100K, HAR_100K_OPTIONS } from './gen-har.ts';
import { OUT_DIR } from './lib/stats.ts';

const entries = Number(process.argv[2] ?? 20_000);
const file = entries === 100_000 ? HAR_100K : join(OUT_DIR, `har-${entries}.har`);
ensureHar(file, entries === 100_000 ? HAR_100K_OPTIONS : { entries, seed: 7 });
const text = readFileSync(file, 'utf8');
let t = performance.now();
const doc = JSON.parse(text);
const parseMs = performance.now() - t;
t = performance.now();
const trace = harToTrace(doc, file);
const importMs = performance.now() - t;
t = performance.now();
const result = analyzeTrace(trace, { values: 'redacted' });
const analyseMs = performance.now() - t;
console.log(
  `${entries} entries: JSON.parse ${parseMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms, analyzeTrace ${analyseMs.toFixed(0)} ms, ${result.findings.length} findings`,
);
