// The capture pairs Chrome's ExtraInfo events with the right hop whatever order they arrive in,
// splits redirect chains into hops, and knows which page started each navigation; the HAR built
// from it carries Chrome's verdicts.
import { EventEmitter } from 'node:events';
import type { CDPSession } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CdpCapture } from './cdp-capture.ts';
import { toHar } from './to-har.ts';

class FakeSession extends EventEmitter {
  async send(method: string): Promise<unknown> {
    if (method === 'Page.getFrameTree') return { frameTree: { frame: { id: 'main', url: 'about:blank' } } };
    if (method === 'Network.getResponseBody')
      return { body: '<form><input type=password></form>', base64Encoded: false };
    return {};
  }
  async detach(): Promise<void> {}
}

async function capture(): Promise<{ cdp: FakeSession; cap: CdpCapture }> {
  const cdp = new FakeSession();
  const cap = await CdpCapture.listenOn(cdp as unknown as CDPSession);
  return { cdp, cap };
}

const timing = {
  requestTime: 100,
  dnsStart: -1,
  dnsEnd: -1,
  connectStart: -1,
  connectEnd: -1,
  sslStart: -1,
  sslEnd: -1,
  sendStart: 1,
  sendEnd: 2,
  receiveHeadersEnd: 5,
};

function request(requestId: string, url: string, extra: Record<string, unknown> = {}) {
  return {
    requestId,
    loaderId: requestId,
    documentURL: url,
    request: {
      url,
      method: 'GET',
      headers: {},
      initialPriority: 'VeryHigh',
      referrerPolicy: 'strict-origin-when-cross-origin',
    },
    timestamp: 100,
    wallTime: 1_800_000_000,
    initiator: { type: 'other' },
    type: 'Document',
    frameId: 'main',
    ...extra,
  };
}

function response(url: string, status: number, headers: Record<string, string> = {}) {
  return {
    url,
    status,
    statusText: status === 303 ? 'See Other' : 'OK',
    headers,
    mimeType: 'text/html',
    protocol: 'http/1.1',
    timing,
  };
}

