/** The distinct session IDs observed per cookie name and host, with the entry of first sight: for the entropy rules. */
import { splitRouteSuffix } from '../session/identify.ts';
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

export function observedIds(ctx: RuleContext): ObservedIds[] {
  const groups = new Map<string, ObservedIds>();
  for (const request of ctx.facts.requests) {
    const values = [
      ...request.setCookies.filter((c) => c.session && c.outcome.kind !== 'deleted'),
      ...request.sent.filter((c) => c.session),
    ];
    for (const c of values) {
      if (c.value === '') continue;
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
      const id = splitRouteSuffix(c.name, c.value.replace(/^"|"$/g, '')).id;
      if (!group.seen.has(id)) {
        group.seen.add(id);
        group.ids.push(id);
      }
    }
  }
  return [...groups.values()];
}
