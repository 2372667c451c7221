/**
 * Reads what a session cookie value carries in the clear: a JWT, base64-encoded JSON, or a signed but
 * not encrypted session (Flask/itsdangerous, Rails cookie store, cookie-session). Used by the rules
 * session-client-side-data, jwt-alg-none and jwt-no-expiry. Pure: atob/TextDecoder, and fflate to inflate the
 * payloads itsdangerous and Django compress.
 */
import { unzlibSync } from 'fflate';
import { readPickle } from './pickle.ts';
import { readRubyMarshal } from './rubyMarshal.ts';

export type ClientSideData =
  | {
      readonly kind: 'jwt';
      readonly header: Record<string, unknown>;
      readonly payload: Record<string, unknown>;
    }
  | { readonly kind: 'base64-json'; readonly payload: unknown }
  /** `pickled`: a Python pickle, which the server unpickles: data a forged signature makes it run as code. */
  | { readonly kind: 'signed-json'; readonly format: string; readonly payload: unknown; readonly pickled?: true }
  /** A store's own format with no signature at all (Rack::Session::Cookie without a secret): readable and forgeable. */
  | { readonly kind: 'unsigned'; readonly format: string; readonly payload: unknown }
  /** Readable fields (`a=b&c=d`) of a session kept in the cookie (Apache's mod_session without its crypto). */
  | { readonly kind: 'fields'; readonly payload: Readonly<Record<string, string>> }
  /** A password hash in a crypt or PHC string (code-server's cookie: the argon2 hash of its password). */
  | { readonly kind: 'password-hash'; readonly payload: Readonly<Record<string, string>> }
  /** JSON as written, holding OAuth tokens (OAUTH_TOKEN_FIELDS): a sign-in kept in the cookie in the clear. */
  | { readonly kind: 'json'; readonly payload: Record<string, unknown> };

/** Values longer than this are not decoded: a hostile 1 MB cookie must not cost more than a look. */
const MAX_DECODE_LENGTH = 16_384;

/** One decoder for every call: constructing a TextDecoder per cookie value dominated analysis time. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBase64Url(s: string): string | undefined {
  const bytes = base64UrlBytes(s);
  if (bytes === undefined) return undefined;
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The bytes of base64url or base64 text, padded or not; undefined outside the alphabet or for a bad length. */
/** Base64 without the line breaks of Ruby's pack('m') (a newline after every 60 characters and at the end). */
function withoutLineBreaks(s: string): string {
  return s.includes('\n') ? s.replace(/\n/g, '') : s;
}

