// HAR's parsed cookie lists (`request.cookies`, `response.cookies`), used only when an exporter stripped
// the Cookie / Set-Cookie headers but kept these lists. For responses, a Set-Cookie line is rebuilt from
// the HAR cookie fields so the cookie model can parse it like any other (RFC 6265bis 4.1.1 syntax).
import { type HarFields, type JsonObject, kindOf, ownField, scalarText } from './harFields.ts';
import { parseHarTime } from './harTime.ts';

export interface HarRequestCookie {
  readonly name: string;
  readonly value: string;
}

export interface HarResponseCookie {
  readonly name: string;
  readonly value: string;
  /** A Set-Cookie line rebuilt from the HAR fields. */
  readonly raw: string;
}

/**
 * The readable cookies of a list, each with its name and value as text; a cookie without a text name, or whose
 * value is an object or array, is noted and left out (the rest of the list, and the entry, are still read).
 */
function readableCookies(
  fields: HarFields,
  list: readonly unknown[],
  where: string,
): { cookie: JsonObject; name: string; value: string }[] {
  const cookies: { cookie: JsonObject; name: string; value: string }[] = [];
  for (let position = 0; position < list.length; position++) {
    const cookie = fields.namedElement(list, position, where);
    if (!cookie) continue;
    const value = scalarText(ownField(cookie, 'value'));
    if (value === undefined) {
      const found = kindOf(ownField(cookie, 'value'));
      fields.note(`${where}[${position}].value`, `"value" must be a string, not ${found}; the cookie is ignored`);
      continue;
    }
    cookies.push({ cookie, name: ownField(cookie, 'name') as string, value });
  }
  return cookies;
}

export function readRequestCookies(fields: HarFields, list: readonly unknown[], where: string): HarRequestCookie[] {
  return readableCookies(fields, list, where).map(({ name, value }) => ({ name, value }));
}

export function readResponseCookies(fields: HarFields, list: readonly unknown[], where: string): HarResponseCookie[] {
  return readableCookies(fields, list, where).map(({ cookie, name, value }) => {
    const attributes: string[] = [];
    const path = textField(cookie, 'path');
    if (path) attributes.push(`Path=${path}`);
    const domain = textField(cookie, 'domain');
    if (domain) attributes.push(`Domain=${domain}`);
    const expires = textField(cookie, 'expires');
    if (expires) attributes.push(`Expires=${cookieDate(expires)}`);
    if (ownField(cookie, 'httpOnly') === true) attributes.push('HttpOnly');
    if (ownField(cookie, 'secure') === true) attributes.push('Secure');
    const sameSite = textField(cookie, 'sameSite');
    if (sameSite) attributes.push(`SameSite=${sameSite}`);
    const raw = [`${name}=${value}`, ...attributes].join('; ');
    return { name, value, raw };
  });
}

/** An optional attribute field; anything but a non-empty single-line string counts as absent. */
function textField(cookie: Parameters<typeof ownField>[0], key: string): string | undefined {
  const value = ownField(cookie, key);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  // A line break or ";" would split the rebuilt line into other attributes: drop the field instead.
  return trimmed === '' || /[\r\n;]/.test(trimmed) ? undefined : trimmed;
}

/**
 * HAR writes `expires` as ISO 8601; Set-Cookie wants an HTTP date (RFC 6265bis 4.1.1, sane-cookie-date,
 * which toUTCString produces). A value that is not ISO 8601 is kept as written, for the cookie-date
 * parser (RFC 6265bis 5.1.1) to accept or ignore.
 */
function cookieDate(expires: string): string {
  const time = parseHarTime(expires);
  return time ? new Date(time.ms).toUTCString() : expires;
}
