// The site for cookies of each request (RFC 6265bis 5.2 "same-site" and "cross-site" requests), decided
// from what a capture or a file holds, strongest first: the browser's own frame data recorded at capture,
// the navigation a redirect hop belongs to, the `Sec-Fetch-Site` request header (Fetch Metadata), the
// page's top-level document, the request's initiator, the Referer, the Origin header. When none says, the
// verdict is `unknown`: never `same-site` by default. A client that is no browser applies no SameSite at all.

import { siteOf } from '../cookie/sameSite.ts';
import { headerValue } from './headers.ts';
import { isNonBrowserUserAgent } from './recordingBrowser.ts';
import { redirectTargetOf } from './redirects.ts';
import type {
  Header,
  InitiatorSource,
  ResourceType,
  SiteContext,
  SiteContextKind,
  SiteContextSource,
  TraceEntry,
  TraceRequest,
} from './types.ts';

/**
 * `Sec-Fetch-Site` values (Fetch Metadata Request Headers, "Sec-Fetch-Site"): how the request's initiator
 * relates to its URL. `none` is a user-initiated navigation (typed URL, bookmark): no other site asked.
 */
const SEC_FETCH_SITE: ReadonlyMap<string, SiteContextKind> = new Map([
  ['same-origin', 'same-site'],
  ['same-site', 'same-site'],
  ['none', 'same-site'],
  ['cross-site', 'cross-site'],
]);

/** What the URL an importer chose as initiator (har/harInitiators.ts) tells about the site for cookies. */
const FROM_INITIATOR_SOURCE: Readonly<Record<InitiatorSource, SiteContextSource>> = {
  recorder: 'initiator',
  referer: 'referer',
  'browser-initiated': 'none',
  'page-document': 'page',
  'latest-document': 'page',
  'chrome-initiator': 'initiator',
  'subresource-referer': 'referer',
  'origin-header': 'origin',
};

/** Initiator sources that name the top-level document of the request's page (not just who started it). */
const TOP_LEVEL_SOURCES: ReadonlySet<InitiatorSource> = new Set(['page-document', 'latest-document']);

export const UNKNOWN_SITE_CONTEXT: SiteContext = Object.freeze({ kind: 'unknown', from: 'none' });

/**
 * The one frozen SiteContext of this verdict and source (SHARED_CONTEXTS), shared by every request that gets it: a
 * trace keeps one for each of its requests, and there are only a few distinct ones (a new object each was
 * 100,000 kept objects on the benchmark's HAR).
 */
function sharedContext(kind: SiteContextKind, from: SiteContextSource): SiteContext {
  return SHARED_CONTEXTS[kind][from];
}

/** The verdict of the `Sec-Fetch-Site` header, when the request has a known value. */
export function secFetchSiteKind(headers: readonly Header[]): SiteContextKind | undefined {
  const value = headerValue(headers, 'sec-fetch-site');
  // A Map, not an object: the value comes from the file, and "constructor" must find nothing.
  return value === undefined ? undefined : SEC_FETCH_SITE.get(value.trim().toLowerCase());
}

/**
 * RFC 6265bis 5.2 (schemeful, as Chrome): same-site when both URLs have the same scheme and registrable
 * domain. Undefined when either URL has no site (unparsable, data:, about:).
 */
export function siteRelation(siteForCookiesUrl: string | undefined, url: string): SiteContextKind | undefined {
  if (siteForCookiesUrl === undefined) return undefined;
  const a = siteOf(siteForCookiesUrl);
  const b = siteOf(url);
  if (a === undefined || b === undefined) return undefined;
  return a === b ? 'same-site' : 'cross-site';
}

/** One request, as an importer sees it, for deciding its site for cookies. */
export interface SiteContextInput {
  readonly url: string;
  readonly resourceType: ResourceType;
  readonly headers: readonly Header[];
  /** Decided at capture from the browser's frame data (our recorder); wins over everything else. */
  readonly recorded?: SiteContext;
  /** The initiator URL the importer chose, and how. */
  readonly initiatorUrl?: string;
  readonly initiatorSource?: InitiatorSource;
  /** For a navigation: the URL of the document (or Referer) that started it, when the file names one. */
  readonly navigationInitiatorUrl?: string;
  /** Where this hop's response redirects to (absolute), if it is a redirect. */
  readonly redirectTo?: string;
}

