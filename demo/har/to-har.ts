// Turns captured hops into a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/) with
// Chrome's `_resourceType`/`_initiator` and Sessionscope's `_sessionscope` extension: the initiating
// page and Chrome's own reasons for every cookie it did not send or did not store.
import type { Protocol } from 'puppeteer-core';
import type { CapturedHop, CapturedPageLoad } from './cdp-capture.ts';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarCookie extends HarNameValue {
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
}

export interface SessionscopeEntryExtension {
  initiatorUrl?: string;
  browserReport?: {
    blockedRequestCookies: { name: string; domain: string; path: string; reasons: string[] }[];
    blockedResponseCookies: { cookieLine: string; reasons: string[] }[];
  };
}

export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HarNameValue[];
    cookies: HarCookie[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string; params?: HarNameValue[] };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarNameValue[];
    cookies: HarCookie[];
    /** `text` (and `encoding: 'base64'` for a binary body) where the capture kept the body (HAR 1.2, 'content'). */
    content: { size: number; mimeType: string; text?: string; encoding?: 'base64' };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { blocked: number; dns: number; connect: number; ssl: number; send: number; wait: number; receive: number };
  serverIPAddress?: string;
  _resourceType: string;
  /** Chrome DevTools' mark of an answer from the browser's cache: no request went out. */
  _fromCache?: 'memory' | 'disk';
  _initiator: { type: string; url?: string; lineNumber?: number; columnNumber?: number };
  _sessionscope: SessionscopeEntryExtension;
}

export interface HarPage {
  startedDateTime: string;
  id: string;
  title: string;
  pageTimings: { onContentLoad: number; onLoad: number };
}

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    browser: { name: string; version: string };
    pages: HarPage[];
    entries: HarEntry[];
  };
}

/** CDP header objects join repeated headers (Set-Cookie) with '\n'; HAR wants one line each. */
function headerList(headers: Protocol.Network.Headers | undefined): HarNameValue[] {
  if (headers === undefined) return [];
  return Object.entries(headers).flatMap(([name, value]) =>
    String(value)
      .split('\n')
      .map((v) => ({ name, value: v })),
  );
}

function headerValues(headers: readonly HarNameValue[], name: string): string[] {
  return headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
}

function requestCookies(headers: readonly HarNameValue[]): HarCookie[] {
  return headerValues(headers, 'cookie').flatMap((line) =>
    line
      .split(';')
      .map((pair) => pair.trim())
      .filter((pair) => pair !== '')
      .map((pair) => {
        const eq = pair.indexOf('=');
        return eq < 0 ? { name: '', value: pair } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
      }),
  );
}

/** Set-Cookie lines read the way HAR exporters do: name/value plus the common attributes, as written. */
function responseCookies(headers: readonly HarNameValue[]): HarCookie[] {
  return headerValues(headers, 'set-cookie').map((line) => {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    const cookie: HarCookie =
      eq < 0 ? { name: '', value: pair.trim() } : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
    for (const attribute of attributes) {
      const [rawKey = '', ...rest] = attribute.split('=');
      const key = rawKey.trim().toLowerCase();
      const value = rest.join('=').trim();
      if (key === 'path') cookie.path = value;
      else if (key === 'domain') cookie.domain = value;
      else if (key === 'expires') {
        const date = new Date(value);
        if (!Number.isNaN(date.getTime())) cookie.expires = date.toISOString();
      } else if (key === 'httponly') cookie.httpOnly = true;
      else if (key === 'secure') cookie.secure = true;
      else if (key === 'samesite') cookie.sameSite = value;
    }
    return cookie;
  });
}

function httpVersionOf(protocol: string | undefined): string {
  if (protocol === undefined || protocol === '') return 'HTTP/1.1';
  return protocol === 'h2' ? 'HTTP/2.0' : protocol.toUpperCase();
}

