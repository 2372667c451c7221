// Generates the big inputs into the git-ignored bench/out/: the 100,000-entry HAR of the analysis and
// import rows and the 1 GB HAR of the streaming row. A file is reused while its generator version and
// options are unchanged (a sidecar `.json` says what made it). Alone: `node --import tsx bench/gen-har.ts`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR } from './lib/stats.ts';
import { GENERATOR_VERSION, type HarGenOptions, writeSyntheticHar } from './lib/syntheticHar.ts';

export const HAR_100K = join(OUT_DIR, 'har-100k.har');
export const HAR_1GB = join(OUT_DIR, 'har-1gb.har');

export const HAR_100K_OPTIONS: HarGenOptions = { entries: 100_000, seed: 7 };
/** 1 GiB; API responses carry 4 KB JSON bodies, as a HAR saved "with content" does. */
export const HAR_1GB_OPTIONS: HarGenOptions = { targetBytes: 1024 ** 3, bodyBytes: 4096, seed: 11 };

export function ensureHar(path: string, opts: HarGenOptions): { entries: number; bytes: number } {
  mkdirSync(OUT_DIR, { recursive: true });
  const sidecar = `${path}.json`;
  const wanted = JSON.stringify({ version: GENERATOR_VERSION, opts });
  if (existsSync(path) && existsSync(sidecar)) {
    const made = JSON.parse(readFileSync(sidecar, 'utf8')) as { key: string; entries: number; bytes: number };
    if (made.key === wanted) return made;
  }
  const t = performance.now();
  const made = writeSyntheticHar(path, opts);
  writeFileSync(sidecar, JSON.stringify({ key: wanted, ...made }));
  console.log(
    `generated ${path}: ${made.entries.toLocaleString('en-US')} entries, ${(made.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return made;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureHar(HAR_100K, HAR_100K_OPTIONS);
  if (!process.argv.includes('--small')) ensureHar(HAR_1GB, HAR_1GB_OPTIONS);
}
