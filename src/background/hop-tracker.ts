// Follows each live request through the webRequest events and cuts it into hops: one TraceEntry per
// request/response exchange, so every redirect is its own entry (as in a HAR). Knows nothing of tabs
// beyond the id; the recorder numbers the entries.
import type { Header, PostData, TraceEntry } from '../core/trace/types.ts';
import type { CapturePlatform, InitiatorFields } from './platform.ts';
import { resourceTypeOf } from './resource-type.ts';
import { type FrameFields, liveSiteContext } from './site-context.ts';

/** The webRequest details fields the tracker reads (common to every event, both browsers). */
export interface RequestDetails extends InitiatorFields, FrameFields {
  readonly requestId: string;
  readonly tabId: number;
  readonly url: string;
  readonly method: string;
  readonly type: string;
  readonly timeStamp: number;
}

type RawHeaders = readonly { name: string; value?: string }[] | undefined;

export interface RequestBodyDetails {
  readonly formData?: Record<string, string[] | string>;
  readonly raw?: readonly { bytes?: ArrayBuffer | unknown }[];
}

/** A finished hop, ready to be numbered and recorded for its tab. */
export interface FinishedHop {
  readonly tabId: number;
  readonly entry: Omit<TraceEntry, 'index'>;
  /** The top-level document of the tab after this hop, when the hop was a final main-frame response. */
  readonly committedTopUrl?: string;
  /** The browser's id of the request (shared by its redirect hops). */
  readonly requestId: string;
  /**
   * False when this tracker never saw the hop start: the browser skipped onSendHeaders, or the
   * service worker was restarted mid-request, in which case the hop may already be recorded.
   */
  readonly seenStart: boolean;
}

interface HopDraft {
  details: RequestDetails;
  startedAt: number;
  headers: Header[];
  postData?: PostData;
  /** Recorded already; kept until the request moves on (redirect or end) so it is recorded once. */
  finished: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_POST_TEXT = 64 * 1024;

function postDataOf(body: RequestBodyDetails | undefined): PostData | undefined {
  if (!body) return undefined;
  if (body.formData) {
    const params = Object.entries(body.formData).flatMap(([name, values]) =>
      (Array.isArray(values) ? values : [values]).map((value) => ({ name, value })),
    );
    return { mimeType: 'application/x-www-form-urlencoded', params };
  }
  const bytes = body.raw?.map((part) => part.bytes).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  if (!bytes || bytes.length === 0) return undefined;
  const text = bytes.map((b) => new TextDecoder().decode(b)).join('');
  return { text: text.slice(0, MAX_POST_TEXT) };
}

function resolveLocation(url: string, headers: readonly Header[]): string | undefined {
  const location = headers.find((h) => h.name.toLowerCase() === 'location')?.value;
  if (!location) return undefined;
  try {
    return new URL(location, url).href;
  } catch {
    return undefined;
  }
}

export class HopTracker {
  readonly #drafts = new Map<string, HopDraft>();
  readonly #bodies = new Map<string, PostData>();

  constructor(
    private readonly platform: CapturePlatform,
    /** The tab's current top-level document URL: the site for cookies of its subresources. */
    private readonly topUrlOf: (tabId: number) => string | undefined,
  ) {}

  beforeRequest(details: RequestDetails & { requestBody?: RequestBodyDetails | null }): void {
    const postData = postDataOf(details.requestBody ?? undefined);
    if (postData) this.#bodies.set(details.requestId, postData);
  }

  /**
   * A hop starts (again, after a redirect or an auth retry) when its headers leave: these headers, after
   * every extension had its say, are the truth about which cookies were sent.
   */
  sendHeaders(details: RequestDetails & { requestHeaders?: RawHeaders }): void {
    const draft: HopDraft = {
      details,
      startedAt: details.timeStamp,
      headers: this.platform.normaliseRequestHeaders(details.requestHeaders),
      finished: false,
    };
    // The body goes with the hop that sends it; a 303 turns the next hop into a GET without one.
    const body = this.#bodies.get(details.requestId);
    if (body && details.method !== 'GET' && details.method !== 'HEAD') draft.postData = body;
    this.#drafts.set(details.requestId, draft);
  }

