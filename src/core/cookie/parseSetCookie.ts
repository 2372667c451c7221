// Parses one Set-Cookie header value into a ParsedSetCookie: RFC 6265bis 5.6, plus the rejections
// browsers name (Chrome's SetCookieBlockedReason). One linear pass per step, no regular expressions,
// so a hostile 1 MB line or 10,000 attributes cost little.
import { parseCookieDate } from './cookieDate.ts';
import type { ParsedSetCookie, SameSite, SetCookieParseResult } from './types.ts';

/** RFC 6265bis 5.6 step 5: name and value together may not exceed 4096 octets. */
export const MAX_NAME_VALUE_BYTES = 4096;
/** RFC 6265bis 5.6 (cookie-av processing): an attribute value longer than 1024 octets is ignored. */
export const MAX_ATTRIBUTE_VALUE_BYTES = 1024;

/**
 * RFC 6265bis 5.6 step 1: a line with a control character (%x00-08 / %x0A-1F / %x7F, i.e. CTLs except
 * HTAB) is ignored entirely. Chrome reports this as DisallowedCharacter; RFC 6265 used to truncate at NUL.
 */
function firstControlCharacter(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return i;
  }
  return -1;
}

/** WSP = SP / HTAB: the only whitespace RFC 6265bis 5.6 trims. */
function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function trimWhitespace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isWhitespace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** UTF-8 length without allocating: the limits of RFC 6265bis are in octets, not UTF-16 units. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3; // BMP characters and lone surrogates (encoded as U+FFFD, three octets).
  }
  return bytes;
}

/** The SameSite attribute values RFC 6265bis 5.6.7 knows; anything else means "Default" (unspecified). */
const SAME_SITE_VALUES: Readonly<Record<string, SameSite>> = { strict: 'strict', lax: 'lax', none: 'none' };

/** Mutable draft of the cookie while attributes are applied, last attribute of a kind winning (5.7). */
interface Draft {
  domain?: string;
  path?: string;
  expires?: number;
  maxAge?: number;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  partitioned: boolean;
  warnings: string[];
}

/**
 * What each attribute does to the draft, keyed by lower-cased attribute name (RFC 6265bis 5.6.1-5.6.7).
 * Attributes not in the table are ignored, as the spec says.
 */
const ATTRIBUTE_HANDLERS: Readonly<Record<string, (draft: Draft, value: string) => void>> = {
  // 5.6.1: an Expires value that is not a cookie-date is ignored (an earlier valid one stays).
  expires(draft, value) {
    const expires = parseCookieDate(value);
    if (expires === undefined) draft.warnings.push(`Expires value "${value}" is not a cookie-date; ignored.`);
    else draft.expires = expires;
  },
  // 5.6.2: Max-Age must be an optional "-" followed by digits; anything else is ignored.
  'max-age'(draft, value) {
    const digitsStart = value.startsWith('-') ? 1 : 0;
    let valid = value.length > digitsStart;
    for (let i = digitsStart; valid && i < value.length; i++) {
      const code = value.charCodeAt(i);
      valid = code >= 0x30 && code <= 0x39;
    }
    if (!valid) {
      draft.warnings.push(`Max-Age value "${value}" is not an integer; ignored.`);
      return;
    }
    draft.maxAge = Number(value);
  },
  // 5.6.3: leading dot dropped, lower-cased. The spec says an empty Domain SHOULD be ignored, but Chromium
  // (checked: 156, http-state OPTIONAL_DOMAIN0042) lets it win and makes a host-only cookie: kept as "".
  domain(draft, value) {
    if (value === '') draft.warnings.push('Empty Domain attribute: a host-only cookie, as in Chrome.');
    draft.domain = (value.startsWith('.') ? value.slice(1) : value).toLowerCase();
  },
  // 5.6.4: a Path that is empty or does not start with "/" means default-path (it still overrides).
  path(draft, value) {
    if (value.startsWith('/')) {
      draft.path = value;
    } else {
      if (value !== '') draft.warnings.push(`Path "${value}" does not start with "/"; default-path applies.`);
      draft.path = undefined;
    }
  },
  secure(draft) {
    draft.secure = true;
  },
  httponly(draft) {
    draft.httpOnly = true;
  },
  // 5.6.7: an unknown value is "Default", which Chrome and the spec treat as if no SameSite were given.
  samesite(draft, value) {
    const sameSite = SAME_SITE_VALUES[value.toLowerCase()];
    if (sameSite === undefined) draft.warnings.push(`Unknown SameSite value "${value}"; treated as unspecified.`);
    draft.sameSite = sameSite ?? 'unspecified';
  },
  partitioned(draft) {
    draft.partitioned = true;
  },
};

