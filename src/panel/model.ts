// THE SEAM between recorded events and what the panel shows: events in, table rows out. Today it reads
// the headers itself; when the core engine's `analyzeTrace(trace)` lands, build the Trace here from the
// same events and attach its findings and session lanes to the rows — the view only reads rows.

import type { RecordedEvent } from '../background/messages.ts';
import type { Header, TraceEntry, TraceEvent } from '../core/trace/types.ts';

export interface SentCookieView {
  readonly name: string;
  /** The value as shown: shortened when it looks like a session ID or token. */
  readonly shownValue: string;
  readonly looksLikeSession: boolean;
}

export interface SetCookieView {
  readonly name: string;
  readonly shownValue: string;
  /** Attributes as written, e.g. `Path=/`, `Secure`, `SameSite=Lax`. */
  readonly attributes: readonly string[];
  readonly looksLikeSession: boolean;
  /** An expiry in the past or Max-Age ≤ 0: the Set-Cookie deletes the cookie. */
  readonly deletes: boolean;
}

export interface RequestRow {
  readonly seq: number;
  readonly entryIndex: number;
  readonly startedAt: number;
  readonly method: string;
  readonly url: string;
  /** HTTP status, or undefined when the request failed or has no response. */
  readonly status?: number;
  readonly redirectUrl?: string;
  readonly resourceType?: string;
  readonly cookiesSent: readonly SentCookieView[];
  readonly cookiesSet: readonly SetCookieView[];
}

/** Known session-cookie names (RULES.md "What is a session cookie", rule 1). Later: core's detector. */
const SESSION_NAME_PATTERNS: readonly RegExp[] = [
  /^(?:__host-|__secure-)?(?:phpsessid|jsessionid|asp\.net_sessionid|aspsessionid.*|\.aspnetcore\.(?:session|cookies|identity\.application)|\.aspxauth|connect\.sid|sessionid|session|sid|sessid|laravel_session|.*_session|sess.*|ssess.*|wordpress_logged_in_.*|cfid|cftoken|zenid|siteserver)$/i,
];
/** A value this long with no spaces reads as an opaque token (entropy checks are the engine's job). */
const TOKEN_MIN_LENGTH = 20;

export function looksLikeSessionCookie(name: string, value: string): boolean {
  return SESSION_NAME_PATTERNS.some((re) => re.test(name)) || (value.length >= TOKEN_MIN_LENGTH && !/\s/.test(value));
}

/** Keeps the start and end of a long secret so IDs can be told apart without showing them whole. */
export function shortenValue(value: string): string {
  return value.length <= 12 ? value : `${value.slice(0, 6)}…${value.slice(-4)}`;
}

function headerValues(headers: readonly Header[], name: string): string[] {
  return headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
}

/** RFC 6265bis 5.7 order aside, a Cookie header is `name=value` pairs joined by "; ". */
export function parseCookieHeader(value: string): { name: string; value: string }[] {
  return value
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { name: '', value: pair } : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
    });
}

function deletesCookie(attributes: readonly string[], now: number): boolean {
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const value = rest.join('=').trim();
    if (key.trim().toLowerCase() === 'max-age' && /^-?\d+$/.test(value) && Number(value) <= 0) return true;
    if (key.trim().toLowerCase() === 'expires') {
      const expires = Date.parse(value);
      if (!Number.isNaN(expires) && expires < now) return true;
    }
  }
  return false;
}

/** A display-level split of one Set-Cookie line (the engine's parser decides what the browser does). */
export function setCookieView(line: string, responseTime: number): SetCookieView {
  const [pair = '', ...attributeParts] = line.split(';');
  const eq = pair.indexOf('=');
  const name = eq < 0 ? '' : pair.slice(0, eq).trim();
  const value = eq < 0 ? pair.trim() : pair.slice(eq + 1).trim();
  const attributes = attributeParts.map((a) => a.trim()).filter((a) => a !== '');
  const looksLikeSession = looksLikeSessionCookie(name, value);
  return {
    name,
    shownValue: looksLikeSession ? shortenValue(value) : value,
    attributes,
    looksLikeSession,
    deletes: deletesCookie(attributes, responseTime),
  };
}

export function requestRowOf(seq: number, entry: TraceEntry): RequestRow {
  const sent = headerValues(entry.request.headers, 'cookie').flatMap(parseCookieHeader);
  const setLines = headerValues(entry.response?.headers ?? [], 'set-cookie');
  return {
    seq,
    entryIndex: entry.index,
    startedAt: entry.startedAt,
    method: entry.request.method,
    url: entry.request.url,
    ...(entry.response ? { status: entry.response.status } : {}),
    ...(entry.response?.redirectUrl ? { redirectUrl: entry.response.redirectUrl } : {}),
    ...(entry.request.resourceType ? { resourceType: entry.request.resourceType } : {}),
    cookiesSent: sent.map(({ name, value }) => {
      const looksLikeSession = looksLikeSessionCookie(name, value);
      return { name, shownValue: looksLikeSession ? shortenValue(value) : value, looksLikeSession };
    }),
    cookiesSet: setLines.map((line) => setCookieView(line, entry.startedAt)),
  };
}

/** All request rows of a tab's events, in recording order. */
export function requestRows(events: readonly RecordedEvent[]): RequestRow[] {
  return events.flatMap(({ seq, event }) => (event.kind === 'entry' ? [requestRowOf(seq, event.entry)] : []));
}

/** The trace events alone, in order: the input the core engine will take. */
export function traceEvents(events: readonly RecordedEvent[]): TraceEvent[] {
  return events.map((recorded) => recorded.event);
}
