// Turns the capture listeners (webRequest, cookies.onChanged) on and off as a set. Chromium makes every
// request of the profile pass through its webRequest event router for each event that has a listener,
// matched or not, so an extension that merely listens slows every page load of every tab by 15–40 %
// (bench/RESULTS.md, row 1). With "record from start" off and no Sessions panel open, nothing is being
// recorded, so the listeners are removed and the extension costs page loads nothing.
//
// The listeners are attached at the top level of the background at start-up (a stopped MV3 service
// worker is woken only for listeners registered then), and detached once the settings say nobody
// needs them; a panel opening attaches them again.

/** One capture listener: how to add it (with its filter and extraInfoSpec) and how to remove it. */
export interface CaptureListener {
  add(): void;
  remove(): void;
}

/** The slice of a browser event the switch needs to remove a listener it added. */
interface RemovableEvent<Listener> {
  removeListener(listener: Listener): void;
}

/** A listener added by `add` (which picks the filter and extraInfoSpec) and removed by reference. */
export function captureListener<Listener>(
  event: RemovableEvent<Listener>,
  listener: Listener,
  add: (listener: Listener) => void,
): CaptureListener {
  return { add: () => add(listener), remove: () => event.removeListener(listener) };
}

export class CaptureSwitch {
  #attached = false;

  constructor(private readonly listeners: readonly CaptureListener[]) {}

  get attached(): boolean {
    return this.#attached;
  }

  /** Attaches or detaches every listener; does nothing when already in that state. */
  set(wanted: boolean): void {
    if (wanted === this.#attached) return;
    for (const listener of this.listeners) (wanted ? listener.add : listener.remove)();
    this.#attached = wanted;
  }
}

/** Whether anything is to be recorded: every tab (record from start), or the tabs with a panel open. */
export function captureWanted(recordFromStart: boolean, panelOpenedTabs: number): boolean {
  return recordFromStart || panelOpenedTabs > 0;
}
