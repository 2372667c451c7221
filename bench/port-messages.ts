// What a panel page pays for the recorded events that reach it over the background's port, as objects (the
// protocol today) or as one JSON text per batch, and hands on to a worker as the live panel does: the service
// worker posts `messages` batches of 250 realistic events each way, alternating; the page times each message's
// arrival after it was posted, its own handling (the postMessage to a worker), and the longest gap between its
// animation frames. Not a row: evidence for the protocol's next step (bench/RESULTS.md, row 4).
// Alone: `node --import tsx bench/port-messages.ts [messages]`
import { extensionWorker } from '../test/e2e/helpers/devtools-panel.ts';
import { buildExtension, launch } from './lib/browser.ts';
import { templateEntries } from './lib/feeder.ts';
import { range, summarize } from './lib/stats.ts';

const PROBE_PORT = 'bench-port-probe';
const EVENTS_PER_MESSAGE = 250;
type Mode = 'objects' | 'text';

interface Probe {
  readonly totalMs: number;
  readonly medianLatencyMs: number;
  readonly relayMs: number;
  readonly longestFrameMs: number;
}

/** Installed in the service worker: answers a probe port's request with `count` batches in the mode asked. */
const SENDER_SOURCE = `(() => {
  chrome.runtime.onConnect.addListener((port) => {
    if (port.name !== '${PROBE_PORT}') return;
    port.onMessage.addListener(({ mode, count }) => {
      const events = globalThis.__probeTemplates.map((entry, seq) => ({ seq, event: { kind: 'entry', entry: { ...entry, index: seq } } }));
      for (let k = 0; k < count; k++) {
        const sentAt = performance.timeOrigin + performance.now();
        port.postMessage(mode === 'text' ? { sentAt, json: JSON.stringify(events) } : { sentAt, events });
      }
    });
  });
})()`;

/** Run in the page: one probe of `count` messages; the page forwards each batch to a worker as it comes. */
const probeSource = (mode: Mode, count: number) => `new Promise((resolve) => {
  const worker = globalThis.__probeWorker ??= new Worker(URL.createObjectURL(new Blob(['onmessage = () => {}'], { type: 'text/javascript' })));
  const port = chrome.runtime.connect({ name: '${PROBE_PORT}' });
  const latencies = [];
  let relayMs = 0, longestFrameMs = 0, lastFrame = performance.now(), running = true;
  function frame() {
    const now = performance.now();
    longestFrameMs = Math.max(longestFrameMs, now - lastFrame);
    lastFrame = now;
    if (running) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  const started = performance.now();
  port.onMessage.addListener((message) => {
    const at = performance.now();
    latencies.push(performance.timeOrigin + at - message.sentAt);
    worker.postMessage(${mode === 'text' ? 'message.json' : 'message.events'});
    relayMs += performance.now() - at;
    if (latencies.length < ${count}) return;
    running = false;
    port.disconnect();
    latencies.sort((a, b) => a - b);
    resolve({ totalMs: performance.now() - started, medianLatencyMs: latencies[latencies.length >> 1], relayMs, longestFrameMs });
  });
  port.postMessage({ mode: '${mode}', count: ${count} });
})`;

const messages = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 40);
const browser = await launch({ extensionDir: buildExtension() });
try {
  const { id, worker } = await extensionWorker(browser);
  // The worker target can be found before its extension APIs are: wait for them.
  for (let i = 0; i < 50 && !(await worker.evaluate('typeof chrome !== "undefined" && !!chrome.runtime')); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await worker.evaluate(`globalThis.__probeTemplates = ${JSON.stringify(templateEntries(EVENTS_PER_MESSAGE))}`);
  await worker.evaluate(SENDER_SOURCE);
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${id}/src/panel/panel.html?tabId=-1`);
  const runs: Record<Mode, Probe[]> = { objects: [], text: [] };
  for (let pair = 0; pair < 5; pair++) {
    for (const mode of ['objects', 'text'] as const)
      runs[mode].push((await page.evaluate(probeSource(mode, messages))) as Probe);
  }
  console.log(`${messages} messages of ${EVENTS_PER_MESSAGE} events each way, 5 runs alternating:`);
  for (const mode of ['objects', 'text'] as const) {
    console.log(`  as ${mode}:`);
    for (const key of ['totalMs', 'medianLatencyMs', 'relayMs', 'longestFrameMs'] as const) {
      console.log(`    ${key.padEnd(16)} ${range(summarize(runs[mode].map((r) => r[key])), ' ms')}`);
    }
  }
} finally {
  await browser.close();
}