describe('CdpCapture', () => {
  it("keeps an HTML document's body where asked (DevTools' HAR with content), and none otherwise", async () => {
    const loaded = async (documentBodies: boolean) => {
      const cdp = new FakeSession();
      const cap = await CdpCapture.listenOn(cdp as unknown as CDPSession, { documentBodies });
      cdp.emit('Network.requestWillBeSent', request('D', 'https://shop.test/login'));
      cdp.emit('Network.responseReceived', {
        requestId: 'D',
        type: 'Document',
        response: response('https://shop.test/login', 200),
      });
      cdp.emit('Network.loadingFinished', { requestId: 'D', timestamp: 100.02, encodedDataLength: 100 });
      await cap.stop(100);
      return toHar(cap.hops, cap.pageLoads, { creatorVersion: 't', browserVersion: '156' }).log.entries[0]!.response;
    };
    expect((await loaded(true)).content).toMatchObject({ text: '<form><input type=password></form>' });
    expect((await loaded(false)).content.text).toBeUndefined();
  });

  it('pairs ExtraInfo events with each hop of a redirect chain, whichever comes first', async () => {
    const { cdp, cap } = await capture();
    cdp.emit('Page.frameNavigated', { frame: { id: 'main', url: 'https://shop.test/login-form' } });
    cdp.emit('Page.frameRequestedNavigation', {
      frameId: 'main',
      reason: 'formSubmissionPost',
      url: 'https://shop.test/login',
      disposition: 'currentTab',
    });
    // Chrome may deliver the request's ExtraInfo before the request itself.
    cdp.emit('Network.requestWillBeSentExtraInfo', {
      requestId: 'R',
      headers: { Cookie: 'pre=1' },
      associatedCookies: [
        { cookie: { name: 'pre', domain: 'shop.test', path: '/' }, blockedReasons: [] },
        { cookie: { name: 'sid', domain: 'shop.test', path: '/' }, blockedReasons: ['SameSiteStrict'] },
      ],
      connectTiming: { requestTime: 100 },
    });
    cdp.emit(
      'Network.requestWillBeSent',
      request('R', 'https://shop.test/login', {
        request: { url: 'https://shop.test/login', method: 'POST', headers: {}, postData: 'user=a&password=b' },
      }),
    );
    cdp.emit('Network.responseReceivedExtraInfo', {
      requestId: 'R',
      headers: { Location: '/account', 'Set-Cookie': 'sid=new; Secure\nbad=1; Domain=evil.test' },
      blockedCookies: [{ cookieLine: 'bad=1; Domain=evil.test', blockedReasons: ['DomainMismatch'] }],
      statusCode: 303,
      resourceIPAddressSpace: 'Loopback',
    });
    // The second hop's response ExtraInfo arrives before its request ExtraInfo.
    cdp.emit('Network.requestWillBeSent', {
      ...request('R', 'https://shop.test/account', { timestamp: 100.01 }),
      redirectResponse: response('https://shop.test/login', 303, { Location: '/account' }),
    });
    cdp.emit('Network.responseReceivedExtraInfo', {
      requestId: 'R',
      headers: { 'Content-Type': 'text/html' },
      blockedCookies: [],
      statusCode: 200,
    });
    cdp.emit('Network.requestWillBeSentExtraInfo', {
      requestId: 'R',
      headers: { Cookie: 'pre=1; sid=new' },
      associatedCookies: [],
      connectTiming: { requestTime: 100 },
    });
    cdp.emit('Network.responseReceived', {
      requestId: 'R',
      type: 'Document',
      response: response('https://shop.test/account', 200),
    });
    cdp.emit('Network.dataReceived', { requestId: 'R', dataLength: 42, encodedDataLength: 42 });
    cdp.emit('Network.loadingFinished', { requestId: 'R', timestamp: 100.02, encodedDataLength: 100 });
    await cap.stop(100);

    const har = toHar(cap.hops, cap.pageLoads, { creatorVersion: 't', browserVersion: '156' });
    const [login, account] = har.log.entries;
    if (login === undefined || account === undefined) throw new Error('two entries expected');
    expect(login.response.status).toBe(303);
    expect(login.response.redirectURL).toBe('https://shop.test/account');
    expect(login.request.cookies).toEqual([{ name: 'pre', value: '1' }]);
    expect(login.request.postData).toEqual({ mimeType: '', text: 'user=a&password=b' });
    expect(login.response.headers.filter((h) => h.name === 'Set-Cookie').map((h) => h.value)).toEqual([
      'sid=new; Secure',
      'bad=1; Domain=evil.test',
    ]);
    expect(login.response.cookies.map((c) => [c.name, c.secure ?? false, c.domain])).toEqual([
      ['sid', true, undefined],
      ['bad', false, 'evil.test'],
    ]);
    expect(login._sessionscope).toEqual({
      initiatorUrl: 'https://shop.test/login-form',
      browserReport: {
        blockedRequestCookies: [{ name: 'sid', domain: 'shop.test', path: '/', reasons: ['SameSiteStrict'] }],
        blockedResponseCookies: [{ cookieLine: 'bad=1; Domain=evil.test', reasons: ['DomainMismatch'] }],
      },
    });
    expect(account.request.cookies.map((c) => c.name)).toEqual(['pre', 'sid']);
    expect(account.response.status).toBe(200);
    expect(account.response.content.size).toBe(42);
    // The redirect keeps the page that started the chain as its initiator.
    expect(account._sessionscope.initiatorUrl).toBe('https://shop.test/login-form');
    expect(har.log.pages.map((p) => p.title)).toEqual(['https://shop.test/login']);
    expect(har.log.entries.map((e) => e.pageref)).toEqual(['page_1', 'page_1']);
  });

  it('gives a typed-URL navigation no initiator and a subresource the top-level page', async () => {
    const { cdp, cap } = await capture();
    cdp.emit('Network.requestWillBeSent', request('A', 'https://shop.test/'));
    cdp.emit('Network.responseReceived', {
      requestId: 'A',
      type: 'Document',
      response: response('https://shop.test/', 200),
    });
    cdp.emit('Network.loadingFinished', { requestId: 'A', timestamp: 100.1, encodedDataLength: 10 });
    cdp.emit('Page.frameNavigated', { frame: { id: 'main', url: 'https://shop.test/' } });
    cdp.emit('Network.requestWillBeSent', {
      ...request('B', 'https://cdn.test/app.js', { type: 'Script', timestamp: 100.2 }),
      loaderId: 'A',
      initiator: { type: 'parser', url: 'https://shop.test/' },
    });
    cdp.emit('Network.responseReceived', {
      requestId: 'B',
      type: 'Script',
      response: response('https://cdn.test/app.js', 200),
    });
    cdp.emit('Network.loadingFinished', { requestId: 'B', timestamp: 100.3, encodedDataLength: 10 });
    await cap.stop(100);
    const har = toHar(cap.hops, cap.pageLoads, { creatorVersion: 't', browserVersion: '156' });
    expect(har.log.entries.map((e) => [e._resourceType, e._sessionscope.initiatorUrl, e._initiator.type])).toEqual([
      ['document', undefined, 'other'],
      ['script', 'https://shop.test/', 'parser'],
    ]);
    // No ExtraInfo was seen: the browser's verdict is unknown, not "nothing blocked".
    expect(har.log.entries[0]?._sessionscope.browserReport).toBeUndefined();
  });

  it("marks answers from the browser's memory and disk cache as Chrome DevTools does (_fromCache)", async () => {
    const { cdp, cap } = await capture();
    const served = (id: string, url: string, fromDiskCache: boolean) => {
      cdp.emit('Network.requestWillBeSent', request(id, url, { type: 'Script' }));
      cdp.emit('Network.requestServedFromCache', { requestId: id });
      cdp.emit('Network.responseReceived', {
        requestId: id,
        type: 'Script',
        response: { ...response(url, 200), fromDiskCache },
      });
      cdp.emit('Network.loadingFinished', { requestId: id, timestamp: 100.1, encodedDataLength: 0 });
    };
    served('A', 'https://shop.test/a.js', false);
    served('B', 'https://shop.test/b.js', true);
    cdp.emit('Network.requestWillBeSent', request('C', 'https://shop.test/c.js', { type: 'Script' }));
    cdp.emit('Network.responseReceived', {
      requestId: 'C',
      type: 'Script',
      response: response('https://shop.test/c.js', 200),
    });
    cdp.emit('Network.loadingFinished', { requestId: 'C', timestamp: 100.1, encodedDataLength: 10 });
    await cap.stop(100);
    const har = toHar(cap.hops, cap.pageLoads, { creatorVersion: 't', browserVersion: '156' });
    expect(har.log.entries.map((e) => e._fromCache)).toEqual(['memory', 'disk', undefined]);
  });

  it("gives a redirect the disk cache answered none of the next hop's ExtraInfo (NagVis's cached 301)", async () => {
    const { cdp, cap } = await capture();
    cdp.emit('Network.requestWillBeSent', request('R', 'https://mon.test/nagvis/'));
    // Its answer comes from the disk cache: no ExtraInfo of its own. The next hop's request ExtraInfo arrives first.
    cdp.emit('Network.requestWillBeSentExtraInfo', {
      requestId: 'R',
      headers: { Cookie: 'sid=abc' },
      associatedCookies: [{ cookie: { name: 'sid', domain: 'mon.test', path: '/' }, blockedReasons: [] }],
      connectTiming: { requestTime: 100 },
    });
    cdp.emit('Network.requestWillBeSent', {
      ...request('R', 'https://mon.test/nagvis/index.php', { timestamp: 100.01 }),
      redirectResponse: {
        ...response('https://mon.test/nagvis/', 301, { Location: 'index.php' }),
        fromDiskCache: true,
      },
    });
    cdp.emit('Network.responseReceivedExtraInfo', {
      requestId: 'R',
      headers: { 'Content-Type': 'text/html' },
      blockedCookies: [],
      statusCode: 200,
    });
    cdp.emit('Network.responseReceived', {
      requestId: 'R',
      type: 'Document',
      response: response('https://mon.test/nagvis/index.php', 200),
    });
    cdp.emit('Network.loadingFinished', { requestId: 'R', timestamp: 100.02, encodedDataLength: 100 });
    await cap.stop(100);
    const har = toHar(cap.hops, cap.pageLoads, { creatorVersion: 't', browserVersion: '156' });
    const [cached, page] = har.log.entries;
    expect(cached?._fromCache).toBe('disk');
    expect(cached?.request.cookies).toEqual([]);
    expect(page?.request.cookies).toEqual([{ name: 'sid', value: 'abc' }]);
    expect(page?.response.headers).toContainEqual({ name: 'Content-Type', value: 'text/html' });
  });

  it('records a revalidated page as the 304 the server sent, with its headers, not the cached 200', async () => {
    const { cdp, cap } = await capture();
    cdp.emit('Network.requestWillBeSent', request('R', 'https://shop.test/'));
    cdp.emit('Network.requestWillBeSentExtraInfo', {
      requestId: 'R',
      headers: { 'If-None-Match': '"v1"' },
      associatedCookies: [],
      connectTiming: { requestTime: 100 },
    });
    cdp.emit('Network.responseReceivedExtraInfo', {
      requestId: 'R',
      headers: { etag: '"v1"', Date: 'Sat, 05 Dec 2026 09:00:00 GMT' },
      blockedCookies: [],
      statusCode: 304,
    });
    cdp.emit('Network.responseReceived', {
      requestId: 'R',
      type: 'Document',
      response: response('https://shop.test/', 200),
    });
    cdp.emit('Network.loadingFinished', { requestId: 'R', timestamp: 100.02, encodedDataLength: 80 });
    await cap.stop(100);
    const [entry] = toHar(cap.hops, cap.pageLoads, { creatorVersion: 't', browserVersion: '156' }).log.entries;
    expect(entry?.response.status).toBe(304);
    expect(entry?.response.bodySize).toBe(0);
  });
});
