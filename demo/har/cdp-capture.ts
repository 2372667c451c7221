// Collects a page's network traffic over the DevTools protocol, one record per hop (each redirect is
// its own hop), joining each hop with Chrome's ExtraInfo events: the headers really sent and received
// (Cookie, every Set-Cookie) and Chrome's own verdict on every cookie it did not send or store.
import type { CDPSession, Page, Protocol } from 'puppeteer-core';

export interface CapturedHop {
  readonly requestId: string;
  /** Position of this hop in its redirect chain (0 = the first request). */
  readonly hopIndex: number;
  readonly request: Protocol.Network.Request;
  readonly resourceType: string;
  readonly initiator: Protocol.Network.Initiator;
  /** The page the navigation came from (link, form) or, for subresources, the top-level document. */
  readonly initiatorUrl: string | undefined;
  readonly frameId: string | undefined;
  readonly isMainFrameNavigation: boolean;
  /** Wall-clock start, ms since the epoch. */
  readonly wallTimeMs: number;
  /** Monotonic start, seconds (CDP MonotonicTime). */
  readonly timestamp: number;
  postData?: string;
  response?: Protocol.Network.Response;
  requestExtra?: Protocol.Network.RequestWillBeSentExtraInfoEvent;
  responseExtra?: Protocol.Network.ResponseReceivedExtraInfoEvent;
  /** Monotonic end, seconds: loadingFinished/Failed, or the next hop's start for a redirect. */
  endTimestamp?: number;
  encodedDataLength?: number;
  decodedBodyLength: number;
  errorText?: string;
  /** Network.requestServedFromCache: the answer came from the browser's memory or disk cache. */
  servedFromCache?: true;
  /** The body of an HTML document's answer, where the capture keeps them (`documentBodies`), as DevTools' export does. */
  body?: { readonly text: string; readonly base64Encoded: boolean };
}

/** What a capture keeps beyond the headers: the bodies of HTML documents (a HAR "with content"), or none. */
export interface CaptureOptions {
  readonly documentBodies?: boolean;
}

export interface CapturedPageLoad {
  readonly hop: CapturedHop;
  onContentLoadMs?: number;
  onLoadMs?: number;
}

export class CdpCapture {
  readonly hops: CapturedHop[] = [];
  readonly pageLoads: CapturedPageLoad[] = [];
  readonly #chains = new Map<string, CapturedHop[]>();
  // ExtraInfo events may arrive before or after their hop; the n-th one of a requestId belongs to its
  // n-th hop (DevTools' front-end pairs them the same way).
  readonly #requestExtras = new Map<string, Protocol.Network.RequestWillBeSentExtraInfoEvent[]>();
  readonly #responseExtras = new Map<string, Protocol.Network.ResponseReceivedExtraInfoEvent[]>();
  readonly #frameUrls = new Map<string, string>();
  /** Frame → URL of the document that asked for its next navigation (Page.frameRequestedNavigation). */
  readonly #navigationInitiators = new Map<string, string>();
  #mainFrameId: string | undefined;
  /** Body reads still under way (Network.getResponseBody): stop() waits for them. */
  readonly #bodyReads: Promise<void>[] = [];

  private constructor(
    readonly cdp: CDPSession,
    readonly options: CaptureOptions,
  ) {}

  static async attach(page: Page, options: CaptureOptions = {}): Promise<CdpCapture> {
    return CdpCapture.listenOn(await page.createCDPSession(), options);
  }

  /** Starts capturing on an existing DevTools session (a page's own, or a test double). */
  static async listenOn(cdp: CDPSession, options: CaptureOptions = {}): Promise<CdpCapture> {
    const capture = new CdpCapture(cdp, options);
    capture.#listen();
    await cdp.send('Page.enable');
    // With bodies, the buffers DevTools' front end asks for (100 MB in all, 10 MB a resource). As in DevTools, a
    // page's body can still be gone once the next page loads before it was read: "Save all as HAR with content"
    // lacks some documents' bodies too.
    await cdp.send(
      'Network.enable',
      options.documentBodies ? { maxTotalBufferSize: 100_000_000, maxResourceBufferSize: 10_000_000 } : {},
    );
    const tree = await cdp.send('Page.getFrameTree');
    capture.#mainFrameId = tree.frameTree.frame.id;
    capture.#frameUrls.set(tree.frameTree.frame.id, tree.frameTree.frame.url);
    return capture;
  }

