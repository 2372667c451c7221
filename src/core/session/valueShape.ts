/**
 * What a cookie value looks like, for identification (RULES.md: a name match "provided the value can be an ID";
 * "its value is readable structured data" is evidence against) and for telling an update from a new ID (a
 * client-side session store re-encoded, a structured value whose embedded ID stays, a JWT re-issued for the same
 * subject is an update, not a new session).
 */

import { isChunkCountMarker } from './chunkedCookie.ts';
import { isRandomToken } from './randomToken.ts';
import { beginsWithJweHeader, isTimestampSigned, readClientSideData, signedSessionIdOf } from './tokenData.ts';

export type ValueShape =
  /** Cannot be a session ID: empty, a flag (`t`, `1`, `true`), a short word, a number, a date, a locale. */
  | 'not-an-id'
  /** Readable structured data: `a=b&c=d`, `k:v|k:v`, raw JSON. */
  | 'structured'
  /** A client-side session store or token: a JWT, base64 JSON, a signed JSON (Flask, Rails), an encrypted envelope. */
  | 'client-side-store'
  /** An opaque token: what a server-side session ID looks like. */
  | 'opaque';

/**
 * Flags and tiny numbers cannot be IDs. Short or numeric values can (badly: session-id-low-entropy is there to say
 * so), so length alone never rules a value out.
 */
const FLAG = /^(t|f|true|false|yes|no|on|off|y|n|null|undefined|none|deleted|-?\d{1,2}(\.\d+)?)$/i;
/**
 * ASCII punctuation alone (`-`, `.`, `--`): a placeholder where no value is (Salesforce's `sfdc_session=-`), nothing
 * random. (Text beyond ASCII is readable data, below.)
 */
const PUNCTUATION_ONLY = /^[\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]+$/;
/**
 * A date, with its time or not: ISO 8601, an HTTP date, or a date as a locale writes it (`9/9/2013 1:38:38 PM`, as
 * ASP.NET's DateTime.ToString() gives it: coupons.com's `cidat`; `09.09.2013 13:38`). Form-encoded, its spaces are `+`.
 */
const DATE =
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$|^\w{3}, \d{2} \w{3} \d{4}|^(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}\/\d{1,2}\/\d{1,2})([ +T]\d{1,2}:\d{2}(:\d{2})?([ +]?[AP]M)?)?$/i;
/**
 * A language tag (`en`, `en-GB`), or a POSIX locale with its territory and, optionally, its codeset and modifier
 * (`en_GB.utf8`, `de_DE.UTF-8`, `ca_ES@valencia`: LDAP Account Manager's `lam_last_language`).
 */
const LOCALE = /^[a-z]{2}([-_][A-Za-z]{2})?$|^[a-z]{2,3}_[A-Z]{2}(\.[A-Za-z0-9-]{2,16})?(@[a-z]{2,12})?$/;
/**
 * `a=b&c=d`, `a:b|c:d`, `a=b;c=d`, `a=b:c=d`: two or more readable fields. A field's value may end in base64's
 * padding (mod_auth_pubtkt's ticket ends `;sig=<base64 signature>==`).
 */
const FIELDS =
  /^([\w.%-]+[=:][^&|;:=]*={0,2})([&|;,]([\w.%-]+[=:][^&|;:=]*={0,2}))+$|^([\w.%-]+=[^&|;:]*)(:[\w.%-]+=[^&|;:]*)+$/;
/** Readable parts joined by `_`, `-`, `|` or `:` with a true/false among them: flags (`INITIAL_anon_true_30004`). */
const FLAG_PART = /(^|[_|:-])(true|false)([_|:-]|$)/i;
/** Decimal fractions, one or several (`0.0570435_0.538156`): sampling rolls and scores, numbers, not IDs. */
const FRACTIONS = /^-?\d*\.\d+([_|:,;/ -]-?\d*\.\d+)*$/;
/**
 * Three or more small integers in a list (`13419_13190_12608_1462`: the experiment buckets of Baidu's `H_PS_PSSID`):
 * numbers a server looks up, each of at most six digits, not a random ID. One separator throughout.
 */
