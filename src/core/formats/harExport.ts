/**
 * HAR 1.2 export (http://www.softwareishard.com/blog/har-12-spec/): every field the spec requires, so other
 * tools (Chrome's DevTools import, HAR viewers, the `har-schema` validator) open it, plus our own data in
 * `_`-prefixed fields the spec reserves for extensions: per entry `_sessionscope` (the findings of that entry,
 * cookies not sent with their reasons, the initiator our recorder saw) and Chrome's `_resourceType`, which our
 * importer reads back so a re-import sees the same request kinds. Deterministic and redacted by default.
 */
import { type AnalysisResult, analyzeTrace, type Finding, type RequestView } from '../analysis/analyze.ts';
import { parseSetCookie } from '../cookie/parseSetCookie.ts';
import type { ExportOptions } from '../native/native.ts';
import { analysisJson, eventJson, pageJson, settingsJson } from '../native/nativeWrite.ts';
import { pagesForExport } from '../native/pageExport.ts';
import { addressTokens, redactTrace } from '../native/redactTrace.ts';
import type { PageExport } from '../trace/exportedPage.ts';
import { cookieHeaderPairs, headerValue, setCookieLines } from '../trace/headers.ts';
import type { Header, Trace, TraceEntry, TraceEvent } from '../trace/types.ts';

/** HAR's `-1`: "not available" for sizes and timings (HAR 1.2 spec, request/response/timings). */
const UNKNOWN = -1;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function headersJson(headers: readonly Header[]) {
  return headers.map((h) => ({ name: h.name, value: h.value }));
}

