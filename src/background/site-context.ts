// The site for cookies of a live request (RFC 6265bis 5.2), from what webRequest tells in each browser:
// Firefox names the frame's ancestors (`frameAncestors`) and whether the request is third-party in its
// window hierarchy (`thirdParty`); Chrome names the frame kind (`frameType`), its parent (`parentFrameId`)
// and the initiator's origin. Both send `Sec-Fetch-Site`. What neither tells stays `unknown`.
import { headerValue } from '../core/trace/headers.ts';
import { secFetchSiteKind, siteRelation, UNKNOWN_SITE_CONTEXT } from '../core/trace/siteContext.ts';
import type { Header, SiteContext, SiteContextKind } from '../core/trace/types.ts';

/** The webRequest fields about frames, in either browser's names (all optional: each has only its own). */
export interface FrameFields {
  /** Chrome: "outermost_frame", "sub_frame" or "fenced_frame": the frame the request belongs to. */
  readonly frameType?: string;
  /** Both: the frame's id (0 = the top-level frame); its parent's, -1 for the top-level frame. */
  readonly frameId?: number;
  readonly parentFrameId?: number;
  /** Chrome: "prerender", "active", "cached" or "pending_deletion". */
  readonly documentLifecycle?: string;
  /** Firefox: the frame's ancestors, nearest first, the top-level document last. */
  readonly frameAncestors?: readonly { readonly url: string; readonly frameId?: number }[];
  /** Firefox: whether the request or any frame above it is third-party to the top-level document. */
  readonly thirdParty?: boolean;
  /** Firefox: the document the request belongs to. */
  readonly documentUrl?: string;
}

export interface LiveRequest extends FrameFields {
  readonly url: string;
  /** webRequest's resource type ("main_frame", "sub_frame", "xmlhttprequest", …). */
  readonly type: string;
  /** The initiator URL or origin, in whichever field the browser reports it (platform.initiatorOf). */
  readonly initiatorUrl?: string;
}

function related(a: string | undefined, b: string | undefined): SiteContextKind | undefined {
  return b === undefined ? undefined : siteRelation(a, b);
}

function fromFrames(kind: SiteContextKind | undefined): SiteContext | undefined {
  return kind === undefined ? undefined : { kind, from: 'frame' };
}

/** Cross-site as soon as one of the sites differs from the request's; same-site when all are known and equal. */
function relationToAll(urls: readonly (string | undefined)[], url: string): SiteContextKind | undefined {
  let all: SiteContextKind | undefined = 'same-site';
  for (const other of urls) {
    const relation = siteRelation(other, url);
    if (relation === 'cross-site') return 'cross-site';
    if (relation === undefined) all = undefined;
  }
  return all;
}

/**
 * A subresource or frame: RFC 6265bis 5.2.1, the site for cookies is the top-level document's site when every
 * ancestor frame is same-site with it, else nothing is same-site with the request.
 */
function subresourceContext(request: LiveRequest, topUrl: string | undefined): SiteContext | undefined {
  // Firefox: the ancestors are listed, and `thirdParty` already compares the whole hierarchy.
  if (request.frameAncestors !== undefined) {
    const sites = [
      request.type === 'sub_frame' ? undefined : request.documentUrl,
      ...request.frameAncestors.map((a) => a.url),
    ];
    const known = relationToAll(
      sites.filter((s): s is string => s !== undefined),
      request.url,
    );
    if (known !== undefined) return fromFrames(known);
  }
  if (request.thirdParty !== undefined) return fromFrames(request.thirdParty ? 'cross-site' : 'same-site');
  // Chrome: compare with the tab's page; inside a frame, the frame's document (the initiator's origin, for
  // the frame's own requests) must be same-site with the page too, and only a frame directly in the page
  // has no other ancestors.
  const withTop = siteRelation(topUrl, request.url);
  if (withTop === 'cross-site') return fromFrames('cross-site');
  if (request.frameType === 'outermost_frame') return fromFrames(withTop);
  const isFrameDocument = request.type === 'sub_frame';
  if (!isFrameDocument && related(topUrl, request.initiatorUrl) === 'cross-site') return fromFrames('cross-site');
  if (withTop === 'same-site' && request.frameType === 'sub_frame' && request.parentFrameId === 0) {
    return isFrameDocument || related(topUrl, request.initiatorUrl) === 'same-site'
      ? fromFrames('same-site')
      : undefined;
  }
  return undefined;
}

/**
 * The site context of one hop of a live request. `topUrl`: the tab's top-level document when the hop
 * started. A navigation hop is compared with its initiator (the same for every hop of a redirect chain, so
 * a hop keeps the context of its navigation).
 */
export function liveSiteContext(
  request: LiveRequest,
  topUrl: string | undefined,
  requestHeaders: readonly Header[],
): SiteContext {
  const fetchSite = secFetchSiteKind(requestHeaders);
  if (fetchSite === 'cross-site') return { kind: 'cross-site', from: 'sec-fetch-site' };
  if (request.type === 'main_frame') {
    if (fetchSite === 'same-site') return { kind: 'same-site', from: 'sec-fetch-site' };
    const byInitiator = siteRelation(request.initiatorUrl, request.url);
    if (byInitiator !== undefined) return { kind: byInitiator, from: 'initiator' };
    const referer = headerValue(requestHeaders, 'referer');
    const byReferer = siteRelation(referer, request.url);
    return byReferer === undefined ? UNKNOWN_SITE_CONTEXT : { kind: byReferer, from: 'referer' };
  }
  const framed = subresourceContext(request, topUrl);
  if (framed !== undefined) return framed;
  if (fetchSite === 'same-site') return { kind: 'same-site', from: 'sec-fetch-site' };
  return UNKNOWN_SITE_CONTEXT;
}