function base64UrlBytes(s: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/_-]*=*$/.test(s)) return undefined;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  try {
    return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Base64 of a JSON object starts with "e" (`{` is 0x7B) and of an array with "W" (`[` is 0x5B): anything else
 * cannot decode to JSON, so most opaque IDs are turned away without decoding.
 */
function mayBeBase64Json(s: string): boolean {
  return s.startsWith('e') || s.startsWith('W');
}

/** The text as JSON when it is an object or a list (spaces around it allowed), else undefined. */
export function parseJsonObject(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/** Inflated bytes read at most: a payload that inflates past it is not read (a hostile value costs no more than a look). */
const MAX_INFLATED_BYTES = 65_536;
/** zlib's first byte (deflate, 32 KiB window), whatever the level: its base64 starts with "e". */
const ZLIB_DEFLATE = 0x78;

/**
 * The bytes of a zlib-compressed base64url payload: itsdangerous (Flask) and django.core.signing compress a payload
 * when that makes it shorter, and mark it with a leading ".". Compressed is not encrypted: anyone can read it.
 */
function inflatePayload(b64: string): Uint8Array | undefined {
  const bytes = base64UrlBytes(b64);
  if (bytes === undefined || bytes.length < 6 || bytes[0] !== ZLIB_DEFLATE) return undefined;
  try {
    const inflated = unzlibSync(bytes, { out: new Uint8Array(MAX_INFLATED_BYTES) });
    // Filled to the brim: cut short, not read. fflate does not check zlib's trailer: a corrupted payload would be
    // read as other data, so its Adler-32 is checked here.
    if (inflated.length === MAX_INFLATED_BYTES || adler32(inflated) !== readUint32(bytes, bytes.length - 4))
      return undefined;
    return inflated;
  } catch {
    return undefined;
  }
}

function readCompressedJson(b64: string): unknown {
  const inflated = inflatePayload(b64);
  if (inflated === undefined) return undefined;
  try {
    return parseJsonObject(UTF8.decode(inflated));
  } catch {
    return undefined;
  }
}

/**
 * A django.core.signing payload (before the timestamp and the signature): JSON, or a pickle (PickleSerializer, the
 * signed cookie session's default before Django 1.6, whose data a leaked SECRET_KEY turns into code the server
 * runs), in base64url, compressed behind a "." when that is shorter. What it holds and how it was written.
 */
function readDjangoPayload(
  b64: string,
): { readonly payload: unknown; readonly written: string; readonly pickled: boolean } | undefined {
  const compressed = b64.startsWith('.e');
  // Turned away without decoding: anything that cannot begin JSON ("e", "W") or a pickle ("gA": 0x80).
  if (!compressed && !mayBeBase64Json(b64) && !b64.startsWith('gA')) return undefined;
  const bytes = compressed ? inflatePayload(b64.slice(1)) : base64UrlBytes(b64);
  if (bytes === undefined || bytes.length === 0) return undefined;
  const pickled = bytes[0] === PICKLE_PROTO;
  let payload: unknown;
  try {
    payload = pickled ? readPickle(bytes) : parseJsonObject(UTF8.decode(bytes));
  } catch {
    return undefined;
  }
  // Django signs a dict; JSON may be a list (signing.dumps of any data).
  if (payload === undefined || (pickled && !isRecord(payload))) return undefined;
  const written = [compressed ? 'compressed' : '', pickled ? 'pickle' : ''].filter(Boolean).join(' ');
  return { payload, written, pickled };
}

/** A pickle of protocol 2 or later begins with PROTO. */
const PICKLE_PROTO = 0x80;

/** RFC 1950's checksum of the uncompressed data. */
function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]!) % 65_521;
    b = (b + a) % 65_521;
  }
  return ((b << 16) | a) >>> 0;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function safeDecodeURIComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The value begins with a JWE's protected header (RFC 7516 compact form: header.key.iv.ciphertext.tag, the header
 * base64url JSON naming the content encryption, `enc`): an encrypted token, such as Auth.js's session token, or the
 * first chunk of one. Its claims cannot be read, as an encrypted session store's cannot.
 */
export function beginsWithJweHeader(rawValue: string): boolean {
  if (!rawValue.startsWith('eyJ')) return false;
  const dot = rawValue.indexOf('.');
  if (dot === -1 || dot > MAX_JWE_HEADER_LENGTH) return false;
  const header = parseJsonObject(decodeBase64Url(rawValue.slice(0, dot)));
  return isRecord(header) && typeof header.enc === 'string' && typeof header.alg === 'string';
}

/** Far above a real protected header (`{"alg":"dir","enc":"A256GCM"}` is 36 characters encoded). */
const MAX_JWE_HEADER_LENGTH = 1024;

/**
 * Go's gorilla/securecookie encoding, under gorilla/sessions, gin-contrib/sessions and echo's session middleware:
 * base64url of `<unix time>|<payload, encoded or encrypted>|<MAC>`. The time is of the encoding, so every save of the
 * session (many apps save on every request) gives a new value for the same session, whether the payload is the
 * session's data or its ID in a server-side store; the payload cannot be read here.
 */
export function isTimestampSigned(rawValue: string): boolean {
  // "MT" is base64 of "1…": a Unix time from 2001 to 2033 has ten digits, the first 1.
  if (!rawValue.startsWith('MT') || rawValue.length < 32) return false;
  // The first 16 characters are 12 whole bytes: the ten digits, the `|` and one more.
  const head = decodeBase64Url(rawValue.slice(0, 16));
  return head !== undefined && TIMESTAMP_FIRST.test(head);
}

