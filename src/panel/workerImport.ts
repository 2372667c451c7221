// A large HAR imported in the analysis worker: the worker reads the picked file itself (a File crosses to a
// worker without being copied), through the core's streamed reader, and its session is fed each entry as it is
// read, so the page asks for analyses while the file is still being read and shows their rows as they come
// (workerProtocol.ts carries them as for a live recording). The page never holds the file's text, its entries
// or its analysis: only the rows. In a file in time order (almost every HAR) the entries fed as they come are
// the finished trace's own, and the session goes on to the end. Otherwise the trace the reader finishes with
// (times ordered, initiators decided in that order) replaces them and the session starts over on it; so it does
// when the file names another browser after its entries. Either way the imported view ends exactly as the
// whole-file importer's.
import { sameData } from '../core/analysis/sameData.ts';
import { HarStreamReader } from '../core/har/harStream.ts';
import { endHarStream } from '../core/native/harCookieEvents.ts';
import type { Trace, TraceEvent } from '../core/trace/types.ts';
import type { RecordedEvent } from '../protocol/messages.ts';
import { importNotice } from './importTrace.ts';
import type { WorkerState } from './workerProtocol.ts';

export interface ImportRequest {
  readonly type: 'import';
  readonly file: Blob;
  readonly name: string;
}

/** The file is read: with the import notice, or refused (the page words the refusal as it always did). */
export interface ImportedReply {
  readonly type: 'imported';
  readonly ok: boolean;
  readonly notice?: string;
}

/** The worker lets the page's requests (analyses of what is read so far) in at least this often. */
const YIELD_EVERY_MS = 50;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const recorded = (event: TraceEvent, seq: number): RecordedEvent => ({ seq, event });

/** Reads the file into the worker's state, feeding its events as they are read; posts `imported` at the end. */
export async function importInWorker(
  state: WorkerState,
  request: ImportRequest,
  post: (reply: ImportedReply) => void,
): Promise<void> {
  state.events.length = 0;
  state.live = undefined;
  // The file's own browser (its cookie defaults): none until the log or an entry names it, as analyzeTrace.
  state.imported = { source: { format: 'har' } };
  const reader: HarStreamReader = new HarStreamReader(request.name, (entry) => {
    state.events.push(recorded({ kind: 'entry', entry }, entry.index));
    // Known from the first entry on, almost always (its User-Agent): the session starts with the right defaults.
    const browser = reader.browser;
    if (browser && !sameData(browser, state.imported?.source.browser)) {
      state.imported = { source: { format: 'har', browser } };
    }
  });
  let trace: Trace;
  try {
    const stream = request.file.stream().getReader();
    let lastYield = performance.now();
    for (;;) {
      const { done, value } = await stream.read();
      if (done) break;
      reader.write(value);
      if (performance.now() - lastYield >= YIELD_EVERY_MS) {
        await nextTask();
        lastYield = performance.now();
      }
    }
    trace = endHarStream(reader, request.name);
  } catch {
    state.events.length = 0;
    state.live = undefined;
    post({ type: 'imported', ok: false });
    return;
  }
  // A session started with another browser than the file's (named after its entries) starts over (liveSession).
  state.imported = { source: trace.source, trace };
  if (!sameEvents(state.events, trace.events)) {
    state.events.length = 0;
    trace.events.forEach((event, i) => {
      state.events.push(recorded(event, event.kind === 'entry' ? event.entry.index : i));
    });
    state.live = undefined;
  }
  const notice = importNotice(trace);
  post({ type: 'imported', ok: true, ...(notice ? { notice } : {}) });
}

/** The events fed as they were read are the finished trace's, in its order. */
function sameEvents(fed: readonly RecordedEvent[], events: readonly TraceEvent[]): boolean {
  return fed.length === events.length && fed.every((r, i) => sameData(r.event, events[i]));
}
