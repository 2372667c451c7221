// Parses the date of an Expires attribute the way browsers do: RFC 6265bis 5.1.1, the "cookie-date"
// algorithm, which accepts far more than HTTP-date (any order of tokens, two-digit years, junk words).

/** RFC 6265bis 5.1.1: delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E. Everything else is a token byte. */
function isDelimiter(code: number): boolean {
  return (
    code === 0x09 ||
    (code >= 0x20 && code <= 0x2f) ||
    (code >= 0x3b && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The month production compares the first three characters, case-insensitively (RFC 6265bis 5.1.1). */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/**
 * Reads `min`..`max` leading digits of `token` and requires that the next character, if any, is not a
 * digit (the "1*2DIGIT ( non-digit *OCTET )" shape of the grammar). Returns the number and where it ended.
 */
function leadingNumber(token: string, start: number, min: number, max: number): { value: number; end: number } | null {
  let end = start;
  while (end < token.length && isDigit(token.charCodeAt(end))) {
    end++;
    if (end - start > max) return null;
  }
  if (end - start < min) return null;
  return { value: Number(token.slice(start, end)), end };
}

/** time = hms-time ( non-digit *OCTET ); hms-time = time-field ":" time-field ":" time-field. */
function parseTime(token: string): [number, number, number] | null {
  const hour = leadingNumber(token, 0, 1, 2);
  if (!hour || token[hour.end] !== ':') return null;
  const minute = leadingNumber(token, hour.end + 1, 1, 2);
  if (!minute || token[minute.end] !== ':') return null;
  const second = leadingNumber(token, minute.end + 1, 1, 2);
  if (!second) return null;
  return [hour.value, minute.value, second.value];
}

/** Splits the string into date-tokens (runs of non-delimiters), in one linear pass. */
function dateTokens(s: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isDelimiter(s.charCodeAt(i))) {
      if (start >= 0) tokens.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) tokens.push(s.slice(start));
  return tokens;
}

/**
 * RFC 6265bis 5.1.1: parse a cookie-date. Returns ms since the Unix epoch (UTC), or undefined when the
 * string is not a cookie-date (a missing field, a field out of range, or a day that the month lacks).
 */
export function parseCookieDate(s: string): number | undefined {
  let time: [number, number, number] | undefined;
  let dayOfMonth: number | undefined;
  let month: number | undefined;
  let year: number | undefined;

  // Each token is tried against the productions in this order; a field, once found, is not looked for again.
  for (const token of dateTokens(s)) {
    if (time === undefined) {
      const t = parseTime(token);
      if (t) {
        time = t;
        continue;
      }
    }
    if (dayOfMonth === undefined) {
      const d = leadingNumber(token, 0, 1, 2);
      if (d) {
        dayOfMonth = d.value;
        continue;
      }
    }
    if (month === undefined && token.length >= 3) {
      const m = MONTHS[token.slice(0, 3).toLowerCase()];
      if (m !== undefined) {
        month = m;
        continue;
      }
    }
    if (year === undefined) {
      const y = leadingNumber(token, 0, 2, 4);
      if (y) {
        year = y.value;
      }
    }
  }

  if (time === undefined || dayOfMonth === undefined || month === undefined || year === undefined) return undefined;
  // Two-digit years (RFC 6265bis 5.1.1 steps 3-4): 70-99 are 19xx, 00-69 are 20xx.
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;

  const [hour, minute, second] = time;
  if (dayOfMonth < 1 || dayOfMonth > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) return undefined;

  const ms = Date.UTC(year, month, dayOfMonth, hour, minute, second);
  // "If the date does not exist (e.g. 31 February), abort": Date.UTC rolls over instead, so check it stayed put.
  if (new Date(ms).getUTCDate() !== dayOfMonth) return undefined;
  return ms;
}