const TIMESTAMP_FIRST = /^1\d{9}\|/;

/**
 * The server-side session ID a gorilla/securecookie value signs, where that is all it holds: gorilla/sessions'
 * FilesystemStore (and the Redis and database stores built like it) encodes the session's ID alone, gob-encoded
 * (a string: its message length, type 0x0c, 0x00, its length, its characters), signed, not encrypted. Each save
 * writes a new time and MAC around the same ID; a CookieStore's value (the session's data, or encrypted) is no ID.
 */
export function signedSessionIdOf(rawValue: string): string | undefined {
  if (!isTimestampSigned(rawValue) || rawValue.length > MAX_DECODE_LENGTH) return undefined;
  const bytes = base64UrlBytes(rawValue);
  if (bytes === undefined) return undefined;
  const first = bytes.indexOf(0x7c);
  const second = first < 0 ? -1 : bytes.indexOf(0x7c, first + 1);
  if (second < 0) return undefined;
  const payload = base64UrlBytes(String.fromCharCode(...bytes.subarray(first + 1, second)));
  if (payload === undefined || payload.length < 5 || payload[1] !== 0x0c || payload[2] !== 0x00) return undefined;
  const length = payload[3]!;
  if (payload.length !== 4 + length || payload[0] !== length + 3) return undefined;
  const id = String.fromCharCode(...payload.subarray(4));
  return /^[A-Za-z0-9_-]{16,}$/.test(id) ? id : undefined;
}

/** Returns what the value reveals, or undefined for an opaque token. */
/**
 * The cookie value holds `text` as written, or in one of its base64 parts once decoded (`s:<base64 JSON>.<signature>`,
 * a base64 JSON store): AdonisJS's session ID inside `adonis-session`, the part of Zabbix's session ID its sign-out
 * posts. Parts shorter than 16 characters are not decoded.
 */
export function valueHolds(value: string, text: string): boolean {
  if (value.includes(text)) return true;
  const decoded = safeDecodeURIComponent(value);
  return decoded.split(/[.:]/).some((part) => part.length >= 16 && decodeBase64Url(part)?.includes(text) === true);
}

