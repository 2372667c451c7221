#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx sessionscope` works right after `npm ci` with no
// build step. Unexpected crashes print one line; a stack trace only with SESSIONSCOPE_DEBUG=1.
import { register } from 'tsx/esm/api';

register();
try {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`sessionscope: internal error: ${error?.message ?? error}\n`);
  if (process.env.SESSIONSCOPE_DEBUG) process.stderr.write(`${error?.stack}\n`);
  process.exitCode = 2;
}
