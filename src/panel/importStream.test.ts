// Large files open progressively: first rows (no verdicts, marked analysing) while the file is streamed, then
// the same trace and analysed view the whole-file import gives; a broken file is refused with the whole-file
// import's own message and the preview's tab taken down again; a file cut short gives what it has, as the
// whole-file import does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportNativeTrace } from '../core/formats/index.ts';
import { parseTraceFile } from '../core/open/readTrace.ts';
import { LIVE, PanelController } from './controller.ts';
import { ANALYSING_MARKER } from './importPreview.ts';
import { type ImportFile, importTraceFileProgressively } from './importStream.ts';
import { importedView, importTraceFile, importTraceText } from './importTrace.ts';
import { type TraceView, traceView } from './model.ts';
import { PanelStore } from './store.ts';
import type { Scheduler } from './throttle.ts';

const harText = (id: string) => readFileSync(`test/fixtures/demo-har/${id}.har`, 'utf8');

/** A File whose stream comes in small chunks, as a large file's does, counting how often it is read whole. */
function chunkedFile(
  text: string,
  name: string,
  chunkSize = 1024,
): ImportFile & { wholeReads: number; streamReads: number } {
  const bytes = new TextEncoder().encode(text);
  const file = new File([bytes], name) as File & { wholeReads: number; streamReads: number };
  file.wholeReads = 0;
  file.streamReads = 0;
  const text0 = file.text.bind(file);
  file.text = () => {
    file.wholeReads++;
    return text0();
  };
  file.stream = () => {
    file.streamReads++;
    return new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += chunkSize) controller.enqueue(bytes.slice(at, at + chunkSize));
        controller.close();
      },
    }) as ReturnType<File['stream']>;
  };
  return file;
}

/** The HAR with a JSON syntax error in its last entry: broken past any preview. */
function brokenInLastEntry(text: string): string {
  const whole = JSON.stringify(JSON.parse(text));
  const at = whole.lastIndexOf(JSON.stringify(JSON.parse(text).log.entries.at(-1)));
  return `${whole.slice(0, at)}{,${whole.slice(at + 1)}`;
}

const STREAM_ALL = { streamFromBytes: 0, previewEntries: 2, yieldToPage: async () => undefined };
const immediate: Scheduler = { now: () => 0, later: (task) => task() };

function newController(): PanelController {
  const controller = new PanelController(
    new PanelStore(),
    {
      send: () => undefined,
      storage: { get: async () => ({}), set: async () => undefined },
      download: () => undefined,
    },
    immediate,
  );
  controller.importOptions = STREAM_ALL;
  return controller;
}

describe('streamed import of a large HAR', () => {
  it('shows the first entries as rows without verdicts, then gives the whole-file import’s trace', async () => {
    const text = harText('samesite-cross-site');
    const previews: TraceView[] = [];
    const file = chunkedFile(text, 'samesite.har');
    const outcome = await importTraceFileProgressively(file, (v) => previews.push(v), STREAM_ALL);
    expect(previews).toHaveLength(1);
    const preview = previews[0]!;
    const whole = parseTraceFile(text, 'samesite.har');
    const wholeUrls = whole.events.flatMap((e) => (e.kind === 'entry' ? [e.entry.request.url] : []));
    expect(preview.rows.map((r) => r.url)).toEqual(wholeUrls.slice(0, 2));
    for (const row of preview.rows) {
      expect(row.markers).toEqual([ANALYSING_MARKER]);
      expect([row.cookiesSent, row.notSent, row.findings]).toEqual([[], [], []]);
    }
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.trace).toEqual(whole);
    expect([file.wholeReads, file.streamReads]).toEqual([0, 1]);
  });

  it('a file broken past the preview is refused with the whole-file import’s message', async () => {
    const broken = brokenInLastEntry(harText('samesite-cross-site'));
    const previews: TraceView[] = [];
    const outcome = await importTraceFileProgressively(
      chunkedFile(broken, 'cut.har'),
      (v) => previews.push(v),
      STREAM_ALL,
    );
    const expected = await importTraceFile(new File([broken], 'cut.har'));
    expect(expected.ok).toBe(false);
    expect(previews).toHaveLength(1);
    expect(outcome).toEqual(expected);
  });

  it('a large native trace is read whole at once (never streamed), with its saved settings', async () => {
    const exporter = traceView(parseTraceFile(harText('rotation'), 'rotation.har'), { notSessionCookies: ['sid'] });
    const text = exportNativeTrace(exporter.trace, exporter.analysis, { values: 'raw' });
    const previews: TraceView[] = [];
    const file = chunkedFile(text, 'rotation.sessionscope.json');
    const outcome = await importTraceFileProgressively(file, (v) => previews.push(v), STREAM_ALL);
    expect(previews).toHaveLength(0);
    expect(outcome.ok && outcome.settings?.notSessionCookies).toEqual(['sid']);
    expect([file.wholeReads, file.streamReads]).toEqual([1, 0]);
  });

  it('small files keep the whole-file path', async () => {
    const file = chunkedFile(harText('rotation'), 'rotation.har');
    const previews: TraceView[] = [];
    const outcome = await importTraceFileProgressively(file, (v) => previews.push(v));
    expect(outcome.ok).toBe(true);
    expect(previews).toHaveLength(0);
    expect(file.wholeReads).toBe(1);
  });
});