export function readClientSideData(rawValue: string): ClientSideData | undefined {
  if (rawValue.length > MAX_DECODE_LENGTH) return undefined;
  const value = safeDecodeURIComponent(rawValue.replace(/^"|"$/g, ''));
  const parts = value.split('.');
  // RFC 7519 JWS compact form: header.payload.signature (signature may be empty for alg none).
  if (parts.length === 3 && mayBeBase64Json(parts[0]!)) {
    const header = parseJsonObject(decodeBase64Url(parts[0]!));
    const payload = parseJsonObject(decodeBase64Url(parts[1]!));
    if (isRecord(header) && typeof header.alg === 'string' && isRecord(payload)) {
      return { kind: 'jwt', header, payload };
    }
  }
  // itsdangerous (Flask's session, Starlette's SessionMiddleware): payload.timestamp.signature, the payload zlib'd behind a
  // "." when that is shorter (Flask's).
  if (parts.length === 3 && mayBeBase64Json(parts[0]!)) {
    const payload = parseJsonObject(decodeBase64Url(parts[0]!));
    if (payload !== undefined) return { kind: 'signed-json', format: 'itsdangerous (Flask, Starlette)', payload };
  }
  if (parts.length === 4 && parts[0] === '' && mayBeBase64Json(parts[1]!)) {
    const payload = readCompressedJson(parts[1]!);
    if (payload !== undefined) return { kind: 'signed-json', format: 'itsdangerous (Flask), compressed', payload };
  }
  // Django's signed cookie session (django.core.signing, SESSION_ENGINE signed_cookies): payload:timestamp:signature,
  // the timestamp in base 62, the payload zlib'd behind a "." when that is shorter.
  const colonParts = value.split(':');
  const django = colonParts.length === 3 ? readDjangoPayload(colonParts[0]!) : undefined;
  if (django !== undefined) {
    const format = `django.core.signing (Django)${django.written ? `, ${django.written}` : ''}`;
    return { kind: 'signed-json', format, payload: django.payload, ...(django.pickled ? { pickled: true } : {}) };
  }
  // Remix's and React Router's cookie session storage: base64 of the JSON, "." and the signature (no JWT header).
  if (parts.length === 2 && mayBeBase64Json(parts[0]!)) {
    const payload = parseJsonObject(decodeBase64Url(parts[0]!));
    // Not the first chunk of a JWT cut in two (its JOSE header, then part of its payload).
    const joseHeader = isRecord(payload) && typeof payload.alg === 'string';
    if (payload !== undefined && !joseHeader)
      return { kind: 'signed-json', format: 'payload.signature (Remix, React Router)', payload };
  }
  // Rails cookie store (unencrypted, old) and others: base64--digest.
  const dashDash = value.indexOf('--');
  if (dashDash > 0 && mayBeBase64Json(value)) {
    const decoded = decodeBase64Url(value.slice(0, dashDash));
    const payload = parseJsonObject(decoded);
    if (payload !== undefined) return { kind: 'signed-json', format: 'base64--digest (Rails)', payload };
    // Mojolicious pads the session's JSON with "Z" to at least 1,025 bytes (so that its length tells nothing), then
    // writes base64 (its "=" as "-") and "--" and the HMAC: JSON never ends in "Z", so the padding is cut off.
    const padded = decoded?.endsWith('Z') ? parseJsonObject(decoded.replace(/Z+$/, '')) : undefined;
    if (padded !== undefined) return { kind: 'signed-json', format: 'base64--digest (Mojolicious)', payload: padded };
  }
  // Rack::Session::Cookie (Sinatra, Warden) and Rails before 4.1: base64 of a Ruby Marshal dump ("\x04\x08", so
  // "BAh" or "BAg"), "--" and the HMAC's hex digest. Ruby's pack('m'), which older Racks encode with, breaks the
  // base64 into lines of 60 (sent percent-encoded, `%0A`): the line breaks are no part of it. Some sent it
  // percent-encoded twice (Twitter's Rails 2 `_twitter_sess` of 2011: `%250A`, `%253D`).
  if (dashDash > 0 && value.startsWith('BA')) {
    const data = value.slice(0, dashDash);
    const dump = base64UrlBytes(withoutLineBreaks(data.includes('%') ? safeDecodeURIComponent(data) : data));
    const payload = dump && readRubyMarshal(dump);
    if (isRecord(payload)) return { kind: 'signed-json', format: 'Ruby Marshal--digest (Rack, Rails 3)', payload };
  }
  // The same dump with no "--" and digest: Rack::Session::Cookie given no secret (OmniAuth's README writes it so;
  // Rack 2 only warns) stores the session unsigned.
  if (dashDash < 0 && value.startsWith('BA') && /^[A-Za-z0-9+/_-]+={0,2}$/.test(withoutLineBreaks(value))) {
    const dump = base64UrlBytes(withoutLineBreaks(value));
    const payload = dump && readRubyMarshal(dump);
    if (isRecord(payload))
      return { kind: 'unsigned', format: 'Ruby Marshal (Rack::Session::Cookie without a secret)', payload };
  }
  const tornado = readTornadoSignedValue(value);
  if (tornado !== undefined) return { kind: 'signed-json', format: 'Tornado secure cookie', payload: tornado };
  const afterDigest = readJsonAfterDigest(value);
  if (afterDigest !== undefined)
    return { kind: 'signed-json', format: 'digest + JSON (Pyramid)', payload: afterDigest };
  const hash = readPasswordHash(value);
  if (hash !== undefined) return { kind: 'password-hash', payload: hash };
  const ticket = readAuthTicket(value);
  if (ticket !== undefined)
    return { kind: 'signed-json', format: 'auth_tkt ticket (mod_auth_tkt, Pyramid)', payload: ticket };
  const pubTicket = readPubTicket(value);
  if (pubTicket !== undefined)
    return { kind: 'signed-json', format: 'auth_pubtkt ticket (mod_auth_pubtkt)', payload: pubTicket };
  const bottle = readBottleSignedValue(value);
  if (bottle !== undefined)
    return { kind: 'signed-json', format: 'Bottle signed cookie (pickle)', payload: bottle, pickled: true };
  const couchSession = readCouchSession(value);
  if (couchSession !== undefined)
    return { kind: 'signed-json', format: 'AuthSession (CouchDB cookie authentication)', payload: couchSession };
  const tokens = readJsonHoldingTokens(value);
  if (tokens !== undefined) return { kind: 'json', payload: tokens };
  // @supabase/ssr writes its session as "base64-" and the JSON in base64url: the tokens and the user.
  const base64 = value.startsWith(BASE64_LABEL) ? value.slice(BASE64_LABEL.length) : value;
  if (!mayBeBase64Json(base64)) return undefined;
  const whole = parseJsonObject(decodeBase64Url(base64));
  if (whole !== undefined && !isEncryptionEnvelope(whole)) return { kind: 'base64-json', payload: whole };
  return undefined;
}

