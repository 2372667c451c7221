/**
 * What a HAR entry is besides a request: whether it went over the network to a server at all, and which browser
 * run it belongs to. RULES.md, "What is a request": browser-internal redirects, proxy CONNECT tunnels and answers
 * from the cache or a service worker are shown but never judged "not sent"; a file holding several runs of a
 * browser (WebPageTest's runs, each with a fresh profile) is several jars, one per run.
 */

import type { Header, OffNetwork } from '../trace/types.ts';
import { isObject, type JsonObject, ownField } from './harFields.ts';

interface EntryShape {
  readonly entry: JsonObject;
  readonly response: JsonObject | undefined;
  readonly method: string;
  readonly status: number | undefined;
  readonly responseHeaders: readonly Header[];
  readonly requestHeaders: readonly Header[];
  /** The entry's start, ms since the epoch, when readable. */
  readonly startMs: number | undefined;
}

/** The first day of the Unix epoch: no browser or proxy recorded a request then; a writer with no time writes 0. */
const EPOCH_DAY_MS = 86_400_000;

const hasHeader = (headers: readonly Header[], name: string) => headers.some((h) => h.name.toLowerCase() === name);
const field = (object: JsonObject | undefined, key: string) => (object ? ownField(object, key) : undefined);

/** The signs of an entry that never reached a server, first match wins; each names the writer that leaves it. */
const OFF_NETWORK_SIGNS: readonly { readonly kind: OffNetwork; readonly applies: (e: EntryShape) => boolean }[] = [
  // A proxy's CONNECT: the tunnel, not a request of the page (mitmproxy, Charles, Fiddler).
  { kind: 'proxy-tunnel', applies: (e) => e.method.toUpperCase() === 'CONNECT' },
  // No answer and the epoch as its time: a request the recorder knew of and never sent (ZAP exports its site tree's
  // nodes so, `"startedDateTime": "1970-01-01T00:00:00Z"`, status 0, with the Cookie header of the later session).
  // A request that failed on the network still has the time it was made.
  {
    kind: 'never-sent',
    applies: (e) =>
      (e.status === undefined || e.status === 0) &&
      e.responseHeaders.length === 0 &&
      e.startMs !== undefined &&
      e.startMs >= 0 &&
      e.startMs < EPOCH_DAY_MS,
  },
  // Chrome's HSTS or HTTPS-upgrade redirect, made inside the browser: "307 Internal Redirect" with a
  // Non-Authoritative-Reason header (net/url_request/url_request_redirect_job.cc).
  {
    kind: 'internal-redirect',
    applies: (e) =>
      e.status === 307 &&
      (hasHeader(e.responseHeaders, 'non-authoritative-reason') ||
        /internal redirect/i.test(String(field(e.response, 'statusText') ?? ''))),
  },
  // Chrome DevTools: `_fetchedViaServiceWorker` on the response (and on the entry in some writers).
  {
    kind: 'service-worker',
    applies: (e) =>
      field(e.response, '_fetchedViaServiceWorker') === true || field(e.entry, '_fetchedViaServiceWorker') === true,
  },
  // Chrome DevTools: `_fromCache: "memory" | "disk"` on the entry; older writers `_fromDiskCache` on the response.
  // Older Chrome marks a memory-cache answer only by what it lacks: nothing transferred (`_transferSize` 0) for an
  // answer it has, and the request's provisional headers alone (Referer, User-Agent: no Host or `:authority`, which
  // Chrome records of a request that went out, over HTTP/1.1 or HTTP/2).
  {
    kind: 'cache',
    applies: (e) =>
      typeof field(e.entry, '_fromCache') === 'string' ||
      field(e.response, '_fromDiskCache') === true ||
      field(e.entry, '_fromDiskCache') === true ||
      answeredWithoutTransfer(e),
  },
];

/** An answer (a status) of which nothing came over the network, to a request recorded with provisional headers. */
function answeredWithoutTransfer(e: EntryShape): boolean {
  if (e.status === undefined || e.status < 100) return false;
  const transferred = field(e.entry, '_transferSize') ?? field(e.response, '_transferSize');
  if (transferred !== 0) return false;
  const request = field(e.entry, 'request');
  if (!isObject(request) || ownField(request, 'headersSize') !== -1) return false;
  // An HTTP/2 request that went out is recorded with headersSize -1 too, and with its `:authority`; HTTP/1.1's Host.
  return !hasHeader(e.requestHeaders, 'host') && !hasHeader(e.requestHeaders, ':authority');
}

/** Why the entry never reached a server, or undefined when it did (or the file does not say). */
export function offNetworkKind(shape: EntryShape): OffNetwork | undefined {
  return OFF_NETWORK_SIGNS.find((sign) => sign.applies(shape))?.kind;
}

/** WebPageTest's page ids: `page_<run>_<cached>` (2.x) and `page_<run>_<cached>_<step>` (17+). */
const WPT_PAGE_ID = /^page_(\d{1,6})_[01](?:_\d{1,6})?$/;

/**
 * Browsertime's (and sitespeed.io's) merged page ids. It records each iteration in a new browser and merges their
 * HARs into one, renaming a page whose id is taken by appending `-1` until it is free: the second run's `page_1` is
 * `page_1-1`, the third's `page_1-1-1` (its `generateUniquePageId`). The number of `-1`s is the run; an id without
 * one is the first run's, as it is in any single recording (Chrome's `page_1`, `page_2`: no run).
 */
const MERGED_PAGE_ID = /^page_\d{1,6}((?:-1){1,64})$/;

/**
 * The browser run an entry belongs to: WebPageTest's `_run` on the entry, else the run in its page id (WebPageTest's,
 * or browsertime's merge). A WebPageTest repeat view (`_cached` 1) is the same run: the same profile, cookies kept.
 * Undefined for every other writer, and for browsertime's first run.
 */
export function runOf(entry: JsonObject, pageRef: unknown): number | undefined {
  const run = ownField(entry, '_run');
  if (typeof run === 'number' && Number.isInteger(run) && run >= 0) return run;
  if (typeof pageRef !== 'string') return undefined;
  const page = WPT_PAGE_ID.exec(pageRef);
  if (page) return Number(page[1]);
  const merged = MERGED_PAGE_ID.exec(pageRef);
  return merged ? merged[1]!.length / 2 : undefined;
}

/**
 * How long after its start the entry's response headers arrived, when the entry's `time` is a usable number: its
 * `time` (to the end of the response) less `timings.receive` (the body's download). A browser stores a response's
 * Set-Cookie as its headers arrive, before the body: a redirect's next hop starts before a slow body would have
 * ended, and must find the cookie in the jar.
 */
export function durationOf(entry: JsonObject): number | undefined {
  const time = ownField(entry, 'time');
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) return undefined;
  const timings = ownField(entry, 'timings');
  const receive = isObject(timings) ? ownField(timings, 'receive') : undefined;
  return typeof receive === 'number' && Number.isFinite(receive) && receive > 0 && receive <= time
    ? time - receive
    : time;
}
