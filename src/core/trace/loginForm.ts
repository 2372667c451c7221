/**
 * Whether a response body is a page with a login form: how a server that answers "log in first" with a 200 page
 * says the session was not accepted (RULES.md, session-rejected). Read from the HAR's `response.content.text` when
 * the exporter kept bodies (DevTools' "Save all as HAR with content").
 *
 * A login form asks for a name and one password: a form holding one password input (HTML Standard 4.10.5.1.7) and
 * a field for the name (a text or email input). A logged-in page holds password inputs too, in other shapes: a
 * change of password (the new one twice, the old one: several password inputs in one form) or a confirmation (the
 * password alone: DokuWiki's "delete account"), and those are no logged-out answer.
 */

/** An `<input …>` tag; its attributes are read from the tag's text. */
const INPUT = /<input\b[^>]*>/gi;
/** `type=password`, quoted or not, any case, anywhere: most pages hold none, and need no more reading. */
const PASSWORD_TYPE = /\btype\s*=\s*["']?password\b/i;
/** An input's `type` attribute (not `data-type`); an input without one is a text input. */
const TYPE = /\stype\s*=\s*["']?([a-z-]+)/i;
/** Input types a user types a name into. */
const NAME_TYPES: ReadonlySet<string> = new Set(['text', 'email', 'tel']);
/** A form's start or end: the body is read form by form (what lies outside any form counts as one more). */
const FORM_BOUNDARY = /<\/?form\b/i;
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
  if (!PASSWORD_TYPE.test(body)) return false;
  return body.split(FORM_BOUNDARY).some(isLoginFormPart);
}

/** Part of a page between form boundaries: one password input and a field for the name. */
function isLoginFormPart(part: string): boolean {
  let passwords = 0;
  let names = 0;
  for (const [tag] of part.matchAll(INPUT)) {
    const type = (TYPE.exec(tag)?.[1] ?? 'text').toLowerCase();
    if (type === 'password') passwords++;
    else if (NAME_TYPES.has(type)) names++;
  }
  return passwords === 1 && names > 0;
}
