#!/usr/bin/env node
// The `sessionscope` command. Unexpected crashes print one line; a stack trace only with SESSIONSCOPE_DEBUG=1.
//
// Which code it runs:
// - In a checkout (src/cli/main.ts is beside this file), the TypeScript source through tsx, always, even when a
//   compiled dist/cli/main.js exists: `npx sessionscope` works right after `npm ci` with no build step, and the
//   tests that spawn this file test the source as it is now, never a build left over from an earlier `npm pack`.
// - In an installed package (the tarball ships bin/ and dist/cli/, no src/, no tsx), the compiled
//   dist/cli/main.js that `npm pack` built (vite.cli.config.ts): no TypeScript compiler at run time.
// tsx's require hook, not its ESM loader: on Node 20 an ESM loader's hooks run on a thread of their own, whose
// heap stays resident for the whole run (~25 MB of a streamed analysis's peak RSS, bench/RESULTS.md row 3);
// the require hook compiles the same TypeScript on this thread.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

async function loadMain() {
  const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  if (!existsSync(source)) return (await import('../dist/cli/main.js')).main;
  // Imported only here: an installed package has no tsx.
  const { register } = await import('tsx/cjs/api');
  register();
  return createRequire(import.meta.url)(source).main;
}

// A reader that stops early (`sessionscope analyze big.har | head`) closes the pipe: what is left to print has
// nowhere to go, and Node would report the failed write as an unhandled error, stack trace and all. Stop quietly, as
// `cat` does, with the exit code decided so far.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error?.code !== 'EPIPE')
      process.stderr.write(`sessionscope: cannot write the output: ${error?.message ?? error}\n`);
    process.exit(process.exitCode ?? 0);
  });
}

try {
  const main = await loadMain();
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`sessionscope: internal error: ${error?.message ?? error}\n`);
  if (process.env.SESSIONSCOPE_DEBUG) process.stderr.write(`${error?.stack}\n`);
  process.exitCode = 2;
}
