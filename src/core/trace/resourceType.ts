// Decides what kind of resource a recorded request fetched, from whatever the recorder left: Chrome's
// `_resourceType`, the Fetch Metadata headers (Sec-Fetch-Dest / Sec-Fetch-Mode), or the Accept header
// and the response's media type. Whether a request is a top-level navigation decides SameSite=Lax
// (RFC 6265bis 5.2.1), so documents and frames are told apart wherever the data allows.
import { headerValue } from './headers.ts';
import type { Header, ResourceType } from './types.ts';

/**
 * What a page fetches to show itself: it asks the server for nothing and tells nothing of the session (Horde's
 * `logout.png` is the icon of its logout link, not a logout; a stylesheet answered 200 is no page a session opened).
 */
export const STATIC_RESOURCE_TYPES: ReadonlySet<ResourceType> = new Set([
  'image',
  'font',
  'stylesheet',
  'media',
  'script',
]);

// Chrome DevTools' resource types (Network.ResourceType in the DevTools protocol), lower-cased.
// Maps, not object literals: keys come from untrusted files and "constructor" must find nothing.
const CHROME_RESOURCE_TYPES = new Map<string, ResourceType>([
  ['document', 'document'],
  ['stylesheet', 'stylesheet'],
  ['image', 'image'],
  ['media', 'media'],
  ['texttrack', 'media'],
  ['font', 'font'],
  ['script', 'script'],
  ['xhr', 'xhr'],
  ['fetch', 'fetch'],
  ['eventsource', 'fetch'],
  ['websocket', 'websocket'],
  ['ping', 'ping'],
  ['beacon', 'ping'],
  ['cspviolationreport', 'ping'],
  ['manifest', 'other'],
  ['prefetch', 'other'],
  ['preflight', 'other'],
  ['signedexchange', 'other'],
  ['other', 'other'],
]);

// Fetch Metadata request destinations (Fetch Standard, "request destination"; W3C Fetch Metadata 2.2).
const FETCH_DESTINATIONS = new Map<string, ResourceType>([
  ['document', 'document'],
  ['iframe', 'subdocument'],
  ['frame', 'subdocument'],
  ['fencedframe', 'subdocument'],
  ['script', 'script'],
  ['worker', 'script'],
  ['sharedworker', 'script'],
  ['serviceworker', 'script'],
  ['audioworklet', 'script'],
  ['paintworklet', 'script'],
  ['style', 'stylesheet'],
  ['xslt', 'stylesheet'],
  ['image', 'image'],
  ['font', 'font'],
  ['audio', 'media'],
  ['video', 'media'],
  ['track', 'media'],
  ['websocket', 'websocket'],
  ['report', 'ping'],
  ['object', 'other'],
  ['embed', 'other'],
  ['manifest', 'other'],
]);

/** Sec-Fetch-Dest values that mean a nested browsing context: its document is not top-level. */
const FRAME_DESTINATIONS = new Set(['iframe', 'frame', 'fencedframe']);

export interface ResourceTypeEvidence {
  /** Chrome's `_resourceType`, when the entry has one. */
  readonly chromeResourceType?: string;
  readonly url: string;
  readonly requestHeaders: readonly Header[];
  /** `response.content.mimeType`, when present. */
  readonly responseMimeType?: string;
  readonly responseHeaders: readonly Header[];
  /** The entry carries `_webSocketMessages`. */
  readonly hasWebSocketMessages: boolean;
}

