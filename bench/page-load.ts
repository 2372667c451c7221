// Page-load overhead: a page with 300 cookie-carrying subresources (lib/pageServer.ts) loaded in
// headless Chromium. Pair 1: without the extension (baseline) vs with it. Pair 2: DevTools open without
// the extension (baseline) vs DevTools open on our Sessions panel. Four browsers stay up; each round
// loads the page once in each (A B C D, a fresh URL each time), so both pairs alternate. The figure is
// the page's own load time (navigation timing: start → loadEventEnd). Afterwards one more load is made
// with the service worker under the CPU profiler (CDP Profiler) to say where the extension's time goes.
// Pair 1 runs the extension with its default settings: "record from start" off, so with no Sessions
// panel open it holds no listener at all. A fifth browser runs it with "record from start" on (every tab
// recorded: the cost a user opts into), and a sixth a control extension (bench/control-extension: the
// same webRequest listeners, empty) in the same rounds: it separates Chromium's cost of such listeners
// from ours.
// Alone: `node --import tsx bench/page-load.ts [rounds]`
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { extensionWorker, pageWithPanel } from '../test/e2e/helpers/devtools-panel.ts';
import { recordFromStart } from '../test/e2e/helpers/extension-harness.ts';
import { buildExtension, cdpOf, launch } from './lib/browser.ts';
import { SUBRESOURCES, startPageServer } from './lib/pageServer.ts';
import { metricDelta, performanceMetrics } from './lib/panelProbe.ts';
import { BENCH_DIR, fmt, range, runRow, summarize } from './lib/stats.ts';
import { type Profile, topOfProfile } from './lib/topFunctions.ts';

const ID = 'page-load';
const TITLE = 'Page-load overhead (300 subresources with cookies)';
const GOAL = 'median ratio ≤ 1.03 in both pairs';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The six browsers of a round: plain, extension, DevTools, DevTools + panel, control, record from start. */
const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
type Key = (typeof KEYS)[number];

async function loadMs(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const ms = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
  const images = await page.evaluate(
    () => [...document.images].filter((img) => img.complete && img.naturalWidth > 0).length,
  );
  if (images !== SUBRESOURCES) throw new Error(`only ${images} of ${SUBRESOURCES} subresources loaded`);
  // Let work the load left behind (the extension's batching, the panel's re-analysis) settle before the next.
  await sleep(500);
  return ms;
}

