/**
 * What a report says about the file itself before its findings: the cookies it lacks. One wording for the text and
 * HTML reports and the panel's import notice.
 */
import type { ReportedAnalysis } from './htmlReport.ts';

/** What the notes read of an analysis. */
export type NotedAnalysis = Pick<ReportedAnalysis, 'cookiesRecorded' | 'sessions' | 'requests'>;

/** The notes on a file, as sentences (none for a file with its cookies). */
export function fileNotes(analysis: NotedAnalysis, creator: string | undefined): string[] {
  const notes = cookieHeadersMissing(analysis) ? [COOKIE_HEADERS_MISSING] : [];
  const noCookie = noCookieNote(analysis, creator);
  return noCookie === undefined ? notes : [...notes, noCookie];
}

export const COOKIE_HEADERS_MISSING =
  'This file records no Cookie headers, though cookies were set that later requests would carry (a sanitised export?): what was sent is inferred from the Set-Cookie lines.';

/**
 * Whether the input looks stripped of its Cookie headers: none anywhere, yet the jar model says some request
 * carried a cookie. A trace where no cookie was ever stored has no Cookie header because there was none to send
 * (a login whose session cookie never arrived): saying "sanitised" there would blame the file for the bug.
 */
export function cookieHeadersMissing(analysis: NotedAnalysis): boolean {
  return !analysis.cookiesRecorded && analysis.requests.some((r) => r.sent.length > 0);
}

/**
 * The file holds no cookie at all: no request carried one (no Cookie header, no cookie list), no response set one,
 * so the model has no cookie to follow and "no session was lost" would claim what it cannot tell (RULES.md: say so,
 * never guess). A site without cookies, a login that never set one (session-not-established says so), or a HAR
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
  'This file holds no cookie: no request carried one and no response set one, so no session cookie can be followed.';
const CHROME_SANITIZED =
  'Chrome\'s DevTools removes the Cookie, Set-Cookie and Authorization headers from a HAR unless asked ("Export HAR (sanitized)", its default since Chrome 130): turn on "Allow to generate HAR with sensitive data" (DevTools Settings > Preferences > Network) and use "Export HAR (with sensitive data)".';
/** `log.creator` of a HAR that Chrome's DevTools exported. */
const CHROME_DEVTOOLS_CREATOR = /^WebInspector\b/;