export function guessResourceType(evidence: ResourceTypeEvidence): ResourceType {
  const { requestHeaders } = evidence;
  const dest = headerValue(requestHeaders, 'sec-fetch-dest')?.trim().toLowerCase();
  const inFrame = dest !== undefined && FRAME_DESTINATIONS.has(dest);

  const chrome = evidence.chromeResourceType
    ? CHROME_RESOURCE_TYPES.get(evidence.chromeResourceType.toLowerCase())
    : undefined;
  // Chrome labels frame documents "document" too; only Sec-Fetch-Dest tells them apart.
  if (chrome) return chrome === 'document' && inFrame ? 'subdocument' : chrome;

  if (evidence.hasWebSocketMessages || isWebSocketUpgrade(evidence)) return 'websocket';

  if (dest !== undefined && dest !== 'empty') {
    const fromDest = FETCH_DESTINATIONS.get(dest);
    if (fromDest) return fromDest;
  }
  const mode = headerValue(requestHeaders, 'sec-fetch-mode')?.trim().toLowerCase();
  // "nested-navigate" is what Chrome 76-80 sent for frame navigations.
  if (mode === 'nested-navigate') return 'subdocument';
  if (mode === 'navigate') return inFrame ? 'subdocument' : 'document';
  const scripted = headerValue(requestHeaders, 'x-requested-with')?.toLowerCase() === 'xmlhttprequest';
  if (dest === 'empty') return scripted ? 'xhr' : 'fetch';
  // Without Fetch Metadata (browsers before 2020, Safari before 16.4, proxies that drop it): a script library's
  // request header, which no navigation sends (jQuery, Prototype), or a navigation's Accept, which puts HTML first.
  if (scripted) return 'xhr';
  if ((acceptsHtmlFirst(requestHeaders) || acceptsAsOldExplorer(requestHeaders)) && respondedHtml(evidence))
    return 'document';
  return subresourceType(evidence) ?? 'other';
}

/** A media type's kind of subresource, by its prefix: the first that matches. */
const SUBRESOURCE_TYPES: readonly (readonly [RegExp, ResourceType])[] = [
  [/^image\//i, 'image'],
  [/^text\/css\b/i, 'stylesheet'],
  [/^(?:font\/|application\/(?:x-)?font)/i, 'font'],
  [/^(?:audio|video)\//i, 'media'],
];

/**
 * A script, by its answer's media type alone (Adminer serves its own under `/?file=functions.js`): an Accept that
 * names JavaScript first is a script library's request for data (Prototype's `text/javascript, text/html, …`).
 */
const SCRIPT_ANSWER = /^(?:text|application)\/(?:x-)?(?:java|ecma)script\b/i;

/**
 * Without Fetch Metadata: a subresource by its Accept's first type (Chrome's images ask `image/avif,image/webp,…`,
 * Firefox's stylesheets `text/css,*\/*;q=0.1`), else by what the answer was. An image is no page, and no logout
 * for its path's word (Horde's top bar shows `/themes/default/graphics/logout.png`).
 */
function subresourceType(evidence: ResourceTypeEvidence): ResourceType | undefined {
  const accept = (headerValue(evidence.requestHeaders, 'accept') ?? '').trim();
  const mime = (evidence.responseMimeType || headerValue(evidence.responseHeaders, 'content-type') || '').trim();
  for (const text of [accept, mime]) {
    const kind = SUBRESOURCE_TYPES.find(([type]) => type.test(text));
    if (kind) return kind[1];
  }
  return SCRIPT_ANSWER.test(mime) ? 'script' : undefined;
}

function isWebSocketUpgrade(evidence: ResourceTypeEvidence): boolean {
  if (/^wss?:/i.test(evidence.url)) return true;
  return headerValue(evidence.requestHeaders, 'upgrade')?.trim().toLowerCase() === 'websocket';
}

/**
 * The Accept header names HTML (or XHTML) first, as every browser's navigation does (`text/html,application/xhtml+xml,…`
 * in Chrome, Firefox, Safari; `text/html, application/xhtml+xml, …` in Internet Explorer). A script's request that
 * takes HTML among others lists it later (Prototype's `text/javascript, text/html, …`) or sends `*\/*`.
 */
function acceptsHtmlFirst(requestHeaders: readonly Header[]): boolean {
  return /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:[,;]|$)/i.test(headerValue(requestHeaders, 'accept') ?? '');
}

/**
 * Internet Explorer 6–8's navigation Accept: images first, then the documents of its plug-ins and handlers
 * (`image/gif, image/jpeg, image/pjpeg, application/x-ms-application, application/xaml+xml, …, *\/*`). Its image
 * requests send `*\/*`; nothing but a navigation (or a frame's) asks for images and application documents at once.
 */
function acceptsAsOldExplorer(requestHeaders: readonly Header[]): boolean {
  const accept = headerValue(requestHeaders, 'accept') ?? '';
  return /^\s*image\/gif\s*,/i.test(accept) && /,\s*application\//i.test(accept);
}

function respondedHtml(evidence: ResourceTypeEvidence): boolean {
  const mime = evidence.responseMimeType || headerValue(evidence.responseHeaders, 'content-type') || '';
  return /^\s*text\/html\b/i.test(mime);
}
