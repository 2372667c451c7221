// A tiny observable value for state kept outside components (what view is open, the selection, the filter,
// imported traces, the latest analysis), and the hook components read it with. Components re-render only
// when the slice they select changes.
import { useEffect, useState } from 'preact/hooks';

export class Observable<T> {
  #value: T;
  readonly #listeners = new Set<() => void>();

  constructor(initial: T) {
    this.#value = initial;
  }

  get value(): T {
    return this.#value;
  }

  set(value: T): void {
    if (Object.is(value, this.#value)) return;
    this.#value = value;
    for (const listener of [...this.#listeners]) listener();
  }

  update(change: (value: T) => T): void {
    this.set(change(this.#value));
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Reads `select(observable.value)` and re-renders when that slice changes (compared with Object.is). */
export function useSelected<T, S>(observable: Observable<T>, select: (value: T) => S): S {
  const [slice, setSlice] = useState(() => select(observable.value));
  useEffect(() => {
    setSlice(() => select(observable.value));
    return observable.subscribe(() => setSlice(() => select(observable.value)));
    // `select` is expected to be stable in meaning; re-subscribing on every render would be wasteful.
  }, [observable]);
  return slice;
}