const NUMBER_LIST = /^\d{1,6}(?:_\d{1,6}){2,}$|^\d{1,6}(?:\|\d{1,6}){2,}$|^\d{1,6}(?:,\d{1,6}){2,}$/;
/**
 * Numbers joined by one separator throughout, a decimal fraction among them (BadStore's `CartID=1553424910:1:11.5:1000`:
 * a time, a count, a total, a price): amounts a server reads back, readable data, not an ID. No ID writes a fraction.
 */
const NUMBERS_WITH_FRACTION =
  /^(?=[\d:_|,;/]*\.\d)\d{1,13}(?:\.\d{1,6})?([:_|,;/])\d{1,13}(?:\.\d{1,6})?(?:\1\d{1,13}(?:\.\d{1,6})?)*$/;
/** A URL (Auth.js's `next-auth.callback-url`, a return address): where to go, readable, the same for every user. */
const ABSOLUTE_URL = /^https?:\/\/\S+$/i;
/**
 * A page's address on its own server: a file name with a server page's extension (`paymentHistory.jsp`,
 * `index.php`), alone or at the end of a path (`/UBCI/viewHistory.do`). The page a user came from or returns to,
 * readable and the same for every user; no ID ends in `.jsp`.
 */
const PAGE_ADDRESS =
  /^\/?(?:[\w.~-]{1,64}\/){0,8}[\w~-]{1,64}\.(?:jspx?|php\d?|s?html?|aspx?|ashx|do|action|cfm|cgi|pl|jsf|xhtml|faces)$/i;
/**
 * Words parted by spaces (`WP Cookie check`, WordPress's test cookie; a name, a label): text, once decoded. A cookie
 * value cannot hold a bare space, and no ID is encoded with one.
 */
const WORDS = /\S\s+\S/;
/** A number with a readable label (`ajax:6397089261371032347`): a counter or an echo, not a random ID. */
const LABELLED_NUMBER = /^[A-Za-z]{2,}[:=]\d{10,}$/;
/**
 * Stores that cannot be read but show their kind: the session (or its ticket) encrypted or signed into the cookie,
 * most of them written again with a new IV, nonce, salt or time at every save.
 */
const UNREADABLE_STORE = [
  // Laravel's encrypted cookies: base64 of {"iv":…,"value":…,"mac":…}.
  /^eyJpdiI6/,
  // Rails' encrypted and signed cookie store (`data--iv--tag`, `data--digest`), Rack::Session::Cookie: base64 parts.
  /^[A-Za-z0-9+/=]{16,}--[A-Za-z0-9+/=]{16,}(--[A-Za-z0-9+/=]{16,})?$/,
  // A zlib'd itsdangerous payload (Flask: "." + base64 of zlib data, `.timestamp.signature`; Django joins with `:`).
  /^\.eJ[\w-]+([.:])[\w-]+\1[\w-]+$/,
  // iron's seal: hapi's @hapi/iron (hapi's cookie auth and yar), iron-session, h3.
  /^Fe26\.2\*/,
  // ASP.NET Core's Data Protection payload: its magic header 09 F0 C9 F0 is `CfDJ8` in base64url (the ticket of
  // cookie authentication and Identity, issued again at each sliding renewal and security-stamp check).
  /^CfDJ8[\w-]{40,}$/,
  // A Fernet token (Python's cryptography: version byte 0x80 and a timestamp): aiohttp-session's encrypted storage.
  /^gAAAAAB[\w-]{80,}={0,2}$/,
  // Mozilla's client-sessions: `iv.ciphertext.createdAt.duration.mac`, base64url parts around two decimal numbers.
  /^[\w-]{16,}\.[\w-]{16,}\.\d{10,13}\.\d+\.[\w-]{16,}$/,
  // libsodium's secretbox as @fastify/secure-session writes it: base64 ciphertext, `;`, its 24-byte nonce.
  /^[A-Za-z0-9+/]{22,}={0,2};[A-Za-z0-9+/]{32}$/,
  // Bottle's signed cookie (`set_cookie(name, value, secret=…)`): `!` + base64 HMAC + `?` + base64 of the pickled
  // name and value, signed, not encrypted; written again whenever the application sets it.
  /^![A-Za-z0-9+/]{22,}={0,2}\?[A-Za-z0-9+/]{4,}={0,2}$/,
  // Phoenix's (Plug's) signed or encrypted session: base64url of the algorithm's name (`HS256`, `HS384`, `HS512`,
  // `A128GCM`, `A256GCM`, `A128CBC-HS256`, `A256CBC-HS512`), then the payload (an Erlang term) and more.
  /^(SFMyNTY|SFMzODQ|SFM1MTI|QTEyOEdDTQ|QTI1NkdDTQ|QTEyOENCQy1IUzI1Ng|QTI1NkNCQy1IUzUxMg)\.[\w-]+\.[\w-]+/,
  // AdonisJS's encrypted cookie (`response.encryptedCookie`, its session's cookie store): `e:`, then base64url
  // ciphertext, IV and HMAC; a new IV at every save.
  /^e:[\w-]{16,}\.[\w-]{16,}\.[\w-]{32,}$/,
  // Beaker's cookie session with an encrypt_key (Bottle, Pyramid's pyramid_beaker, Pylons): the HMAC-SHA1 of the rest
  // in hex, a 128-bit nonce in base64 (its `==` sits at a fixed place), then the AES ciphertext; a new nonce at
  // every save. A hex ID, however long, has no `==` there.
  /^[0-9a-f]{40}[A-Za-z0-9+/]{22}==[A-Za-z0-9+/]{16,}={0,2}$/,
];

