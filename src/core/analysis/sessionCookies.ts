/**
 * Decides which cookie names of a trace are session IDs (RULES.md "What is a session cookie"): by name,
 * by user override, or because the value is an opaque token the server set once and the browser sent back
 * on most later requests to that host. A pre-pass over the whole trace: linear in its
 * size, and fed one event at a time it keeps only counters (so a streamed trace can be identified too).
 */

import { estimateSingle } from '../session/entropy.ts';
import { classifyCookieName } from '../session/identify.ts';
import type { Trace, TraceEvent } from '../trace/types.ts';
import { responseSetCookieLines, sentCookiePairs, setCookieNameValue } from './entryCookies.ts';
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
  private order = 0;

  constructor(settings: AnalysisSettings) {
    this.forced = new Set(settings.sessionCookies.map((n) => n.toLowerCase()));
    this.refused = new Set(settings.notSessionCookies.map((n) => n.toLowerCase()));
  }

  feed(event: TraceEvent): void {
    if (event.kind !== 'entry') return;
    const entry = event.entry;
    const host = hostOf(entry.request.url);
    const order = ++this.order;
    const hostCount = (this.hostCounts.get(host) ?? 0) + 1;
    this.hostCounts.set(host, hostCount);
    for (const pair of sentCookiePairs(entry)) {
      if (!this.consider(pair.name)) continue;
      const stats = this.candidates.get(pair.name);
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
