// Panel under load: 100,000 events fed at 1,000 events/s into the real Sessions panel (headless
// Chromium, DevTools open on a page, the panel shown), in five streaming windows of 20,000 events
// alternating with idle windows (the baseline: the same panel, nothing arriving). Frame intervals are
// sampled with requestAnimationFrame inside the panel frame. At the end: the events the panel holds
// against the events the background numbered (no event lost), and the panel page's memory. A CPU-busy
// neighbour process (a child spinning one core) runs through both the idle and the streaming windows, as
// another program on a user's machine would; it is stopped at the end.
// Events enter through the background's RecorderStore (lib/feeder.ts), then travel the real path.
// Alone: `node --import tsx bench/panel-load.ts [windows]`
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildExtension, cdpOf, launch, retainedHeap, STORE_GLOBAL } from './lib/browser.ts';
import { fedPanel } from './lib/feeder.ts';
import {
  exposePanelStore,
  installFrameSampler,
  installLongFrameSampler,
  installLongTaskSampler,
  type LongFrame,
  longFrameShares,
  metricDelta,
  panelEventCount,
  panelMemory,
  performanceMetrics,
  takeFrameIntervals,
  takeLongFrames,
  takeLongTasks,
} from './lib/panelProbe.ts';
import { fmt, OUT_DIR, quantile, range, runRow, summarize, timeWeightedQuantile } from './lib/stats.ts';
import { addTicks, type ThreadTicks, threadShares, threadTicks } from './lib/threadCpu.ts';
import { type Profile, topOfProfile } from './lib/topFunctions.ts';

const ID = 'panel-load';
const TITLE = 'Panel under load (100,000 events at 1,000/s)';
const GOAL =
  'p95 frame interval ≤ 16.7 ms (a frame on time: ≤ 16.8 on this 0.1 ms clock) while streaming beside a CPU-busy neighbour, no event lost, panel ≤ 150 MB after GC';
const TOTAL = 100_000;
const RATE = 1_000;
const IDLE_MS = 5_000;
/**
 * The goal's 16.7 ms (one 60 Hz frame) as this clock reads a frame on time. Frame times come in 0.1 ms steps, so
 * frames on time read 16.6–16.8 ms: the idle windows' own p95, nothing arriving, reads 16.7 or 16.8 from run to
 * run. A frame that missed the display's refresh reads 25 ms or more (frames over 1.5 periods are counted apart).
 */
const ON_TIME_MS = 16.8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

