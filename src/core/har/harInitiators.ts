// Each request's initiator and site context, decided walking a HAR's entries in time order (the same walk for a
// file read whole or streamed).
import { SiteContextResolver } from '../trace/siteContext.ts';
import type { InitiatorSource, SiteContext, TraceEntry, TraceRequest } from '../trace/types.ts';
import type { EntryDraft } from './harEntry.ts';

/**
 * Decides each request's initiator, the URL whose site decides same-site for cookies (RFC 6265bis 5.2),
 * walking entries in time order. Our recorder's value wins. A top-level document's initiator is the
 * page it was navigated from, its Referer (none: typed, bookmarked, or stripped; its site context then comes
 * from Sec-Fetch-Site or stays unknown, siteContext.ts).
 * A subresource's is its top-level document: the latest document of its page (pageref), else Chrome's
 * `_initiator.url`, its Referer or its Origin header when its page is known but its document is not
 * (another tab's document would be wrong), else the latest document of the whole trace, else those hints.
 * A subresource's Referer may name a frame or a stylesheet rather than the top-level page, so it only
 * comes after the documents.
 */
export class InitiatorResolver {
  private readonly latestDocumentOfPage = new Map<string, string>();
  private latestDocument: string | undefined;
  private readonly siteContexts = new SiteContextResolver();

  /** The next entry in time order (its start time repaired), with its initiator and site context decided. */
  resolve(draft: EntryDraft): TraceEntry {
    const [initiatorUrl, initiatorSource] = initiatorOf(draft, this.latestDocumentOfPage, this.latestDocument);
    if (draft.resourceType === 'document') {
      this.latestDocument = draft.request.url;
      if (draft.pageRef !== undefined) this.latestDocumentOfPage.set(draft.pageRef, draft.request.url);
    }
    const entry = traceEntry(draft, initiatorUrl, initiatorSource);
    // The request is this entry's own (traceEntry copied it): its site context is set on it, not on a third copy.
    (entry.request as { siteContext?: SiteContext }).siteContext = this.siteContexts.contextOf(
      entry,
      draft.recordedSiteContext,
    );
    return entry;
  }
}

const NO_DOCUMENTS: ReadonlyMap<string, string> = new Map();

/**
 * The entry as it reads on its own, before the entries around it are known: its initiator from its own fields
 * (our recorder's, a document's Referer, a subresource's hints), no site context. For what looks at entries as
 * they arrive: the streamed pre-pass (which reads cookies, URLs and whether a navigation was browser-initiated)
 * and the panel's preview rows.
 */
export function entryAlone(draft: EntryDraft): TraceEntry {
  const [initiatorUrl, initiatorSource] = initiatorOf(draft, NO_DOCUMENTS, undefined);
  return traceEntry(draft, initiatorUrl, initiatorSource);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The draft as a TraceEntry, with a request of its own. Optional fields are assigned, not spread, and only
 * when present (absent, never undefined), in one fixed key order: this runs for every entry of a trace.
 */
function traceEntry(
  draft: EntryDraft,
  initiatorUrl: string | undefined,
  initiatorSource: InitiatorSource | undefined,
): TraceEntry {
  const read = draft.request;
  const request: Mutable<TraceRequest> = { method: read.method, url: read.url, headers: read.headers };
  if (read.cookies !== undefined) request.cookies = read.cookies;
  if (read.postData !== undefined) request.postData = read.postData;
  if (read.resourceType !== undefined) request.resourceType = read.resourceType;
  if (read.siteContext !== undefined) request.siteContext = read.siteContext;
  if (initiatorUrl !== undefined) request.initiatorUrl = initiatorUrl;
  if (initiatorSource !== undefined) request.initiatorSource = initiatorSource;
  const entry: Mutable<TraceEntry> = { index: draft.index, startedAt: draft.startedAt, request };
  if (draft.response) entry.response = draft.response;
  if (draft.browserReport) entry.browserReport = draft.browserReport;
  if (draft.pageRef !== undefined) entry.pageRef = draft.pageRef;
  if (draft.offNetwork) entry.offNetwork = draft.offNetwork;
  if (draft.duration !== undefined) entry.duration = draft.duration;
  if (draft.run !== undefined) entry.run = draft.run;
  return entry;
}

type Initiator = readonly [url: string | undefined, source: InitiatorSource | undefined];

function initiatorOf(
  draft: EntryDraft,
  latestDocumentOfPage: ReadonlyMap<string, string>,
  latestDocument: string | undefined,
): Initiator {
  if (draft.recordedInitiator !== undefined) return [draft.recordedInitiator, 'recorder'];
  if (draft.resourceType === 'document') {
    return draft.referer ? [draft.referer, 'referer'] : BROWSER_INITIATED;
  }
  const pageDocument = draft.pageRef !== undefined ? latestDocumentOfPage.get(draft.pageRef) : undefined;
  if (pageDocument) return [pageDocument, 'page-document'];
  // A page that is known but whose document is not: its own hints before another page's document.
  if (draft.pageRef === undefined && latestDocument !== undefined) return [latestDocument, 'latest-document'];
  if (draft.chromeInitiator !== undefined) return [draft.chromeInitiator, 'chrome-initiator'];
  if (draft.referer !== undefined) return [draft.referer, 'subresource-referer'];
  if (draft.origin !== undefined) return [draft.origin, 'origin-header'];
  if (latestDocument !== undefined) return [latestDocument, 'latest-document'];
  return NO_INITIATOR;
}

const BROWSER_INITIATED: Initiator = [undefined, 'browser-initiated'];
const NO_INITIATOR: Initiator = [undefined, undefined];
