/**
 * The cookies an entry actually carried and the Set-Cookie lines its response actually had, read from
 * headers when present, else from the HAR `cookies` arrays (exporters that strip headers keep those).
 */
import {
  type CookiePair,
  cookieHeaderNames,
  cookieHeaderPairs,
  headerValue,
  headerValues,
  isNamed,
  setCookieLines,
} from '../trace/headers.ts';
import type { TraceEntry } from '../trace/types.ts';

export function sentCookiePairs(entry: TraceEntry): CookiePair[] {
  const headers = headerValues(entry.request.headers, 'cookie');
  if (headers.length === 1) return cookieHeaderPairs(headers[0]!);
  if (headers.length > 1) return headers.flatMap(cookieHeaderPairs);
  return (entry.request.cookies ?? []).map((c) => ({ name: c.name, value: c.value }));
}

/**
 * sentCookiePairs for the requests of one trace, remembered by Cookie header: consecutive requests to a site
 * mostly carry the very same header, and cutting its pairs out again for each was the replay's largest
 * allocation (~10 % on the 100k benchmark HAR); the session-cookie pre-pass reads the same headers. The lists
 * handed out are shared: read them, never change them. Bounded: a trace whose every header differs costs a
 * read each, as without it, and no more memory.
 */
export class SentCookieReader {
  private readonly byHeader = new Map<string, readonly CookiePair[]>();

  pairs(entry: TraceEntry): readonly CookiePair[] {
    const header = cookieHeaderOf(entry);
    if (typeof header !== 'string') return sentCookiePairs(entry);
    let pairs = this.byHeader.get(header);
    if (pairs === undefined) {
      pairs = cookieHeaderPairs(header);
      if (this.byHeader.size >= MAX_REMEMBERED_HEADERS) this.byHeader.clear();
      this.byHeader.set(header, pairs);
    }
    return pairs;
  }
}

const MAX_REMEMBERED_HEADERS = 1024;

/**
 * What the entry carried as one text, for telling two requests' cookies apart by comparing texts: its Cookie
 * header, or '' when it has neither a Cookie header nor a HAR `cookies` list (no cookies). Undefined when the
 * cookies come from several headers or from the list.
 */
export function carriedCookieText(entry: TraceEntry): string | undefined {
  const header = cookieHeaderOf(entry);
  if (typeof header === 'string') return header;
  return header === undefined && (entry.request.cookies?.length ?? 0) === 0 ? '' : undefined;
}

const SEVERAL_HEADERS = Symbol('several Cookie headers');

/** The value of the request's Cookie header when it has exactly one; undefined for none; SEVERAL_HEADERS. */
function cookieHeaderOf(entry: TraceEntry): string | undefined | typeof SEVERAL_HEADERS {
  const headers = entry.request.headers;
  let found: string | undefined;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i]!;
    if (!isNamed(header, 'cookie')) continue;
    if (found !== undefined) return SEVERAL_HEADERS;
    found = header.value;
  }
  return found;
}

/**
 * The names of sentCookiePairs(entry), except the empty names of bare values (a Cookie header piece without
 * "="), read without building the pairs: the session-cookie pre-pass reads only names, and never empty ones.
 */
export function sentCookieNames(entry: TraceEntry): string[] {
  const headers = headerValues(entry.request.headers, 'cookie');
  if (headers.length === 1) return cookieHeaderNames(headers[0]!);
  if (headers.length > 1) return headers.flatMap(cookieHeaderNames);
  return (entry.request.cookies ?? []).map((c) => c.name);
}

export function responseSetCookieLines(entry: TraceEntry): string[] {
  const response = entry.response;
  if (!response) return [];
  const lines = setCookieLines(response.headers);
  if (lines.length > 0) return lines;
  return (response.cookies ?? []).map((c) => c.raw ?? `${c.name}=${c.value}`);
}

/** `name=value` of a Set-Cookie line without a full parse, for cheap pre-passes. */
export function setCookieNameValue(line: string): CookiePair | undefined {
  const semi = line.indexOf(';');
  const pair = semi === -1 ? line : line.slice(0, semi);
  const eq = pair.indexOf('=');
  if (eq === -1) return undefined;
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
}

/** Whether this entry shows the input kept Cookie data (a sanitised export has none on any entry). */
export function entryRecordsCookies(entry: TraceEntry): boolean {
  return headerValue(entry.request.headers, 'cookie') !== undefined || (entry.request.cookies?.length ?? 0) > 0;
}
