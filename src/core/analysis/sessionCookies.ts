/**
 * Decides which cookie names of a trace are session IDs (RULES.md "What is a session cookie"): by name,
 * by user override, or because the value is an opaque token the server set once and the browser sent back
 * on most later requests to that host. A pre-pass over the whole trace: linear in its
 * size, and fed one event at a time it keeps only counters (so a streamed trace can be identified too).
 */

import { estimateSingle } from '../session/entropy.ts';
import { classifyCookieName } from '../session/identify.ts';
import type { Trace, TraceEvent } from '../trace/types.ts';
import { responseSetCookieLines, sentCookieNames, setCookieNameValue } from './entryCookies.ts';
import type { AnalysisSettings } from './settings.ts';

/** A value shorter than this, or with fewer bits, is not "long enough and random enough" to be a token. */
const TOKEN_MIN_LENGTH = 16;
const TOKEN_MIN_BITS = 64;
/** "Sent back on most requests": the share of later requests to the setting host that carried it. */
const TOKEN_MIN_RETURN_SHARE = 0.5;
/** "Sets it once": a cookie rewritten with new values this many times is state, not a session ID. */
const TOKEN_MAX_DISTINCT_SET_VALUES = 3;

interface TokenStats {
  setValues: Set<string>;
  host: string;
  firstSetEntryOrder: number;
  /** Entries to `host` up to and including the one that first set it. */
  hostCountAtFirstSet: number;
  tokenLike: boolean;
  carriedAfter: number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Where the authority of an http(s) URL written plainly ends (the first "/", "\\", "?" or "#" after
 * "scheme://"), or -1 when the URL is not that simple: another scheme, spaces or control characters in the
 * authority (the parser removes tabs and line breaks, trims the ends, rejects the rest), or an empty authority (the parser skips further slashes: "http:///h" is
 * host "h"). The host depends on nothing after that point (WHATWG URL, authority state).
 */
function plainAuthorityEnd(url: string): number {
  const from = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  if (from === -1) return -1;
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) return i === from ? -1 : i;
    if (c <= 0x20) return -1;
  }
  return url.length === from ? -1 : url.length;
}

/**
 * hostOf, with each distinct "scheme://authority" parsed once: a trace has a handful of origins and one URL
 * per request, and parsing every URL was a third of this pre-pass. Keyed by the URL's text up to the end of its
 * authority, so the answer is the one the whole URL would give.
 */
export class HostCache {
  private readonly hosts = new Map<string, string>();

  hostOf(url: string): string {
    const end = plainAuthorityEnd(url);
    if (end === -1) return hostOf(url);
    const prefix = url.slice(0, end);
    let host = this.hosts.get(prefix);
    if (host === undefined) {
      host = hostOf(prefix);
      this.hosts.set(prefix, host);
    }
    return host;
  }
}

export function identifySessionCookies(trace: Trace, settings: AnalysisSettings): Map<string, string> {
  const identifier = new SessionCookieIdentifier(settings);
  for (const event of trace.events) identifier.feed(event);
  return identifier.finish();
}

/**
 * The same decision fed one event at a time, in trace order (for a trace read as a stream). It keeps per
 * cookie name and per host only counters, never the entries: "later requests to the setting host" is the
 * host's final count minus its count when the cookie was first set.
 */
export class SessionCookieIdentifier {
  private readonly result = new Map<string, string>();
  private readonly forced: ReadonlySet<string>;
  private readonly refused: ReadonlySet<string>;
  private readonly candidates = new Map<string, TokenStats>();
  /** Entries seen per host so far. */
  private readonly hostCounts = new Map<string, number>();
  private readonly hosts = new HostCache();
  /** consider()'s answer per name: the same for every sighting (its marks in `result` are made at the first). */
  private readonly considered = new Map<string, boolean>();
  private order = 0;

  constructor(settings: AnalysisSettings) {
    this.forced = new Set(settings.sessionCookies.map((n) => n.toLowerCase()));
    this.refused = new Set(settings.notSessionCookies.map((n) => n.toLowerCase()));
  }

  feed(event: TraceEvent): void {
    if (event.kind !== 'entry') return;
    const entry = event.entry;
    const host = this.hosts.hostOf(entry.request.url);
    const order = ++this.order;
    const hostCount = (this.hostCounts.get(host) ?? 0) + 1;
    this.hostCounts.set(host, hostCount);
    for (const name of sentCookieNames(entry)) {
      if (!this.consider(name)) continue;
      const stats = this.candidates.get(name);
      if (stats && stats.host === host && order > stats.firstSetEntryOrder) stats.carriedAfter++;
    }
    for (const line of responseSetCookieLines(entry)) {
      const pair = setCookieNameValue(line);
      if (!pair || !this.consider(pair.name) || pair.value === '') continue;
      let stats = this.candidates.get(pair.name);
      if (!stats) {
        stats = {
          setValues: new Set(),
          host,
          firstSetEntryOrder: order,
          hostCountAtFirstSet: hostCount,
          tokenLike: true,
          carriedAfter: 0,
        };
        this.candidates.set(pair.name, stats);
      }
      // More distinct values than the limit already decide "not a token": no need to keep collecting them.
      if (stats.setValues.size <= TOKEN_MAX_DISTINCT_SET_VALUES) stats.setValues.add(pair.value);
      const value = pair.value.replace(/^"|"$/g, '');
      if (value.length < TOKEN_MIN_LENGTH || estimateSingle(value).bits < TOKEN_MIN_BITS) stats.tokenLike = false;
    }
  }

  /** Session cookie names and why, in the order they were recognised. */
  finish(): Map<string, string> {
    const result = this.result;
    for (const [name, stats] of this.candidates) {
      if (result.has(name) || !stats.tokenLike || stats.setValues.size > TOKEN_MAX_DISTINCT_SET_VALUES) continue;
      const later = (this.hostCounts.get(stats.host) ?? 0) - stats.hostCountAtFirstSet;
      if (later >= 2 && stats.carriedAfter / later >= TOKEN_MIN_RETURN_SHARE) {
        result.set(
          name,
          `opaque token set by ${stats.host} and sent back on ${stats.carriedAfter} of ${later} later requests`,
        );
      }
    }
    return result;
  }

  private consider(name: string): boolean {
    let answer = this.considered.get(name);
    if (answer === undefined) {
      answer = this.decide(name);
      this.considered.set(name, answer);
    }
    return answer;
  }

  private decide(name: string): boolean {
    const lower = name.toLowerCase();
    if (this.refused.has(lower) || name === '') return false;
    if (this.forced.has(lower)) {
      this.result.set(name, 'marked by the user');
      return false;
    }
    const cls = classifyCookieName(name);
    if (cls.kind === 'session') {
      this.result.set(name, `name matches ${cls.pattern}`);
      return false;
    }
    return cls.kind === 'unknown';
  }
}
