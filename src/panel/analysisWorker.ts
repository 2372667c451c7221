// The panel's analysis worker: keeps the live recording's events (appended as they arrive) and one analysis
// session fed them, asked on request for what changed — off the page's thread, so a recording of 100,000
// requests never freezes scrolling or typing. The logic is `handleWorkerRequest` (workerProtocol.ts).
// An imported file is read here too (workerImport.ts), between the page's requests.
import { type ImportedReply, type ImportRequest, importInWorker } from './workerImport.ts';
import { handleWorkerRequest, newWorkerState, type WorkerReply, type WorkerRequest } from './workerProtocol.ts';

const state = newWorkerState();

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest | ImportRequest>) => void) | null;
  postMessage(message: WorkerReply | ImportedReply): void;
};

scope.onmessage = (e) => {
  const request = e.data;
  if (request.type === 'import') void importInWorker(state, request, (reply) => scope.postMessage(reply));
  else for (const reply of handleWorkerRequest(state, request)) scope.postMessage(reply);
};
