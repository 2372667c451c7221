// The browser differences of capture, in one place: Chrome hides Cookie/Set-Cookie from webRequest
// unless `extraHeaders` is asked for, Firefox throws on that flag but shows them anyway; Firefox joins
// several Set-Cookie headers with "\n"; the page a navigation came from has a different field name; the
// frame data that decides a request's site for cookies differs too (Chrome: frameType/parentFrameId,
// Firefox: frameAncestors/thirdParty), read from the details every listener gets (site-context.ts).
import type { Header } from '../core/trace/types.ts';

/** The webRequest fields this module reads; both browsers' details objects fit it. */
export interface InitiatorFields {
  /** Chrome: origin of the document that started the request. */
  readonly initiator?: string;
  /** Firefox: URL of the document (or script) that started the request. */
  readonly originUrl?: string;
  /** Firefox: URL of the document the request belongs to. */
  readonly documentUrl?: string;
}

interface WebRequestEvent<Listener> {
  addListener(listener: Listener, filter: { urls: string[]; types?: string[] }, extraInfoSpec?: string[]): void;
}

export interface CapturePlatform {
  /**
   * Adds a webRequest listener that sees cookie headers: with `extraHeaders` where the browser needs
   * it (Chrome ≥ 72), without it where the flag is refused (Firefox). Returns whether it was used.
   */
  addHeaderListener<Listener>(
    event: WebRequestEvent<Listener>,
    listener: Listener,
    extraInfoSpec: readonly string[],
  ): boolean;
  /**
   * Adds an onBeforeRequest listener for the requests that can carry a body (documents, frames, XHR/fetch,
   * beacons): the only thing we read there. Every webRequest event with a listener costs each request of
   * the profile a hop through the browser's event router, filtered or not, so no more events are listened
   * to than the hops need (bench/RESULTS.md, row 1); the type filter keeps images, scripts and styles
   * from being dispatched to us at all.
   */
  addBodyListener<Listener>(event: WebRequestEvent<Listener>, listener: Listener): void;
  /** The document a request came from, in whichever field this browser reports it. */
  initiatorOf(details: InitiatorFields): string | undefined;
  /** Response headers with each Set-Cookie as its own header. */
  normaliseResponseHeaders(headers: readonly { name: string; value?: string }[] | undefined): Header[];
  /** Request headers as name/value pairs (binary values dropped: cookies are always text). */
  normaliseRequestHeaders(headers: readonly { name: string; value?: string }[] | undefined): Header[];
}

const ALL_URLS = { urls: ['<all_urls>'] };

/** Resource types that may send a request body, in both browsers' vocabularies. */
const BODY_TYPES = ['main_frame', 'sub_frame', 'xmlhttprequest', 'ping', 'object', 'other'];
/** Firefox reports navigator.sendBeacon as its own type; Chrome calls it "ping" and refuses "beacon". */
const FIREFOX_BODY_TYPES = [...BODY_TYPES, 'beacon', 'object_subrequest'];

function toHeaders(headers: readonly { name: string; value?: string }[] | undefined): Header[] {
  return (headers ?? []).map((h) => ({ name: h.name, value: h.value ?? '' }));
}

export const capturePlatform: CapturePlatform = {
  addHeaderListener(event, listener, extraInfoSpec) {
    try {
      event.addListener(listener, ALL_URLS, [...extraInfoSpec, 'extraHeaders']);
      return true;
    } catch {
      // Firefox: "Invalid enumeration value 'extraHeaders'". It exposes cookie headers without it.
      event.addListener(listener, ALL_URLS, [...extraInfoSpec]);
      return false;
    }
  },

  addBodyListener(event, listener) {
    try {
      event.addListener(listener, { ...ALL_URLS, types: FIREFOX_BODY_TYPES }, ['requestBody']);
    } catch {
      // Chrome: "Invalid enumeration value 'beacon'".
      event.addListener(listener, { ...ALL_URLS, types: BODY_TYPES }, ['requestBody']);
    }
  },

  initiatorOf(details) {
    return details.originUrl ?? details.initiator;
  },

  normaliseResponseHeaders(headers) {
    return toHeaders(headers).flatMap((header) =>
      // Firefox delivers all Set-Cookie lines of a response as one value joined by "\n".
      header.name.toLowerCase() === 'set-cookie' && header.value.includes('\n')
        ? header.value
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => ({ name: header.name, value: line }))
        : [header],
    );
  },

  normaliseRequestHeaders: toHeaders,
};