const BASE64_LABEL = 'base64-';

/**
 * OAuth 2.0's token fields (RFC 6749 5.1; OpenID Connect's `id_token`), as JSON writers name them. A cookie that holds
 * one as JSON keeps a sign-in's tokens in the clear: Nike's `unite_session`, @supabase/auth-helpers' session before
 * @supabase/ssr base64'd it. JSON without one stays readable data, no session (valueShape.ts: structured).
 */
const OAUTH_TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token', 'accessToken', 'refreshToken', 'idToken'];

/** The value as JSON (as written, once percent-decoded: the caller did that) when it is an object holding a token. */
function readJsonHoldingTokens(value: string): Record<string, unknown> | undefined {
  if (!value.startsWith('{')) return undefined;
  const payload = parseJsonObject(value);
  if (!isRecord(payload)) return undefined;
  return OAUTH_TOKEN_FIELDS.some((field) => typeof payload[field] === 'string' && payload[field] !== '')
    ? payload
    : undefined;
}

/**
 * A password hash as crypt(3) and the PHC string format write it: `$<scheme>$[v=<version>$][<parameters>$]<salt>$<hash>`
 * (argon2, scrypt, PBKDF2), bcrypt's `$2b$<cost>$<salt and hash>`, SHA-crypt's `$5$` and `$6$`, MD5-crypt's `$1$`.
 * The scheme and parameters are read; the salt and hash are not shown.
 */
const PASSWORD_HASH =
  /^\$(argon2id|argon2i|argon2d|scrypt|pbkdf2(?:-sha(?:1|256|512))?|2[abxy]|1|5|6)\$(?:v=(\d+)\$)?(?:((?:rounds=\d+)|(?:[a-z0-9-]+=[^$,]+(?:,[a-z0-9-]+=[^$,]+)*)|\d\d)\$)?[A-Za-z0-9+/.=_-]{8,}(?:\$[A-Za-z0-9+/.=_-]{8,})?$/;
const HASH_SCHEMES: Readonly<Record<string, string>> = {
  '2a': 'bcrypt',
  '2b': 'bcrypt',
  '2x': 'bcrypt',
  '2y': 'bcrypt',
  '1': 'md5-crypt',
  '5': 'sha256-crypt',
  '6': 'sha512-crypt',
};

export function readPasswordHash(value: string): Record<string, string> | undefined {
  const match = value.startsWith('$') ? PASSWORD_HASH.exec(value) : null;
  if (!match) return undefined;
  const scheme = HASH_SCHEMES[match[1]!] ?? match[1]!;
  return {
    scheme,
    ...(match[2] !== undefined ? { version: match[2] } : {}),
    ...(match[3] !== undefined ? { parameters: match[3] } : {}),
  };
}

