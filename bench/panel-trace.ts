// What one refresh of the live panel costs its page, from a Chromium trace: the panel fed at 1,000 events/s (no
// neighbour: the costs themselves, not the waiting), then 5 s of it traced (devtools.timeline, blink). Prints each
// refresh's task (the worker's answer read and the view rendered), the forced style and layout inside it and how
// many layout objects were dirty, and the busiest threads of the extension's process. Not a row: the evidence behind
// row 4's "where the time goes" (bench/RESULTS.md), for a change to the timeline's rows or the refresh pace.
// Alone: `node --import tsx bench/panel-trace.ts [events before the trace, default 20000]`
import { buildExtension, launch } from './lib/browser.ts';
import { fedPanel } from './lib/feeder.ts';
import { fmt, quantile } from './lib/stats.ts';

const RATE = 1_000;
const TRACED_EVENTS = 5_000;

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { name?: string; beginData?: { dirtyObjects?: number; totalObjects?: number } };
}

const before = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20_000);
const browser = await launch({ extensionDir: buildExtension(), devtools: true });
try {
  const { feedAtRate } = await fedPanel(browser);
  const feed = (count: number) => feedAtRate(count, RATE);
  await feed(before);
  const cdp = await browser.target().createCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] },
    transferMode: 'ReportEvents',
  });
  await feed(TRACED_EVENTS);
  await cdp.send('Tracing.end');
  await complete;
  report(events, TRACED_EVENTS / RATE);
} finally {
  await browser.close();
}

function report(events: readonly TraceEvent[], seconds: number): void {
  const threadNames = new Map<string, string>();
  const processNames = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    if (e.name === 'process_name') processNames.set(e.pid, e.args?.name ?? '');
  }
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const within = (outer: TraceEvent, name: string) =>
    complete.filter(
      (e) => e.name === name && e.tid === outer.tid && e.ts >= outer.ts && e.ts + e.dur! <= outer.ts + outer.dur!,
    );
  // A refresh: a task of the page's message queue (the worker's answer, slicedQueue.ts) with a layout inside.
  const refreshes = complete
    .filter((e) => e.name === 'MessagePort::Accept')
    .map((task) => ({ task, layouts: within(task, 'Layout'), styles: within(task, 'UpdateLayoutTree') }))
    .filter((r) => r.layouts.length > 0);
  const ms = (list: readonly TraceEvent[]) => list.reduce((sum, e) => sum + e.dur! / 1000, 0);
  const median = (values: number[], digits = 1) => fmt(quantile(values, 0.5), digits);
  console.log(
    `${TRACED_EVENTS.toLocaleString('en-US')} events at ${RATE}/s traced after ${before.toLocaleString('en-US')}:`,
  );
  console.log(
    `  refreshes rendered: ${refreshes.length} (${fmt(refreshes.length / seconds, 1)}/s); each, median: task ${median(refreshes.map((r) => r.task.dur! / 1000))} ms, ` +
      `forced layout ${median(refreshes.map((r) => ms(r.layouts)))} ms, style ${median(refreshes.map((r) => ms(r.styles)))} ms, ` +
      `layout objects dirty ${median(
        refreshes.flatMap((r) => r.layouts.map((l) => l.args?.beginData?.dirtyObjects ?? 0)),
        0,
      )} ` +
      `of ${median(
        refreshes.flatMap((r) => r.layouts.map((l) => l.args?.beginData?.totalObjects ?? 0)),
        0,
      )}`,
  );
  const byThread = new Map<string, number>();
  for (const e of complete) {
    if (e.name !== 'RunTask') continue;
    const key = `${processNames.get(e.pid) ?? e.pid} / ${threadNames.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    byThread.set(key, (byThread.get(key) ?? 0) + e.dur! / 1000);
  }
  console.log('  busiest threads (top-level tasks, % of one core):');
  for (const [thread, busy] of [...byThread].sort((a, b) => b[1] - a[1]).slice(0, 6)) {
    console.log(`    ${fmt((100 * busy) / (seconds * 1000), 1).padStart(5)} %  ${thread}`);
  }
}
