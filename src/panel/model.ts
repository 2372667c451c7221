// The seam between a trace (live or imported) and what the panel shows: trace in, rows out. Every decision —
// which cookie is a session cookie, what a Set-Cookie did, what was not sent and why, which findings a
// request carries, what ended an ID — comes from the core engine (`analyzeTrace`); this module only arranges
// its result for the views. Rows are light (built from the engine's facts for every entry); the request
// detail, which parses Set-Cookie attributes, is built on demand for the one request shown.

import { type AnalysisResult, analyzeTrace, type Finding, type JarCookieView } from '../core/analysis/analyze.ts';
import type { RequestFacts } from '../core/analysis/facts.ts';
import { NewRequests } from '../core/analysis/newRequests.ts';
import type { AnalysisSettings } from '../core/analysis/settings.ts';
import { domainMatch } from '../core/cookie/domain.ts';
import { parseSetCookie } from '../core/cookie/parseSetCookie.ts';
import { NOT_SENT_REASONS, SET_COOKIE_REJECTED_REASONS } from '../core/cookie/reasons.ts';
import type { ParsedSetCookie } from '../core/cookie/types.ts';
import { idName } from '../core/story/story.ts';
import { browserFromUserAgent, type RecordingBrowser } from '../core/trace/recordingBrowser.ts';
import type { SiteContext, Trace, TraceEntry, TraceEvent } from '../core/trace/types.ts';
import type { RecordedEvent } from '../protocol/messages.ts';
import type { RequestExchange } from './exchange.ts';
import type { FilterableRow } from './filter.ts';
import { idHue, shortId } from './idColour.ts';

export interface SentCookieView {
  readonly name: string;
  /** The value as shown: shortened when it is a session ID. */
  readonly shownValue: string;
  readonly looksLikeSession: boolean;
  /** Colour of the session ID (its hash), for session cookies. */
  readonly hue?: number;
  /** The ID's short stable name in the CLI and HTML reports (`h:1a2b3c4d`), for session cookies. */
  readonly idName?: string;
}

export interface SetCookieView {
  readonly name: string;
  readonly shownValue: string;
  /** Attributes as written, e.g. `Path=/`, `Secure`, `SameSite=Lax`. */
  readonly attributes: readonly string[];
  readonly looksLikeSession: boolean;
  /** The ID's short stable name in the reports (`h:1a2b3c4d`), for session cookies that set a value. */
  readonly idName?: string;
  /** The engine says this Set-Cookie deleted the cookie (expiry in the past / Max-Age ≤ 0). */
  readonly deletes: boolean;
  /** Why the browser refuses this line (a SetCookie reason of RULES.md), when it does. */
  readonly rejectedReason?: string;
}

export interface NotSentView {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  readonly reason: string;
  readonly session: boolean;
}

export interface FindingView {
  readonly rule: string;
  readonly severity: Finding['severity'];
  readonly title: string;
  readonly message: string;
}

/** A session event drawn on a timeline row: an ID set, rotated, reset, cleared or expired here. */
export interface RowMarker {
  readonly kind: 'set' | 'rotated' | 'reset' | 'cleared' | 'expired' | 'rejected' | 'changed';
  readonly cookie: string;
  readonly label: string;
}

export interface RequestRow extends FilterableRow {
  /** The background's sequence number (live recordings), else the entry index. */
  readonly seq: number;
  readonly entryIndex: number;
  readonly startedAt: number;
  readonly method: string;
  readonly url: string;
  readonly origin: string;
  /** HTTP status, or undefined when the request failed or has no response. */
  readonly status?: number;
  readonly redirectUrl?: string;
  readonly resourceType?: string;
  /** The request's site for cookies and what decided it (trace/siteContext.ts), when the trace says. */
  readonly siteContext?: SiteContext;
  readonly cookiesSent: readonly SentCookieView[];
  readonly cookiesSet: readonly SetCookieView[];
  readonly notSent: readonly NotSentView[];
  readonly findings: readonly FindingView[];
  readonly markers: readonly RowMarker[];
  /** Carried, set or missed a session cookie, or has a finding: kept by "session requests only". */
  readonly sessionRelevant: boolean;
}

/** Keeps the start and end of a long secret so IDs can be told apart without showing them whole. */
export const shortenValue = shortId;

function attributesAsWritten(line: string): string[] {
  return line
    .split(';')
    .slice(1)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '';
  }
}