runRow(ID, TITLE, GOAL, async () => {
  const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 7);
  const server = await startPageServer();
  const extensionDir = buildExtension();
  const plain = await launch();
  const withExt = await launch({ extensionDir });
  const devtoolsPlain = await launch({ devtools: true });
  const devtoolsPanel = await launch({ extensionDir, devtools: true });
  const control = await launch({ extensionDir: join(BENCH_DIR, 'control-extension') });
  const fromStart = await launch({ extensionDir });
  try {
    await recordFromStart(fromStart, (await extensionWorker(fromStart)).id);
    const f = await fromStart.newPage();
    const e = await control.newPage();
    const a = await plain.newPage();
    const b = await withExt.newPage();
    const c = await devtoolsPlain.newPage();
    const { id } = await extensionWorker(devtoolsPanel);
    const { page: d, panel } = await pageWithPanel(devtoolsPanel, id);
    // Where pair 2's extra time goes: the panel renderer's busy time during each of its loads (CDP Performance).
    const panelBusy: Record<string, number>[] = [];
    const loadWithPanel = async (url: string) => {
      const before = await performanceMetrics(panel);
      const ms = await loadMs(d, url);
      panelBusy.push(metricDelta(before, await performanceMetrics(panel)));
      return ms;
    };
    await sleep(2_000); // DevTools windows finish loading before the first round
    const times: Record<Key, number[]> = { a: [], b: [], c: [], d: [], e: [], f: [] };
    let run = 0;
    for (let r = -1; r < rounds; r++) {
      // Each round starts one browser later than the last: a load right after another browser's (whose
      // work may linger past the settle) is not always the same browser's.
      const loaders: Record<Key, (url: string) => Promise<number>> = {
        a: (url) => loadMs(a, url),
        b: (url) => loadMs(b, url),
        c: (url) => loadMs(c, url),
        d: loadWithPanel,
        e: (url) => loadMs(e, url),
        f: (url) => loadMs(f, url),
      };
      const round = {} as Record<Key, number>;
      for (let i = 0; i < KEYS.length; i++) {
        const k = KEYS[(i + Math.max(r, 0)) % KEYS.length] as Key;
        round[k] = await loaders[k](server.url(`${k}${run++}`));
      }
      if (r >= 0) for (const k of KEYS) times[k].push(round[k]);
      console.log(
        `  ${r < 0 ? 'warm-up' : `round ${r + 1}/${rounds}`}: plain ${fmt(round.a, 0)} ms, extension ${fmt(round.b, 0)} ms | DevTools ${fmt(round.c, 0)} ms, DevTools+panel ${fmt(round.d, 0)} ms | control ${fmt(round.e, 0)} ms, record from start ${fmt(round.f, 0)} ms`,
      );
    }
    const [sa, sb, sc, sd] = (['a', 'b', 'c', 'd'] as const).map((k) => summarize(times[k])) as [
      ReturnType<typeof summarize>,
      ReturnType<typeof summarize>,
      ReturnType<typeof summarize>,
      ReturnType<typeof summarize>,
    ];
    const se = summarize(times.e);
    const sf = summarize(times.f);
    const ratio1 = sb.median / sa.median;
    const ratio2 = sd.median / sc.median;
    // Where the extension's time goes when it records: one load with record-from-start on, the worker profiled.
    const { worker } = await extensionWorker(fromStart);
    const cdp = cdpOf(worker);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const profiledMs = await loadMs(f, server.url(`profiled${run++}`));
    const { profile } = await cdp.send('Profiler.stop');
    const top = topOfProfile(profile as unknown as Profile, 8);
    return {
      id: ID,
      title: TITLE,
      goal: GOAL,
      verdict: ratio1 <= 1.03 && ratio2 <= 1.03 ? 'met' : 'missed',
      figures: [
        `pair 1 baseline, no extension: ${range(sa, ' ms', 0)}`,
        `pair 1 with the extension (default settings, no panel open): ${range(sb, ' ms', 0)}  → ratio of medians ${fmt(ratio1, 3)}`,
        `extension with "record from start" on (every tab recorded): ${range(sf, ' ms', 0)}  → ratio to pair 1 baseline ${fmt(sf.median / sa.median, 3)}`,
        `control (empty listeners, same extraInfoSpec): ${range(se, ' ms', 0)}  → ratio to pair 1 baseline ${fmt(se.median / sa.median, 3)}`,
        `pair 2 baseline, DevTools open, no extension: ${range(sc, ' ms', 0)}`,
        `pair 2 DevTools open on the Sessions panel:   ${range(sd, ' ms', 0)}  → ratio of medians ${fmt(ratio2, 3)}`,
        `panel renderer busy per load with the panel (CDP Performance, incl. the 500 ms settle): task ${range(summarize(panelBusy.map((m) => (m.TaskDuration ?? 0) * 1000)), ' ms', 0)}, of which script ${range(summarize(panelBusy.map((m) => (m.ScriptDuration ?? 0) * 1000)), ' ms', 0)}`,
        `service worker profile of one extra load with record-from-start on (${fmt(profiledMs, 0)} ms), self time:`,
        ...top.map((line) => `  ${line}`),
      ],
      data: {
        plain: sa,
        extension: sb,
        devtools: sc,
        devtoolsPanel: sd,
        control: se,
        recordFromStart: sf,
        ratio1,
        ratio2,
        profileTop: top,
      },
      note: 'pair 1 and 2: default settings (record from start off, preserve log on); the recordings of the panel and record-from-start browsers grow by 301 events per load',
    };
  } finally {
    await Promise.allSettled([
      plain.close(),
      withExt.close(),
      devtoolsPlain.close(),
      devtoolsPanel.close(),
      control.close(),
      fromStart.close(),
    ]);
    await server.close();
  }
});
