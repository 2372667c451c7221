/**
 * Decides which cookie names of a trace are session IDs (RULES.md "What is a session cookie"): by name,
 * by user override, or because the value is an opaque token the server set once and the browser sent back
 * on most later requests to that host. A pre-pass over the whole trace: linear in its size.
 */

import { estimateSingle } from '../session/entropy.ts';
import { classifyCookieName } from '../session/identify.ts';
import type { Trace } from '../trace/types.ts';
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
  const result = new Map<string, string>();
  const forced = new Set(settings.sessionCookies.map((n) => n.toLowerCase()));
  const refused = new Set(settings.notSessionCookies.map((n) => n.toLowerCase()));
  const candidates = new Map<string, TokenStats>();
  const consider = (name: string): boolean => {
    const lower = name.toLowerCase();
    if (refused.has(lower) || name === '') return false;
    if (forced.has(lower)) {
      result.set(name, 'marked by the user');
      return false;
    }
    const cls = classifyCookieName(name);
    if (cls.kind === 'session') {
      result.set(name, `name matches ${cls.pattern}`);
      return false;
    }
    return cls.kind === 'unknown';
  };

  let order = 0;
  const hostOrders = new Map<string, number[]>();
  for (const event of trace.events) {
    if (event.kind !== 'entry') continue;
    const entry = event.entry;
    const host = hostOf(entry.request.url);
    order++;
    const list = hostOrders.get(host) ?? [];
    list.push(order);
    hostOrders.set(host, list);
    for (const pair of sentCookiePairs(entry)) {
      if (!consider(pair.name)) continue;
      const stats = candidates.get(pair.name);
      if (stats && stats.host === host && order > stats.firstSetEntryOrder) stats.carriedAfter++;
    }
    for (const line of responseSetCookieLines(entry)) {
      const pair = setCookieNameValue(line);
      if (!pair || !consider(pair.name) || pair.value === '') continue;
      let stats = candidates.get(pair.name);
      if (!stats) {
        stats = { setValues: new Set(), host, firstSetEntryOrder: order, tokenLike: true, carriedAfter: 0 };
        candidates.set(pair.name, stats);
      }
      stats.setValues.add(pair.value);
      const value = pair.value.replace(/^"|"$/g, '');
      if (value.length < TOKEN_MIN_LENGTH || estimateSingle(value).bits < TOKEN_MIN_BITS) stats.tokenLike = false;
    }
  }
  for (const [name, stats] of candidates) {
    if (result.has(name) || !stats.tokenLike || stats.setValues.size > TOKEN_MAX_DISTINCT_SET_VALUES) continue;
    const later = (hostOrders.get(stats.host) ?? []).filter((o) => o > stats.firstSetEntryOrder).length;
    if (later >= 2 && stats.carriedAfter / later >= TOKEN_MIN_RETURN_SHARE) {
      result.set(
        name,
        `opaque token set by ${stats.host} and sent back on ${stats.carriedAfter} of ${later} later requests`,
      );
    }
  }
  return result;
}
