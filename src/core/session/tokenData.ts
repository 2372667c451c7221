/**
 * Reads what a session cookie value carries in the clear: a JWT, base64-encoded JSON, or a signed but
 * not encrypted session (Flask/itsdangerous, Rails cookie store, cookie-session). Used by the rules
 * session-client-side-data, jwt-alg-none and jwt-no-expiry. Pure: atob/TextDecoder only.
 */

export type ClientSideData =
  | {
      readonly kind: 'jwt';
      readonly header: Record<string, unknown>;
      readonly payload: Record<string, unknown>;
    }
  | { readonly kind: 'base64-json'; readonly payload: unknown }
  | { readonly kind: 'signed-json'; readonly format: string; readonly payload: unknown };

/** Values longer than this are not decoded: a hostile 1 MB cookie must not cost more than a look. */
const MAX_DECODE_LENGTH = 16_384;

/** One decoder for every call: constructing a TextDecoder per cookie value dominated analysis time. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBase64Url(s: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]*=*$/.test(s)) return undefined;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return UTF8.decode(bytes);
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

function parseJsonObject(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
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

/** Returns what the value reveals, or undefined for an opaque token. */
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
  // itsdangerous (Flask): payload.timestamp.signature, payload optionally zlib'd ("." prefix, not readable here).
  if (parts.length === 3 && mayBeBase64Json(parts[0]!)) {
    const payload = parseJsonObject(decodeBase64Url(parts[0]!));
    if (payload !== undefined) return { kind: 'signed-json', format: 'itsdangerous (Flask)', payload };
  }
  // Django's signed cookie session (django.core.signing, SESSION_ENGINE signed_cookies): payload:timestamp:signature,
  // the timestamp in base 62; a zlib'd payload ("." prefix) is not readable here.
  const colonParts = value.split(':');
  if (colonParts.length === 3 && mayBeBase64Json(colonParts[0]!)) {
    const payload = parseJsonObject(decodeBase64Url(colonParts[0]!));
    if (payload !== undefined) return { kind: 'signed-json', format: 'django.core.signing (Django)', payload };
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
    const payload = parseJsonObject(decodeBase64Url(value.slice(0, dashDash)));
    if (payload !== undefined) return { kind: 'signed-json', format: 'base64--digest (Rails)', payload };
  }
  if (!mayBeBase64Json(value)) return undefined;
  const whole = parseJsonObject(decodeBase64Url(value));
  if (whole !== undefined && !isEncryptionEnvelope(whole)) return { kind: 'base64-json', payload: whole };
  return undefined;
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

export function jwtHasNoneAlg(data: ClientSideData): boolean {
  return data.kind === 'jwt' && String(data.header.alg).toLowerCase() === 'none';
}

export function jwtLacksExpiry(data: ClientSideData): boolean {
  return data.kind === 'jwt' && data.payload.exp === undefined;
}
