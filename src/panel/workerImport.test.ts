// A large HAR read in the analysis worker: analysed rows while it is read, then exactly the whole-file import's
// analysed view; exports written in the worker; a broken file refused with the whole-file import's message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIVE, PanelController } from './controller.ts';
import { importedView, importTraceText } from './importTrace.ts';
import { exportText } from './liveExport.ts';
import { PanelStore } from './store.ts';
import type { Scheduler } from './throttle.ts';
import { type ImportedReply, type ImportRequest, importInWorker } from './workerImport.ts';
import type { ImportWorker } from './workerImportClient.ts';
import { handleWorkerRequest, newWorkerState, type WorkerReply, type WorkerRequest } from './workerProtocol.ts';

const harText = (id: string) => readFileSync(`test/fixtures/demo-har/${id}.har`, 'utf8');

/** The analysis worker in this thread: requests cloned as postMessage does (the file passed as is). */
function fakeWorker(): ImportWorker & { terminated: boolean } {
  const state = newWorkerState();
  const listeners: ((e: MessageEvent<WorkerReply | ImportedReply>) => void)[] = [];
  const deliver = (reply: WorkerReply | ImportedReply) =>
    setTimeout(() => {
      for (const l of listeners) l({ data: structuredClone(reply) } as MessageEvent<WorkerReply | ImportedReply>);
    }, 0);
  const worker = {
    terminated: false,
    postMessage(message: WorkerRequest | ImportRequest) {
      if (message.type === 'import') void importInWorker(state, message, deliver);
      else for (const reply of handleWorkerRequest(state, structuredClone(message))) deliver(reply);
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      if (type === 'message') listeners.push(listener);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

/** A File whose stream comes in small pieces, as a large file's does; `pieceMs` apart (a slow disk) if given. */
function chunkedFile(text: string, name: string, chunkSize = 512, pieceMs = 0): File {
  const bytes = new TextEncoder().encode(text);
  const file = new File([bytes], name);
  file.stream = () => {
    let at = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (pieceMs > 0) await new Promise((resolve) => setTimeout(resolve, pieceMs));
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + chunkSize));
        at += chunkSize;
      },
    }) as ReturnType<File['stream']>;
  };
  return file;
}

const immediate: Scheduler = { now: () => 0, later: (task) => task() };

type Download = { fileName: string; text: string };

/** Downloads as they arrive; `arrived(n)` resolves once n have (the worker's files come back through messages). */
function downloadLog() {
  const files: Download[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const add = (file: Download) => {
    files.push(file);
    for (const w of waiting.filter((w) => files.length >= w.count)) w.resolve();
  };
  const arrived = (count: number) =>
    files.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve }));
  return { files, add, arrived };
}

function newController(worker: ImportWorker, onDownload: (file: Download) => void = () => undefined) {
  const controller = new PanelController(
    new PanelStore(),
    {
      send: () => undefined,
      storage: { get: async () => ({}), set: async () => undefined },
      download: (fileName, text) => onDownload({ fileName, text }),
      startImportWorker: () => worker,
    },
    immediate,
  );
  controller.importOptions = { streamFromBytes: 0 };
  return controller;
}

