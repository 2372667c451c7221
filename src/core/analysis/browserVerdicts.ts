// What the browser itself said about a response's Set-Cookie lines (Chrome's DevTools protocol,
// `Network.responseReceivedExtraInfo.blockedCookies`, kept in the trace as BrowserCookieReport), in the
// model's vocabulary: a line the browser refused is never stored, whatever the model would have done.
import { SET_COOKIE_REJECTED_REASONS, type SetCookieRejectedReason } from '../cookie/reasons.ts';
import type { TraceEntry } from '../trace/types.ts';

/** Chrome's SetCookieBlockedReason names that differ from the model's: its third-party variants are one name. */
const CHROME_NAMES: Readonly<Record<string, string>> = {
  ThirdPartyPhaseout: 'ThirdPartyBlocked',
  ThirdPartyBlockedInFirstPartySet: 'ThirdPartyBlocked',
};

/**
 * Chrome's name in the model's vocabulary: its `Schemeful…` SameSite names (which Chromium reports even when
 * both sites are https) are the SameSite reason of the same cookie; other names are kept.
 */
export function modelReasonName(chromeName: string): string {
  if (chromeName.startsWith('Schemeful')) return chromeName.slice('Schemeful'.length);
  return CHROME_NAMES[chromeName] ?? chromeName;
}

function isSetCookieRejectedReason(name: string): name is SetCookieRejectedReason {
  return Object.hasOwn(SET_COOKIE_REJECTED_REASONS, name);
}

/**
 * The reasons the browser gave for not storing `line` from this entry's response, in the model's
 * vocabulary (names the model has no word for are left out); undefined when it did not report the line.
 */
export function browserRejectionOf(entry: TraceEntry, line: string): readonly SetCookieRejectedReason[] | undefined {
  const blocked = entry.browserReport?.blockedResponseCookies;
  if (blocked === undefined || blocked.length === 0) return undefined;
  const reported = blocked.find((b) => b.cookieLine === line);
  if (reported === undefined || reported.reasons.length === 0) return undefined;
  return reported.reasons.map(modelReasonName).filter(isSetCookieRejectedReason);
}
