/** The distinct session IDs observed per cookie name and host, with the entry of first sight: for the entropy rules. */

import type { AnalysisFacts, RequestFacts } from '../analysis/facts.ts';
import { splitRouteSuffix } from '../session/identify.ts';
import { memo } from './memo.ts';
import type { RuleContext } from './rule.ts';

export interface ObservedIds {
  readonly cookie: string;
  readonly origin: string;
  readonly host: string;
  readonly firstEntry: number;
  readonly url: string;
  /** Distinct IDs in order of first sight, route suffixes removed (they are affinity, not randomness). */
  readonly ids: string[];
  /** The same IDs as a set, for constant-time membership while collecting. */
  readonly seen: Set<string>;
}

/**
 * Values that are a later version of the same session (their predecessor ended as an update): not independently
 * issued, so the entropy and predictability rules leave them out (RULES.md, session-id-predictable).
 */
function updatedValues(ctx: RuleContext): ReadonlySet<string> {
  const values = new Set<string>();
  for (const lane of ctx.facts.lanes) {
    for (let i = 1; i < lane.ids.length; i++) if (lane.ids[i - 1]!.end?.kind === 'updated') values.add(lane.ids[i]!.id);
  }
  return values;
}

/** Both entropy rules read the same groups of the same facts: gathered once per analysis. */
const OBSERVED_IDS = memo<AnalysisFacts, readonly ObservedIds[]>('observed IDs', 'analysis');

export function observedIds(ctx: RuleContext): readonly ObservedIds[] {
  return ctx.memos.recall(OBSERVED_IDS, ctx.facts, [], () => gatherObservedIds(ctx));
}

function gatherObservedIds(ctx: RuleContext): ObservedIds[] {
  const groups = new Map<string, ObservedIds>();
  const updated = updatedValues(ctx);
  /** The ID of each (shared) cookie fact, worked out once: facts repeat on most requests. */
  const idOf = new Map<{ readonly name: string; readonly value: string }, string>();
  const observe = (request: RequestFacts, c: { readonly name: string; readonly value: string }) => {
    if (c.value === '' || updated.has(c.value)) return;
    const key = `${request.host}\u0000${c.name}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        cookie: c.name,
        origin: request.origin,
        host: request.host,
        firstEntry: request.entry,
        url: request.url,
        ids: [],
        seen: new Set(),
      };
      groups.set(key, group);
    }
    let id = idOf.get(c);
    if (id === undefined) {
      id = splitRouteSuffix(c.name, c.value.replace(/^"|"$/g, '')).id;
      idOf.set(c, id);
    }
    if (!group.seen.has(id)) {
      group.seen.add(id);
      group.ids.push(id);
    }
  };
  // Per request, the Set-Cookie values first, then the sent ones (indexed loops: this runs for every request,
  // and a for-of allocated an iterator result per step).
  const requests = ctx.facts.requests;
  for (let r = 0; r < requests.length; r++) {
    const request = requests[r]!;
    const { setCookies, sent } = request;
    for (let i = 0; i < setCookies.length; i++) {
      const c = setCookies[i]!;
      if (c.session && c.outcome.kind !== 'deleted') observe(request, c);
    }
    for (let i = 0; i < sent.length; i++) if (sent[i]!.session) observe(request, sent[i]!);
  }
  return [...groups.values()];
}