describe('a large HAR read in the analysis worker', () => {
  it('gives the whole-file import’s analysed view, and writes its exports in the worker', async () => {
    const text = harText('samesite-cross-site');
    const worker = fakeWorker();
    const downloads = downloadLog();
    const controller = newController(worker, downloads.add);
    await controller.importFile(chunkedFile(text, 'samesite.har'));
    const imported = controller.ui.value.imports[0]!;
    expect(controller.ui.value.source).toBe(imported.id);
    expect(imported.analysing).toBeUndefined();
    const whole = importTraceText(text, 'samesite.har');
    if (!whole.ok) throw new Error('the fixture should import');
    const expected = importedView(whole);
    expect([...imported.view.rows]).toEqual(expected.rows);
    expect(imported.view.analysis.findings).toEqual(expected.analysis.findings);
    expect(imported.view.analysis.sessions).toEqual(expected.analysis.sessions);
    controller.exportView('har');
    controller.exportView('trace');
    await downloads.arrived(2);
    expect(downloads.files.map((d) => d.text)).toEqual([
      exportText('har', expected.trace, expected.analysis, 'redacted'),
      exportText('trace', expected.trace, expected.analysis, 'redacted'),
    ]);
    controller.closeImport(imported.id);
    expect(worker.terminated).toBe(true);
  });

  it('shows analysed rows while the file is read', async () => {
    const text = harText('load-balancer');
    const worker = fakeWorker();
    const controller = newController(worker);
    const seen: number[] = [];
    controller.ui.subscribe(() => {
      const imported = controller.ui.value.imports[0];
      if (imported?.analysing) seen.push(imported.view.rows.length);
    });
    // Read slowly (about 1.5 s in all): the page's analyses come in between the pieces.
    await controller.importFile(chunkedFile(text, 'lb.har', Math.ceil(text.length / 60), 25));
    expect(seen.length).toBeGreaterThan(0);
    expect(controller.ui.value.imports[0]?.analysing).toBeUndefined();
  });

  it('refuses a broken file with the whole-file import’s message and stops the worker', async () => {
    const text = `${harText('logout').slice(0, 3000)}`;
    const worker = fakeWorker();
    const controller = newController(worker);
    await controller.importFile(chunkedFile(text, 'broken.har'));
    const refused = importTraceText(text, 'broken.har');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(controller.ui.value.importError).toBe(refused.message);
    expect(controller.ui.value.imports).toEqual([]);
    expect(controller.ui.value.source).toBe(LIVE);
    expect(worker.terminated).toBe(true);
  });
});

describe('the session that analyses an import in the worker', () => {
  const NO_OVERRIDES = { sessionCookies: [], notSessionCookies: [] };
  const analyse = (state: ReturnType<typeof newWorkerState>, id: number) =>
    handleWorkerRequest(state, { type: 'analyse', id, overrides: NO_OVERRIDES });

  /** Reads the file in the worker, analysing after its first pieces as the page asks; the session before the end. */
  async function importWithEarlyAnalysis(text: string) {
    const state = newWorkerState();
    const file = chunkedFile(text, 'f.har', 2048);
    let early: unknown;
    const stream = file.stream.bind(file);
    // An analysis once the first entries are in, as the page asks for one while the file is read.
    file.stream = () => {
      const reader = stream().getReader();
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (early === undefined && state.events.length > 0) {
            analyse(state, 1);
            early = state.live;
          }
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
      }) as ReturnType<File['stream']>;
    };
    await importInWorker(state, { type: 'import', file, name: 'f.har' }, () => undefined);
    analyse(state, 2);
    return { state, early };
  }

  /** The whole-file importer's analysed view of the same text: where every worker import must end. */
  function wholeImport(text: string) {
    const whole = importTraceText(text, 'f.har');
    if (!whole.ok) throw new Error('the fixture should import');
    return { trace: whole.trace, analysis: importedView(whole).analysis };
  }

  it('goes on to the end of a file in time order, with its browser known from the first entry', async () => {
    const text = harText('samesite-cross-site');
    const { state, early } = await importWithEarlyAnalysis(text);
    expect(early).toBeDefined();
    expect(state.live).toBe(early);
    const whole = wholeImport(text);
    expect(whole.trace.source.browser).toBeDefined();
    expect(state.live?.result?.findings).toEqual(whole.analysis.findings);
  });

  type RawLog = { entries: unknown[]; browser?: unknown; [key: string]: unknown };
  it.each([
    {
      when: 'the file is out of time order',
      edit: (log: RawLog) => void log.entries.push(log.entries.splice(1, 1)[0]),
    },
    {
      // Key order is the file's: log.browser after the entries, naming another browser than their User-Agent.
      when: 'the file names its browser after its entries (that browser’s cookie defaults apply)',
      edit: (log: RawLog) => {
        const { entries, browser: _named, ...rest } = log;
        for (const key of Object.keys(log)) delete log[key];
        Object.assign(log, rest, { entries, browser: { name: 'Firefox', version: '128.0' } });
      },
    },
  ])('starts over when $when, and ends as the whole-file import', async ({ edit }) => {
    const har = JSON.parse(harText('samesite-cross-site'));
    edit(har.log);
    const text = JSON.stringify(har);
    const { state, early } = await importWithEarlyAnalysis(text);
    expect(early).toBeDefined();
    expect(state.live).not.toBe(early);
    const whole = wholeImport(text);
    expect(state.live?.result?.findings).toEqual(whole.analysis.findings);
    expect(state.live?.result?.sessions).toEqual(whole.analysis.sessions);
  });
});
