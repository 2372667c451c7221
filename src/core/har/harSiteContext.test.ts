// The site for cookies of each request, from each source a HAR can hold (RFC 6265bis 5.2): Sec-Fetch-Site,
// the page's top-level document, Chrome's _initiator, the Referer, nothing; a redirect hop keeps the context
// of the navigation it belongs to; our recorder's frame verdict is kept; a streamed read decides the same.
import { describe, expect, it } from 'vitest';
import type { SiteContext, TraceEntry } from '../trace/types.ts';
import { parseHar } from './har.ts';
import { readHarStream } from './harStream.ts';

interface EntrySpec {
  readonly url: string;
  readonly type?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly pageref?: string;
  readonly initiator?: unknown;
  readonly redirectTo?: string;
  readonly sessionscope?: unknown;
}

const T0 = Date.UTC(2026, 0, 1);

function harText(entries: readonly EntrySpec[]): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: entries.map((e, i) => ({
        startedDateTime: new Date(T0 + i * 1000).toISOString(),
        ...(e.pageref ? { pageref: e.pageref } : {}),
        ...(e.type ? { _resourceType: e.type } : {}),
        ...(e.initiator ? { _initiator: e.initiator } : {}),
        ...(e.sessionscope ? { _sessionscope: e.sessionscope } : {}),
        request: {
          method: 'GET',
          url: e.url,
          headers: Object.entries(e.headers ?? {}).map(([name, value]) => ({ name, value })),
        },
        response: {
          status: e.redirectTo ? 302 : 200,
          headers: e.redirectTo ? [{ name: 'Location', value: e.redirectTo }] : [],
          redirectURL: e.redirectTo ?? '',
        },
      })),
    },
  });
}

function contexts(entries: readonly EntrySpec[]): (SiteContext | undefined)[] {
  const trace = parseHar(harText(entries));
  return trace.events.flatMap((e) => (e.kind === 'entry' ? [e.entry.request.siteContext] : []));
}

const SHOP = 'https://shop.test';
const OTHER = 'https://other.test';

