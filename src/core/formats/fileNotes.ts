/**
 * What a report says about the file itself before its findings: the cookies it lacks. One wording for the text and
 * HTML reports and the panel's import notice.
 */
import type { MaskedCookie } from '../analysis/facts.ts';
import type { ReportedAnalysis } from './htmlReport.ts';

/** What the notes read of an analysis. */
export type NotedAnalysis = Pick<
  ReportedAnalysis,
  'cookiesRecorded' | 'sessions' | 'requests' | 'maskedCookie' | 'settings' | 'clientRequests' | 'freshBrowsers'
>;

/** The notes on a file, as sentences (none for a file with its cookies). */
export function fileNotes(analysis: NotedAnalysis, creator: string | undefined): string[] {
  const notes = cookieHeadersMissing(analysis) ? [COOKIE_HEADERS_MISSING] : [];
  const noCookie = noCookieNote(analysis, creator);
  if (noCookie !== undefined) notes.push(noCookie);
  if (analysis.maskedCookie !== undefined) notes.push(maskedNote(analysis.maskedCookie));
  const client = clientNote(analysis);
  if (client !== undefined) notes.push(client);
  const fresh = freshBrowserNote(analysis.freshBrowsers);
  if (fresh !== undefined) notes.push(fresh);
  const clock = clockNote(analysis);
  if (clock !== undefined) notes.push(clock);
  return notes;
}

/** How many of a file's requests came from a client that is no browser (RequestFacts.fromNonBrowser). */
export interface ClientShare {
  readonly clientRequests: number;
  readonly requests: number;
}

/**
 * The share of a file's requests a client that is no browser made; none where every request came from a browser.
 * `requests` is read only then: an analysis builds its request views on first reading them (analysisResult.ts
 * lazyRequestViews), and a text report of a browser's file needs none.
 */
export function clientShareOf(analysis: Pick<NotedAnalysis, 'requests' | 'clientRequests'>): ClientShare | undefined {
  const clientRequests = analysis.clientRequests ?? 0;
  return clientRequests === 0 ? undefined : { clientRequests, requests: analysis.requests.length };
}

/** Every request of the file came from a client that is no browser: the file has no browser to name. */
export function onlyClientRequests(share: ClientShare | undefined): boolean {
  return share !== undefined && share.clientRequests === share.requests;
}

/**
 * Requests from a client that is no browser (an HTTP library, a test harness, an app: isNonBrowserUserAgent): it
 * sends the cookies its code keeps and knows no SameSite, so a cookie it did not send is no browser rule's doing.
 * The header's "Browser:" line would otherwise name a browser's defaults for a file no browser made.
 */
function clientNote(analysis: NotedAnalysis): string | undefined {
  const share = clientShareOf(analysis);
  if (share === undefined) return undefined;
  const which = onlyClientRequests(share) ? 'Every request' : `${share.clientRequests} of ${share.requests} requests`;
  return `${which} came from a client that is no browser (the User-Agent names none: an HTTP library, a test harness or an app): it sends the cookies its code keeps and applies no SameSite, so a cookie it did not send was its code's choice, not a browser's rule.`;
}

/**
 * A new browser read from the traffic (replay.ts startsAfresh): the IDs held before it end there unseen, and it is
 * said, since no finding tells of them.
 */
