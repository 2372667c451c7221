/**
 * Whether a response body is a page with a login form (a password input): how a server that answers "log in
 * first" with a 200 page says the session was not accepted (RULES.md, session-rejected). Read from the HAR's
 * `response.content.text` when the exporter kept bodies (DevTools' "Save all as HAR with content").
 */

/** An `<input … type=password …>` (HTML Standard 4.10.5.1.7), attribute quoted or not, any case. */
const PASSWORD_INPUT = /<input\b[^>]*\btype\s*=\s*["']?password\b/i;
/** Only the start of a body is searched: login forms sit near the top, and bodies can be megabytes. */
const SEARCHED_CHARS = 262_144;

export function isLoginFormPage(text: string, mimeType: string | undefined, encoding?: string): boolean {
  if (mimeType !== undefined && !/html/i.test(mimeType)) return false;
  let body = text.slice(0, encoding === 'base64' ? Math.ceil((SEARCHED_CHARS * 4) / 3) : SEARCHED_CHARS);
  if (encoding === 'base64') {
    try {
      body = new TextDecoder().decode(
        Uint8Array.from(atob(body.slice(0, body.length - (body.length % 4))), (c) => c.charCodeAt(0)),
      );
    } catch {
      return false;
    }
  }
  return PASSWORD_INPUT.test(body);
}
