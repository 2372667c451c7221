// The site for cookies of live requests from each browser's webRequest frame data (RFC 6265bis 5.2.1).
import { describe, expect, it } from 'vitest';
import { HopTracker, type RequestDetails } from './hop-tracker.ts';
import { capturePlatform } from './platform.ts';
import { type LiveRequest, liveSiteContext } from './site-context.ts';

const PAGE = 'https://shop.test/page';
const NO_HEADERS: never[] = [];

function context(request: LiveRequest, headers: { name: string; value: string }[] = NO_HEADERS) {
  return liveSiteContext(request, PAGE, headers);
}

describe('liveSiteContext', () => {
  it('Chrome: a request of the top-level frame is compared with the page', () => {
    expect(
      context({
        url: 'https://api.shop.test/x',
        type: 'xmlhttprequest',
        frameType: 'outermost_frame',
        initiatorUrl: 'https://shop.test',
      }),
    ).toEqual({ kind: 'same-site', from: 'frame' });
    expect(
      context({
        url: 'https://widget.test/x',
        type: 'script',
        frameType: 'outermost_frame',
        initiatorUrl: 'https://shop.test',
      }),
    ).toEqual({ kind: 'cross-site', from: 'frame' });
  });

  it('Chrome: a cross-site frame makes even its requests to the page’s site cross-site', () => {
    // A widget.test iframe in the shop.test page fetching from shop.test: its document is cross-site with the top.
    expect(
      context({
        url: 'https://shop.test/api',
        type: 'xmlhttprequest',
        frameType: 'sub_frame',
        parentFrameId: 0,
        initiatorUrl: 'https://widget.test',
      }),
    ).toEqual({ kind: 'cross-site', from: 'frame' });
    // The iframe's own document request, for a frame directly in the page.
    expect(
      context({
        url: 'https://widget.test/embed',
        type: 'sub_frame',
        frameType: 'sub_frame',
        parentFrameId: 0,
        initiatorUrl: 'https://shop.test',
      }),
    ).toEqual({ kind: 'cross-site', from: 'frame' });
    expect(
      context({
        url: 'https://shop.test/embed',
        type: 'sub_frame',
        frameType: 'sub_frame',
        parentFrameId: 0,
        initiatorUrl: 'https://shop.test',
      }),
    ).toEqual({ kind: 'same-site', from: 'frame' });
    // A same-site frame deeper down: its other ancestors are not known.
    expect(
      context({ url: 'https://shop.test/deep', type: 'sub_frame', frameType: 'sub_frame', parentFrameId: 5 }),
    ).toEqual({ kind: 'unknown', from: 'none' });
  });

  it('Firefox: the frame ancestors and thirdParty decide', () => {
    const ancestors = [{ url: 'https://widget.test/embed' }, { url: PAGE }];
    expect(
      context({
        url: 'https://widget.test/data',
        type: 'xmlhttprequest',
        documentUrl: 'https://widget.test/embed',
        frameAncestors: ancestors,
      }),
    ).toEqual({ kind: 'cross-site', from: 'frame' });
    expect(
      context({ url: 'https://shop.test/data', type: 'xmlhttprequest', documentUrl: PAGE, frameAncestors: [] }),
    ).toEqual({ kind: 'same-site', from: 'frame' });
    expect(context({ url: 'https://shop.test/data', type: 'image', thirdParty: true })).toEqual({
      kind: 'cross-site',
      from: 'frame',
    });
  });

  it('a navigation: Sec-Fetch-Site, else the initiator, else the Referer, else unknown', () => {
    expect(
      context({ url: 'https://shop.test/', type: 'main_frame' }, [{ name: 'Sec-Fetch-Site', value: 'cross-site' }]),
    ).toEqual({ kind: 'cross-site', from: 'sec-fetch-site' });
    expect(context({ url: 'https://shop.test/', type: 'main_frame', initiatorUrl: 'https://other.test' })).toEqual({
      kind: 'cross-site',
      from: 'initiator',
    });
    expect(
      context({ url: 'https://shop.test/', type: 'main_frame' }, [{ name: 'Referer', value: 'https://shop.test/a' }]),
    ).toEqual({ kind: 'same-site', from: 'referer' });
    expect(context({ url: 'https://shop.test/', type: 'main_frame' })).toEqual({ kind: 'unknown', from: 'none' });
  });
});

describe('HopTracker site context', () => {
  const base: RequestDetails = {
    requestId: '1',
    tabId: 3,
    url: 'https://other.test/go',
    method: 'GET',
    type: 'main_frame',
    timeStamp: 1,
    initiator: 'https://shop.test',
  };

  it('every hop of a redirected navigation is judged against the navigation’s initiator', () => {
    const tracker = new HopTracker(capturePlatform, () => PAGE);
    tracker.sendHeaders({ ...base, requestHeaders: [] });
    const first = tracker.beforeRedirect({ ...base, statusCode: 302, redirectUrl: 'https://shop.test/back' });
    const hop = { ...base, url: 'https://shop.test/back', timeStamp: 2 };
    tracker.sendHeaders({ ...hop, requestHeaders: [] });
    const second = tracker.completed({ ...hop, statusCode: 200 });
    expect(first?.entry.request.siteContext).toEqual({ kind: 'cross-site', from: 'initiator' });
    expect(second?.entry.request.siteContext).toEqual({ kind: 'same-site', from: 'initiator' });
  });

  it('a cross-site iframe’s response is recorded as cross-site, from the frame data', () => {
    const tracker = new HopTracker(capturePlatform, () => PAGE);
    const frame = {
      ...base,
      requestId: '2',
      url: 'https://widget.test/embed',
      type: 'sub_frame',
      frameType: 'sub_frame',
      parentFrameId: 0,
    };
    tracker.sendHeaders({ ...frame, requestHeaders: [] });
    const hop = tracker.completed({
      ...frame,
      statusCode: 200,
      responseHeaders: [{ name: 'Set-Cookie', value: 'sid=1; SameSite=Lax' }],
    });
    expect(hop?.entry.request.siteContext).toEqual({ kind: 'cross-site', from: 'frame' });
  });
});
