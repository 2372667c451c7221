// The panel's analysis worker: keeps a copy of the live recording's events (appended as they arrive) and
// re-analyses it on request off the page's thread, so a recording of 100,000 requests — tens of seconds of
// engine time — never freezes scrolling or typing. The logic is `handleWorkerRequest` (workerProtocol.ts).
import { handleWorkerRequest, newWorkerState, type WorkerReply, type WorkerRequest } from './workerProtocol.ts';

const state = newWorkerState();

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

scope.onmessage = (e) => {
  for (const reply of handleWorkerRequest(state, e.data)) scope.postMessage(reply);
};
