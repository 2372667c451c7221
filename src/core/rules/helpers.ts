/** Small shared readers for rules: session Set-Cookie facts, lanes by key, once-per-cookie de-duplication. */
import type { RequestFacts, SessionLane, SetCookieFact } from '../analysis/facts.ts';
import type { ParsedSetCookie } from '../cookie/types.ts';
import type { RuleContext } from './rule.ts';

export interface SessionSetCookie {
  readonly request: RequestFacts;
  readonly fact: SetCookieFact;
  readonly parsed: ParsedSetCookie;
}

/** Every Set-Cookie of a session cookie that parsed and sets a value (deletions excluded; rejections on request). */
export function sessionSetCookies(ctx: RuleContext, includeRejected = false): SessionSetCookie[] {
  const out: SessionSetCookie[] = [];
  for (const request of ctx.facts.requests) {
    for (const fact of request.setCookies) {
      if (!fact.session || fact.outcome.kind === 'deleted' || fact.value === '' || !fact.parsed) continue;
      // A cookie the browser refused never existed on the client: its attributes describe nothing.
      if (fact.outcome.kind === 'rejected' && !includeRejected) continue;
      out.push({ request, fact, parsed: fact.parsed });
    }
  }
  return out;
}

/**
 * Attribute rules report each problem once per cookie name and host, at its first occurrence, with the
 * count: a session cookie re-set on every response must not flood the report.
 */
export function firstPerCookie<T extends { request: RequestFacts; fact: { name: string } }>(
  items: readonly T[],
): { item: T; count: number }[] {
  const seen = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const key = `${item.request.host}\u0000${item.fact.name}`;
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { item, count: 1 });
  }
  return [...seen.values()];
}

export function laneByKey(ctx: RuleContext): Map<string, SessionLane> {
  return new Map(ctx.facts.lanes.map((l) => [l.key, l]));
}

export function times(count: number): string {
  return count > 1 ? ` (${count} times)` : '';
}