/**
 * mod_auth_tkt's ticket, which Pyramid's AuthTktCookieHelper also writes: the digest in hex (MD5, SHA-1, SHA-256 or
 * SHA-512), the time it was issued in 8 hex digits, the user, then `!` and the tokens and user data; base64'd by
 * mod_auth_tkt's login CGI, not by Pyramid (which may base64 the user alone: `userid_type:b64unicode`). Signed, not
 * encrypted: the user is there to read. A hex ID has no `!`, and the time must be one after 1987.
 */
const AUTH_TICKET = /^(?:[0-9a-f]{128}|[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})([0-9a-f]{8})([^!\s]+)!(.*)$/s;
const BASE64_TEXT = /^[A-Za-z0-9+/]{56,}={0,2}$/;
/** 1987: a ticket's time is after it. */
const EARLIEST_TICKET_TIME = 0x20000000;

function readAuthTicket(value: string): Record<string, string> | undefined {
  const match =
    AUTH_TICKET.exec(value) ?? (BASE64_TEXT.test(value) ? AUTH_TICKET.exec(decodeBase64Url(value) ?? '') : null);
  if (!match) return undefined;
  const time = Number.parseInt(match[1]!, 16);
  if (time < EARLIEST_TICKET_TIME) return undefined;
  const rest = match[3]!;
  const user = rest.split('!').includes('userid_type:b64unicode')
    ? (decodeBase64Url(match[2]!) ?? match[2]!)
    : match[2]!;
  return { userid: user, issued: new Date(time * 1000).toISOString(), ...(rest !== '' ? { data: rest } : {}) };
}

/**
 * mod_auth_pubtkt's ticket: `uid=<user>;[cip=<address>;]validuntil=<epoch>;[graceperiod=…;][tokens=…;][udata=…;]
 * [bauth=…;]sig=<base64 RSA or DSA signature>`, written percent-encoded in its cookie. Signed with the login server's
 * private key, not encrypted: the user, address and expiry are there to read.
 */
const PUB_TICKET =
  /^uid=([^;]{1,256});(?:cip=([^;]{0,64});)?validuntil=(\d{9,11});((?:[a-z]{1,16}=[^;]{0,1024};){0,8})sig=[A-Za-z0-9+/]{16,}={0,2}$/;

function readPubTicket(raw: string): Record<string, string> | undefined {
  const value = raw.startsWith('uid%3D') ? safeDecodeUri(raw) : raw;
  const match = value?.startsWith('uid=') ? PUB_TICKET.exec(value) : null;
  if (!match) return undefined;
  const fields: Record<string, string> = { uid: match[1]! };
  if (match[2] !== undefined) fields.cip = match[2];
  fields.validuntil = new Date(Number(match[3]) * 1000).toISOString();
  for (const field of match[4]!.split(';')) {
    const eq = field.indexOf('=');
    if (eq > 0 && field.length > eq + 1) fields[field.slice(0, eq)] = field.slice(eq + 1);
  }
  return fields;
}

/**
 * Bottle's signed cookie (`response.set_cookie(name, value, secret=…)`): `!<base64 HMAC>?<base64 pickle>`, the pickle
 * of the tuple (name, value), signed, not encrypted: whoever holds it reads the value, and the same value signs to
 * the same cookie at every login. The value, where it is a text (the user's name), or undefined.
 */
const BOTTLE_SIGNED = /^!([A-Za-z0-9+/]{8,}={0,2})\?([A-Za-z0-9+/]{8,}={0,2})$/;

function readBottleSignedValue(value: string): string | undefined {
  const match = value.startsWith('!') ? BOTTLE_SIGNED.exec(value) : null;
  const pickle = match ? base64UrlBytes(match[2]!) : undefined;
  const pair = pickle && readPickle(pickle);
  return Array.isArray(pair) && pair.length === 2 && typeof pair[1] === 'string' ? pair[1] : undefined;
}

