// The request detail's "as recorded" part: the raw request and response headers in their order, when it
// started and how long it took, what started it, the two headers that explain a SameSite verdict (Referer and
// Sec-Fetch-Site) and the redirect chain it belongs to. All of it is read from the recorded entry (the page
// holds every entry, live or imported); the chain comes from core's one redirect reader. No verdict is made
// here: the cookies' verdicts stay the engine's (model.ts `requestDetail`).
import { headerValue } from '../core/trace/headers.ts';
import { redirectChainAt } from '../core/trace/redirects.ts';
import type { Header, InitiatorSource, TraceEntry } from '../core/trace/types.ts';

export interface RedirectHop {
  /** The hop's entry index: its `#N` in the CLI and reports. */
  readonly entry: number;
  readonly method: string;
  readonly url: string;
  readonly status?: number;
}

export interface RequestExchange {
  readonly requestHeaders: readonly Header[];
  /** Absent when the request failed or had no response yet. */
  readonly responseHeaders?: readonly Header[];
  readonly startedAt: number;
  /** Milliseconds from the start to the end of the response, when recorded (HAR `time`). */
  readonly duration?: number;
  readonly initiator?: { readonly url?: string; readonly source?: InitiatorSource };
  /** The Referer the request carried (RFC 9110 10.1.3): the page it came from decides "same-site" for Lax. */
  readonly referer?: string;
  /** `Sec-Fetch-Site` (Fetch Metadata): the browser's own same-site/cross-site verdict for the request. */
  readonly secFetchSite?: string;
  /** The redirect chain this request is a hop of, first hop first; empty when it is no redirect's hop. */
  readonly redirectChain: readonly RedirectHop[];
}

/** Entries in recording order, for the redirect reader (it walks them by position). */
export type EntriesInOrder = readonly TraceEntry[];

function hopOf(entry: TraceEntry): RedirectHop {
  return {
    entry: entry.index,
    method: entry.request.method,
    url: entry.request.url,
    ...(entry.response ? { status: entry.response.status } : {}),
  };
}

/** What the recording holds of one request, ready to show; `entries` are the trace's entries in order. */
export function requestExchange(entries: EntriesInOrder, entryIndex: number): RequestExchange | undefined {
  const position = entries.findIndex((e) => e.index === entryIndex);
  const entry = entries[position];
  if (!entry) return undefined;
  const { request, response } = entry;
  const chain = redirectChainAt(entries, position);
  const referer = headerValue(request.headers, 'referer');
  const secFetchSite = headerValue(request.headers, 'sec-fetch-site');
  const initiator =
    request.initiatorUrl !== undefined || request.initiatorSource !== undefined
      ? {
          ...(request.initiatorUrl !== undefined ? { url: request.initiatorUrl } : {}),
          ...(request.initiatorSource !== undefined ? { source: request.initiatorSource } : {}),
        }
      : undefined;
  return {
    requestHeaders: request.headers,
    ...(response ? { responseHeaders: response.headers } : {}),
    startedAt: entry.startedAt,
    ...(entry.duration !== undefined ? { duration: entry.duration } : {}),
    ...(initiator ? { initiator } : {}),
    ...(referer !== undefined ? { referer } : {}),
    ...(secFetchSite !== undefined ? { secFetchSite } : {}),
    redirectChain: chain.length > 1 ? chain.map((at) => hopOf(entries[at]!)) : [],
  };
}
