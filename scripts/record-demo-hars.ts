// Records every demo scenario in headless Chromium and writes one HAR per scenario to
// test/fixtures/demo-har/<scenario-id>.har, with Chrome's own cookie verdicts in `_sessionscope`.
// Run: node --import tsx scripts/record-demo-hars.ts [scenario-id…]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '../demo/chromium.ts';
import { recordScenarioHar } from '../demo/har/record.ts';
import { DEMO_SCENARIOS, findScenario } from '../demo/scenarios.ts';
import { PortInUseError, startDemoServer } from '../demo/server.ts';

const OUT_DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'demo-har');

async function startServer() {
  // The demo's usual ports keep the URLs in the fixtures readable and stable; random ones if taken.
  try {
    return await startDemoServer({ httpPort: 8080, httpsPort: 8443 });
  } catch (err) {
    if (!(err instanceof PortInUseError)) throw err;
    return startDemoServer();
  }
}

async function main(): Promise<void> {
  const ids = process.argv.slice(2);
  const scenarios = ids.length > 0 ? ids.map(findScenario) : DEMO_SCENARIOS;
  const pkg = JSON.parse(await readFile(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  await mkdir(OUT_DIR, { recursive: true });
  const server = await startServer();
  // Third-party cookies allowed, as in a regular profile: a cross-site frame's Set-Cookie gets Chrome's SameSite verdict.
  const browser = await launchChromium({ headless: true, allowThirdPartyCookies: true });
  try {
    for (const scenario of scenarios) {
      const har = await recordScenarioHar(browser, server, scenario, pkg.version);
      const file = join(OUT_DIR, `${scenario.id}.har`);
      await writeFile(file, `${JSON.stringify(har, null, 2)}\n`);
      process.stdout.write(`${scenario.id}: ${har.log.entries.length} entries → ${file}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`record-demo-hars: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
