// The sites being inspected: the registrable domains of a trace's top-level pages, as live recordings and HAR files
// show them.
import { describe, expect, it } from 'vitest';
import type { ResourceType, TraceEntry } from '../trace/types.ts';
import { FirstPartySiteFinder } from './firstParty.ts';

interface Request {
  readonly url: string;
  readonly type?: ResourceType;
  readonly dest?: string;
  readonly initiatorUrl?: string;
  readonly pageRef?: string;
  /** Answered by a redirect there (302 with a Location). */
  readonly location?: string;
}

function sitesOf(requests: readonly Request[]): string[] {
  const finder = new FirstPartySiteFinder();
  requests.forEach((r, index) => {
    const entry: TraceEntry = {
      index,
      startedAt: index * 1000,
      ...(r.pageRef !== undefined ? { pageRef: r.pageRef } : {}),
      request: {
        method: 'GET',
        url: r.url,
        headers: r.dest ? [{ name: 'Sec-Fetch-Dest', value: r.dest }] : [],
        resourceType: r.type ?? 'document',
        ...(r.initiatorUrl !== undefined ? { initiatorUrl: r.initiatorUrl } : {}),
      },
      response: r.location
        ? { status: 302, headers: [{ name: 'Location', value: r.location }] }
        : { status: 200, headers: [] },
    };
    finder.feed({ kind: 'entry', entry });
  });
  return [...finder.finish()].sort();
}

describe('FirstPartySiteFinder', () => {
  describe("an identity provider the inspected site sent the browser to for a sign-in (an app's Sign in with Google)", () => {
    const AUTHORIZE = 'https://accounts.idp.example/o/oauth2/auth?response_type=code&client_id=app&state=s1';
    // Chrome writes the hop of a navigation that redirects as `other`: the sign-in begins there all the same.
    const signIn = (back: boolean, authorize = AUTHORIZE) => [
      { url: 'https://app.test/', pageRef: 'p1' },
      { url: 'https://app.test/oauth2/authorize/idp', type: 'other' as const, pageRef: 'p2', location: authorize },
      { url: authorize, pageRef: 'p2' },
      { url: 'https://accounts.idp.example/signin/challenge', pageRef: 'p3' },
      { url: 'https://accounts.idp-cc.example/SetSID', pageRef: 'p4' },
      ...(back
        ? [
            {
              url: 'https://accounts.idp.example/consent',
              type: 'other' as const,
              pageRef: 'p5',
              location: 'https://app.test/oauth2/callback?code=c1&state=s1',
            },
            { url: 'https://app.test/oauth2/callback?code=c1&state=s1', pageRef: 'p5' },
          ]
        : []),
    ];

    it('is no inspected site when the sign-in came back: its cookies are a third party there', () => {
      expect(sitesOf(signIn(true))).toEqual(['app.test']);
    });

    it('stays one when the sign-in never came back (the recording may be of the provider)', () => {
      expect(sitesOf(signIn(false))).toEqual(['app.test', 'idp-cc.example', 'idp.example']);
    });

    it('stays one when the browser was there outside the sign-in too', () => {
      expect(sitesOf([{ url: 'https://mail.idp.example/', pageRef: 'p0' }, ...signIn(true)])).toEqual([
        'app.test',
        'idp.example',
      ]);
    });

    it('a redirect to another site that asks for no sign-in begins none', () => {
      expect(sitesOf(signIn(true, 'https://accounts.idp.example/welcome?from=app'))).toEqual([
        'app.test',
        'idp-cc.example',
        'idp.example',
      ]);
    });
  });

  it("a HAR page's first document is its top-level page; a later document of the page is a frame", () => {
    expect(
      sitesOf([
        { url: 'https://shop.test/', pageRef: 'p1' },
        { url: 'https://widget.example/embed', pageRef: 'p1' },
        { url: 'https://blog.test/', pageRef: 'p2' },
      ]),
    ).toEqual(['blog.test', 'shop.test']);
  });

  it('a document the browser says goes in the tab (Sec-Fetch-Dest: document) is a top-level page, one in a frame is not', () => {
    // The live recorder gives all of a tab's requests one page (its tab): a second navigation, here to the identity
    // provider, is a top-level page all the same; a frame written as a document is not.
    expect(
      sitesOf([
        { url: 'https://shop.test/', pageRef: '7', dest: 'document' },
        { url: 'https://ads.example/frame', pageRef: '7', dest: 'iframe' },
        { url: 'https://login.idp.test/authorize', pageRef: '7', dest: 'document' },
      ]),
    ).toEqual(['idp.test', 'shop.test']);
    // A page's first document that the browser says is a frame is no top-level page.
    expect(
      sitesOf([
        { url: 'https://ads.example/frame', pageRef: '9', dest: 'iframe' },
        { url: 'https://shop.test/', pageRef: '9' },
      ]),
    ).toEqual(['shop.test']);
  });

  it("with no top-level page in the trace, the site is the first request's page, else the request's own", () => {
    // A recording started on a loaded page: its first request may be an analytics beacon the page sent.
    expect(
      sitesOf([
        { url: 'https://analytics.example/collect', type: 'ping', initiatorUrl: 'https://www.shop.test/cart' },
        { url: 'https://api.shop.test/cart', type: 'fetch', initiatorUrl: 'https://www.shop.test/cart' },
      ]),
    ).toEqual(['shop.test']);
    expect(sitesOf([{ url: 'https://api.shop.test/cart', type: 'fetch' }])).toEqual(['shop.test']);
    // A first request that names no page (a CDN's image without a Referer): the page the next ones name (a real
    // YouTube recording was otherwise inspected at ggpht.com, YouTube's sessions third party).
    expect(
      sitesOf([
        { url: 'https://yt3.ggpht.test/avatar', type: 'image' },
        { url: 'https://www.tube.test/api/stats', type: 'xhr', initiatorUrl: 'https://www.tube.test/channel/x' },
      ]),
    ).toEqual(['tube.test']);
  });
});
