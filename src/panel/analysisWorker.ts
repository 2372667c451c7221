// The panel's analysis worker: keeps the live recording's events (appended as they arrive) and one analysis
// session fed them, asked on request for what changed — off the page's thread, so a recording of 100,000
// requests never freezes scrolling or typing. The logic is `handleWorkerRequest` (workerProtocol.ts).
import { handleWorkerRequest, newWorkerState, type WorkerReply, type WorkerRequest } from './workerProtocol.ts';

const state = newWorkerState();

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

scope.onmessage = (e) => {
  for (const reply of handleWorkerRequest(state, e.data)) scope.postMessage(reply);
};
