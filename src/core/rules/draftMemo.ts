/**
 * The same draft object for the same inputs. A whole-trace rule runs again over every snapshot of a growing trace
 * (the lifecycle rules read lanes, whose ends come late); what it found before it finds again, and handing back the
 * very object it gave before lets the engine see at a glance that the finding did not change, instead of comparing
 * thousands of findings field by field (analysis/findingReuse.ts). A draft is keyed by the fact it is about (an ID's
 * end, a request) and every input it is worded from, compared by identity: any change makes a new draft.
 */
import type { FindingDraft } from './rule.ts';

/** How many drafts one fact keeps (a request with several cookies not sent has one each). */
const PER_KEY = 4;

export class DraftMemo<Key extends object> {
  private readonly made = new WeakMap<Key, { readonly inputs: readonly unknown[]; readonly draft: FindingDraft }[]>();

  draft(key: Key, inputs: readonly unknown[], make: () => FindingDraft): FindingDraft {
    let list = this.made.get(key);
    const known = list?.find((m) => m.inputs.length === inputs.length && m.inputs.every((v, i) => v === inputs[i]));
    if (known) return known.draft;
    const draft = make();
    if (!list) {
      list = [];
      this.made.set(key, list);
    }
    if (list.length >= PER_KEY) list.shift();
    list.push({ inputs, draft });
    return draft;
  }
}
