// `npm run soak` (run by hand, not in the normal suite: it writes and reads a ~600 MB file): a HAR larger than
// the biggest string V8 can hold is analysed by the real CLI in a child process under a 400 MB heap. Prints
// peak RSS (from /usr/bin/time) and throughput; exits 1 when the CLI fails or miscounts the entries.
// SESSIONSCOPE_SOAK_MB sets the size (default 600).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { writeBigHar } from '../fixtures/formats/bigHar.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = `${ROOT}test-output/formats/`;
const megabytes = Number(process.env.SESSIONSCOPE_SOAK_MB) || 600;
const path = `${OUT}soak-${megabytes}.har`;

mkdirSync(OUT, { recursive: true });
let started = Date.now();
const entries = writeBigHar(path, megabytes * 1024 * 1024);
const size = statSync(path).size;
console.log(`wrote ${path}: ${(size / 2 ** 20).toFixed(0)} MB, ${entries} entries in ${Date.now() - started} ms`);

const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'peak-rss-kb=%M cpu-user-s=%U'] : [];
const command = [
  ...time,
  process.execPath,
  '--max-old-space-size=400',
  `${ROOT}bin/sessionscope.mjs`,
  'analyze',
  path,
  '--format',
  'json',
];
started = Date.now();
const child = spawnSync(command[0]!, command.slice(1), {
  encoding: 'utf8',
  maxBuffer: 256 * 2 ** 20,
  timeout: 15 * 60_000,
});
const seconds = (Date.now() - started) / 1000;
rmSync(path);
const rss = /peak-rss-kb=(\d+)/.exec(child.stderr)?.[1];
const cpu = /cpu-user-s=([\d.]+)/.exec(child.stderr)?.[1];
let counted: number | undefined;
try {
  counted = JSON.parse(child.stdout).input.entries;
} catch {
  counted = undefined;
}
console.log(
  `exit ${child.status}, ${counted} entries, ${seconds.toFixed(1)} s wall (${(size / 2 ** 20 / seconds).toFixed(1)} MB/s)` +
    (cpu ? `, ${cpu} s CPU (${(size / 2 ** 20 / Number(cpu)).toFixed(1)} MB/s per CPU second)` : '') +
    (rss ? `, peak RSS ${(Number(rss) / 1024).toFixed(0)} MB` : ''),
);
if (child.status !== 0 || counted !== entries) {
  console.error(child.stderr.split('\n').slice(0, 5).join('\n'));
  process.exit(1);
}
