// For the panel's unit tests only (nothing in the extension imports it): the analysis worker run in the test's
// thread, and the page reading its answers at a pace the tests can wait for.
import {
  handleWorkerRequest,
  newWorkerState,
  type WorkerAnalyserOptions,
  type WorkerLike,
  type WorkerReply,
} from '../workerProtocol.ts';

/**
 * The page reads the worker's answers in microtasks (not a MessageChannel task per slice, the default): each
 * answer, delivered on a timer, is then handled before the test's next `setTimeout(0)`, whatever the order
 * of timers and channel messages.
 */
export const READ_IN_MICROTASKS: WorkerAnalyserOptions = {
  scheduler: { now: () => 0, later: (task: () => void) => queueMicrotask(task) },
};

/** The analysis worker's protocol in this thread, through structuredClone as postMessage does. */
export function inThreadWorker(): WorkerLike {
  const state = newWorkerState();
  const listeners: ((e: MessageEvent<WorkerReply>) => void)[] = [];
  return {
    postMessage(message) {
      for (const reply of handleWorkerRequest(state, structuredClone(message)))
        setTimeout(() => {
          for (const l of listeners) l({ data: structuredClone(reply) } as MessageEvent<WorkerReply>);
        }, 0);
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      if (type === 'message') listeners.push(listener);
    },
  };
}