function freshBrowserNote(entries: readonly number[] | undefined): string | undefined {
  if (entries === undefined || entries.length === 0) return undefined;
  const where = entries.length === 1 ? `entry ${entries[0]}` : `entries ${entries.join(', ')}`;
  return `A new browser from ${where}: after an hour or more without requests, a page carried none of the cookies the browser held for it (another browser or profile, or its cookies cleared). From there the analysis keeps a new cookie jar, and the sessions held before end without a finding.`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Expiry judged at a set clock (`--now`) a day or more away from the recording's requests: every cookie that had
 * expired by then reads as expired on every request, though the browser sent it when the requests were made (a 2018
 * page load judged in 2026); before them, a cookie their own time finds expired reads as valid. The findings follow
 * the clock, as asked; the note says how far it is.
 */
function clockNote(analysis: NotedAnalysis): string | undefined {
  const now = analysis.settings?.now;
  if (now === undefined) return undefined;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const request of analysis.requests) {
    if (request.time === undefined) continue;
    first = Math.min(first, request.time);
    last = Math.max(last, request.time);
  }
  if (!Number.isFinite(first)) return undefined;
  const judged = `Expiry is judged at ${isoTime(now)} (--now)`;
  if (now - last >= DAY_MS)
    return `${judged}, ${distance(now - last)} after this recording's last request (${isoTime(last)}): a cookie that had expired by then reads as expired on every request, though the browser may have sent it. Without --now each request is judged at its own time.`;
  if (first - now >= DAY_MS)
    return `${judged}, ${distance(first - now)} before this recording's first request (${isoTime(first)}): a cookie the requests' own time finds expired reads as valid. Without --now each request is judged at its own time.`;
  return undefined;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** "3 days", "8 years": whole days below two years, whole years from there. */
function distance(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  if (days < 730) return `${days} day${days === 1 ? '' : 's'}`;
  return `${Math.floor(days / 365)} years`;
}

export const COOKIE_HEADERS_MISSING =
  'This file records no Cookie headers, though cookies were set that later requests would carry (a sanitised export?): what was sent is inferred from the Set-Cookie lines.';

/**
 * Whether the input looks stripped of its Cookie headers: none anywhere, yet the jar model says some request
 * carried a cookie. A trace where no cookie was ever stored has no Cookie header because there was none to send
 * (a login whose session cookie never arrived): saying "sanitised" there would blame the file for the bug.
 */
export function cookieHeadersMissing(analysis: NotedAnalysis): boolean {
  // A request that got no answer (cancelled, failed) is recorded with its provisional headers, never a Cookie
  // header (CUPS's favicon requests, cancelled as its pages came from the cache): it says nothing of the file.
  return !analysis.cookiesRecorded && analysis.requests.some((r) => r.sent.length > 0 && (r.status ?? 0) > 0);
}

/**
 * The file shows no cookie going anywhere: no request carried one (no Cookie header, no cookie list), and no cookie a
 * response set would have gone on a later request or was refused (the jar model's views are all empty), so the model
 * has no cookie to follow and "no session was lost" would claim what it cannot tell (RULES.md: say so, never guess).
 * A response may still have set one that no later request reached (a third party's, seen once): the note does not
 * say none was set. A site without cookies, a login that never set one (session-not-established says so), or a HAR
 * whose exporter removed them: Chrome's DevTools does by default since Chrome 130 ("Export HAR (sanitized)" drops
 * Cookie, Set-Cookie and Authorization headers), which a file it wrote (`creator` WebInspector) is told.
 */
export function noCookieNote(analysis: NotedAnalysis, creator: string | undefined): string | undefined {
  if (analysis.cookiesRecorded || analysis.sessions.length > 0 || analysis.requests.length === 0) return undefined;
  const cookieless = analysis.requests.every(
    (r) => r.sent.length === 0 && r.notSent.length === 0 && r.rejected.length === 0,
  );
  if (!cookieless) return undefined;
  return creator !== undefined && CHROME_DEVTOOLS_CREATOR.test(creator)
    ? `${NO_COOKIE} ${CHROME_SANITIZED}`
    : NO_COOKIE;
}

const NO_COOKIE =
  'This file shows no cookie sent: no request carried one, and no cookie a response set would have gone on a later request, so no session cookie can be followed.';
const CHROME_SANITIZED =
  'Chrome\'s DevTools removes the Cookie, Set-Cookie and Authorization headers from a HAR unless asked ("Export HAR (sanitized)", its default since Chrome 130): turn on "Allow to generate HAR with sensitive data" (DevTools Settings > Preferences > Network) and use "Export HAR (with sensitive data)".';
/** `log.creator` of a HAR that Chrome's DevTools exported. */
const CHROME_DEVTOOLS_CREATOR = /^WebInspector\b/;

/**
 * Cookie values a sanitiser masked before the file was shared (`sessionid=REDACTED`): every ID reads the same, so a
 * login would seem to keep it (a false fixation). The engine follows no masked value (isMaskedValue); this says why
 * no ID is followed, and what to export instead.
 */
function maskedNote(masked: MaskedCookie): string {
  const value = masked.value.length > 24 ? `${masked.value.slice(0, 24)}…` : masked.value;
  // Placeholders that stay distinct (a label and a hash of the value): IDs are followed, their values not judged.
  if (masked.placeholders)
    return `This file's cookie values were replaced by placeholders before it was shared (e.g. \`${masked.name}=${value}\`, the same label on every cookie): IDs are still told apart and followed, but what a value would show (its entropy, a pattern between IDs, data inside it) is the placeholder's, so it is not judged.`;
  return `This file's cookie values were masked before it was shared (e.g. \`${masked.name}=${value}\`): a masked ID cannot be told from another, so none is followed and no rotation, fixation or reset is judged on one; cookie attributes still are. Analyse the file as the browser exported it (Sessionscope's own exports replace values by distinct hashes, which keep IDs apart).`;
}
