/**
 * What a rule may keep between its runs without keeping it itself. A rule module declares a `Memo` (a name and how
 * long what it keeps lasts: a constant, no state) and asks its context's memos (RuleContext.memos) for a value by
 * that memo, a key object and the inputs the value is made from. The engine owns what is kept
 * (analysis/ruleMemos.ts): per snapshot of a growing trace, what the snapshots share; for an analysis that answers
 * once, only what that one answer reuses. A rule reads whole in its own file, and holds no module-level state.
 */

export type MemoSpan =
  /** A reading of one analysis's facts several rules share (the ID transitions): made once per analysis. */
  | 'analysis'
  /**
   * A value the next snapshot of the same growing trace would make again (a finding draft): handed back, the very
   * same object, while its key and inputs are the same, so the engine sees at a glance that a finding did not
   * change (analysis/findingReuse.ts). An analysis that answers once keeps none.
   */
  | 'snapshots'
  /**
   * A fold over the replay's requests (the IDs observed, the URLs scanned), kept by the replay's first request:
   * shared by the rules of one analysis and, in a growing trace, carried on by the next snapshot over the requests
   * that arrived since. A replay that starts over has a new first request, so a new fold.
   */
  | 'replay';

/** One kind of value a rule keeps: values of type `Value`, each by a `Key` object. */
export interface Memo<Key extends object, Value> {
  readonly name: string;
  readonly span: MemoSpan;
  /** Never set: carries the key and value types from the declaration to `recall`. */
  readonly types?: (key: Key) => Value;
}

export function memo<Key extends object, Value>(name: string, span: MemoSpan): Memo<Key, Value> {
  return { name, span };
}

export interface RuleMemos {
  /**
   * What `make` gives; or, when this memo keeps it, what it gave before for the same key and the same inputs
   * (compared by identity, in order): any change of an input makes a new value.
   */
  recall<Key extends object, Value>(
    memo: Memo<Key, Value>,
    key: Key,
    inputs: readonly unknown[],
    make: () => Value,
  ): Value;
}
