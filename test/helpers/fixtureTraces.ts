// Every HAR recording the repository holds under test/fixtures/ (the demo's, the corpora's), read as traces: for
// tests that hold a property over all of them. A few corpus files are broken on purpose (they test the reader)
// and are left out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import type { Trace } from '../../src/core/trace/types.ts';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

function harFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return harFiles(path);
    return name.endsWith('.har') ? [path] : [];
  });
}

/** Each fixture HAR that reads as a trace, by its path under test/fixtures/, in path order. */
export function fixtureTraces(): [file: string, trace: Trace][] {
  return harFiles(FIXTURES)
    .sort()
    .flatMap((path): [string, Trace][] => {
      try {
        return [[path.slice(FIXTURES.length), parseTraceFile(readFileSync(path, 'utf8'), path)]];
      } catch {
        return [];
      }
    });
}
