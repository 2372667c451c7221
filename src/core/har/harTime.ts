// Reads HAR date-times (ISO 8601, HAR 1.2 "startedDateTime") into ms since the epoch, the same in every
// engine: Date.parse differs between engines on fractions longer than 3 digits (Fiddler writes 7,
// mitmproxy 6) and reads zone-less strings in the machine's local zone, which would make results depend
// on where the analysis runs.

export interface HarTime {
  /** ms since the Unix epoch; fractions of a millisecond are kept. */
  readonly ms: number;
  /** The string had no zone designator and was read as UTC. */
  readonly zoneAssumed: boolean;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,15}))?)?)?[ ]*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses an ISO 8601 date-time; undefined when the string is not one (or names an impossible date). */
export function parseHarTime(text: string): HarTime | undefined {
  return parseUsualHarTime(text) ?? parseAnyHarTime(text);
}

/**
 * The form nearly every writer uses (`toISOString()`'s: "2026-01-05T09:00:00.006Z") read by position, with the
 * result parseAnyHarTime gives it; undefined for any other text, and for the rare values it leaves to
 * parseAnyHarTime (hour 24, a leap second, years before 100). A HAR has one per entry: the RegExp match and its
 * strings were a tenth of the import's allocation.
 */
function parseUsualHarTime(text: string): HarTime | undefined {
  if (text.length !== 24 || text.charCodeAt(23) !== 0x5a /* Z */) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return undefined;
  if (text[19] !== '.') return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const millis = digitsAt(text, 20, 3);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || millis < 0) return undefined;
  // The same double parseAnyHarTime adds for the fraction ("0.006" * 1000 is not always exactly 6).
  return { ms: Date.UTC(year, month - 1, day, hour, minute, second) + FRACTION_MS[millis]!, zoneAssumed: false };
}

/** The number written by `count` ASCII digits from `start`; -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `Number("0.ddd") * 1000` for each three-digit fraction ddd, as parseAnyHarTime computes it. */
const FRACTION_MS: readonly number[] = Array.from(
  { length: 1000 },
  (_, i) => Number(`0.${String(i).padStart(3, '0')}`) * 1000,
);

/** Any ISO 8601 date-time the RegExp admits. */
function parseAnyHarTime(text: string): HarTime | undefined {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Math.min(Number(s), 59); // a leap second (":60") reads as the second before it
  if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || second > 59) return undefined;
  if (hour === 24 && (minute > 0 || second > 0 || Number(`0.${fraction || '0'}`) > 0)) return undefined;

  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 onto 1900..1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined; // e.g. 31 April
  date.setUTCHours(hour, minute, second, 0);
  let ms = date.getTime() + (fraction ? Number(`0.${fraction}`) * 1000 : 0);

  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    ms -= sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return Number.isFinite(ms) ? { ms, zoneAssumed: zone === undefined } : undefined;
}
