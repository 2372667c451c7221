// Each scenario's `expected` findings are what `sessionscope analyze` (the CLI contract,
// shared/design/CLI.md) reports for the scenario's recorded HAR: the demo shows what it promises.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS, expectedIn } from '../scenarios.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

interface Finding {
  rule: string;
  cookie?: string;
  cause?: string;
  reason?: string;
}

async function analyze(id: string): Promise<Finding[]> {
  const har = join(ROOT, 'test', 'fixtures', 'demo-har', `${id}.har`);
  // Exit code 1 only means findings at --fail-on; without it the CLI exits 0 when it analysed the file.
  const { stdout } = await run(
    process.execPath,
    [join(ROOT, 'bin', 'sessionscope.mjs'), 'analyze', har, '--format', 'json'],
    { cwd: ROOT },
  );
  return (JSON.parse(stdout) as { findings: Finding[] }).findings;
}

describe.concurrent.each(DEMO_SCENARIOS.map((s) => [s.id, s] as const))(
  'sessionscope analyze on %s.har',
  (_id, scenario) => {
    it('reports every finding the scenario expects', { timeout: 30_000 }, async () => {
      const findings = await analyze(scenario.id);
      for (const want of expectedIn(scenario, 'har')) {
        const match = findings.some(
          (f) =>
            f.rule === want.rule &&
            (want.cookie === undefined || f.cookie === want.cookie) &&
            (want.cause === undefined || f.cause === want.cause) &&
            (want.reason === undefined || f.reason === want.reason),
        );
        expect(
          match,
          `${JSON.stringify(want)} among ${findings.map((f) => `${f.rule}:${f.cookie ?? ''}`).join(' ')}`,
        ).toBe(true);
      }
    });
  },
);
