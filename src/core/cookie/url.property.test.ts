// Property tests for the URL readers of the cookie engine (issue 8: URLs): whatever a trace or a page
// puts in a URL — full unicode, IPv6, ports, %-escapes, credentials, junk — host, site, cookie URL,
// default-path and the jar's cookie selection answer without an exception, and agree with WHATWG URL.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns, fuzzTimeout } from '../../../test/helpers/fuzzRuns.ts';
import { siteOfUrl } from '../../background/site.ts';
import { canonicalizeHost, hostOfUrl, registrableDomain } from './domain.ts';
import { CookieJar } from './jar.ts';
import { defaultPath } from './path.ts';
import { isSameSite, siteOf } from './sameSite.ts';
import { cookieUrl } from './storageModel.ts';

const TIMEOUT = fuzzTimeout(30_000);

/** Real-looking URLs, and the same with hostile pieces spliced in. */
const urlText = fc.oneof(
  fc.webUrl({
    withFragments: true,
    withQueryParameters: true,
    authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
  }),
  fc
    .tuple(
      fc.constantFrom('http://', 'https://', 'ws://', 'wss://', 'ftp://', 'data:', 'about:', 'file://', '//', ''),
      fc.string({
        unit: fc.constantFrom(
          'a',
          '.',
          '-',
          '%',
          '2',
          'e',
          '[',
          ']',
          ':',
          '@',
          '/',
          '?',
          '#',
          '\\',
          ' ',
          '\u0000',
          'ü',
          '😀',
          'xn--',
          '\ud800',
        ),
        maxLength: 40,
      }),
    )
    .map(([scheme, rest]) => scheme + rest),
  fc.string({ unit: 'binary', maxLength: 100 }),
);

function parses(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

describe('URL readers on arbitrary input', () => {
  it(
    'host, site, cookie URL and default-path never throw and agree with WHATWG URL',
    () => {
      fc.assert(
        fc.property(urlText, urlText, (a, b) => {
          const url = parses(a);
          expect(hostOfUrl(a)).toBe(url?.hostname);
          const site = siteOf(a);
          if (site !== undefined) expect(url).toBeDefined();
          expect(isSameSite(a, b)).toBe(site !== undefined && site === siteOf(b));
          siteOfUrl(a);
          const forCookies = cookieUrl(a);
          if (forCookies) {
            expect(forCookies.host).toBe(url!.hostname);
            expect(Number.isInteger(forCookies.port)).toBe(true);
            expect(defaultPath(forCookies.url).startsWith('/')).toBe(true);
            canonicalizeHost(forCookies.host);
            registrableDomain(forCookies.host);
          }
        }),
        { numRuns: fuzzRuns(0.5) },
      );
    },
    TIMEOUT,
  );

  it(
    'the jar picks cookies for any request URL and top-level site without an exception',
    () => {
      const jar = new CookieJar();
      jar.setCookie('sid=1; Path=/', 'https://a.test/', 0);
      jar.setCookie('lax=1; SameSite=Lax', 'http://a.test/x/', 0);
      fc.assert(
        fc.property(
          urlText,
          fc.option(urlText, { nil: undefined }),
          fc.constantFrom('GET', 'POST', ''),
          fc.boolean(),
          (url, top, method, isTopLevelNavigation) => {
            const result = jar.cookiesFor({
              url,
              method,
              time: 1,
              isTopLevelNavigation,
              ...(top === undefined ? {} : { siteForCookiesUrl: top }),
            });
            expect(Array.isArray(result.sent)).toBe(true);
          },
        ),
        { numRuns: fuzzRuns(0.5) },
      );
    },
    TIMEOUT,
  );
});