describe('the controller’s progressive import', () => {
  it('opens the tab on the preview, marked analysing, then replaces it with the analysed view', async () => {
    const controller = newController();
    const states: { analysing: boolean | undefined; rows: number; findings: number }[] = [];
    controller.ui.subscribe(() => {
      const imported = controller.ui.value.imports[0];
      if (imported) {
        states.push({
          analysing: imported.analysing,
          rows: imported.view.rows.length,
          findings: imported.view.analysis.findings.length,
        });
      }
    });
    const text = harText('samesite-cross-site');
    await controller.importFile(chunkedFile(text, 'samesite.har'));
    const expected = traceView(parseTraceFile(text, 'samesite.har'));
    expect(states[0]).toEqual({ analysing: true, rows: 2, findings: 0 });
    expect(states.at(-1)).toEqual({
      analysing: undefined,
      rows: expected.rows.length,
      findings: expected.analysis.findings.length,
    });
    expect(expected.analysis.findings.length).toBeGreaterThan(0);
    expect(controller.ui.value.imports).toHaveLength(1);
    expect(controller.ui.value.source).toBe(controller.ui.value.imports[0]!.id);
  });

  it('a broken file takes the preview’s tab down again, back to the live view, and shows the error', async () => {
    const controller = newController();
    const broken = brokenInLastEntry(harText('samesite-cross-site'));
    let previewTabs = 0;
    controller.ui.subscribe(() => {
      previewTabs = Math.max(previewTabs, controller.ui.value.imports.length);
    });
    await controller.importFile(chunkedFile(broken, 'cut.har'));
    const expected = await importTraceFile(new File([broken], 'cut.har'));
    expect(previewTabs).toBe(1);
    expect(controller.ui.value.imports).toEqual([]);
    expect(controller.ui.value.source).toBe(LIVE);
    expect(controller.ui.value.importError).toBe(expected.ok ? 'no error' : expected.message);
  });

  it('a refused file after a good import leaves that import open and in view', async () => {
    const controller = newController();
    const text = harText('rotation');
    await controller.importFile(chunkedFile(text, 'rotation.har'));
    const first = controller.ui.value.imports[0]!;
    await controller.importFile(chunkedFile(brokenInLastEntry(text), 'cut.har'));
    expect(controller.ui.value.imports).toEqual([first]);
    expect(controller.ui.value.source).toBe(first.id);
    expect(controller.ui.value.importError).toMatch(/^cut\.har: /);
  });
});

describe('import of a HAR cut short', () => {
  it('reads the entries whole before the end, as the whole-file import does, and the notice says where it ends', async () => {
    const text = harText('samesite-cross-site');
    const entries = JSON.parse(text).log.entries.length;
    const cut = text.slice(0, Math.floor(text.length * 0.9));
    const previews: TraceView[] = [];
    const outcome = await importTraceFileProgressively(
      chunkedFile(cut, 'cut.har'),
      (v) => previews.push(v),
      STREAM_ALL,
    );
    const whole = importTraceText(cut, 'cut.har');
    expect(outcome).toEqual(whole);
    if (!outcome.ok) throw new Error(outcome.message);
    const read = outcome.trace.entryCount;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(entries);
    expect(importedView(outcome).rows.map((r) => r.entryIndex)).toEqual([...Array(read).keys()]);
    expect(outcome.notice).toMatch(
      new RegExp(
        `^The file ends early \\(truncated\\?\\) inside entry ${read}: the ${read} entries before it were read`,
      ),
    );
  });

  it('refuses a file that ends before its first entry is whole, naming where', async () => {
    const text = harText('samesite-cross-site');
    const inFirst = text.indexOf('"entries"') + 200;
    const outcome = importTraceText(text.slice(0, inFirst), 'cut.har');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(
      /^cut\.har: not JSON: the file ends early \(truncated\?\) \(at line \d+ column \d+\)$/,
    );
  });
});

describe('streamed import of a HAR with unreadable entries', () => {
  it('skips them as the whole-file import does, with the same notice, and leaves them out of the preview', async () => {
    const good = JSON.parse(harText('samesite-cross-site'));
    good.log.entries.splice(1, 0, 'not an entry');
    const text = JSON.stringify(good);
    const previews: TraceView[] = [];
    const file = chunkedFile(text, 'bent.har');
    const outcome = await importTraceFileProgressively(file, (v) => previews.push(v), STREAM_ALL);
    const whole = importTraceText(text, 'bent.har');
    expect(outcome).toEqual(whole);
    expect(outcome.ok && outcome.notice).toContain('#1 (an entry must be an object, not a string)');
    expect(previews[0]?.rows.map((r) => r.entryIndex)).toEqual([0, 2]);
  });
});