/** A navigation (or fetch) followed through its redirects: what each later hop inherits. */
interface Chain {
  /** The URL of whoever started the chain, when known. */
  readonly initiatorUrl?: string;
  /** The first hop's URL and its verdict. */
  readonly firstUrl: string;
  readonly firstKind: SiteContextKind;
}

/**
 * Decides the site context of each request of a trace, fed in time order: it remembers where redirects
 * lead, so a redirect hop keeps the context of the navigation it belongs to (the site of the navigation's
 * initiator, not the previous hop's URL).
 */
export class SiteContextResolver {
  /** Redirect target URL → the chain that leads there (bounded: a chain ends at its next hop). */
  private readonly pending = new Map<string, Chain>();

  /** The last User-Agent read and whether it is no browser's: a recording's requests mostly share one. */
  private lastUserAgent: { readonly text: string | undefined; readonly client: boolean } = {
    text: undefined,
    client: false,
  };

  /**
   * A request from a client that is no browser (isNonBrowserUserAgent): it sends the cookies its code keeps, SameSite
   * or not, so no SameSite verdict is drawn from what it did not send: as if same-site.
   */
  private clientContext(headers: readonly Header[]): SiteContext | undefined {
    const text = headerValue(headers, 'user-agent');
    if (text !== this.lastUserAgent.text) this.lastUserAgent = { text, client: isNonBrowserUserAgent(text) };
    return this.lastUserAgent.client ? sharedContext('same-site', 'client') : undefined;
  }

  private decide(input: SiteContextInput): SiteContext {
    const chain = this.pending.get(input.url);
    if (chain !== undefined) this.pending.delete(input.url);
    const context =
      input.recorded ??
      this.clientContext(input.headers) ??
      (chain ? hopContext(chain, input) : undefined) ??
      firstHopContext(input);
    if (input.redirectTo !== undefined) {
      const next: Chain = chain ?? {
        ...(input.navigationInitiatorUrl !== undefined ? { initiatorUrl: input.navigationInitiatorUrl } : {}),
        firstUrl: input.url,
        firstKind: context.kind,
      };
      if (this.pending.size >= MAX_PENDING) this.pending.clear();
      this.pending.set(input.redirectTo, next);
    }
    return context;
  }

