// Reading HTTP headers as traces carry them: case-insensitive lookup, the Cookie header split into its
// name/value pairs, and Set-Cookie lines one per cookie.
import type { Header } from './types.ts';

/**
 * Whether `header` is called `lowerName`, a lower-cased field name (a token: ASCII, RFC 9110 5.1, 5.6.2);
 * names compare case-insensitively.
 * The lengths are compared first, sparing most lower-casings: lower-casing never shortens a name, and the one
 * character it lengthens (U+0130) gives a non-ASCII "i\u0307" that no ASCII name contains.
 */
export function isNamed(header: Header, lowerName: string): boolean {
  const name = header.name;
  if (name.length !== lowerName.length) return false;
  // ASCII letters compared by code, without a lower-cased copy of every name of the right length (most names
  // of a recording are lower-case already, and most differ at the first letter). A non-ASCII character is
  // left to toLowerCase, which maps some onto ASCII letters (U+212A KELVIN SIGN is "k").
  for (let i = 0; i < name.length; i++) {
    let code = name.charCodeAt(i);
    if (code >= 0x80) return name.toLowerCase() === lowerName;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if (code !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}

/** Values of every header called `name`, in order; names compare case-insensitively (RFC 9110 5.1). */
export function headerValues(headers: readonly Header[], name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const header of headers) {
    if (isNamed(header, wanted)) values.push(header.value);
  }
  return values;
}

/** The first value of header `name`, or undefined. */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const header of headers) if (isNamed(header, wanted)) return header.value;
  return undefined;
}

export function hasHeader(headers: readonly Header[], name: string): boolean {
  return headerValue(headers, name) !== undefined;
}

export interface CookiePair {
  readonly name: string;
  readonly value: string;
}

// RFC 6265bis 5.6 uses WSP (space, horizontal tab) for trimming cookie names and values.
function isWsp(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** `value` from `start` to `end` without the WSP at both edges: slicing once, no RegExp (runs per cookie). */
function trimmedSlice(value: string, start: number, end: number): string {
  while (start < end && isWsp(value.charCodeAt(start))) start++;
  while (end > start && isWsp(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

/**
 * The name/value pairs of one Cookie header, in the order sent. The header is `cookie-pair *( "; "
 * cookie-pair )` (RFC 6265bis 4.2.1), but servers and browsers are lenient, and so is this: split on
 * ";", trim each piece, skip empty pieces, split at the first "=". A piece without "=" is a cookie
 * with an empty name and that value: RFC 6265bis 5.6 step 4 stores such a cookie, and Chrome and
 * Firefox send it back as the bare value (5.8.3 step 4.1 serialises an empty name without "=").
 * Values keep their double quotes: they are part of the value (4.1.1). Read by index, not split and
 * trimmed with RegExps: this runs for every request of a trace.
 */
export function cookieHeaderPairs(value: string): CookiePair[] {
  const pairs: CookiePair[] = [];
  forEachCookieHeaderPair(value, (name, pairValue) => pairs.push({ name, value: pairValue }));
  return pairs;
}

/** cookieHeaderPairs, each pair handed to `visit` as it is read instead of collected: for a pass that keeps none. */
export function forEachCookieHeaderPair(value: string, visit: (name: string, value: string) => void): void {
  const length = value.length;
  for (let start = 0; start <= length; ) {
    let end = value.indexOf(';', start);
    if (end === -1) end = length;
    let first = start;
    let last = end;
    while (first < last && isWsp(value.charCodeAt(first))) first++;
    while (last > first && isWsp(value.charCodeAt(last - 1))) last--;
    if (first < last) {
      const equals = value.indexOf('=', first);
      if (equals === -1 || equals >= last) visit('', value.slice(first, last));
      else visit(trimmedSlice(value, first, equals), trimmedSlice(value, equals + 1, last));
    }
    start = end + 1;
  }
}

/**
 * The names of the pairs cookieHeaderPairs gives that have a "=" (a bare value's name is empty), in order,
 * without building the pairs: for a pre-pass that only looks at names.
 */
export function cookieHeaderNames(value: string): string[] {
  const names: string[] = [];
  const length = value.length;
  for (let start = 0; start <= length; ) {
    let end = value.indexOf(';', start);
    if (end === -1) end = length;
    const equals = value.indexOf('=', start);
    if (equals !== -1 && equals < end) names.push(trimmedSlice(value, start, equals));
    start = end + 1;
  }
  return names;
}

/**
 * One string per Set-Cookie line. Firefox (and tools that copy its headers) joins several Set-Cookie
 * values with "\n" in one header; a real header can not contain a line break (RFC 9110 5.5), so each
 * line is its own cookie. Empty lines are dropped.
 */
export function splitSetCookieValue(value: string): string[] {
  return value
    .split('\n')
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line.trim() !== '');
}

/** Every Set-Cookie line of a response, `\n`-joined values split, in order. */
export function setCookieLines(headers: readonly Header[]): string[] {
  // Read for every response by several passes: one loop, and a value that is already one line is not split.
  const lines: string[] = [];
  for (const header of headers) {
    if (!isNamed(header, 'set-cookie')) continue;
    const value = header.value;
    if (isOneLine(value)) lines.push(value);
    else for (const line of splitSetCookieValue(value)) lines.push(line);
  }
  return lines;
}

/** A value splitSetCookieValue gives back as it is: no line break, no trailing CR, not blank. */
function isOneLine(value: string): boolean {
  return !value.includes('\n') && !value.endsWith('\r') && value.trim() !== '';
}

/** A Set-Cookie line that deletes its cookie: Max-Age zero or less, or an Expires in the past of any recording. */
export function setCookieDeletes(line: string): boolean {
  return /;\s*max-age\s*=\s*(0|-\d+)\s*(;|$)/i.test(line) || /;\s*expires\s*=[^;]*(19[0-9]{2}|200[0-9])/i.test(line);
}
