/** The distinct session IDs observed per cookie name and host, with the entry of first sight: for the entropy rules. */

import type { RequestFacts } from '../analysis/facts.ts';
import { isChunkCountMarker } from '../session/chunkedCookie.ts';
import { splitRouteSuffix } from '../session/identify.ts';
import { isPlaceholderValue } from '../session/valueShape.ts';
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

/**
 * Both entropy rules read the same groups: gathered once per analysis, and in a growing replay carried on from the
 * last snapshot over the requests that arrived since (memo.ts, by the replay's first request).
 */
const OBSERVED_IDS = memo<RequestFacts, ObservedIdsFold>('observed IDs', 'replay');

export function observedIds(ctx: RuleContext): readonly ObservedIds[] {
  const requests = ctx.facts.requests;
  if (requests.length === 0) return [];
  return ctx.memos.recall(OBSERVED_IDS, requests[0]!, [], () => new ObservedIdsFold()).upTo(ctx);
}

/**
 * The groups of the requests folded so far. The values left out (updatedValues) decide what every request gave:
 * when they change, the fold starts over.
 */
class ObservedIdsFold {
  readonly #groups = new Map<string, ObservedIds>();
  /** The ID of each (shared) cookie fact, worked out once: facts repeat on most requests. */
  readonly #idOf = new Map<{ readonly name: string; readonly value: string }, string>();
  #updated: ReadonlySet<string> = new Set();
  #folded = 0;

  /** The groups of every request in `ctx` (the same requests as before, and perhaps more). */
  upTo(ctx: RuleContext): ObservedIds[] {
    const updated = updatedValues(ctx);
    if (!sameSet(updated, this.#updated)) {
      this.#updated = updated;
      this.#groups.clear();
      this.#folded = 0;
    }
    // Per request, the Set-Cookie values first, then the sent ones (indexed loops: this runs for every request,
    // and a for-of allocated an iterator result per step).
    const requests = ctx.facts.requests;
    for (let r = this.#folded; r < requests.length; r++) {
      const request = requests[r]!;
      const { setCookies, sent } = request;
      for (let i = 0; i < setCookies.length; i++) {
        const c = setCookies[i]!;
        if (c.session && c.outcome.kind !== 'deleted') this.#observe(request, c);
      }
      for (let i = 0; i < sent.length; i++) if (sent[i]!.session) this.#observe(request, sent[i]!);
    }
    this.#folded = requests.length;
    return [...this.#groups.values()];
  }

  #observe(request: RequestFacts, c: { readonly name: string; readonly value: string }): void {
    // ASP.NET Core's `chunks-N` marker is a count, not an ID: the chunks hold the ticket.
    if (c.value === '' || this.#updated.has(c.value) || isChunkCountMarker(c.value)) return;
    const key = `${request.host}\u0000${c.name}`;
    let group = this.#groups.get(key);
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
      this.#groups.set(key, group);
    }
    let id = this.#idOf.get(c);
    if (id === undefined) {
      id = splitRouteSuffix(c.name, c.value.replace(/^"|"$/g, '')).id;
      // A placeholder written to clear the cookie (`deleted`) is no ID: '' marks it left out.
      if (isPlaceholderValue(id)) id = '';
      this.#idOf.set(c, id);
    }
    if (id === '') return;
    if (!group.seen.has(id)) {
      group.seen.add(id);
      group.ids.push(id);
    }
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}
