/**
 * Writes the native trace document (docs/TRACE-FORMAT.md, schema/sessionscope-trace-1.schema.json). Every
 * object is rebuilt here field by field in a fixed order, so the same trace always gives the same bytes
 * and nothing but the documented fields leaves (no stray properties a live recorder may have added).
 */
import type { AnalysisResult, Finding, RequestView, SessionView } from '../analysis/analyze.ts';
import type { AnalysisSettings } from '../analysis/settings.ts';
import type { Story, StoryTiming } from '../story/story.ts';
import type { PageExport } from '../trace/exportedPage.ts';
import type { RecordingBrowser } from '../trace/recordingBrowser.ts';
import type {
  BrowserCookieReport,
  CookieSnapshot,
  Header,
  PostData,
  TraceEntry,
  TraceEvent,
  TraceRequest,
  TraceResponse,
} from '../trace/types.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/** Drops undefined fields, keeping the order the object literal gave. */
function compact(object: { [key: string]: Json | undefined }): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(object)) if (v !== undefined) out[k] = v;
  return out;
}

const headersJson = (headers: readonly Header[]): Json => headers.map((h) => ({ name: h.name, value: h.value }));

function postDataJson(p: PostData): Json {
  return compact({
    mimeType: p.mimeType,
    text: p.text,
    params: p.params?.map((q) => compact({ name: q.name, value: q.value })),
  });
}

function requestJson(r: TraceRequest): Json {
  return compact({
    method: r.method,
    url: r.url,
    headers: headersJson(r.headers),
    cookies: r.cookies?.map((c) => ({ name: c.name, value: c.value })),
    postData: r.postData ? postDataJson(r.postData) : undefined,
    resourceType: r.resourceType,
    initiatorUrl: r.initiatorUrl,
    initiatorSource: r.initiatorSource,
    siteContext: r.siteContext ? { kind: r.siteContext.kind, from: r.siteContext.from } : undefined,
  });
}

function responseJson(r: TraceResponse, page: PageExport | undefined): Json {
  return compact({
    status: r.status,
    headers: headersJson(r.headers),
    cookies: r.cookies?.map((c) => compact({ name: c.name, value: c.value, raw: c.raw })),
    redirectUrl: r.redirectUrl,
    page: page ? pageJson(page) : undefined,
  });
}

/** What the analysis read of a page the source kept, never its text (pageExport.ts). */
export function pageJson(page: PageExport): Json {
  return compact({
    loginForm: page.loginForm,
    offersLogout: page.offersLogout,
    names: page.names ? [...page.names] : undefined,
    cut: page.cut,
  });
}

function browserReportJson(b: BrowserCookieReport): Json {
  return compact({
    blockedRequestCookies: b.blockedRequestCookies?.map((c) =>
      compact({ name: c.name, domain: c.domain, path: c.path, reasons: [...c.reasons] }),
    ),
    blockedResponseCookies: b.blockedResponseCookies?.map((c) => ({
      cookieLine: c.cookieLine,
      reasons: [...c.reasons],
    })),
  });
}

export function entryJson(e: TraceEntry, page?: PageExport): Json {
  return compact({
    index: e.index,
    startedAt: e.startedAt,
    pageRef: e.pageRef,
    offNetwork: e.offNetwork,
    duration: e.duration,
    run: e.run,
    request: requestJson(e.request),
    response: e.response ? responseJson(e.response, page) : undefined,
    browserReport: e.browserReport ? browserReportJson(e.browserReport) : undefined,
  });
}

function snapshotJson(c: CookieSnapshot): Json {
  return compact({
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    hostOnly: c.hostOnly,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    expiresAt: c.expiresAt,
  });
}

/** An event as written; an entry with its page (`pages`, by entry index: pageExport.ts). */
export function eventJson(ev: TraceEvent, pages?: ReadonlyMap<number, PageExport>): Json {
  switch (ev.kind) {
    case 'entry':
      return { kind: 'entry', entry: entryJson(ev.entry, pages?.get(ev.entry.index)) };
    case 'cookie-changed':
      return {
        kind: 'cookie-changed',
        time: ev.time,
        cookie: snapshotJson(ev.cookie),
        removed: ev.removed,
        cause: ev.cause,
      };
    case 'navigation':
      return { kind: 'navigation', time: ev.time, url: ev.url };
  }
}

