// The timeline's filter box, in the Network panel's manner: whitespace-separated terms AND-ed together,
// `key:value` for origin, cookie, rule and severity, bare words matched against the URL, a leading `-`
// negating a term, double quotes keeping spaces inside one value. Pure: text in, a predicate's data out.

export type FilterKey = 'url' | 'origin' | 'cookie' | 'rule' | 'severity';

export interface FilterTerm {
  readonly key: FilterKey;
  /** Lower-cased: every match is case-insensitive, as in the Network panel. */
  readonly value: string;
  readonly negated: boolean;
}

export interface RowFilter {
  readonly terms: readonly FilterTerm[];
}

/** What a row offers the filter: the fields the keys match against. */
export interface FilterableRow {
  readonly url: string;
  readonly origin: string;
  /** Cookies the request carried, set or missed. */
  readonly cookies: readonly string[];
  readonly rules: readonly string[];
  readonly severities: readonly string[];
}

const KEYS: ReadonlySet<string> = new Set<FilterKey>(['origin', 'cookie', 'rule', 'severity']);

/** Splits on whitespace outside double quotes; the quotes themselves are dropped. */
function words(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (started) out.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (started) out.push(current);
  return out;
}

function termOf(word: string): FilterTerm | undefined {
  if (word === '-') return undefined;
  const negated = word.startsWith('-') && word.length > 1;
  const body = negated ? word.slice(1) : word;
  const colon = body.indexOf(':');
  const key = colon > 0 ? body.slice(0, colon).toLowerCase() : '';
  // An unknown `key:` (or a URL such as `https://…`) is plain text, as the Network panel treats it.
  if (KEYS.has(key)) {
    const value = body.slice(colon + 1).toLowerCase();
    return value === '' ? undefined : { key: key as FilterKey, value, negated };
  }
  return body === '' ? undefined : { key: 'url', value: body.toLowerCase(), negated };
}

export function parseFilter(text: string): RowFilter {
  return { terms: words(text).flatMap((w) => termOf(w) ?? []) };
}

const MATCHERS: Readonly<Record<FilterKey, (row: FilterableRow, value: string) => boolean>> = {
  url: (row, v) => row.url.toLowerCase().includes(v),
  origin: (row, v) => row.origin.toLowerCase().includes(v),
  cookie: (row, v) => row.cookies.some((name) => name.toLowerCase() === v),
  rule: (row, v) => row.rules.some((rule) => rule === v),
  severity: (row, v) => row.severities.some((severity) => severity === v),
};

export function matchesFilter(row: FilterableRow, filter: RowFilter): boolean {
  return filter.terms.every((term) => MATCHERS[term.key](row, term.value) !== term.negated);
}

export function isEmptyFilter(filter: RowFilter): boolean {
  return filter.terms.length === 0;
}
