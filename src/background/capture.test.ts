import { describe, expect, it } from 'vitest';
import { cookieChangedEvent } from './cookie-change.ts';
import { HopTracker, type RequestDetails } from './hop-tracker.ts';
import { capturePlatform } from './platform.ts';
import { resourceTypeOf } from './resource-type.ts';

function details(over: Partial<RequestDetails> = {}): RequestDetails {
  return {
    requestId: '1',
    tabId: 7,
    url: 'https://shop.test/login',
    method: 'POST',
    type: 'main_frame',
    timeStamp: 1000,
    ...over,
  };
}

describe('HopTracker', () => {
  it('cuts a redirected request into one entry per hop, with the final headers and the body', () => {
    const tracker = new HopTracker(capturePlatform, () => 'https://shop.test/');
    tracker.beforeRequest({ ...details(), requestBody: { formData: { user: ['ann'], password: ['pw'] } } });
    tracker.sendHeaders({ ...details(), requestHeaders: [{ name: 'Cookie', value: 'a=1; b=2' }] });
    const first = tracker.headersReceived({
      ...details({ timeStamp: 1010 }),
      statusCode: 303,
      responseHeaders: [
        { name: 'Location', value: '/account' },
        { name: 'Set-Cookie', value: 'sid=x; Secure\nother=y' },
      ],
    });
    expect(tracker.beforeRedirect({ ...details(), statusCode: 303, redirectUrl: 'https://shop.test/account' })).toBe(
      undefined,
    );
    tracker.sendHeaders({
      ...details({ url: 'https://shop.test/account', method: 'GET', timeStamp: 1020 }),
      requestHeaders: [{ name: 'Cookie', value: 'sid=x' }],
    });
    const second = tracker.completed({
      ...details({ url: 'https://shop.test/account', method: 'GET' }),
      statusCode: 200,
      responseHeaders: [],
    });

    expect(first?.entry.startedAt).toBe(1000);
    expect(first?.entry.request.headers).toEqual([{ name: 'Cookie', value: 'a=1; b=2' }]);
    expect(first?.entry.request.postData?.params).toEqual([
      { name: 'user', value: 'ann' },
      { name: 'password', value: 'pw' },
    ]);
    expect(first?.entry.response?.redirectUrl).toBe('https://shop.test/account');
    expect(first?.entry.response?.headers.filter((h) => h.name === 'Set-Cookie').map((h) => h.value)).toEqual([
      'sid=x; Secure',
      'other=y',
    ]);
    expect(first?.committedTopUrl).toBeUndefined();
    expect(second?.entry.request.method).toBe('GET');
    expect(second?.entry.request.postData).toBeUndefined();
    expect(second?.entry.request.headers).toEqual([{ name: 'Cookie', value: 'sid=x' }]);
    expect(second?.committedTopUrl).toBe('https://shop.test/account');
    expect(tracker.pendingCount).toBe(0);
  });

  it('opens a new hop when the same request sends its headers again without a redirect (auth retry)', () => {
    const tracker = new HopTracker(capturePlatform, () => 'https://shop.test/');
    tracker.sendHeaders({ ...details(), requestHeaders: [] });
    const challenge = tracker.headersReceived({ ...details(), statusCode: 401, responseHeaders: [] });
    tracker.sendHeaders({ ...details({ timeStamp: 1050 }), requestHeaders: [{ name: 'Cookie', value: 'sid=1' }] });
    const answer = tracker.completed({ ...details(), statusCode: 200, responseHeaders: [] });
    expect(challenge?.entry.response?.status).toBe(401);
    expect(answer?.entry.startedAt).toBe(1050);
    expect(answer?.entry.request.headers).toEqual([{ name: 'Cookie', value: 'sid=1' }]);
    expect(answer?.entry.response?.status).toBe(200);
  });

  it('uses the initiator for a navigation and the tab’s page for a subresource', () => {
    const tracker = new HopTracker(capturePlatform, () => 'https://shop.test/page');
    tracker.sendHeaders({ ...details({ initiator: 'https://other.test' }), requestHeaders: [] });
    const nav = tracker.errorOccurred(details());
    tracker.sendHeaders({
      ...details({ requestId: '2', type: 'xmlhttprequest', url: 'https://api.shop.test/x', initiator: 'null' }),
      requestHeaders: [],
    });
    const xhr = tracker.completed({ ...details({ requestId: '2', type: 'xmlhttprequest' }), statusCode: 200 });
    expect(nav?.entry.request.initiatorUrl).toBe('https://other.test');
    expect(nav?.entry.response).toBeUndefined();
    expect(xhr?.entry.request.initiatorUrl).toBe('https://shop.test/page');
    expect(xhr?.entry.request.resourceType).toBe('xhr');
  });
});

describe('capture platform', () => {
  it('falls back without extraHeaders when the browser refuses it', () => {
    const calls: (string[] | undefined)[] = [];
    const firefoxLike = {
      addListener(_l: unknown, _f: unknown, spec?: string[]) {
        if (spec?.includes('extraHeaders')) throw new Error("Invalid enumeration value 'extraHeaders'");
        calls.push(spec);
      },
    };
    expect(capturePlatform.addHeaderListener(firefoxLike, () => {}, ['requestHeaders'])).toBe(false);
    expect(calls).toEqual([['requestHeaders']]);
  });

  it('listens for bodies only on types that can carry one, without Firefox’s "beacon" where it is refused', () => {
    const filters: { types?: string[] }[] = [];
    const chromeLike = {
      addListener(_l: unknown, filter: { types?: string[] }, spec?: string[]) {
        if (filter.types?.includes('beacon')) throw new Error("Invalid enumeration value 'beacon'");
        expect(spec).toEqual(['requestBody']);
        filters.push(filter);
      },
    };
    capturePlatform.addBodyListener(chromeLike, () => {});
    expect(filters).toHaveLength(1);
    expect(filters[0]?.types).toContain('xmlhttprequest');
    expect(filters[0]?.types).toContain('main_frame');
    expect(filters[0]?.types).not.toContain('image');
    expect(filters[0]?.types).not.toContain('beacon');
  });

  it('maps webRequest types', () => {
    expect(['main_frame', 'sub_frame', 'xmlhttprequest', 'beacon', 'object'].map(resourceTypeOf)).toEqual([
      'document',
      'subdocument',
      'xhr',
      'ping',
      'other',
    ]);
  });
});

describe('cookieChangedEvent', () => {
  it('turns a cookies API change into a snapshot in trace terms', () => {
    const event = cookieChangedEvent(
      {
        removed: true,
        cause: 'expired_overwrite',
        cookie: {
          name: 'sid',
          value: 'v',
          domain: '.shop.test',
          path: '/',
          hostOnly: false,
          secure: true,
          httpOnly: true,
          sameSite: 'no_restriction',
          session: false,
          expirationDate: 1700000000.5,
        },
      },
      42,
    );
    expect(event).toEqual({
      kind: 'cookie-changed',
      time: 42,
      removed: true,
      cause: 'expired_overwrite',
      cookie: {
        name: 'sid',
        value: 'v',
        domain: 'shop.test',
        path: '/',
        hostOnly: false,
        secure: true,
        httpOnly: true,
        sameSite: 'none',
        expiresAt: 1700000000500,
      },
    });
  });
});
