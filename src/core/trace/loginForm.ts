/**
 * What a kept HTML body says of the session, read from the HAR's `response.content.text` when the exporter kept
 * bodies (DevTools' "Save all as HAR with content"): whether it is a page with a login form (how a server that
 * answers "log in first" with a 200 page says the session was not accepted: RULES.md, session-rejected), and its
 * visible text (where a logged-in page names its user: pageNames.ts).
 *
 * A login form asks for a name and one password: in a form, a field for the name (a text or email input) and then
 * a password input (HTML Standard 4.10.5.1.7), outside scripts and templates. A logged-in page holds password
 * inputs too, in other shapes: a change of password (the new one twice) or a confirmation (the password alone:
 * DokuWiki's "delete account"), and those are no logged-out answer.
 */

/** An `<input …>` tag; its attributes are read from the tag's text. */
const INPUT = /<input\b[^>]*>/gi;
/** `type=password`, quoted or not, any case, anywhere: most pages hold none, and need no more reading. */
const PASSWORD_TYPE = /\btype\s*=\s*["']?password\b/i;
/** An input's `type` attribute (not `data-type`); an input without one is a text input. */
const TYPE = /\stype\s*=\s*["']?([a-z-]+)/i;
/** Input types a user types a name into. */
const NAME_TYPES: ReadonlySet<string> = new Set(['text', 'email', 'tel']);
/** Inputs the user types nothing into: they neither separate a name from its password nor stand between them. */
const NOT_TYPED: ReadonlySet<string> = new Set(['hidden', 'submit', 'button', 'image', 'reset', 'checkbox', 'radio']);
/**
 * An input the page does not show (its `hidden` attribute, or an inline `display: none` / `visibility: hidden`): no
 * field the user types into. Pages put such decoys before their real fields so that a browser's autofill fills the
 * decoy (ASP.NET's `prevent_autofill_usr` and `prevent_autofill_pwd`): a login form then holds two password inputs
 * in a row, which read as a new password and its confirmation. Attribute values are bounded by the tag.
 */
const NOT_SHOWN = /\shidden(?=[\s=/>]|$)|\sstyle\s*=\s*["'][^"']*?(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** A form's start or end: the body is read form by form (what lies outside any form counts as one more). */
const FORM_BOUNDARY = /<\/?form\b/i;
/** Only the start of a body is read: login forms and the user's name sit near the top, and bodies can be megabytes. */
const SEARCHED_CHARS = 262_144;
/** The visible text kept of a page: enough for its header and first screen, little memory for a long HAR. */
export const PAGE_TEXT_CHARS = 8_192;

/** What a kept HTML body says: absent for a body that is not HTML or cannot be decoded. */
export interface PageReading {
  readonly loginForm: boolean;
  /** A link or a form of the page leads to a logout (offersLogout): a page for a user signed in. */
  readonly offersLogout: boolean;
  /** The page's visible text (no tags, scripts, styles or comments; spaces collapsed), its first PAGE_TEXT_CHARS. */
  readonly text: string;
}

/** Reads a kept body: HTML only (by its media type, when the exporter gave one), plain or base64. */
export function readPage(text: string, mimeType: string | undefined, encoding?: string): PageReading | undefined {
  if (mimeType !== undefined && !/html/i.test(mimeType)) return undefined;
  let body = text.slice(0, encoding === 'base64' ? Math.ceil((SEARCHED_CHARS * 4) / 3) : SEARCHED_CHARS);
  if (encoding === 'base64') {
    try {
      body = new TextDecoder().decode(
        Uint8Array.from(atob(body.slice(0, body.length - (body.length % 4))), (c) => c.charCodeAt(0)),
      );
    } catch {
      return undefined;
    }
  }
  const shown = withoutHiddenContent(body);
  const loginForm = hasLoginForm(shown);
  return { loginForm, offersLogout: !loginForm && offersLogout(shown), text: textOf(shown, PAGE_TEXT_CHARS) };
}

/** A link's or a form's start tag. */
const LINK_OR_FORM = /<(?:a|form)\b[^>]*>/gi;
/** Its target: the value of its `href` or `action`, quoted or not. */
const TARGET = /\s(?:href|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
/** A logout's word in an address (`/auth/logout`, `?action=logout`, `/signout`, `logoff.php`). */
const LOGOUT_IN_ADDRESS = /(log|sign)[-_]?(out|off)(?![a-z0-9])/i;

/**
 * Whether a link or a form of the page leads to a logout: what an application shows a user signed in (its menu's
 * "Log out"), and a visitor's page does not. A body without the word anywhere is not read further.
 */
function offersLogout(body: string): boolean {
  if (!LOGOUT_IN_ADDRESS.test(body)) return false;
  for (const [tag] of body.matchAll(LINK_OR_FORM)) {
    const target = TARGET.exec(tag);
    const address = target?.[1] ?? target?.[2] ?? target?.[3];
    if (address !== undefined && LOGOUT_IN_ADDRESS.test(address)) return true;
  }
  return false;
}

function hasLoginForm(body: string): boolean {
  if (!PASSWORD_TYPE.test(body)) return false;
  return body.split(FORM_BOUNDARY).some(isLoginFormPart);
}

/**
 * Part of a page between form boundaries holding a login: of the fields typed into, a name then a password, and no
 * second password after it (a new password and its confirmation, a registration's). SOGo's one form holds its login
 * and, further on, its change of password; DokuWiki's profile has the user's name and email, then the new password
 * twice and the old one.
 */
function isLoginFormPart(part: string): boolean {
  let previous: 'name' | 'password' | 'other' | undefined;
  let login = false;
  for (const [tag] of part.matchAll(INPUT)) {
    const type = (TYPE.exec(tag)?.[1] ?? 'text').toLowerCase();
    if (NOT_TYPED.has(type) || NOT_SHOWN.test(tag)) continue;
    const field = type === 'password' ? 'password' : NAME_TYPES.has(type) ? 'name' : 'other';
    if (field === 'password' && previous === 'name') login = true;
    else if (field === 'password' && previous === 'password' && login) login = false;
    else if (login) return true;
    previous = field;
  }
  return login;
}

/** Elements whose content is no text the user reads, and the end of each. */
const HIDDEN_CONTENT = /<(script|style|template|noscript)\b[^>]*>/gi;
const HIDDEN_CONTENT_END: Readonly<Record<string, RegExp>> = {
  script: /<\/script/gi,
  style: /<\/style/gi,
  template: /<\/template/gi,
  noscript: /<\/noscript/gi,
};
/** A comment, or a tag (its attributes, a prefilled `value="alice"` among them, are not shown as text). */
const COMMENT_OR_TAG = /<!--[\s\S]*?(?:-->|$)|<[^>]*>?/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi;

/**
 * The page without what it does not show: the content of scripts, styles, templates (SOGo keeps a dialog's login
 * form in a `<script type="text/ng-template">`) and noscript. Each piece is found by a forward search, so a hostile
 * body costs time linear in its length.
 */
function withoutHiddenContent(html: string): string {
  let shown = '';
  let at = 0;
  HIDDEN_CONTENT.lastIndex = 0;
  for (let open = HIDDEN_CONTENT.exec(html); open !== null; open = HIDDEN_CONTENT.exec(html)) {
    shown += `${html.slice(at, open.index)} `;
    const end = HIDDEN_CONTENT_END[open[1]!.toLowerCase()]!;
    end.lastIndex = HIDDEN_CONTENT.lastIndex;
    at = end.exec(html)?.index ?? html.length;
    HIDDEN_CONTENT.lastIndex = at;
  }
  return shown + html.slice(at);
}

/**
 * The text a browser shows of an HTML page (without its hidden content), approximately: without comments and tags;
 * the commonest entities decoded; runs of white space as one space; its first `limit` characters.
 */
function textOf(html: string, limit: number): string {
  const text = html
    .replace(COMMENT_OR_TAG, ' ')
    .replace(ENTITY, (entity, name: string) => decodeEntity(entity, name))
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= limit) return text;
  // A copy, not a slice: V8 keeps a slice's whole parent alive (up to 256 KiB a page, for as long as the trace).
  return UTF8_DECODER.decode(UTF8_ENCODER.encode(text.slice(0, limit)));
}

const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

function decodeEntity(entity: string, name: string): string {
  if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
  const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}
