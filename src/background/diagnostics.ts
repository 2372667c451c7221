// Counts what went wrong inside the background instead of letting one bad event stop a listener: every
// listener runs through `guarded`, and uncaught errors of the worker are counted too. The count lives
// in storage.session under `diagnostics` (no event data, just a number and the last message), so a
// test — or a curious user in the extension's own DevTools — can check that no listener ever threw.
export const DIAGNOSTICS_KEY = 'diagnostics';

export interface Diagnostics {
  readonly listenerErrors: number;
  readonly lastError?: string;
}

interface DiagnosticsStorage {
  set(items: Record<string, unknown>): Promise<void>;
}

let errors = 0;
let storage: DiagnosticsStorage | undefined;

export function reportError(where: string, error: unknown): void {
  errors++;
  const message = `${where}: ${error instanceof Error ? error.message : String(error)}`;
  console.error('Sessionscope:', message, error);
  const diagnostics: Diagnostics = { listenerErrors: errors, lastError: message.slice(0, 500) };
  void storage?.set({ [DIAGNOSTICS_KEY]: diagnostics }).catch(() => undefined);
}

/** Wraps a listener so a throw is counted and logged, and the next event is handled as usual. */
export function guarded<Args extends unknown[]>(
  where: string,
  listener: (...args: Args) => void,
): (...args: Args) => void {
  return (...args: Args) => {
    try {
      listener(...args);
    } catch (error) {
      reportError(where, error);
    }
  };
}

/** Starts counting; also catches what escapes to the worker's global scope. */
export function installDiagnostics(area: DiagnosticsStorage, scope: typeof globalThis = globalThis): void {
  storage = area;
  scope.addEventListener?.('error', (event) => reportError('uncaught', (event as ErrorEvent).error ?? event));
  scope.addEventListener?.('unhandledrejection', (event) =>
    reportError('unhandled rejection', (event as PromiseRejectionEvent).reason),
  );
}
