// The stores behind the rules' memos: a growing trace's snapshots get back the very value made before while its key
// and inputs are the same; an analysis that answers once keeps only what several rules of that one analysis share.
import { describe, expect, it } from 'vitest';
import { memo } from '../rules/memo.ts';
import { OneAnalysisMemos, SnapshotMemos } from './ruleMemos.ts';

const DRAFTS = memo<object, { readonly n: number }>('drafts', 'snapshots');
const READING = memo<object, { readonly n: number }>('reading', 'analysis');

/** A `make` that counts its calls, each value a new object. */
function counter() {
  let n = 0;
  return { make: () => ({ n: ++n }), calls: () => n };
}

describe('SnapshotMemos', () => {
  it('hands back the same value for the same key and the same inputs', () => {
    const memos = new SnapshotMemos();
    const key = {};
    const show = (v: string) => v;
    const c = counter();
    const first = memos.recall(DRAFTS, key, ['a', show], c.make);
    expect(memos.recall(DRAFTS, key, ['a', show], c.make)).toBe(first);
    expect(c.calls()).toBe(1);
  });

  it('makes a new value when an input changes, by identity, or the key is another', () => {
    const memos = new SnapshotMemos();
    const key = {};
    const c = counter();
    const first = memos.recall(DRAFTS, key, ['a', () => 'x'], c.make);
    expect(memos.recall(DRAFTS, key, ['a', () => 'x'], c.make)).not.toBe(first);
    expect(memos.recall(DRAFTS, {}, ['a'], c.make)).not.toBe(first);
    expect(memos.recall(DRAFTS, key, ['a'], c.make).n).toBe(4);
  });

  it('keeps each memo apart: the same key and inputs under another memo make their own value', () => {
    const memos = new SnapshotMemos();
    const key = {};
    const c = counter();
    const draft = memos.recall(DRAFTS, key, [], c.make);
    expect(memos.recall(READING, key, [], c.make)).not.toBe(draft);
  });

  it('keeps a few values per key: going back to earlier inputs finds the value made with them', () => {
    const memos = new SnapshotMemos();
    const key = {};
    const c = counter();
    const a = memos.recall(DRAFTS, key, ['a'], c.make);
    memos.recall(DRAFTS, key, ['b'], c.make);
    expect(memos.recall(DRAFTS, key, ['a'], c.make)).toBe(a);
  });
});

describe('OneAnalysisMemos', () => {
  it('makes a value a later snapshot would reuse every time: it keeps none', () => {
    const memos = new OneAnalysisMemos();
    const key = {};
    const c = counter();
    const first = memos.recall(DRAFTS, key, ['a'], c.make);
    expect(memos.recall(DRAFTS, key, ['a'], c.make)).not.toBe(first);
    expect(c.calls()).toBe(2);
  });

  it('makes a reading the rules of its analysis share once', () => {
    const memos = new OneAnalysisMemos();
    const facts = {};
    const c = counter();
    const first = memos.recall(READING, facts, [], c.make);
    expect(memos.recall(READING, facts, [], c.make)).toBe(first);
    expect(c.calls()).toBe(1);
  });
});