/** The lane events of one entry, from `AnalysisResult.sessions`: what ended an ID there. */
export function laneEndMarkers(analysis: AnalysisResult): Map<number, RowMarker[]> {
  const byEntry = new Map<number, RowMarker[]>();
  for (const lane of analysis.sessions) {
    for (const id of lane.ids) {
      // A browser run's end is no event of the request that starts the next run.
      if (id.endEntry === undefined || id.endedBy === undefined || id.endedBy === 'browser-run-ended') continue;
      const marker = laneEndMarker(lane.cookie, id.endedBy, id.cause);
      byEntry.set(id.endEntry, [...(byEntry.get(id.endEntry) ?? []), marker]);
    }
  }
  return byEntry;
}

const RESET_CAUSE_MARKER: Readonly<Record<string, RowMarker['kind']>> = {
  'cleared-by-server': 'cleared',
  'cleared-by-script': 'cleared',
  expired: 'expired',
};

function laneEndMarker(cookie: string, endedBy: string, cause: string | undefined): RowMarker {
  if (endedBy === 'session-rotated') return { kind: 'rotated', cookie, label: `${cookie} rotated` };
  if (endedBy === 'session-reset') {
    const kind = (cause && RESET_CAUSE_MARKER[cause]) || 'reset';
    return { kind, cookie, label: kind === 'reset' ? `${cookie} reset: ${cause ?? '?'}` : `${cookie} ${kind}` };
  }
  return { kind: 'changed', cookie, label: `${cookie} changed` };
}

function setCookieMarkers(facts: RequestFacts | undefined): RowMarker[] {
  const out: RowMarker[] = [];
  for (const c of facts?.setCookies ?? []) {
    if (!c.session) continue;
    const kind = c.outcome.kind === 'stored' ? 'set' : c.outcome.kind === 'deleted' ? 'cleared' : 'rejected';
    const label = kind === 'rejected' && c.outcome.kind === 'rejected' ? `${c.name} rejected` : `${c.name} ${kind}`;
    out.push({ kind, cookie: c.name, label });
  }
  return out;
}

