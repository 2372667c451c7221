// Each request's initiator and site context, decided walking a HAR's entries in time order (the same walk for a
// file read whole or streamed).
import { SiteContextResolver } from '../trace/siteContext.ts';
import type { InitiatorSource, TraceEntry, TraceRequest } from '../trace/types.ts';
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
    return this.siteContexts.withSiteContext(
      traceEntry(draft, initiatorUrl, initiatorSource),
      draft.recordedSiteContext,
    );
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

function traceEntry(
  draft: EntryDraft,
  initiatorUrl: string | undefined,
  initiatorSource: InitiatorSource | undefined,
): TraceEntry {
  const request: TraceRequest = {
    ...draft.request,
    ...(initiatorUrl !== undefined ? { initiatorUrl } : {}),
    ...(initiatorSource !== undefined ? { initiatorSource } : {}),
  };
  return {
    index: draft.index,
    startedAt: draft.startedAt,
    request,
    ...(draft.response ? { response: draft.response } : {}),
    ...(draft.browserReport ? { browserReport: draft.browserReport } : {}),
    ...(draft.pageRef !== undefined ? { pageRef: draft.pageRef } : {}),
    ...(draft.offNetwork ? { offNetwork: draft.offNetwork } : {}),
    ...(draft.duration !== undefined ? { duration: draft.duration } : {}),
    ...(draft.run !== undefined ? { run: draft.run } : {}),
  };
}

type Initiator = readonly [url: string | undefined, source: InitiatorSource | undefined];

function initiatorOf(
  draft: EntryDraft,
  latestDocumentOfPage: ReadonlyMap<string, string>,
  latestDocument: string | undefined,
): Initiator {
  if (draft.recordedInitiator !== undefined) return [draft.recordedInitiator, 'recorder'];
  if (draft.resourceType === 'document') {
    return draft.referer ? [draft.referer, 'referer'] : [undefined, 'browser-initiated'];
  }
  const pageDocument = draft.pageRef !== undefined ? latestDocumentOfPage.get(draft.pageRef) : undefined;
  if (pageDocument) return [pageDocument, 'page-document'];
  const hints: Initiator[] = [
    [draft.chromeInitiator, 'chrome-initiator'],
    [draft.referer, 'subresource-referer'],
    [draft.origin, 'origin-header'],
  ];
  const overall: Initiator = [latestDocument, 'latest-document'];
  const order = draft.pageRef !== undefined ? [...hints, overall] : [overall, ...hints];
  return order.find(([url]) => url !== undefined) ?? [undefined, undefined];
}
