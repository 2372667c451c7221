// The seam between recorded events and what the panel shows: events in, rows out. Every decision — which
// cookie is a session cookie, what a Set-Cookie line means, what was not sent and why, which findings a
// request carries — comes from the core engine (`analyzeTrace`); this module only arranges it for the view.

import type { RecordedEvent } from '../background/messages.ts';
import { type AnalysisResult, analyzeTrace, type Finding } from '../core/analysis/analyze.ts';
import { parseSetCookie } from '../core/cookie/parseSetCookie.ts';
import { cookieHeaderPairs, headerValues, setCookieLines } from '../core/trace/headers.ts';
import type { Trace, TraceEntry, TraceEvent } from '../core/trace/types.ts';

export interface SentCookieView {
  readonly name: string;
  /** The value as shown: shortened when it is a session ID. */
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
  /** Why the browser refuses this line (a SetCookie reason of RULES.md), when it does. */
  readonly rejectedReason?: string;
}

export interface NotSentView {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  readonly reason: string;
}

export interface FindingView {
  readonly rule: string;
  readonly severity: Finding['severity'];
  readonly title: string;
  readonly message: string;
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
  readonly notSent: readonly NotSentView[];
  readonly findings: readonly FindingView[];
}

/** Keeps the start and end of a long secret so IDs can be told apart without showing them whole. */
export function shortenValue(value: string): string {
  return value.length <= 12 ? value : `${value.slice(0, 6)}…${value.slice(-4)}`;
}

function attributesAsWritten(line: string): string[] {
  return line
    .split(';')
    .slice(1)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

function setCookieView(
  line: string,
  entry: TraceEntry,
  sessionNames: ReadonlySet<string>,
  rejected?: string,
): SetCookieView {
  const parsed = parseSetCookie(line);
  const name = parsed.ok ? parsed.cookie.name : '';
  const value = parsed.ok ? parsed.cookie.value : line;
  const session = sessionNames.has(name);
  const deletes =
    parsed.ok &&
    ((parsed.cookie.maxAge !== undefined && parsed.cookie.maxAge <= 0) ||
      (parsed.cookie.maxAge === undefined &&
        parsed.cookie.expires !== undefined &&
        parsed.cookie.expires < entry.startedAt));
  return {
    name,
    shownValue: session ? shortenValue(value) : value,
    attributes: attributesAsWritten(line),
    looksLikeSession: session,
    deletes,
    ...(rejected ? { rejectedReason: rejected } : parsed.ok ? {} : { rejectedReason: parsed.reason }),
  };
}

function requestRowOf(
  seq: number,
  entry: TraceEntry,
  analysis: AnalysisResult,
  findings: readonly Finding[],
): RequestRow {
  const facts = analysis.facts.requests.find((r) => r.entry === entry.index);
  const sessionNames = new Set(analysis.facts.sessionCookieNames.keys());
  const sent = headerValues(entry.request.headers, 'cookie').flatMap(cookieHeaderPairs);
  const lines = setCookieLines(entry.response?.headers ?? []);
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
      const session = sessionNames.has(name);
      return { name, shownValue: session ? shortenValue(value) : value, looksLikeSession: session };
    }),
    cookiesSet: lines.map((line, i) => {
      const outcome = facts?.setCookies[i]?.outcome;
      return setCookieView(line, entry, sessionNames, outcome?.kind === 'rejected' ? outcome.reason : undefined);
    }),
    notSent: (facts?.notSent ?? []).map((n) => ({ name: n.name, domain: n.domain, path: n.path, reason: n.reason })),
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, title: f.title, message: f.message })),
  };
}

/** The trace events alone, in order: the input the core engine takes. */
export function traceEvents(events: readonly RecordedEvent[]): TraceEvent[] {
  return events.map((recorded) => recorded.event);
}

export function liveTrace(events: readonly RecordedEvent[]): Trace {
  const traceEventList = traceEvents(events);
  return {
    source: { format: 'live' },
    events: traceEventList,
    entryCount: traceEventList.filter((e) => e.kind === 'entry').length,
  };
}

export interface PanelView {
  readonly rows: readonly RequestRow[];
  readonly analysis: AnalysisResult;
}

/** Analyses the recording and lays out one row per request, with its findings and not-sent cookies. */
export function panelView(events: readonly RecordedEvent[]): PanelView {
  // The panel may show session values (they are the user's own), so the engine renders them raw.
  const analysis = analyzeTrace(liveTrace(events), { values: 'raw' });
  const findingsByEntry = new Map<number, Finding[]>();
  for (const f of analysis.findings) findingsByEntry.set(f.entry, [...(findingsByEntry.get(f.entry) ?? []), f]);
  const rows = events.flatMap(({ seq, event }) =>
    event.kind === 'entry'
      ? [requestRowOf(seq, event.entry, analysis, findingsByEntry.get(event.entry.index) ?? [])]
      : [],
  );
  return { rows, analysis };
}

/** All request rows of a tab's events, in recording order. */
export function requestRows(events: readonly RecordedEvent[]): RequestRow[] {
  return [...panelView(events).rows];
}
