/**
 * IdChange facts for the lifecycle rules' decision tables (sessionReset, sessionRotated, sessionBackendSwitch):
 * by default the request carried the held ID `a…` (issued by the Set-Cookie of entry 0) and the response of
 * entry 5 (GET /account) issued `b…`, with no login, no logout and no affinity cookies. Each case changes what it is about.
 */
import type { IdChange, LaneId, NotSentCookieFact } from '../../src/core/analysis/facts.ts';
import { ID } from './traceBuilder.ts';

export const AT = 5;

export function heldId(over: Partial<LaneId> = {}): LaneId {
  // Every request that carried it was for a page, unless the case says otherwise.
  const pagesCarried = over.pagesCarried ?? over.carriedCount ?? 4;
  return {
    id: ID.a,
    firstEntry: 0,
    lastEntry: 4,
    source: 'set-cookie',
    carriedCount: 4,
    incidents: [],
    ...over,
    pagesCarried,
  };
}

export function idChange(over: Partial<IdChange> = {}): IdChange {
  return {
    entry: AT,
    cookie: 'sid',
    held: heldId(),
    issued: ID.b,
    carried: true,
    path: '/account',
    logout: false,
    sent: [{ name: 'sid', value: ID.a, domain: 'shop.test', path: '/', session: true }],
    affinitySet: new Map(),
    ...over,
  };
}

/** The held ID in the jar and not sent on this request, for `reason`. */
export function notSentHeld(reason: NotSentCookieFact['reason']): NotSentCookieFact {
  return { name: 'sid', value: ID.a, domain: 'shop.test', path: '/', reason, session: true };
}
