/**
 * A request's address as a sentence or a report line shows it. Real sign-in flows put kilobytes in a query (an OAuth
 * `continue=` holding another address, a SAML request): written whole, one headline filled a screen and ten of them
 * buried the story. The entry number beside it leads to the whole address (the JSON and `--requests` keep it).
 */

/** The longest address shown whole; a longer one is cut to this many characters, its last one '…'. */
export const SHOWN_URL_CHARS = 120;

/**
 * `url` whole when it fits; otherwise its start, cut to `max` characters ending with '…', which keeps the scheme,
 * host and as much of the path and query as fit. Cut after redaction: a hidden value cut short shows less, never more.
 */
export function shortUrl(url: string, max = SHOWN_URL_CHARS): string {
  if (url.length <= max) return url;
  let end = max - 1;
  // Never half a character: a high surrogate at the cut goes with its pair.
  const last = url.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${url.slice(0, end)}…`;
}