/** Applies one cookie-av (the text between two ";"), RFC 6265bis 5.6 "unparsed-attributes" steps. */
function applyAttribute(draft: Draft, cookieAv: string): void {
  const equals = cookieAv.indexOf('=');
  const name = trimWhitespace(equals < 0 ? cookieAv : cookieAv.slice(0, equals));
  const value = equals < 0 ? '' : trimWhitespace(cookieAv.slice(equals + 1));
  const handler = ATTRIBUTE_HANDLERS[name.toLowerCase()];
  if (handler === undefined) return;
  if (utf8Length(value) > MAX_ATTRIBUTE_VALUE_BYTES) {
    draft.warnings.push(`${name} value longer than ${MAX_ATTRIBUTE_VALUE_BYTES} bytes; attribute ignored.`);
    return;
  }
  handler(draft, value);
}

function rejected(
  reason: 'NoCookieContent' | 'SyntaxError' | 'DisallowedCharacter' | 'NameValuePairExceedsMaxSize',
  detail: string,
  raw: string,
): SetCookieParseResult {
  return { ok: false, reason, detail, raw };
}

/** RFC 6265bis 5.6: parse a Set-Cookie header value. Never throws. */
export function parseSetCookie(line: string): SetCookieParseResult {
  if (trimWhitespace(line) === '') return rejected('NoCookieContent', 'The Set-Cookie value is empty.', line);
  const control = firstControlCharacter(line);
  if (control >= 0) {
    const code = line.charCodeAt(control).toString(16).padStart(2, '0');
    return rejected('DisallowedCharacter', `Control character U+00${code.toUpperCase()} at offset ${control}.`, line);
  }

  // Steps 2-4: the name-value-pair is everything up to the first ";"; a pair without "=" is a nameless cookie.
  const firstSemicolon = line.indexOf(';');
  const nameValuePair = firstSemicolon < 0 ? line : line.slice(0, firstSemicolon);
  const equals = nameValuePair.indexOf('=');
  const name = equals < 0 ? '' : trimWhitespace(nameValuePair.slice(0, equals));
  const value = trimWhitespace(equals < 0 ? nameValuePair : nameValuePair.slice(equals + 1));

  if (name === '' && value === '') return rejected('SyntaxError', 'The cookie has an empty name and value.', line);
  // A nameless cookie whose value holds "=" would reach the server as a different name=value pair:
  // Chromium refuses it (checked: 156, http-state NAME0017 "=a=bar").
  if (name === '' && value.includes('=')) {
    return rejected('SyntaxError', 'A nameless cookie may not have "=" in its value.', line);
  }
  const size = utf8Length(name) + utf8Length(value);
  if (size > MAX_NAME_VALUE_BYTES) {
    return rejected(
      'NameValuePairExceedsMaxSize',
      `Name and value are ${size} bytes; the limit is ${MAX_NAME_VALUE_BYTES}.`,
      line,
    );
  }

  const draft: Draft = {
    secure: false,
    httpOnly: false,
    sameSite: 'unspecified',
    partitioned: false,
    warnings: [],
  };
  if (equals < 0) draft.warnings.push('No "=" in the name-value pair: a nameless cookie (RFC 6265bis 5.6 step 3).');
  let start = firstSemicolon < 0 ? line.length : firstSemicolon + 1;
  while (start < line.length) {
    const next = line.indexOf(';', start);
    const end = next < 0 ? line.length : next;
    applyAttribute(draft, line.slice(start, end));
    start = end + 1;
  }

  const cookie: ParsedSetCookie = {
    name,
    value,
    ...(draft.domain !== undefined && { domain: draft.domain }),
    ...(draft.path !== undefined && { path: draft.path }),
    ...(draft.expires !== undefined && { expires: draft.expires }),
    ...(draft.maxAge !== undefined && { maxAge: draft.maxAge }),
    secure: draft.secure,
    httpOnly: draft.httpOnly,
    sameSite: draft.sameSite,
    partitioned: draft.partitioned,
    raw: line,
    warnings: draft.warnings,
  };
  return { ok: true, cookie };
}