/** Lane ends win over the plain set/cleared marker of the same cookie on the same row. */
function rowMarkers(laneEnds: readonly RowMarker[], setMarkers: readonly RowMarker[]): RowMarker[] {
  const ended = new Set(laneEnds.map((m) => m.cookie));
  const seen = new Set<string>();
  const out: RowMarker[] = [];
  for (const m of [...laneEnds, ...setMarkers.filter((m) => !ended.has(m.cookie) || m.kind === 'rejected')]) {
    const key = `${m.kind}\u0000${m.cookie}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

function requestRowOf(
  seq: number,
  entry: TraceEntry,
  facts: RequestFacts | undefined,
  findings: readonly Finding[],
  markers: readonly RowMarker[],
): RequestRow {
  const cookiesSent: SentCookieView[] = (facts?.sent ?? []).map((c) =>
    c.session
      ? {
          name: c.name,
          shownValue: shortId(c.value),
          looksLikeSession: true,
          hue: idHue(c.value),
          idName: idName(c.value),
        }
      : { name: c.name, shownValue: c.value, looksLikeSession: false },
  );
  const cookiesSet: SetCookieView[] = (facts?.setCookies ?? []).map((c) => ({
    name: c.name,
    shownValue: c.session ? shortId(c.value) : c.value,
    attributes: attributesAsWritten(c.line),
    looksLikeSession: c.session,
    ...(c.session && c.value !== '' ? { idName: idName(c.value) } : {}),
    deletes: c.outcome.kind === 'deleted',
    ...(c.outcome.kind === 'rejected' ? { rejectedReason: c.outcome.reason } : {}),
  }));
  const notSent: NotSentView[] = (facts?.notSent ?? []).map((n) => ({
    name: n.name,
    domain: n.domain,
    path: n.path,
    reason: n.reason,
    session: n.session,
  }));
  const findingViews = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    title: f.title,
    message: f.message,
  }));
  const sessionRelevant =
    findings.length > 0 ||
    (facts?.sent ?? []).some((c) => c.session) ||
    notSent.some((n) => n.session) ||
    cookiesSet.some((c) => c.looksLikeSession);
  return {
    seq,
    entryIndex: entry.index,
    startedAt: entry.startedAt,
    method: entry.request.method,
    url: entry.request.url,
    origin: facts?.origin || originOf(entry.request.url),
    ...(entry.response ? { status: entry.response.status } : {}),
    ...(entry.response?.redirectUrl ? { redirectUrl: entry.response.redirectUrl } : {}),
    ...(entry.request.resourceType ? { resourceType: entry.request.resourceType } : {}),
    ...(entry.request.siteContext ? { siteContext: entry.request.siteContext } : {}),
    cookiesSent,
    cookiesSet,
    notSent,
    findings: findingViews,
    markers,
    sessionRelevant,
    cookies: [...cookiesSent.map((c) => c.name), ...cookiesSet.map((c) => c.name), ...notSent.map((n) => n.name)],
    rules: findingViews.map((f) => f.rule),
    severities: findingViews.map((f) => f.severity),
  };
}

/** One request's row from what the engine says of it: its facts, its findings, the lane ends drawn on it. */
export function requestRow(
  seq: number,
  entry: TraceEntry,
  facts: RequestFacts | undefined,
  findings: readonly Finding[],
  laneEnds: readonly RowMarker[],
): RequestRow {
  return requestRowOf(seq, entry, facts, findings, rowMarkers(laneEnds, setCookieMarkers(facts)));
}

/** The trace events alone, in order: the input the core engine takes. */
export function traceEvents(events: readonly RecordedEvent[]): TraceEvent[] {
  return events.map((recorded) => recorded.event);
}

export function liveTrace(events: readonly RecordedEvent[]): Trace {
  const traceEventList = traceEvents(events);
  let entryCount = 0;
  for (const e of traceEventList) if (e.kind === 'entry') entryCount++;
  const browser = liveBrowser();
  return { source: { format: 'live', ...(browser ? { browser } : {}) }, events: traceEventList, entryCount };
}

/**
 * The browser the panel runs in, which is the one recording: its cookie defaults apply (a live recording in
 * Firefox must not be judged with Chrome's Lax by default). Undefined outside a browser (tests, benchmarks).
 */
export function liveBrowser(): RecordingBrowser | undefined {
  const userAgent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent;
  return typeof userAgent === 'string' ? browserFromUserAgent(userAgent) : undefined;
}

export type SessionOverrides = Pick<AnalysisSettings, 'sessionCookies' | 'notSessionCookies'>;

export interface TraceView {
  readonly trace: Trace;
  readonly rows: readonly RequestRow[];
  readonly analysis: AnalysisResult;
  /** Findings by the entry they concern. */
  readonly findingsByEntry: ReadonlyMap<number, readonly Finding[]>;
  readonly entries: ReadonlyMap<number, TraceEntry>;
  readonly factsByEntry: ReadonlyMap<number, RequestFacts>;
  /**
   * True while a request's facts are being fetched (the live worker's view keeps them in the worker and
   * sends the one the detail asks for); asks for them. Absent when every request's facts are held.
   */
  readonly awaitingFacts?: (entry: number) => boolean;
  /**
   * A request's raw headers and redirect chain, when the view holds no entries (the live worker's view sends
   * them with the request's facts); read from `entries` when absent.
   */
  readonly exchangeOf?: (entry: number) => RequestExchange | undefined;
  /** Wall-clock milliseconds the analysis and row layout took (shown in the toolbar's tooltip). */
  readonly analysisMs: number;
  /**
   * `cookiesSeen(analysis)` worked out already (the live worker's answer carries it, so the page need not read
   * every request's facts for the Cookies view); computed from the facts when absent.
   */
  readonly seenCookies?: readonly SeenCookie[];
}

/**
 * Analyses a trace and lays out one row per request. `seqOf` maps an entry to the background's sequence
 * number for live recordings. `saved` is a redacted native trace's own findings and lanes, shown instead of
 * the ones its hashed values would give.
 */
export function traceView(
  trace: Trace,
  overrides: Partial<AnalysisSettings> = {},
  seqOf: (entry: TraceEntry, position: number) => number = (entry) => entry.index,
  saved?: Pick<AnalysisResult, 'findings' | 'sessions'>,
): TraceView {
  const started = performance.now();
  // The panel may show session values (they are the user's own), so the engine renders them raw.
  const fresh = analyzeTrace(trace, { values: 'raw', settings: overrides });
  const analysis: AnalysisResult = saved ? { ...fresh, findings: saved.findings, sessions: saved.sessions } : fresh;
  const findingsByEntry = new Map<number, Finding[]>();
  for (const f of analysis.findings) {
    const list = findingsByEntry.get(f.entry);
    if (list) list.push(f);
    else findingsByEntry.set(f.entry, [f]);
  }
  const factsByEntry = new Map<number, RequestFacts>(analysis.facts.requests.map((r) => [r.entry, r]));
  const laneEnds = laneEndMarkers(analysis);
  const entries = new Map<number, TraceEntry>();
  const rows: RequestRow[] = [];
  trace.events.forEach((event, position) => {
    if (event.kind !== 'entry') return;
    const entry = event.entry;
    entries.set(entry.index, entry);
    const facts = factsByEntry.get(entry.index);
    const findings = findingsByEntry.get(entry.index) ?? [];
    rows.push(requestRow(seqOf(entry, position), entry, facts, findings, laneEnds.get(entry.index) ?? []));
  });
  return {
    trace,
    rows,
    analysis,
    findingsByEntry,
    entries,
    factsByEntry,
    analysisMs: performance.now() - started,
  };
}

/** The live recording's view: rows carry the background's sequence numbers. */
export function panelView(events: readonly RecordedEvent[], overrides: Partial<SessionOverrides> = {}): TraceView {
  return traceView(liveTrace(events), overrides, (_entry, position) => events[position]?.seq ?? position);
}

/** All request rows of a tab's events, in recording order. */
export function requestRows(events: readonly RecordedEvent[]): RequestRow[] {
  return [...panelView(events).rows];
}

// ——— Request detail ———

export interface NotSentDetail extends NotSentView {
  /** The reason's description, from NOT_SENT_REASONS. */
  readonly description: string;
  /** What the browser itself reported, when the trace carries it. */
  readonly browserReasons?: readonly string[];
}

export interface SetCookieDetail {
  readonly line: string;
  readonly name: string;
  readonly value: string;
  readonly session: boolean;
  /** The attributes parsed by `parseSetCookie`, as label/value pairs; absent when the line did not parse. */
  readonly attributes?: readonly (readonly [string, string])[];
  readonly warnings: readonly string[];
  readonly outcome: 'stored' | 'deleted' | 'rejected';
  readonly rejected?: { readonly reason: string; readonly description: string; readonly detail: string };
}

export interface RequestDetail {
  readonly row: RequestRow;
  readonly sent: readonly { readonly name: string; readonly value: string; readonly session: boolean }[];
  readonly notSent: readonly NotSentDetail[];
  readonly setCookies: readonly SetCookieDetail[];
  readonly findings: readonly Finding[];
}

function attributeList(c: ParsedSetCookie): (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  if (c.domain !== undefined) out.push(['Domain', c.domain === '' ? '(empty: host-only)' : c.domain]);
  out.push(['Path', c.path ?? '(default)']);
  if (c.expires !== undefined) out.push(['Expires', new Date(c.expires).toISOString()]);
  if (c.maxAge !== undefined) out.push(['Max-Age', String(c.maxAge)]);
  out.push(['Secure', c.secure ? 'yes' : 'no']);
  out.push(['HttpOnly', c.httpOnly ? 'yes' : 'no']);
  out.push(['SameSite', c.sameSite]);
  if (c.partitioned) out.push(['Partitioned', 'yes']);
  return out;
}

/** SetCookieFact.keptEarlierAnswer, in the request's detail: why the ID it set is not the one the browser holds. */
export const KEPT_EARLIER_ANSWER =
  'Replaced at once: the answer to a request that started before this one arrived after it and set the cookie back (the two crossed in flight).';

export function requestDetail(view: TraceView, row: RequestRow): RequestDetail {
  const facts = view.factsByEntry.get(row.entryIndex);
  const setCookies = (facts?.setCookies ?? []).map((c): SetCookieDetail => {
    const parsed = parseSetCookie(c.line);
    const outcome = c.outcome;
    return {
      line: c.line,
      name: c.name,
      value: c.value,
      session: c.session,
      ...(parsed.ok ? { attributes: attributeList(parsed.cookie) } : {}),
      warnings: [...(parsed.ok ? parsed.cookie.warnings : []), ...(c.keptEarlierAnswer ? [KEPT_EARLIER_ANSWER] : [])],
      outcome: outcome.kind,
      ...(outcome.kind === 'rejected'
        ? {
            rejected: {
              reason: outcome.reason,
              description: SET_COOKIE_REJECTED_REASONS[outcome.reason] ?? '',
              detail: outcome.detail,
            },
          }
        : {}),
    };
  });
  return {
    row,
    sent: (facts?.sent ?? []).map((c) => ({ name: c.name, value: c.value, session: c.session })),
    notSent: (facts?.notSent ?? []).map((n) => ({
      name: n.name,
      domain: n.domain,
      path: n.path,
      reason: n.reason,
      session: n.session,
      description: NOT_SENT_REASONS[n.reason] ?? '',
      ...(n.browserReasons ? { browserReasons: n.browserReasons } : {}),
    })),
    setCookies,
    findings: view.findingsByEntry.get(row.entryIndex) ?? [],
  };
}

// ——— Cookies seen (the jar view's stand-in) ———

export interface SeenCookie {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  /** The last value set (or carried), as recorded. */
  readonly value: string;
  /** What the last Set-Cookie for it did, or `carried` when the recording only saw it sent. */
  readonly lastOutcome: 'stored' | 'deleted' | 'rejected' | 'carried';
  readonly lastEntry: number;
  /** Why the engine counts it as a session cookie (name pattern, token-like, override), if it does. */
  readonly sessionBecause?: string;
}

/**
 * The cookies the recording saw set or carried, one per name/domain/path, with the last thing that happened
 * to it. `AnalysisResult` does not expose the replay's jar, so this lists the engine's facts instead.
 */
export function cookiesSeen(analysis: AnalysisResult): SeenCookie[] {
  return new SeenCookies().of(analysis);
}

/**
 * cookiesSeen for a recording that grows (the live worker answers every 250–500 ms, refreshPace.ts): what each
 * request did is folded in once, as it arrives, instead of walking every request's facts again for each answer
 * (75 ms of a 200 ms answer at 80,000 requests). A replay that started over has new request facts: the fold starts
 * over with it.
 */
export class SeenCookies {
  /** Without `sessionBecause`: the evidence of a session cookie grows after its cookie was first seen. */
  readonly #byKey = new Map<string, Omit<SeenCookie, 'sessionBecause'>>();
  readonly #newRequests = new NewRequests();

  /** The cookies seen in `analysis`, which goes on from (or starts over from) the one asked about before. */
  of(analysis: AnalysisResult): SeenCookie[] {
    const requests = analysis.facts.requests;
    const from = this.#newRequests.since(requests);
    if (from === 0) this.#byKey.clear();
    for (let i = from; i < requests.length; i++) this.#fold(requests[i]!);
    const why = analysis.facts.sessionCookieNames;
    const seen: SeenCookie[] = [];
    for (const c of this.#byKey.values()) {
      const because = why.get(c.name);
      seen.push(because ? { ...c, sessionBecause: because } : c);
    }
    return seen.sort((a, b) => a.domain.localeCompare(b.domain) || a.name.localeCompare(b.name));
  }

  #fold(r: RequestFacts): void {
    const byKey = this.#byKey;
    for (const s of r.sent) {
      const key = `${s.domain ?? r.host}\u0000${s.path ?? '/'}\u0000${s.name}`;
      if (!byKey.has(key))
        byKey.set(key, {
          name: s.name,
          domain: s.domain ?? r.host,
          path: s.path ?? '/',
          value: s.value,
          lastOutcome: 'carried',
          lastEntry: r.entry,
        });
    }
    for (const c of r.setCookies) {
      const o = c.outcome;
      const where =
        o.kind === 'stored'
          ? { domain: o.cookie.domain, path: o.cookie.path }
          : { domain: c.parsed?.domain || r.host, path: c.parsed?.path ?? '/' };
      byKey.set(`${where.domain}\u0000${where.path}\u0000${c.name}`, {
        name: c.name,
        ...where,
        value: c.value,
        lastOutcome: o.kind,
        lastEntry: r.entry,
      });
    }
  }
}

// ——— The cookie jar view ———

export interface SiteJar {
  /** The cookies the browser held when the recording ended, for the site (all of them without a site). */
  readonly held: readonly (JarCookieView & { readonly sessionBecause?: string })[];
  /** Cookies the recording saw set or sent that are no longer held (deleted, expired, rejected, evicted). */
  readonly gone: readonly SeenCookie[];
}

/**
 * The end-of-recording jar limited to a site: the cookies whose domain is the site or within it (RFC 6265bis
 * 5.1.3 domain-match — a registrable domain has no parent a cookie could be set on but its public suffix,
 * which browsers refuse). Cookies seen but gone by the end follow, each with the last thing that happened.
 */
export function siteJar(
  analysis: AnalysisResult,
  site: string | undefined,
  seen: readonly SeenCookie[] = cookiesSeen(analysis),
): SiteJar {
  const ofSite = (domain: string) => site === undefined || domainMatch(domain, site);
  const why = analysis.facts.sessionCookieNames;
  const held = analysis.jar
    .filter((c) => ofSite(c.domain))
    .map((c) => {
      const because = why.get(c.name);
      return because ? { ...c, sessionBecause: because } : c;
    });
  const heldKeys = new Set(held.map((c) => `${c.domain}\u0000${c.path}\u0000${c.name}`));
  const gone = seen.filter((c) => ofSite(c.domain) && !heldKeys.has(`${c.domain}\u0000${c.path}\u0000${c.name}`));
  return { held, gone };
}