runRow(ID, TITLE, GOAL, async () => {
  const windows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
  const perWindow = Math.ceil(TOTAL / windows);
  const browser = await launch({ extensionDir: buildExtension(), devtools: true });
  let neighbour: ChildProcess | undefined;
  try {
    const { worker, panel, tabId, feedAtRate } = await fedPanel(browser);
    const foundStore = await exposePanelStore(panel);
    await installFrameSampler(panel);
    await installLongTaskSampler(panel);
    await installLongFrameSampler(panel);
    // The neighbour: one core kept busy for the whole measurement, baseline and subject windows alike.
    neighbour = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
    const loadAtStart = loadavg()[0]!;
    await sleep(1_000);
    await takeFrameIntervals(panel);
    const idleP95: number[] = [];
    const streamP95: number[] = [];
    const streamMax: number[] = [];
    const idleAll: number[] = [];
    const streamAll: number[] = [];
    const longTasks: number[] = [];
    const longFrames: LongFrame[] = [];
    const browserPid = browser.process()?.pid;
    const streamThreads: ThreadTicks = new Map();
    const rates: number[] = [];
    const idleMetrics: Record<string, number>[] = [];
    let profileTop: string[] = [];
    const streamMetrics: Record<string, number>[] = [];
    for (let w = 0; w < windows; w++) {
      // A: idle.
      let m0 = await performanceMetrics(panel);
      await takeFrameIntervals(panel);
      await sleep(IDLE_MS);
      const idle = await takeFrameIntervals(panel);
      idleMetrics.push(metricDelta(m0, await performanceMetrics(panel)));
      // B: streaming (the fourth window under the CPU profiler of the panel's main thread).
      const profiled = w === Math.min(3, windows - 1);
      if (profiled) {
        await cdpOf(panel).send('Profiler.enable');
        await cdpOf(panel).send('Profiler.start');
        // Starting the profiler holds the panel's thread for a second or two (it logs every compiled
        // function): those frames are the profiler's, not the panel's, and are left out of the window.
        await sleep(1_000);
        await takeFrameIntervals(panel);
      }
      m0 = await performanceMetrics(panel);
      await takeLongTasks(panel);
      await takeLongFrames(panel);
      const ticksBefore = threadTicks(browserPid);
      const fed = await feedAtRate(Math.min(perWindow, TOTAL - w * perWindow), RATE);
      const streaming = await takeFrameIntervals(panel);
      addTicks(streamThreads, ticksBefore, threadTicks(browserPid));
      longTasks.push(...(await takeLongTasks(panel)));
      if (!profiled) longFrames.push(...(await takeLongFrames(panel)));
      if (profiled) {
        const { profile } = await cdpOf(panel).send('Profiler.stop');
        profileTop = topOfProfile(profile as unknown as Profile, 10);
        // Kept for a closer look (DevTools' Performance panel or bench/lib/topFunctions.ts can open it).
        writeFileSync(join(OUT_DIR, 'panel-load.cpuprofile'), JSON.stringify(profile));
      }
      streamMetrics.push(metricDelta(m0, await performanceMetrics(panel)));
      idleP95.push(timeWeightedQuantile(idle, 0.95));
      streamP95.push(timeWeightedQuantile(streaming, 0.95));
      streamMax.push(Math.max(...streaming));
      idleAll.push(...idle);
      streamAll.push(...streaming);
      rates.push(fed.rate);
      const held = await panelEventCount(panel);
      console.log(
        `  window ${w + 1}/${windows}: idle p95 ${fmt(timeWeightedQuantile(idle, 0.95))} ms (${idle.length} frames) | streaming ${fed.sent} events at ${fmt(fed.rate, 0)}/s: ` +
          `p95 ${fmt(timeWeightedQuantile(streaming, 0.95))} ms (by frame count ${fmt(quantile(streaming, 0.95))} ms), max ${fmt(Math.max(...streaming), 0)} ms (${streaming.length} frames); panel holds ${held.events}`,
      );
    }
    // Drain: everything the background numbered should reach the panel.
    const expected = await worker.evaluate(
      (tab, key) => {
        const store = (
          globalThis as unknown as Record<
            string,
            { existing(id: number): { nextSeq: number; size: number } | undefined }
          >
        )[key]!;
        return store.existing(tab)?.nextSeq ?? 0;
      },
      tabId,
      STORE_GLOBAL,
    );
    const drainStart = performance.now();
    let held = await panelEventCount(panel);
    while (held.events < expected && performance.now() - drainStart < 120_000) {
      await sleep(500);
      held = await panelEventCount(panel);
    }
    const drainMs = performance.now() - drainStart;
    neighbour.kill();
    neighbour = undefined;
    const memory = await panelMemory(panel);
    const heap = await retainedHeap(panel);
    const domRows = await panel.$$eval('[data-testid="request-row"]', (rows) => rows.length);
    const idleS = summarize(idleP95);
    const streamS = summarize(streamP95);
    const lost = expected - held.events;
    const sum = (list: Record<string, number>[], key: string) => list.reduce((s, m) => s + (m[key] ?? 0), 0);
    const busy = (list: Record<string, number>[], seconds: number) =>
      `task ${fmt((100 * sum(list, 'TaskDuration')) / seconds, 0)}% of wall time (script ${fmt(sum(list, 'ScriptDuration'), 1)} s, layout ${fmt(sum(list, 'LayoutDuration'), 1)} s, style ${fmt(sum(list, 'RecalcStyleDuration'), 1)} s; ${fmt(sum(list, 'LayoutCount') / seconds, 0)} layouts and ${fmt(sum(list, 'RecalcStyleCount') / seconds, 0)} style recalculations a second)`;
    // Intervals are differences of 0.1 ms frame times, so 16.8 may come out as 16.800000000003: compared on the
    // clock's own steps.
    const onTime = (ms: number) => Math.round(ms * 10) / 10 <= ON_TIME_MS;
    const met =
      onTime(streamS.median) &&
      onTime(timeWeightedQuantile(streamAll, 0.95)) &&
      lost === 0 &&
      heap.usedBytes / 1048576 <= 150;
    const streamSeconds = (windows * perWindow) / RATE;
    const lateMs = 1.5 * quantile(idleAll, 0.5);
    const lateShare = (intervals: readonly number[]) => {
      const late = intervals.filter((x) => x > lateMs).length;
      return `${late} of ${intervals.length} (${fmt((100 * late) / intervals.length, 1)}%)`;
    };
    return {
      id: ID,
      title: TITLE,
      goal: GOAL,
      verdict: met ? 'met' : 'missed',
      figures: [
        `p95 frame interval is weighted by time (95% of the wall time was spent in frames at most this long); by frame count in brackets`,
        `baseline idle p95 frame interval per window: ${range(idleS, ' ms')}`,
        `streaming p95 frame interval per window: ${range(streamS, ' ms')}; worst frame ${fmt(Math.max(...streamMax), 0)} ms`,
        `ratio of medians (streaming / idle): ${fmt(streamS.median / idleS.median, 2)}; over all frames: streaming ${fmt(timeWeightedQuantile(streamAll, 0.95))} ms (${fmt(quantile(streamAll, 0.95))} ms), idle ${fmt(timeWeightedQuantile(idleAll, 0.95))} ms (${fmt(quantile(idleAll, 0.95))} ms)`,
        `frames painted while streaming: ${streamAll.length} in ${fmt(streamSeconds, 0)} s (${fmt(streamAll.length / streamSeconds, 0)}/s; 60/s when smooth)`,
        // The goal's 16.7 ms is one 60 Hz frame: what a frame on time reads here (ON_TIME_MS), and how many were not on time.
        `frame clock: the idle frames' median interval ${fmt(quantile(idleAll, 0.5), 2)} ms; p95 to 2 places: streaming ${fmt(timeWeightedQuantile(streamAll, 0.95), 2)} ms, idle ${fmt(timeWeightedQuantile(idleAll, 0.95), 2)} ms; frames over 1.5 periods (${fmt(lateMs, 1)} ms): streaming ${lateShare(streamAll)}, idle ${lateShare(idleAll)}`,
        `feed rate achieved: ${range(summarize(rates), ' events/s', 0)}`,
        `events: background numbered ${expected.toLocaleString('en-US')}, panel holds ${held.events.toLocaleString('en-US')} (${held.source}${foundStore ? '' : ', panel store not found'}) → ${lost === 0 ? 'none lost' : `${lost.toLocaleString('en-US')} MISSING`}; drained ${fmt(drainMs / 1000, 1)} s after the last window`,
        `panel memory: performance.memory used ${fmt(memory.usedMB, 1)} MB (total ${fmt(memory.totalMB, 1)} MB); after GC (CDP Runtime.getHeapUsage) ${fmt(heap.usedBytes / 1048576, 1)} MB; ${domRows} request rows in the DOM`,
        `long tasks (≥ 50 ms) on the panel's main thread while streaming: ${longTasks.length}, ${fmt(longTasks.reduce((a, b) => a + b, 0) / 1000, 1)} s in all, longest ${fmt(Math.max(0, ...longTasks), 0)} ms`,
        `long animation frames (> 50 ms) while streaming, the profiled window left out: ${longFrames.length}, ${fmt(longFrames.reduce((a, f) => a + f.duration, 0) / 1000, 1)} s in all; where their time went:`,
        ...longFrameShares(longFrames).map((line) => `  ${line}`),
        `CPU per thread of the browser while streaming (Linux /proc; the neighbour is one core more):`,
        ...threadShares(streamThreads, streamSeconds).map((line) => `  ${line}`),
        `machine load (1-min load average, 2 cores): ${fmt(loadAtStart, 1)} at the start, ${fmt(loadavg()[0]!, 1)} at the end; a CPU-busy neighbour (node, one core spinning) ran through every window`,
        `panel renderer while streaming: ${busy(streamMetrics, streamSeconds)}; idle: ${busy(idleMetrics, (windows * IDLE_MS) / 1000)}`,
        `CPU profile of the panel's main thread during streaming window ${Math.min(4, windows)} (self time):`,
        ...profileTop.map((line) => `  ${line}`),
      ],
      data: {
        idle: idleS,
        streaming: streamS,
        rates: summarize(rates),
        expected,
        held,
        drainMs,
        memory,
        heap,
        domRows,
        idleMetrics,
        streamMetrics,
        longTasks,
      },
      note: 'events injected through the background RecorderStore (store → storage.session → PanelHub → port), not real requests',
    };
  } finally {
    neighbour?.kill();
    await browser.close();
  }
});
