/** Small shared readers for rules: a request's session Set-Cookie facts, lanes by key, the once-per-cookie key. */
import type { RequestFacts, SessionLane, SetCookieFact } from '../analysis/facts.ts';
import type { ParsedSetCookie } from '../cookie/types.ts';
import type { RuleContext } from './rule.ts';

export interface SessionSetCookie {
  readonly request: RequestFacts;
  readonly fact: SetCookieFact;
  readonly parsed: ParsedSetCookie;
}

/** The request's Set-Cookies of a session cookie that parsed and set a value (deletions excluded; rejections on request). */
export function sessionSetCookiesOf(request: RequestFacts, includeRejected = false): SessionSetCookie[] {
  const out: SessionSetCookie[] = [];
  for (const fact of request.setCookies) {
    if (!fact.session || fact.outcome.kind === 'deleted' || fact.value === '' || !fact.parsed) continue;
    // A cookie the browser refused never existed on the client: its attributes describe nothing.
    if (fact.outcome.kind === 'rejected' && !includeRejected) continue;
    out.push({ request, fact, parsed: fact.parsed });
  }
  return out;
}

/**
 * Attribute rules report each problem once per cookie name and host, at its first occurrence, with the
 * count: a session cookie re-set on every response must not flood the report.
 */
export function perCookieAndHost(item: {
  readonly request: RequestFacts;
  readonly fact: { readonly name: string };
}): string {
  return `${item.request.host}\u0000${item.fact.name}`;
}

export function laneByKey(ctx: RuleContext): Map<string, SessionLane> {
  return new Map(ctx.facts.lanes.map((l) => [l.key, l]));
}

export function times(count: number): string {
  return count > 1 ? ` (${count} times)` : '';
}