  /**
   * The site context of an entry's request (entries in time order, initiators already resolved). A context our
   * recorder took from the browser's frame data is kept; any other is decided again from the entry, the same
   * way for a file read whole or streamed.
   */
  contextOf(entry: SiteContextEntry, recorded?: SiteContext): SiteContext {
    const request = entry.request;
    // Built by assignment, not by spreading optional fields: this runs for every request of a trace.
    const input: Mutable<SiteContextInput> = {
      url: request.url,
      resourceType: request.resourceType ?? 'other',
      headers: request.headers,
    };
    if (recorded !== undefined && recorded.from === 'frame') input.recorded = recorded;
    if (request.initiatorUrl !== undefined) {
      input.initiatorUrl = request.initiatorUrl;
      input.navigationInitiatorUrl = request.initiatorUrl;
    }
    if (request.initiatorSource !== undefined) input.initiatorSource = request.initiatorSource;
    const redirectTo = redirectTargetOf(entry);
    if (redirectTo !== undefined) input.redirectTo = redirectTo;
    return this.decide(input);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What contextOf reads of an entry: its request, initiator decided, and its response (for a redirect). */
export interface SiteContextEntry {
  readonly request: Pick<TraceRequest, 'url' | 'resourceType' | 'headers' | 'initiatorUrl' | 'initiatorSource'>;
  readonly response?: TraceEntry['response'];
}

const MAX_PENDING = 10_000;

/**
 * A redirect hop: RFC 6265bis 5.2.1 compares the navigation's initiator with the hop's URL. Known initiator:
 * compare. Unknown initiator: a hop on the first hop's site has the first hop's verdict; a hop leaving a
 * same-site first hop's site is cross-site; anything else is unknown. Undefined when the chain cannot tell
 * (the hop's own headers may).
 */
function hopContext(chain: Chain, input: SiteContextInput): SiteContext | undefined {
  const byInitiator = siteRelation(chain.initiatorUrl, input.url);
  if (byInitiator !== undefined) return sharedContext(byInitiator, 'redirect-chain');
  if (chain.firstKind === 'unknown') return undefined;
  const onFirstSite = siteRelation(chain.firstUrl, input.url);
  if (onFirstSite === 'same-site') return sharedContext(chain.firstKind, 'redirect-chain');
  if (onFirstSite === 'cross-site' && chain.firstKind === 'same-site')
    return sharedContext('cross-site', 'redirect-chain');
  return undefined;
}

function firstHopContext(input: SiteContextInput): SiteContext {
  const fetchSite = secFetchSiteKind(input.headers);
  // A cross-site initiator makes the request cross-site for cookies, whatever frame it is in.
  if (fetchSite === 'cross-site') return sharedContext('cross-site', 'sec-fetch-site');
  const isNavigation = input.resourceType === 'document';
  if (fetchSite === 'same-site' && isNavigation) return sharedContext('same-site', 'sec-fetch-site');
  // A subresource: its site for cookies is the top-level document's site (RFC 6265bis 5.2.1), which a
  // same-origin initiator does not show (an embedded cross-site frame fetching from its own origin).
  const topLevel =
    !isNavigation && input.initiatorSource !== undefined && TOP_LEVEL_SOURCES.has(input.initiatorSource)
      ? siteRelation(input.initiatorUrl, input.url)
      : undefined;
  if (topLevel !== undefined) return sharedContext(topLevel, 'page');
  if (fetchSite === 'same-site') return sharedContext('same-site', 'sec-fetch-site');
  const byInitiator = siteRelation(input.initiatorUrl, input.url);
  if (byInitiator !== undefined && input.initiatorSource !== undefined) {
    return sharedContext(byInitiator, FROM_INITIATOR_SOURCE[input.initiatorSource]);
  }
  return UNKNOWN_SITE_CONTEXT;
}

/** Every kind and every source a SiteContext may name (the native reader checks saved ones against these). */
export const SITE_CONTEXT_KINDS: readonly SiteContextKind[] = ['same-site', 'cross-site', 'unknown'];
export const SITE_CONTEXT_SOURCES: readonly SiteContextSource[] = [
  'sec-fetch-site',
  'frame',
  'initiator',
  'page',
  'referer',
  'origin',
  'redirect-chain',
  'client',
  'none',
];
const KINDS: ReadonlySet<string> = new Set(SITE_CONTEXT_KINDS);

const SHARED_CONTEXTS = Object.fromEntries(
  SITE_CONTEXT_KINDS.map((kind) => [
    kind,
    Object.fromEntries(
      SITE_CONTEXT_SOURCES.map((from) => [
        from,
        kind === 'unknown' && from === 'none' ? UNKNOWN_SITE_CONTEXT : Object.freeze({ kind, from }),
      ]),
    ),
  ]),
) as Readonly<Record<SiteContextKind, Readonly<Record<SiteContextSource, SiteContext>>>>;
const SOURCES: ReadonlySet<string> = new Set(SITE_CONTEXT_SOURCES);

/** A SiteContext as our recorder writes it (`_sessionscope.siteContext`); undefined when it is not one. */
export function readSiteContext(value: unknown): SiteContext | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind: unknown = Object.hasOwn(value, 'kind') ? (value as { kind: unknown }).kind : undefined;
  const from: unknown = Object.hasOwn(value, 'from') ? (value as { from: unknown }).from : undefined;
  if (typeof kind !== 'string' || !KINDS.has(kind) || typeof from !== 'string' || !SOURCES.has(from)) return undefined;
  return { kind: kind as SiteContextKind, from: from as SiteContextSource };
}