describe('site context of a request', () => {
  it('Sec-Fetch-Site decides: cross-site, and same-origin/same-site/none on a navigation', () => {
    expect(
      contexts([
        { url: `${SHOP}/a`, type: 'document', headers: { 'Sec-Fetch-Site': 'none' } },
        { url: `${SHOP}/b`, type: 'document', headers: { 'Sec-Fetch-Site': 'same-origin' } },
        { url: `${SHOP}/c`, type: 'document', headers: { 'Sec-Fetch-Site': 'cross-site' } },
        { url: `${OTHER}/api`, type: 'fetch', headers: { 'Sec-Fetch-Site': 'cross-site' } },
      ]),
    ).toEqual([
      { kind: 'same-site', from: 'sec-fetch-site' },
      { kind: 'same-site', from: 'sec-fetch-site' },
      { kind: 'cross-site', from: 'sec-fetch-site' },
      { kind: 'cross-site', from: 'sec-fetch-site' },
    ]);
  });

  it("a subresource is judged against its page's top-level document, even when its initiator is same-origin", () => {
    // A widget iframe from other.test inside a shop.test page, and its own fetch to other.test: Sec-Fetch-Site
    // says same-origin (the iframe asked), but the site for cookies is shop.test's.
    expect(
      contexts([
        { url: `${SHOP}/page`, type: 'document', pageref: 'p1', headers: { 'Sec-Fetch-Site': 'none' } },
        { url: `${OTHER}/widget`, type: 'iframe', pageref: 'p1', headers: { 'Sec-Fetch-Site': 'cross-site' } },
        { url: `${OTHER}/widget/data`, type: 'fetch', pageref: 'p1', headers: { 'Sec-Fetch-Site': 'same-origin' } },
        { url: `${SHOP}/api`, type: 'fetch', pageref: 'p1' },
        { url: `${OTHER}/pixel.gif`, type: 'image', pageref: 'p1' },
      ]).slice(2),
    ).toEqual([
      { kind: 'cross-site', from: 'page' },
      { kind: 'same-site', from: 'page' },
      { kind: 'cross-site', from: 'page' },
    ]);
  });

  it("Chrome's _initiator, then the Referer, when the page's document is not in the file", () => {
    expect(
      contexts([
        { url: `${OTHER}/api`, type: 'fetch', pageref: 'p9', initiator: { type: 'script', url: `${SHOP}/app.js` } },
        { url: `${SHOP}/api`, type: 'fetch', pageref: 'p9', headers: { Referer: `${SHOP}/page` } },
        { url: `${SHOP}/landing`, type: 'document', headers: { Referer: `${OTHER}/` } },
      ]),
    ).toEqual([
      { kind: 'cross-site', from: 'initiator' },
      { kind: 'same-site', from: 'referer' },
      { kind: 'cross-site', from: 'referer' },
    ]);
  });

  it('a navigation with nothing to tell (no Sec-Fetch-Site, no Referer) is unknown, not same-site', () => {
    expect(contexts([{ url: `${SHOP}/`, type: 'document' }])).toEqual([{ kind: 'unknown', from: 'none' }]);
  });

  it('a redirect hop keeps the context of its navigation, not the previous hop’s URL', () => {
    // A cross-site link under Referrer-Policy: same-origin (no Referer), from an old browser without
    // Sec-Fetch-Site on the hops: the first hop's verdict comes from its own header, the hops on the same
    // site inherit it.
    expect(
      contexts([
        {
          url: `${SHOP}/go`,
          type: 'document',
          headers: { 'Sec-Fetch-Site': 'cross-site' },
          redirectTo: `${SHOP}/login`,
        },
        { url: `${SHOP}/login`, type: 'document', redirectTo: '/account' },
        { url: `${SHOP}/account`, type: 'document' },
      ]),
    ).toEqual([
      { kind: 'cross-site', from: 'sec-fetch-site' },
      { kind: 'cross-site', from: 'redirect-chain' },
      { kind: 'cross-site', from: 'redirect-chain' },
    ]);
  });

  it('a redirect hop is compared with the navigation’s initiator when the file names it', () => {
    // A link on shop.test to other.test that redirects back to shop.test: the last hop is same-site with the
    // initiator (shop.test), though the hop before it was on other.test.
    expect(
      contexts([
        { url: `${OTHER}/sso`, type: 'document', headers: { Referer: `${SHOP}/` }, redirectTo: `${SHOP}/back` },
        { url: `${SHOP}/back`, type: 'document' },
      ]),
    ).toEqual([
      { kind: 'cross-site', from: 'referer' },
      { kind: 'same-site', from: 'redirect-chain' },
    ]);
  });

  it('a same-site chain that moves to another site is cross-site there; an unknown chain stays unknown', () => {
    expect(
      contexts([
        { url: `${SHOP}/a`, type: 'document', headers: { 'Sec-Fetch-Site': 'none' }, redirectTo: `${OTHER}/b` },
        { url: `${OTHER}/b`, type: 'document' },
        { url: `${SHOP}/c`, type: 'document', redirectTo: `${SHOP}/d` },
        { url: `${SHOP}/d`, type: 'document' },
      ]),
    ).toEqual([
      { kind: 'same-site', from: 'sec-fetch-site' },
      { kind: 'cross-site', from: 'redirect-chain' },
      { kind: 'unknown', from: 'none' },
      { kind: 'unknown', from: 'none' },
    ]);
  });

  it("our recorder's verdict from the browser's frames is kept; any other recorded verdict is decided again", () => {
    expect(
      contexts([
        { url: `${SHOP}/x`, type: 'fetch', sessionscope: { siteContext: { kind: 'cross-site', from: 'frame' } } },
        {
          url: `${SHOP}/y`,
          type: 'document',
          headers: { 'Sec-Fetch-Site': 'same-origin' },
          sessionscope: { siteContext: { kind: 'cross-site', from: 'referer' } },
        },
      ]),
    ).toEqual([
      { kind: 'cross-site', from: 'frame' },
      { kind: 'same-site', from: 'sec-fetch-site' },
    ]);
  });

  it('a client that is no browser applies no SameSite: as if same-site, whatever else the request holds', () => {
    const apache = 'Apache-HttpClient/5.1.3 (Java/17.0.6)';
    expect(
      contexts([
        { url: `${SHOP}/a`, type: 'xhr', headers: { 'User-Agent': apache, Referer: `${OTHER}/` } },
        { url: `${SHOP}/b`, headers: { 'User-Agent': 'okhttp/4.12.0' } },
        { url: `${SHOP}/c`, headers: { 'User-Agent': 'MyApp/3.1 CFNetwork/1410.0.3 Darwin/22.6.0' } },
        // A browser's request with nothing else to say stays unknown; one from another site stays cross-site.
        { url: `${SHOP}/d`, headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0' } },
        { url: `${SHOP}/e`, headers: { 'User-Agent': 'Mozilla/5.0 Chrome/120.0', 'Sec-Fetch-Site': 'cross-site' } },
      ]),
    ).toEqual([
      { kind: 'same-site', from: 'client' },
      { kind: 'same-site', from: 'client' },
      { kind: 'same-site', from: 'client' },
      { kind: 'unknown', from: 'none' },
      { kind: 'cross-site', from: 'sec-fetch-site' },
    ]);
  });

  it('a streamed read decides the same contexts as a whole read', async () => {
    const text = harText([
      { url: `${SHOP}/page`, type: 'document', pageref: 'p1', headers: { 'Sec-Fetch-Site': 'none' } },
      { url: `${OTHER}/widget`, type: 'iframe', pageref: 'p1' },
      { url: `${SHOP}/go`, type: 'document', headers: { 'Sec-Fetch-Site': 'cross-site' }, redirectTo: `${SHOP}/in` },
      { url: `${SHOP}/in`, type: 'document' },
    ]);
    const whole = parseHar(text);
    async function* chunks() {
      yield text.slice(0, 100);
      yield text.slice(100);
    }
    const streamed = await readHarStream(chunks());
    const of = (events: typeof whole.events) =>
      events.flatMap((e) => (e.kind === 'entry' ? [(e.entry as TraceEntry).request.siteContext] : []));
    expect(of(streamed.events)).toEqual(of(whole.events));
    expect(of(whole.events).map((c) => c?.kind)).toEqual(['same-site', 'cross-site', 'cross-site', 'cross-site']);
  });
});
