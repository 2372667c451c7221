/**
 * The stores behind the rules' memos (rules/memo.ts), owned by the engine: one that a growing trace's snapshots
 * share, and one that lives for a single analysis. Both key each memo's values by an object, weakly: a value
 * goes when the fact it is about goes.
 */
import type { Memo, RuleMemos } from '../rules/memo.ts';

/** How many values one key keeps (a request with several session cookies not sent has a draft for each). */
const PER_KEY = 4;

/** One memo's values, by key and inputs. */
class MemoTable {
  private readonly made = new WeakMap<object, { readonly inputs: readonly unknown[]; readonly value: unknown }[]>();

  recall<Value>(key: object, inputs: readonly unknown[], make: () => Value): Value {
    let list = this.made.get(key);
    const known = list?.find((m) => m.inputs.length === inputs.length && m.inputs.every((v, i) => v === inputs[i]));
    if (known) return known.value as Value;
    const value = make();
    if (!list) {
      list = [];
      this.made.set(key, list);
    }
    if (list.length >= PER_KEY) list.shift();
    list.push({ inputs, value });
    return value;
  }
}

/** Tables made on first use, one per memo. */
class MemoTables {
  private readonly tables = new Map<Memo<object, unknown>, MemoTable>();

  of(memo: Memo<object, unknown>): MemoTable {
    let table = this.tables.get(memo);
    if (!table) {
      table = new MemoTable();
      this.tables.set(memo, table);
    }
    return table;
  }
}

/** The memos of a growing trace's snapshots: every memo keeps its values from one snapshot to the next. */
export class SnapshotMemos implements RuleMemos {
  private readonly tables = new MemoTables();

  recall<Key extends object, Value>(memo: Memo<Key, Value>, key: Key, inputs: readonly unknown[], make: () => Value) {
    return this.tables.of(memo as Memo<object, unknown>).recall(key, inputs, make);
  }
}

/**
 * The memos of one analysis that answers once: a reading several rules share is made once, and nothing a later
 * snapshot would reuse is kept (there is none). Made per analysis, so what it holds goes with the analysis.
 */
export class OneAnalysisMemos implements RuleMemos {
  private readonly tables = new MemoTables();

  recall<Key extends object, Value>(memo: Memo<Key, Value>, key: Key, inputs: readonly unknown[], make: () => Value) {
    if (memo.span === 'snapshots') return make();
    return this.tables.of(memo as Memo<object, unknown>).recall(key, inputs, make);
  }
}