function postDataOf(hop: CapturedHop, headers: readonly HarNameValue[]): HarEntry['request']['postData'] {
  const text =
    hop.request.postData ??
    hop.postData ??
    hop.request.postDataEntries
      ?.map((part) => (part.bytes ? Buffer.from(part.bytes, 'base64').toString('utf8') : ''))
      .join('');
  if (text === undefined) return undefined;
  const mimeType = headerValues(headers, 'content-type')[0] ?? '';
  const postData: NonNullable<HarEntry['request']['postData']> = { mimeType, text };
  if (mimeType.startsWith('application/x-www-form-urlencoded')) {
    postData.params = [...new URLSearchParams(text)].map(([name, value]) => ({ name, value }));
  }
  return postData;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** HAR timings from CDP ResourceTiming (ms offsets from `requestTime`), -1 where a phase did not happen. */
function timingsOf(hop: CapturedHop): { timings: HarEntry['timings']; time: number } {
  const total = hop.endTimestamp !== undefined ? Math.max(0, (hop.endTimestamp - hop.timestamp) * 1000) : 0;
  const t = hop.response?.timing;
  if (t === undefined) {
    return {
      timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: round(total), receive: 0 },
      time: round(total),
    };
  }
  const queued = Math.max(0, (t.requestTime - hop.timestamp) * 1000);
  const firstPhase = [t.dnsStart, t.connectStart, t.sendStart].find((v) => v >= 0) ?? 0;
  const blocked = queued + firstPhase;
  const dns = t.dnsStart >= 0 ? t.dnsEnd - t.dnsStart : -1;
  const connect = t.connectStart >= 0 ? t.connectEnd - t.connectStart : -1;
  const ssl = t.sslStart >= 0 ? t.sslEnd - t.sslStart : -1;
  const send = Math.max(0, t.sendEnd - t.sendStart);
  const wait = Math.max(0, t.receiveHeadersEnd - t.sendEnd);
  const receive =
    hop.endTimestamp !== undefined
      ? Math.max(0, (hop.endTimestamp - (t.requestTime + t.receiveHeadersEnd / 1000)) * 1000)
      : 0;
  // HAR: `time` is the sum of the non-negative phases; ssl is already part of connect.
  const time = blocked + Math.max(0, dns) + Math.max(0, connect) + send + wait + receive;
  return {
    timings: {
      blocked: round(blocked),
      dns: round(dns),
      connect: round(connect),
      ssl: round(ssl),
      send: round(send),
      wait: round(wait),
      receive: round(receive),
    },
    time: round(time),
  };
}

function browserReportOf(hop: CapturedHop): SessionscopeEntryExtension['browserReport'] {
  if (hop.requestExtra === undefined && hop.responseExtra === undefined) return undefined;
  return {
    blockedRequestCookies: (hop.requestExtra?.associatedCookies ?? [])
      .filter((a) => a.blockedReasons.length > 0)
      .map((a) => ({
        name: a.cookie.name,
        domain: a.cookie.domain,
        path: a.cookie.path,
        reasons: [...a.blockedReasons],
      })),
    blockedResponseCookies: (hop.responseExtra?.blockedCookies ?? []).map((b) => ({
      cookieLine: b.cookieLine,
      reasons: [...b.blockedReasons],
    })),
  };
}