function queryString(url: string) {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function requestCookies(entry: TraceEntry) {
  const headers = entry.request.headers.filter((h) => h.name.toLowerCase() === 'cookie');
  if (headers.length > 0) return headers.flatMap((h) => cookieHeaderPairs(h.value));
  return (entry.request.cookies ?? []).map((c) => ({ name: c.name, value: c.value }));
}

/** HAR cookie objects for the response's Set-Cookie lines (attributes as the cookie model parses them). */
function responseCookies(entry: TraceEntry) {
  const response = entry.response;
  if (!response) return [];
  const lines = setCookieLines(response.headers);
  if (lines.length === 0) return (response.cookies ?? []).map((c) => ({ name: c.name, value: c.value }));
  return lines.flatMap((line) => {
    const parsed = parseSetCookie(line);
    if (!parsed.ok) return [];
    const c = parsed.cookie;
    const expires =
      c.maxAge === undefined && c.expires !== undefined && Number.isFinite(c.expires)
        ? new Date(c.expires).toISOString()
        : undefined;
    return [
      {
        name: c.name,
        value: c.value,
        ...(c.path !== undefined ? { path: c.path } : {}),
        ...(c.domain ? { domain: c.domain } : {}),
        ...(expires ? { expires } : {}),
        httpOnly: c.httpOnly,
        secure: c.secure,
        ...(c.sameSite !== 'unspecified' ? { sameSite: capitalise(c.sameSite) } : {}),
      },
    ];
  });
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function postDataJson(entry: TraceEntry) {
  const p = entry.request.postData;
  if (!p) return undefined;
  return {
    mimeType: p.mimeType ?? headerValue(entry.request.headers, 'content-type') ?? '',
    ...(p.text !== undefined ? { text: p.text } : {}),
    ...(p.params
      ? { params: p.params.map((q) => ({ name: q.name, ...(q.value !== undefined ? { value: q.value } : {}) })) }
      : {}),
  };
}

/** A failed or pending request: HAR has no "no response", so Chrome's convention (status 0) is used. */
const NO_RESPONSE = {
  status: 0,
  statusText: '',
  httpVersion: '',
  cookies: [],
  headers: [],
  content: { size: 0, mimeType: 'x-unknown' },
  redirectURL: '',
  headersSize: UNKNOWN,
  bodySize: UNKNOWN,
};

/**
 * The entry fields by which Chrome's HAR says an entry never reached a server, as our importer reads them back
 * (trace/harEntryKind.ts); an internal redirect is its status text and a service worker a response field, below.
 */
const OFF_NETWORK_MARKS: Readonly<Record<NonNullable<TraceEntry['offNetwork']> | 'network', object>> = {
  network: {},
  'internal-redirect': {},
  'proxy-tunnel': {},
  cache: { _fromCache: 'memory' },
  'service-worker': {},
  // Its status 0, no response header and its epoch start are kept: read back, it is never-sent again.
  'never-sent': {},
};

function responseJson(entry: TraceEntry) {
  const r = entry.response;
  if (!r) return NO_RESPONSE;
  return {
    status: r.status,
    statusText: entry.offNetwork === 'internal-redirect' ? 'Internal Redirect' : (STATUS_TEXT[r.status] ?? ''),
    ...(entry.offNetwork === 'service-worker' ? { _fetchedViaServiceWorker: true } : {}),
    httpVersion: 'HTTP/1.1',
    cookies: responseCookies(entry),
    headers: headersJson(r.headers),
    content: { size: 0, mimeType: headerValue(r.headers, 'content-type') ?? 'x-unknown' },
    redirectURL: r.redirectUrl ?? headerValue(r.headers, 'location') ?? '',
    headersSize: UNKNOWN,
    bodySize: UNKNOWN,
  };
}

function sessionscopeJson(
  entry: TraceEntry,
  findings: readonly Finding[],
  request: RequestView | undefined,
  page: PageExport | undefined,
) {
  const notSent = request?.notSent ?? [];
  return {
    ...(entry.request.initiatorUrl !== undefined ? { initiatorUrl: entry.request.initiatorUrl } : {}),
    ...(entry.request.initiatorSource !== undefined ? { initiatorSource: entry.request.initiatorSource } : {}),
    ...(entry.request.siteContext !== undefined ? { siteContext: entry.request.siteContext } : {}),
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      ...(f.cookie !== undefined ? { cookie: f.cookie } : {}),
      message: f.message,
    })),
    notSent: notSent.map((n) => ({ name: n.name, domain: n.domain, path: n.path, reason: n.reason })),
    ...(entry.browserReport ? { browserReport: entry.browserReport } : {}),
    // What the analysis read of the page the source kept, never its text (pageExport.ts): bodies are not exported.
    ...(page ? { page: pageJson(page) } : {}),
  };
}

/**
 * Each entry's HAR pageref. A recording that names its navigations (the live recorder gives all of a tab's requests
 * one pageRef, the tab, and records a `navigation` before each top-level document) is written a page per navigation,
 * as DevTools' HAR is: read again, the first document of each page is a top-level page (firstParty.ts), as the
 * navigation said. Entries before the first navigation, and traces with none, keep their own pageRef.
 */
function pageRefsOf(events: readonly TraceEvent[]): ReadonlyMap<number, string> {
  const refs = new Map<number, string>();
  let navigations = 0;
  for (const event of events) {
    if (event.kind === 'navigation') navigations++;
    else if (event.kind === 'entry' && navigations > 0)
      refs.set(event.entry.index, `${event.entry.pageRef ?? 'page'}_${navigations}`);
  }
  return refs;
}

/**
 * The trace's cookie and navigation events, each with `afterEntry`, the index of the entry it followed (none for one
 * before the first entry): our importer puts them back in the same place among the entries
 * (native/harCookieEvents.ts), which their times alone would not tell for an entry in flight.
 */
function cookieEventsJson(events: readonly TraceEvent[]): object[] {
  const written: object[] = [];
  let afterEntry: number | undefined;
  for (const event of events) {
    if (event.kind === 'entry') afterEntry = event.entry.index;
    else {
      const json = eventJson(event) as object;
      written.push(afterEntry === undefined ? json : { ...json, afterEntry });
    }
  }
  return written;
}