/**
 * CouchDB's `AuthSession` cookie (its `/_session` login; PouchDB Server, Cloudant and Couchbase Sync Gateway write
 * it too): base64url of `<user>:<time of issue, hex>:` and the raw HMAC of that (SHA-1's 20 bytes, or SHA-256's 32).
 * Signed, not encrypted: the user is there to read. The server writes it again, with a later time, on requests it
 * authenticates as the session nears its timeout (every second in PouchDB Server): the same session updated.
 */
const COUCH_SESSION_TEXT = /^[A-Za-z0-9_-]{36,400}={0,2}$/;
const COUCH_SESSION_HEAD = /^([^:\x00-\x1f]{1,128}):([0-9A-Fa-f]{8,12}):$/;

function readCouchSession(value: string): Record<string, string> | undefined {
  if (!COUCH_SESSION_TEXT.test(value)) return undefined;
  const bytes = base64UrlBytes(value);
  if (bytes === undefined) return undefined;
  const macLength = [20, 32].find((n) => bytes.length > n && bytes[bytes.length - n - 1] === 0x3a);
  if (macLength === undefined) return undefined;
  let head: string;
  try {
    head = UTF8.decode(bytes.subarray(0, bytes.length - macLength));
  } catch {
    return undefined;
  }
  const match = COUCH_SESSION_HEAD.exec(head);
  if (!match) return undefined;
  const time = Number.parseInt(match[2]!, 16);
  if (time < EARLIEST_TICKET_TIME) return undefined;
  return { user: match[1]!, issued: new Date(time * 1000).toISOString() };
}

