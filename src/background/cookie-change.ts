// Turns a `cookies.onChanged` report into the trace's cookie-changed event.
import type { CookieChangeCause, CookieSnapshot, TraceEvent } from '../core/trace/types.ts';

/** The cookies-API cookie fields we read (Chrome and Firefox agree on these). */
export interface BrowserCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly hostOnly: boolean;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: string;
  readonly session: boolean;
  /** Seconds since the epoch, fractional; absent for session cookies. */
  readonly expirationDate?: number;
}

export interface BrowserCookieChange {
  readonly removed: boolean;
  readonly cookie: BrowserCookie;
  readonly cause: string;
}

/** cookies.SameSiteStatus → trace SameSite; `no_restriction` is the API's name for SameSite=None. */
const SAME_SITE: Readonly<Record<string, CookieSnapshot['sameSite']>> = {
  no_restriction: 'none',
  lax: 'lax',
  strict: 'strict',
  unspecified: 'unspecified',
};

const CAUSES: ReadonlySet<string> = new Set<CookieChangeCause>([
  'explicit',
  'overwrite',
  'expired',
  'expired_overwrite',
  'evicted',
]);

export function cookieSnapshotOf(cookie: BrowserCookie): CookieSnapshot {
  return {
    name: cookie.name,
    value: cookie.value,
    // The API writes a Domain cookie's domain with a leading dot; the trace keeps the bare domain.
    domain: cookie.domain.replace(/^\./, ''),
    path: cookie.path,
    hostOnly: cookie.hostOnly,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: SAME_SITE[cookie.sameSite] ?? 'unspecified',
    ...(!cookie.session && cookie.expirationDate !== undefined
      ? { expiresAt: Math.round(cookie.expirationDate * 1000) }
      : {}),
  };
}

export function cookieChangedEvent(change: BrowserCookieChange, time: number): TraceEvent {
  return {
    kind: 'cookie-changed',
    time,
    cookie: cookieSnapshotOf(change.cookie),
    removed: change.removed,
    cause: CAUSES.has(change.cause) ? (change.cause as CookieChangeCause) : 'explicit',
  };
}