  #listen(): void {
    const cdp = this.cdp;
    cdp.on('Page.frameNavigated', (e) => {
      this.#frameUrls.set(e.frame.id, e.frame.url);
      if (e.frame.parentId === undefined) this.#mainFrameId = e.frame.id;
    });
    cdp.on('Page.frameRequestedNavigation', (e) => {
      const from = this.#frameUrls.get(e.frameId);
      if (from !== undefined) this.#navigationInitiators.set(e.frameId, from);
    });
    cdp.on('Page.domContentEventFired', (e) => this.#pageTiming('onContentLoadMs', e.timestamp));
    cdp.on('Page.loadEventFired', (e) => this.#pageTiming('onLoadMs', e.timestamp));
    cdp.on('Network.requestWillBeSent', (e) => this.#onRequest(e));
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      const chain = this.#chains.get(e.requestId) ?? [];
      const hop = chain.find((h) => h.requestExtra === undefined && !answeredFromCache(h));
      if (hop) hop.requestExtra = e;
      else this.#queue(this.#requestExtras, e.requestId, e);
    });
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      const chain = this.#chains.get(e.requestId) ?? [];
      const hop = chain.find((h) => h.responseExtra === undefined && !answeredFromCache(h));
      if (hop) hop.responseExtra = e;
      else this.#queue(this.#responseExtras, e.requestId, e);
    });
    cdp.on('Network.responseReceived', (e) => {
      const hop = this.#lastHop(e.requestId);
      if (hop) hop.response = e.response;
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      const hop = this.#lastHop(e.requestId);
      if (hop) hop.servedFromCache = true;
    });
    cdp.on('Network.dataReceived', (e) => {
      const hop = this.#lastHop(e.requestId);
      if (hop) hop.decodedBodyLength += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const hop = this.#lastHop(e.requestId);
      if (hop) {
        hop.endTimestamp = e.timestamp;
        hop.encodedDataLength = e.encodedDataLength;
        if (
          this.options.documentBodies &&
          hop.resourceType === 'document' &&
          /html/i.test(hop.response?.mimeType ?? '')
        )
          this.#readBody(hop);
      }
    });
    cdp.on('Network.loadingFailed', (e) => {
      const hop = this.#lastHop(e.requestId);
      if (hop) {
        hop.endTimestamp = e.timestamp;
        hop.errorText = e.errorText;
      }
    });
  }

  /** The document's body, read as soon as it finished loading (the browser drops it once the page moves on). */
  #readBody(hop: CapturedHop): void {
    this.#bodyReads.push(
      this.cdp
        .send('Network.getResponseBody', { requestId: hop.requestId })
        .then((r) => {
          hop.body = { text: r.body, base64Encoded: r.base64Encoded };
        })
        .catch(() => undefined),
    );
  }

  #queue<T>(map: Map<string, T[]>, requestId: string, event: T): void {
    const list = map.get(requestId) ?? [];
    list.push(event);
    map.set(requestId, list);
  }

  #lastHop(requestId: string): CapturedHop | undefined {
    return this.#chains.get(requestId)?.at(-1);
  }

  #pageTiming(field: 'onContentLoadMs' | 'onLoadMs', timestamp: number): void {
    const load = this.pageLoads.at(-1);
    if (load !== undefined && load[field] === undefined)
      load[field] = Math.max(0, (timestamp - load.hop.timestamp) * 1000);
  }

  #onRequest(e: Protocol.Network.RequestWillBeSentEvent): void {
    const chain = this.#chains.get(e.requestId) ?? [];
    const previous = chain.at(-1);
    // A redirect the disk cache answered went to no server, so Chrome sent no ExtraInfo for it: what it was given
    // (its ExtraInfo arrived before this hop was announced) is this hop's.
    let inherited: Pick<CapturedHop, 'requestExtra' | 'responseExtra'> = {};
    if (previous !== undefined && e.redirectResponse !== undefined) {
      previous.response = e.redirectResponse;
      previous.endTimestamp = e.timestamp;
      if (answeredFromCache(previous)) {
        inherited = { requestExtra: previous.requestExtra, responseExtra: previous.responseExtra };
        delete previous.requestExtra;
        delete previous.responseExtra;
      }
    }
    const isDocument = e.type === 'Document';
    let initiatorUrl: string | undefined;
    if (previous !== undefined) {
      // A redirect keeps the initiator of the request that started the chain.
      initiatorUrl = previous.initiatorUrl;
    } else if (isDocument && e.frameId !== undefined) {
      // Renderer-initiated navigations (link, form, script) are announced by frameRequestedNavigation;
      // browser-initiated ones (page.goto, a typed URL) are not, and have no initiating page.
      initiatorUrl = this.#navigationInitiators.get(e.frameId);
      this.#navigationInitiators.delete(e.frameId);
    } else if (this.#mainFrameId !== undefined) {
      initiatorUrl = this.#frameUrls.get(this.#mainFrameId);
    }
    const hop: CapturedHop = {
      requestId: e.requestId,
      hopIndex: chain.length,
      request: e.request,
      resourceType: (e.type ?? 'Other').toLowerCase(),
      initiator: e.initiator,
      initiatorUrl,
      frameId: e.frameId,
      isMainFrameNavigation: isDocument && e.frameId === this.#mainFrameId && e.requestId === e.loaderId,
      wallTimeMs: e.wallTime * 1000,
      timestamp: e.timestamp,
      decodedBodyLength: 0,
      requestExtra: inherited.requestExtra ?? this.#requestExtras.get(e.requestId)?.shift(),
      responseExtra: inherited.responseExtra ?? this.#responseExtras.get(e.requestId)?.shift(),
    };
    chain.push(hop);
    this.#chains.set(e.requestId, chain);
    this.hops.push(hop);
    if (hop.isMainFrameNavigation && hop.hopIndex === 0) this.pageLoads.push({ hop });
    if (e.request.hasPostData === true && e.request.postData === undefined) {
      void this.cdp
        .send('Network.getRequestPostData', { requestId: e.requestId })
        .then((r) => {
          hop.postData = r.postData;
        })
        .catch(() => undefined);
    }
  }

  /** Waits until every hop has finished or failed (at most `timeoutMs`), then detaches. */
  async stop(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (
      Date.now() < deadline &&
      this.hops.some(
        (h) =>
          h.endTimestamp === undefined ||
          (h.response !== undefined &&
            h.responseExtra === undefined &&
            h.errorText === undefined &&
            h.response.fromDiskCache !== true),
      )
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Give late ExtraInfo events a moment; they can trail loadingFinished.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all(this.#bodyReads);
    await this.cdp.detach().catch(() => undefined);
  }
}

/** The hop's answer came from the browser's cache (a cached redirect, too): no network, so no ExtraInfo. */
function answeredFromCache(hop: CapturedHop): boolean {
  return (
    hop.response?.fromDiskCache === true || hop.response?.fromPrefetchCache === true || hop.servedFromCache === true
  );
}