function safeDecodeUri(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Tornado's signed value (`RequestHandler.set_signed_cookie`, once `set_secure_cookie`; Jupyter's login cookie), signed
 * and not encrypted. Version 2: `2|1:<key version>|<n>:<time>|<n>:<name>|<n>:<base64 value>|<HMAC-SHA256 hex>`, each
 * field after its length; version 1: `<base64 value>|<time>|<HMAC-SHA1 hex>`. The value is what the application
 * stored: JSON where it is JSON (Jupyter's user), else its text.
 */
const TORNADO_V2 = /^2\|1:\d+\|\d+:\d{9,11}\|\d+:[^|]*\|\d+:([A-Za-z0-9+/]*={0,2})\|[0-9a-f]{64}$/;
const TORNADO_V1 = /^([A-Za-z0-9+/]*={0,2})\|\d{9,11}\|[0-9a-f]{40}$/;

function readTornadoSignedValue(value: string): unknown {
  const field = (TORNADO_V2.exec(value) ?? TORNADO_V1.exec(value))?.[1];
  if (field === undefined) return undefined;
  const text = decodeBase64Url(field);
  if (text === undefined) return undefined;
  return parseJsonObject(text) ?? text;
}

/**
 * A digest, then the JSON it signs, in one base64url: Pyramid's SignedCookieSessionFactory (`SignedSerializer`:
 * HMAC-SHA512 by default, any hashlib digest allowed) of `[accessed, created, {data}]`. Random bytes cannot place a
 * `[` or `{` after a digest's length and JSON after it, so an opaque ID never reads as one.
 */
const DIGEST_LENGTHS = [64, 48, 32, 20];

function readJsonAfterDigest(value: string): unknown {
  if (value.length < 32 || value.length > MAX_DECODE_LENGTH) return undefined;
  // Most values are opaque IDs: the byte after each digest length is read from its four characters, and the value
  // is decoded only where one of them opens JSON.
  const digest = DIGEST_LENGTHS.find((length) => {
    const byte = base64UrlByteAt(value, length);
    return byte === 0x5b || byte === 0x7b;
  });
  if (digest === undefined || !/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return undefined;
  const bytes = base64UrlBytes(value);
  if (bytes === undefined) return undefined;
  try {
    const payload = parseJsonObject(UTF8.decode(bytes.subarray(digest)));
    // Pyramid's `[accessed, created, {data}]`: the data is what the session holds.
    const data = Array.isArray(payload) ? payload.at(-1) : undefined;
    return isRecord(data) ? data : payload;
  } catch {
    return undefined;
  }
}

/** The byte at `offset` of what a base64url text decodes to, read from its characters; -1 outside the alphabet. */
function base64UrlByteAt(text: string, offset: number): number {
  const group = Math.floor(offset / 3) * 4;
  const a = sextet(text, group + (offset % 3));
  const b = sextet(text, group + (offset % 3) + 1);
  if (a < 0 || b < 0) return -1;
  const shift = [2, 4, 6][offset % 3]!;
  return ((a << shift) | (b >> (6 - shift))) & 0xff;
}

function sextet(text: string, index: number): number {
  const c = text.charCodeAt(index);
  if (c >= 65 && c <= 90) return c - 65; // A–Z
  if (c >= 97 && c <= 122) return c - 71; // a–z
  if (c >= 48 && c <= 57) return c + 4; // 0–9
  if (c === 45 || c === 43) return 62; // - or +
  if (c === 95 || c === 47) return 63; // _ or /
  return -1;
}

/** The fields of an encryption envelope: initialisation vector or nonce, salt, the ciphertext, its MAC or tag. */
const ENVELOPE_FIELDS: ReadonlySet<string> = new Set([
  'iv',
  'nonce',
  'salt',
  'value',
  'ciphertext',
  'ct',
  'mac',
  'tag',
]);
const CIPHERTEXT_FIELDS = ['value', 'ciphertext', 'ct'];

/**
 * JSON that only wraps ciphertext: Laravel's (and Lumen's) encrypted cookies are base64 of {"iv", "value", "mac",
 * "tag"}, `value` the AES ciphertext (Illuminate\Encryption\Encrypter). What the session holds is inside the
 * ciphertext, which nobody holding the cookie can read: no readable data. An envelope whose "ciphertext" decodes to
 * JSON is not one.
 */
function isEncryptionEnvelope(payload: unknown): boolean {
  if (!isRecord(payload)) return false;
  const keys = Object.keys(payload);
  if (!keys.every((key) => ENVELOPE_FIELDS.has(key))) return false;
  if (!(keys.includes('iv') || keys.includes('nonce'))) return false;
  const ciphertext = CIPHERTEXT_FIELDS.map((key) => payload[key]).find((v) => typeof v === 'string');
  return typeof ciphertext === 'string' && parseJsonObject(decodeBase64Url(ciphertext)) === undefined;
}

/**
 * What a Rails signed or encrypted message wraps in its metadata (ActiveSupport::Messages::Metadata, Rails 5.2+):
 * `{"_rails": {"message": <base64 of the serialized data>, "exp", "pur"}}`, or since Rails 7.1 `"data"` in place of
 * `"message"`. The data, with the message's purpose (`cookie.remember_user_token`) and expiry; undefined for any
 * other payload.
 */
export function railsMessage(
  payload: unknown,
): { readonly data: unknown; readonly purpose?: string; readonly expires?: string } | undefined {
  if (!isRecord(payload) || Object.keys(payload).length !== 1 || !isRecord(payload._rails)) return undefined;
  const meta = payload._rails;
  const data =
    typeof meta.message === 'string'
      ? (parseJsonObject(decodeBase64Url(meta.message)) ?? decodeBase64Url(meta.message))
      : meta.data;
  if (data === undefined) return undefined;
  return {
    data,
    ...(typeof meta.pur === 'string' ? { purpose: meta.pur } : {}),
    ...(typeof meta.exp === 'string' ? { expires: meta.exp } : {}),
  };
}

export function jwtHasNoneAlg(data: ClientSideData): boolean {
  return data.kind === 'jwt' && String(data.header.alg).toLowerCase() === 'none';
}

export function jwtLacksExpiry(data: ClientSideData): boolean {
  return data.kind === 'jwt' && data.payload.exp === undefined;
}