function entryOf(hop: CapturedHop, next: CapturedHop | undefined, pageref: string | undefined): HarEntry {
  const requestHeaders = headerList(hop.requestExtra?.headers ?? hop.request.headers);
  const responseHeaders = headerList(hop.responseExtra?.headers ?? hop.response?.headers);
  const url = new URL(hop.request.url);
  const postData = postDataOf(hop, requestHeaders);
  const httpVersion = httpVersionOf(hop.response?.protocol);
  const { timings, time } = timingsOf(hop);
  const headersText = hop.responseExtra?.headersText;
  const responseHeadersSize = headersText !== undefined ? Buffer.byteLength(headersText) : -1;
  const isRedirect = next !== undefined && next.requestId === hop.requestId && next.hopIndex === hop.hopIndex + 1;
  // A revalidated page is the 304 the server sent, as its headers (ExtraInfo's) are, though Chrome's responseReceived
  // reports the cached 200 it shows. Only a 304: an ExtraInfo may also be of an answer the browser did not show (the
  // 401 before its credentials dialog), whose status is not the entry's.
  const status = hop.responseExtra?.statusCode === 304 ? 304 : (hop.response?.status ?? 0);
  const entry: HarEntry = {
    startedDateTime: new Date(hop.wallTimeMs).toISOString(),
    time,
    request: {
      method: hop.request.method,
      url: hop.request.url + (hop.request.urlFragment ?? ''),
      httpVersion,
      headers: requestHeaders,
      cookies: requestCookies(requestHeaders),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(postData !== undefined ? { postData } : {}),
      headersSize: -1,
      bodySize: postData !== undefined ? Buffer.byteLength(postData.text) : 0,
    },
    response: {
      status,
      statusText: hop.response?.statusText ?? '',
      httpVersion,
      headers: responseHeaders,
      cookies: responseCookies(responseHeaders),
      content: {
        size: hop.decodedBodyLength,
        mimeType: hop.response?.mimeType ?? 'x-unknown',
        ...(hop.body
          ? { text: hop.body.text, ...(hop.body.base64Encoded ? { encoding: 'base64' as const } : {}) }
          : {}),
      },
      redirectURL: isRedirect ? next.request.url : (headerValues(responseHeaders, 'location')[0] ?? ''),
      headersSize: responseHeadersSize,
      bodySize:
        isRedirect || status === 304
          ? 0
          : hop.encodedDataLength !== undefined && responseHeadersSize >= 0
            ? Math.max(0, hop.encodedDataLength - responseHeadersSize)
            : -1,
      ...(hop.errorText !== undefined ? { _error: hop.errorText } : {}),
    },
    cache: {},
    timings,
    _resourceType: hop.resourceType,
    // The stack of a script initiator changes with every build; keep what identifies the initiator.
    _initiator: {
      type: hop.initiator.type,
      ...(hop.initiator.url !== undefined ? { url: hop.initiator.url } : {}),
      ...(hop.initiator.lineNumber !== undefined ? { lineNumber: hop.initiator.lineNumber } : {}),
      ...(hop.initiator.columnNumber !== undefined ? { columnNumber: hop.initiator.columnNumber } : {}),
    },
    _sessionscope: {},
  };
  if (pageref !== undefined) entry.pageref = pageref;
  // As Chrome DevTools writes it: the answer came from the cache, so the request carried no cookie to judge.
  if (hop.response?.fromDiskCache === true) entry._fromCache = 'disk';
  else if (hop.servedFromCache === true) entry._fromCache = 'memory';
  if (hop.response?.remoteIPAddress) entry.serverIPAddress = hop.response.remoteIPAddress;
  if (hop.initiatorUrl !== undefined) entry._sessionscope.initiatorUrl = hop.initiatorUrl;
  const report = browserReportOf(hop);
  if (report !== undefined) entry._sessionscope.browserReport = report;
  return entry;
}

export function toHar(
  hops: readonly CapturedHop[],
  pageLoads: readonly CapturedPageLoad[],
  meta: { creatorVersion: string; browserVersion: string },
): HarLog {
  const ordered = [...hops].sort((a, b) => a.timestamp - b.timestamp);
  const pageIds = new Map(pageLoads.map((load, i) => [load.hop, `page_${i + 1}`]));
  const pages: HarPage[] = pageLoads.map((load, i) => ({
    startedDateTime: new Date(load.hop.wallTimeMs).toISOString(),
    id: `page_${i + 1}`,
    title: load.hop.request.url,
    pageTimings: { onContentLoad: round(load.onContentLoadMs ?? -1), onLoad: round(load.onLoadMs ?? -1) },
  }));
  let currentPage: string | undefined;
  const entries = ordered.map((hop, i) => {
    currentPage = pageIds.get(hop) ?? currentPage;
    // A redirect's next hop shares its requestId; look it up in start order.
    const next = ordered.slice(i + 1).find((h) => h.requestId === hop.requestId);
    return entryOf(hop, next, currentPage);
  });
  return {
    log: {
      version: '1.2',
      creator: { name: 'sessionscope-recorder', version: meta.creatorVersion },
      browser: { name: 'Chromium', version: meta.browserVersion },
      pages,
      entries,
    },
  };
}