  /** The response of this hop is known: the hop is finished. */
  headersReceived(
    details: RequestDetails & { statusCode: number; responseHeaders?: RawHeaders },
  ): FinishedHop | undefined {
    return this.#finish(details, details.statusCode, details.responseHeaders);
  }

  /** The hop ended in a redirect; the next sendHeaders of this request opens a new hop. */
  beforeRedirect(
    details: RequestDetails & { statusCode: number; redirectUrl: string; responseHeaders?: RawHeaders },
  ): FinishedHop | undefined {
    // Normally already finished at headersReceived; internal redirects (HSTS, extensions) skip it.
    const hop = this.#finish(details, details.statusCode, details.responseHeaders, details.redirectUrl);
    this.#drafts.delete(details.requestId);
    return hop;
  }

  completed(details: RequestDetails & { statusCode: number; responseHeaders?: RawHeaders }): FinishedHop | undefined {
    const hop = this.#finish(details, details.statusCode, details.responseHeaders);
    this.#forget(details.requestId);
    return hop;
  }

  errorOccurred(details: RequestDetails): FinishedHop | undefined {
    const hop = this.#finish(details, undefined, undefined);
    this.#forget(details.requestId);
    return hop;
  }

  /** Requests still in flight (for tests and leak checks). */
  get pendingCount(): number {
    return this.#drafts.size;
  }

  #forget(requestId: string): void {
    this.#drafts.delete(requestId);
    this.#bodies.delete(requestId);
  }

  #finish(
    details: RequestDetails,
    status: number | undefined,
    rawResponseHeaders: RawHeaders,
    redirectUrl?: string,
  ): FinishedHop | undefined {
    // No draft: the browser skipped onSendHeaders (cache, internal redirect) or the worker
    // restarted mid-request; record what we know (the caller decides whether it is a repeat).
    const known = this.#drafts.get(details.requestId);
    const draft = known ?? {
      details,
      startedAt: details.timeStamp,
      headers: [],
      finished: false,
    };
    if (draft.finished) return undefined;
    draft.finished = true;
    this.#drafts.set(details.requestId, draft);

    const start = draft.details;
    const responseHeaders = this.platform.normaliseResponseHeaders(rawResponseHeaders);
    const location =
      redirectUrl ??
      (status !== undefined && REDIRECT_STATUSES.has(status) ? resolveLocation(start.url, responseHeaders) : undefined);
    const isDocument = start.type === 'main_frame';
    const topUrl = this.topUrlOf(start.tabId);
    const initiator = this.#cleanInitiator(this.platform.initiatorOf(start));
    const initiatorUrl = isDocument ? initiator : (topUrl ?? start.documentUrl ?? initiator);
    // The site for cookies from the browser's own frame data (site-context.ts), kept in the entry.
    const siteContext = liveSiteContext(
      { ...start, ...(initiator !== undefined ? { initiatorUrl: initiator } : {}) },
      topUrl,
      draft.headers,
    );
    const entry: Omit<TraceEntry, 'index'> = {
      startedAt: draft.startedAt,
      pageRef: String(start.tabId),
      request: {
        method: start.method,
        url: start.url,
        headers: draft.headers,
        resourceType: resourceTypeOf(start.type),
        ...(initiatorUrl ? { initiatorUrl } : {}),
        siteContext,
        ...(draft.postData ? { postData: draft.postData } : {}),
      },
      ...(status !== undefined
        ? { response: { status, headers: responseHeaders, ...(location ? { redirectUrl: location } : {}) } }
        : {}),
    };
    const committed = isDocument && status !== undefined && !location && status > 0;
    return {
      tabId: start.tabId,
      entry,
      requestId: details.requestId,
      seenStart: known !== undefined,
      ...(committed ? { committedTopUrl: start.url } : {}),
    };
  }

  #cleanInitiator(value: string | undefined): string | undefined {
    // Chrome reports an opaque origin as the string "null".
    return value && value !== 'null' ? value : undefined;
  }
}