/** Client-side stores told by decoding a part of the value: an encrypted JWT, gorilla's securecookie, a readable one. */
const STORE_FORMATS: readonly ((value: string) => boolean)[] = [
  beginsWithJweHeader,
  isTimestampSigned,
  (value) => readClientSideData(value) !== undefined,
];

/**
 * A character beyond ASCII, once decoded (a percent-encoded name: `%E7%8E%8B…`, 王…; a city, `M%C3%BCnchen`): text a
 * person reads. IDs are written in ASCII, and random bytes percent-encoded seldom decode as UTF-8 at all.
 */
const BEYOND_ASCII = /[\u0080-\uffff]/;

/**
 * A character no session ID is written with, once the value is decoded and its quotes taken off: a quote inside it,
 * a parenthesis, an angle bracket, a backslash, a backtick. What a scanner swaps in to test the server
 * (`x'||pg_sleep(10)--`, `<script>`), not an ID the server issued.
 */
const NO_ID_CHARACTER = /['"<>()\\`]/;

/** The value holds a character no ID is written with (NO_ID_CHARACTER): a payload swapped in, not an ID issued. */
export function holdsNoIdCharacter(raw: string): boolean {
  return NO_ID_CHARACTER.test(unquote(raw));
}

/**
 * A labelled value: a name, `=` or `:=`, then JSON or readable fields (Yahoo's `apeaf=userintent={"discovered":1,…}`;
 * Adobe ClientContext's `PROFILEDATA:=avatar=…,path=…,isLoggedIn=false`). One field whose value is data is data.
 */
const LABEL = /^[A-Za-z][\w.-]{0,63}:?=/;
const LABELLED_DATA = {
  test(value: string): boolean {
    const label = LABEL.exec(value);
    if (label === null) return false;
    const rest = value.slice(label[0].length);
    return rest.startsWith('{') || rest.startsWith('[') || FIELDS.test(rest);
  },
};

/**
 * Named fields joined by `&`, as a query string writes them, whatever their values hold (coupons.com's `SessionInfo`:
 * `TrackingID=ALK0909…&SI=<a scrambled blob with = and :|: in it>&sC=…`): a record of fields, not one ID. The names
 * are words; a value runs to the next `&`.
 */
const QUERY_FIELDS = /^[A-Za-z_][\w.-]{0,40}=[^&]*(?:&[A-Za-z_][\w.-]{0,40}=[^&]*)+$/;

/**
 * Names and values alternating, all joined by `&` (`key&value&key&value`): HP's Web Tours writes its `MSO` so
 * (`SID&1460051160&MSO_ServerErrorsProb&100&MSO_ServerLoadProb&100`) and its login's `MTUserInfo`
 * (`firstName&&username&jojo01&hash&49&…`). Two pairs or more, each name a word that begins with a letter (a value may
 * be empty): a record of fields, not one ID, whose field order the server may change at will.
 */
const AMPERSAND_PAIRS = /^[A-Za-z][\w.-]{0,40}&[^&]*(?:&[A-Za-z][\w.-]{0,40}&[^&]*)+$/;

/** Readable data, evidence against an ID (RULES.md). */
const READABLE = [
  FIELDS,
  QUERY_FIELDS,
  AMPERSAND_PAIRS,
  LABELLED_DATA,
  LABELLED_NUMBER,
  ABSOLUTE_URL,
  PAGE_ADDRESS,
  WORDS,
  FLAG_PART,
  FRACTIONS,
  NUMBER_LIST,
  NUMBERS_WITH_FRACTION,
  BEYOND_ASCII,
];

/**
 * A word, or a few joined (`dark`, `compact`, `Europe/Paris`, `dark-mode`, `EUR`), or a screen size (`1920x1080`): a
 * preference, readable, the same for many users, such as an application may set at a login. No ID is written in
 * words: lower-case letters (one capital first at most), or two to four capitals, twelve letters a word at most.
 */
const WORD_VALUE =
  /^(?:[A-Z]?[a-z]{1,11}|[A-Z]{2,4})(?:[-_./](?:[A-Z]?[a-z]{1,11}|[A-Z]{2,4})){0,3}$|^\d{2,5}x\d{2,5}$/;

/**
 * Two to four capitalised words written together (DoubleClick's `test_cookie=CheckForPermission`, `DarkMode`): each
 * of three to twelve letters with a vowel after its capital. Random letters almost never fall into such runs
 * (`QmXkTzPr`: words too short; `KqzTrwxPlmn`: no vowels).
 */
const CAMEL_WORDS = /^(?:[A-Z][a-z]{2,11}){2,4}$/;
const CAMEL_WORD = /[A-Z][a-z]+/g;
const VOWEL = /[aeiouy]/;

function isCamelWords(value: string): boolean {
  return CAMEL_WORDS.test(value) && (value.match(CAMEL_WORD) ?? []).every((word) => VOWEL.test(word));
}

export function isWordValue(raw: string): boolean {
  const value = unquote(raw);
  return WORD_VALUE.test(value) || isCamelWords(value);
}

/** How many layers of percent-encoding are taken off: a value set through two encoders wears two. */
const MAX_DECODINGS = 3;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * The value without its quotes, percent-decoded until no escape is left (Yahoo's `apeaf` and Adobe's
 * `SessionPersistence` are encoded twice: `%257B` is `{` at the second decoding), at most MAX_DECODINGS times.
 */
function unquote(value: string): string {
  let v = value.replace(/^"|"$/g, '');
  for (let i = 0; i < MAX_DECODINGS && PERCENT_ESCAPE.test(v); i++) {
    try {
      v = decodeURIComponent(v);
    } catch {
      return v;
    }
  }
  return v;
}

/**
 * A client-side store as a redacted export writes it (`h:<hash of the value>~<hash of its session key>`): the value
 * is gone but whether two versions hold the same session is not (formats/redactTrace.ts).
 */
const REDACTED_STORE = /^h:[0-9a-f]{8}~([0-9a-f]{8})$/;

/**
 * Any value a redacted export wrote in place of a cookie's (redactCookieValue, native/redactTrace.ts): the hash, and
 * after it a client-side store's session hash (`~…`) or a route suffix. Its length is not the original's.
 */
export function isRedactedValue(value: string): boolean {
  return REDACTED.test(value);
}

const REDACTED = /^h:[0-9a-f]{8}([~.!]|$)/;

export function valueShape(raw: string): ValueShape {
  const value = unquote(raw);
  if (REDACTED_STORE.test(value)) return 'client-side-store';
  if (
    value === '' ||
    FLAG.test(value) ||
    PUNCTUATION_ONLY.test(value) ||
    DATE.test(value) ||
    LOCALE.test(value) ||
    isChunkCountMarker(value)
  )
    return 'not-an-id';
  if (UNREADABLE_STORE.some((re) => re.test(value))) return 'client-side-store';
  // A signed or encoded list, not a store of named fields: data kept in a cookie (Django's messages, the flash
  // messages its login and logout leave), no session.
  if (Array.isArray(readClientSideData(value)?.payload)) return 'structured';
  if (STORE_FORMATS.some((is) => is(value))) return 'client-side-store';
  if (value.startsWith('{') || value.startsWith('[') || READABLE.some((re) => re.test(value))) return 'structured';
  if (NO_ID_CHARACTER.test(value)) return 'not-an-id';
  return 'opaque';
}

/**
 * A value no session ID can be in a session cookie (`not-an-id`: `deleted`, a flag, a short number; or a word, which
 * no ID is written in): a placeholder the server wrote to clear it (Cockpit's and PHP's `deleted`) or before the ID
 * (mod_auth_mellon's `cookietest`, which checks that cookies work), not an ID to follow or to judge. Long values are
 * IDs or data, never asked.
 */
export function isPlaceholderValue(value: string): boolean {
  if (value.length > PLACEHOLDER_MEMO_MAX_LENGTH) return readsAsPlaceholder(value);
  const known = placeholderMemo.get(value);
  if (known !== undefined) return known;
  const placeholder = readsAsPlaceholder(value);
  if (placeholderMemo.size >= PLACEHOLDER_MEMO_MAX) placeholderMemo.clear();
  placeholderMemo.set(value, placeholder);
  return placeholder;
}

function readsAsPlaceholder(value: string): boolean {
  if (value.length > 16) return isMaskedValue(value) || valueShape(value) === 'not-an-id';
  return valueShape(value) === 'not-an-id' || isWordValue(value) || isMaskedValue(value);
}

/**
 * The replay, the lanes and the rules ask of the same few session values on every request that carries or sets
 * them (a session's ID on thousands of requests), and a value's shape is read through its decoders: each answer is
 * remembered. Bounded in entries and in each value's length, because a hostile trace can carry millions of values.
 */
const placeholderMemo = new Map<string, boolean>();
const PLACEHOLDER_MEMO_MAX = 10_000;
const PLACEHOLDER_MEMO_MAX_LENGTH = 256;

/**
 * What a sanitiser writes in place of a value before a HAR is shared: `REDACTED`, `[sanitized]`, `--redacted--`,
 * `[sessionid redacted]`, `<filtered>`, `****` (not `xxxx…`: LDAP Account Manager writes that itself). Every ID then reads the same, so none can be told from another: a
 * masked value is no ID to follow (isPlaceholderValue), and the reports say the file was masked (fileNotes.ts).
 */
export function isMaskedValue(value: string): boolean {
  return value.length <= 80 && MASKED_VALUE.test(value);
}

const MASKED_VALUE =
  /^(?:[[<(-]{0,2}\s?(?:[\w.$-]{1,64}\s)?(?:redacted|sanitized|sanitised|filtered|masked|removed|omitted)\s?[\]>)-]{0,2}|\*{3,})$/i;

/** Claims that name the session or its subject inside a client-side store or a structured value. */
const ID_FIELDS = ['sid', 'session_id', 'sessionId', 'sessionid', 'session', 'sub', 'user_id', 'userId', 'uid', 'id'];

/** Readable fields, `a=b&c=d` and the like (FIELDS): what a session kept in the cookie as fields looks like. */
export function isFieldsValue(raw: string): boolean {
  return FIELDS.test(unquote(raw));
}

/** The fields of such a value, by name (the first of each), for showing what the cookie holds in the clear. */
export function fieldsOf(raw: string): Record<string, string> | undefined {
  const value = unquote(raw);
  if (!FIELDS.test(value)) return undefined;
  const fields: Record<string, string> = {};
  for (const [name, field] of fieldPairs(value)) if (name !== '' && !(name in fields)) fields[name] = field;
  return fields;
}

/** The `name`, `value` pairs of readable fields (FIELDS), in order: `a=b&c=d`, `a:b|c:d`, `a=b:c=d`. */
function fieldPairs(value: string): (readonly [name: string, value: string])[] {
  return value.split(/[&|;,]|:(?=[\w.%-]+=)/).map((field) => {
    const i = field.search(/[=:]/);
    return i === -1 ? ['', field] : [field.slice(0, i), field.slice(i + 1)];
  });
}

/** The ID or subject a client-side store or structured value names, as `field=value`; undefined when unreadable. */
export function embeddedIdOf(raw: string): string | undefined {
  const value = unquote(raw);
  const redacted = REDACTED_STORE.exec(value);
  if (redacted) return `key=${redacted[1]}`;
  const signed = signedSessionIdOf(value);
  if (signed !== undefined) return `id=${signed}`;
  const data = readClientSideData(value);
  const record =
    data?.kind === 'jwt'
      ? data.payload
      : data && typeof data.payload === 'object' && data.payload !== null
        ? (data.payload as Record<string, unknown>)
        : undefined;
  if (record) {
    for (const field of ID_FIELDS) {
      const v = idIn(record[field]);
      if (v !== undefined) return `${field}=${v}`;
    }
    return undefined;
  }
  if (FIELDS.test(value)) {
    const fields = new Map(fieldPairs(value).map(([name, field]) => [name.toLowerCase(), field]));
    for (const field of ID_FIELDS) {
      const v = fields.get(field.toLowerCase());
      if (v) return `${field}=${v}`;
    }
  }
  return undefined;
}

/**
 * A readable store of named fields that holds no ID (no ID field, no random token among its values): its value is
 * its content, not an identity. Two sessions with the same content (express's cookie-session `{"visits":1}`, written
 * anew by a node that could not read the last one) are byte for byte the same value, and neither is an ID kept.
 */
export function isContentOnlyStore(raw: string): boolean {
  const payload = readClientSideData(unquote(raw))?.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  if (embeddedIdOf(raw) !== undefined) return false;
  return !Object.values(payload).some((v) => typeof v === 'string' && isRandomToken(v));
}

/** A token, a separator and a Unix time in seconds or milliseconds at its end (isRestamped). */
const TRAILING_TIME = /^(.{8,}?)([-_.:|])(\d{10}|\d{13})$/;

/**
 * The same token with a new time after it: Roundcube's `roundcube_sessauth` (`<hash>-<Unix time of its 5-minute
 * slot>`), renewed as the slot turns while the session goes on. The token before the time names the session.
 */
function isRestamped(previous: string, next: string): boolean {
  const a = TRAILING_TIME.exec(previous);
  const b = TRAILING_TIME.exec(next);
  return a !== null && b !== null && a[1] === b[1] && a[2] === b[2] && a[3] !== b[3];
}

/**
 * An opaque token written again around the start of the one it replaced: the same session's token refreshed in place,
 * as a signed value is re-signed. GitHub's `user_session` of 2016 kept its first 52 of 80 characters and took a new
 * tail on every page; Google's `SID` of 2013 (`DQAAANM…`, 211 characters) keeps 31 of its first 32 (the seventh is a
 * length byte of its header) and takes a new signed tail. An ID a server draws anew agrees with the last at such places
 * by chance only (30 of 32 hex characters: 1 in 2^110), and a client-side store's common start (a JWT's header) is no
 * opaque token's: those are read by their content below.
 */
function keepsItsStart(previous: string, next: string): boolean {
  if (previous.length < KEPT_START || next.length < KEPT_START) return false;
  let kept = 0;
  for (let i = 0; i < KEPT_START; i++) if (previous.charCodeAt(i) === next.charCodeAt(i)) kept++;
  return kept >= KEPT_START - HEADER_CHANGES;
}

/**
 * One value holds the other whole, as a field between separators: the same token with fields put in front of it or
 * taken off. Google's `LSID` and `__Host-3PLSID` of 2020 were written back at the sign-in's CheckCookie as
 * `lso|s.HK|s.youtube:` followed by the very token the request carried (the services it is good for, then the token).
 * An opaque token of KEPT_START characters or more is found inside another value by chance never.
 */
function keepsItsToken(previous: string, next: string, shapes: readonly [ValueShape, ValueShape]): boolean {
  const [token, holder, tokenShape] =
    previous.length < next.length ? [previous, next, shapes[0]] : [next, previous, shapes[1]];
  if (token.length < KEPT_START || token.length === holder.length || tokenShape !== 'opaque') return false;
  for (let at = holder.indexOf(token); at !== -1; at = holder.indexOf(token, at + 1)) {
    const end = at + token.length;
    if (
      (at === 0 || TOKEN_SEPARATOR.test(holder[at - 1]!)) &&
      (end === holder.length || TOKEN_SEPARATOR.test(holder[end]!))
    )
      return true;
  }
  return false;
}

/** What stands between a token and the fields beside it in a value (keepsItsToken). */
const TOKEN_SEPARATOR = /[|:;,&=.!~\s]/;

/** The start compared, in characters. */
const KEPT_START = 32;
/** Characters of it that may change (a header's length or version byte). */
const HEADER_CHANGES = 2;

/**
 * Whether `next` is the same session as `previous`, re-encoded or updated in place: both client-side stores (or
 * structured values) whose embedded ID or subject, where one can be read, is the same; an opaque token that keeps
 * the start of itself (keepsItsStart), or that another value holds whole (keepsItsToken). An opaque value that changes
 * otherwise is a new ID.
 */
export function isUpdateOf(previous: string, next: string): boolean {
  if (isRestamped(previous, next)) return true;
  const a = valueShape(previous);
  const b = valueShape(next);
  if (a === 'opaque' && b === 'opaque' && keepsItsStart(previous, next)) return true;
  if (keepsItsToken(previous, next, [a, b])) return true;
  if (a !== b || (a !== 'client-side-store' && a !== 'structured')) return false;
  const idA = embeddedIdOf(previous);
  const idB = embeddedIdOf(next);
  // A readable store that named its user and no longer does (or names another) is a new, empty session: what a
  // server writes when it can no longer read the one it got (Flask's key made at start-up, then a restart).
  const owner = ownerOf(previous);
  if (owner !== undefined && ownerOf(next) !== owner) return false;
  // Encrypted stores (Laravel, Rails 5+, cookie-session with keys) cannot be read: re-encoding is what they do
  // on every response, so an unreadable store that changes is taken as the same session (RULES.md).
  return idA === idB;
}

/**
 * Fields in which session stores keep who is logged in: an application's own `user` or `username`, Flask-Login's
 * `_user_id`, Django's `_auth_user_id`, a JWT's `sub`, Passport's `passport.user`.
 */
const OWNER_FIELDS = ['user', 'username', 'user_id', 'userId', '_user_id', '_auth_user_id', 'uid', 'sub', 'email'];

/** Who a readable store says is logged in (a user held as an object: its id, name or e-mail), or undefined. */
/** An ID field's value: a string or number, or an ID object's own (Rack's SessionId holds `public_id`). */
function idIn(v: unknown): string | number | undefined {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v !== 'object' || v === null) return undefined;
  const inner = (v as Record<string, unknown>).public_id;
  return typeof inner === 'string' ? inner : undefined;
}

function ownerOf(value: string): string | undefined {
  const data = readClientSideData(unquote(value));
  const payload = data?.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const record = payload as Record<string, unknown>;
  const passport = record.passport;
  const fields = typeof passport === 'object' && passport !== null ? { ...record, ...passport } : record;
  for (const field of OWNER_FIELDS) {
    const owner = nameOf((fields as Record<string, unknown>)[field]);
    if (owner !== undefined) return `${field}=${owner}`;
  }
  return undefined;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v !== 'object' || v === null) return undefined;
  const user = v as Record<string, unknown>;
  for (const key of ['id', 'name', 'email']) {
    const field = user[key];
    if (typeof field === 'string' || typeof field === 'number') return String(field);
  }
  return undefined;
}