export function settingsJson(s: AnalysisSettings): Json {
  return compact({
    sessionCookies: [...s.sessionCookies],
    notSessionCookies: [...s.notSessionCookies],
    persistentThresholdSeconds: s.persistentThresholdSeconds,
    minEntropyBits: s.minEntropyBits,
    thirdPartySessions: s.thirdPartySessions || undefined,
    now: s.now,
  });
}

function findingJson(f: Finding, text: (t: string) => string): Json {
  const evidence: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(f.evidence)) {
    evidence[k] = typeof v === 'string' ? text(v) : Array.isArray(v) ? v.map((x: string) => text(x)) : (v as Json);
  }
  return compact({
    rule: f.rule,
    severity: f.severity,
    title: f.title,
    origin: f.origin,
    cookie: f.cookie,
    entry: f.entry,
    url: text(f.url),
    reason: f.reason,
    cause: f.cause,
    related: f.related ? [...f.related] : undefined,
    message: text(f.message),
    fix: f.fix,
    evidence,
    session: f.session
      ? { confidence: f.session.confidence, evidence: [...f.session.evidence], thirdParty: f.session.thirdParty }
      : undefined,
  });
}

function sessionJson(s: SessionView): Json {
  return {
    origin: s.origin,
    cookie: s.cookie,
    domain: s.domain,
    path: s.path,
    identifiedBy: s.identifiedBy,
    confidence: s.confidence,
    evidence: [...s.evidence],
    thirdParty: s.thirdParty,
    ids: s.ids.map((id) =>
      compact({
        id: id.id,
        firstEntry: id.firstEntry,
        lastEntry: id.lastEntry,
        endedBy: id.endedBy,
        endEntry: id.endEntry,
        cause: id.cause,
      }),
    ),
  };
}

function requestViewJson(r: RequestView, text: (t: string) => string): Json {
  return compact({
    entry: r.entry,
    method: r.method,
    url: text(r.url),
    status: r.status,
    sent: r.sent.map((s) => compact({ name: s.name, session: s.session, value: s.value })),
    notSent: r.notSent.map((n) =>
      compact({
        name: n.name,
        domain: n.domain,
        path: n.path,
        reason: n.reason,
        browserReasons: n.browserReasons ? [...n.browserReasons] : undefined,
      }),
    ),
    rejected: r.rejected.map((x) => ({ name: x.name, domain: x.domain, reason: x.reason })),
  });
}

/** The recording browser, so a re-analysis applies the same cookie defaults (recordingBrowser.ts). */
export function recordingBrowserJson(b: RecordingBrowser): Json {
  return compact({ name: b.name, version: b.version, from: b.from });
}

function storyTimingJson(t: StoryTiming): Json {
  return compact({
    idleMs: t.idleMs,
    lastUsedEntry: t.lastUsedEntry,
    lastUse: t.lastUse,
    ageMs: t.ageMs,
    firstEntry: t.firstEntry,
    expiresAt: t.expiresAt,
    expiryMarginMs: t.expiryMarginMs,
  });
}

/** One "What happened" story; its words quote URLs and cookie lines, so every free-text field goes through `text`. */
function storyJson(s: Story, text: (t: string) => string): Json {
  return compact({
    kind: s.kind,
    entry: s.entry,
    time: s.time,
    headline: text(s.headline),
    steps: s.steps.map((step) => text(step)),
    cause: text(s.cause),
    confidence: s.confidence,
    fix: text(s.fix),
    cookie: s.cookie,
    origin: s.origin,
    rule: s.rule,
    related: [...s.related],
    timing: storyTimingJson(s.timing),
  });
}

/** The analysis as the exporter saw it; `text` hides secrets the engine left in free text. */
export function analysisJson(result: AnalysisResult, text: (t: string) => string): Json {
  return compact({
    cookiesRecorded: result.cookiesRecorded,
    sessionCookieNames: [...result.facts.sessionCookieNames.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, why]) => ({ name, why })),
    sessions: result.sessions.map(sessionJson),
    findings: result.findings.map((f) => findingJson(f, text)),
    requests: result.requests.map((r) => requestViewJson(r, text)),
    story: result.story?.map((s) => storyJson(s, text)),
  });
}
