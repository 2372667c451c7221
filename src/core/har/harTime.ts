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
