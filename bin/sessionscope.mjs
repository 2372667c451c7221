#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx sessionscope` works right after `npm ci` with no
// build step. Unexpected crashes print one line; a stack trace only with SESSIONSCOPE_DEBUG=1.
// tsx's require hook, not its ESM loader: on Node 20 an ESM loader's hooks run on a thread of their own, whose
// heap stays resident for the whole run (~25 MB of a streamed analysis's peak RSS, bench/RESULTS.md row 3);
// the require hook compiles the same TypeScript on this thread.
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

register();
const require = createRequire(import.meta.url);
try {
  const { main } = require('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`sessionscope: internal error: ${error?.message ?? error}\n`);
  if (process.env.SESSIONSCOPE_DEBUG) process.stderr.write(`${error?.stack}\n`);
  process.exitCode = 2;
}