function entryJson(
  entry: TraceEntry,
  findings: readonly Finding[],
  request: RequestView | undefined,
  page: PageExport | undefined,
  pageRef = entry.pageRef,
) {
  const post = postDataJson(entry);
  return {
    ...(pageRef !== undefined ? { pageref: pageRef } : {}),
    startedDateTime: new Date(entry.startedAt).toISOString(),
    time: entry.duration ?? 0,
    ...(entry.run !== undefined ? { _run: entry.run } : {}),
    ...OFF_NETWORK_MARKS[entry.offNetwork ?? 'network'],
    request: {
      method: entry.request.method,
      url: entry.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: requestCookies(entry),
      headers: headersJson(entry.request.headers),
      queryString: queryString(entry.request.url),
      ...(post ? { postData: post } : {}),
      headersSize: UNKNOWN,
      bodySize: post?.text !== undefined ? new TextEncoder().encode(post.text).length : 0,
    },
    response: responseJson(entry),
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...(entry.request.resourceType !== undefined ? { _resourceType: entry.request.resourceType } : {}),
    _sessionscope: sessionscopeJson(entry, findings, request, page),
  };
}

/**
 * The trace as a HAR 1.2 document (a string, pretty-printed). Entries are written in their source order, so
 * the entry numbers of findings stay the same on re-import. Cookie events, which HAR cannot express, go to
 * `log._sessionscope.cookieEvents`, each with the entry it followed, which our importer reads back.
 */
export function exportHar(trace: Trace, result: AnalysisResult, options: ExportOptions = {}): string {
  const hashed = options.valuesAlreadyRedacted === true;
  const values = hashed ? 'redacted' : (options.values ?? 'redacted');
  const analysis = analyzeTrace(trace, { settings: result.settings, values: hashed ? 'raw' : values });
  const redaction = values === 'redacted' && !hashed ? redactTrace(trace, addressTokens(analysis)) : undefined;
  const text = redaction?.text ?? ((t: string) => t);
  const events: readonly TraceEvent[] = (redaction?.trace ?? trace).events;
  const pages = pagesForExport(trace, redaction?.trace ?? trace);
  const entries = events.flatMap((e) => (e.kind === 'entry' ? [e.entry] : [])).sort((a, b) => a.index - b.index);
  const pageRefs = pageRefsOf(events);
  const findingsByEntry = new Map<number, Finding[]>();
  for (const f of analysis.findings) {
    const list = findingsByEntry.get(f.entry) ?? [];
    list.push({ ...f, message: text(f.message) });
    findingsByEntry.set(f.entry, list);
  }
  const requestByEntry = new Map(analysis.requests.map((r) => [r.entry, r]));
  const cookieEvents = cookieEventsJson(events);
  const tool = options.tool ?? { name: 'sessionscope', version: '0' };
  const har = {
    log: {
      version: '1.2',
      creator: { name: tool.name, version: tool.version },
      ...(trace.source.creator ? { browser: { name: trace.source.creator, version: '' } } : {}),
      entries: entries.map((e) =>
        entryJson(
          e,
          findingsByEntry.get(e.index) ?? [],
          requestByEntry.get(e.index),
          pages.get(e.index),
          pageRefs.get(e.index),
        ),
      ),
      _sessionscope: {
        values,
        sourceFormat: trace.source.format,
        ...(cookieEvents.length > 0 ? { cookieEvents } : {}),
        // Hashes analysed again would lose what values told (a token's entropy, a form's `_method=delete`, a Basic
        // login): a redacted export keeps the settings and the analysis its exporter saw, as a native trace does.
        ...(values === 'redacted'
          ? { settings: settingsJson(result.settings), analysis: analysisJson(analysis, text) }
          : {}),
      },
    },
  };
  return `${JSON.stringify(har, null, 1)}\n`;
}
