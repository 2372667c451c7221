// firstNotSentReason asks sameSiteBlock() once for the three SameSite checks: it must still give the first
// reason of the whole table, as notSentReasons() lists them (RFC 6265bis 5.8.3 step 1, in priority order).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNotSentReason, NOT_SENT_PRIORITY, notSentReasons, resolveRequest } from './notSent.ts';
import type { RequestContext, StoredCookie } from './types.ts';

const T0 = Date.UTC(2026, 0, 1);

describe('firstNotSentReason', () => {
  it('the table ends with the three SameSite checks', () => {
    expect(NOT_SENT_PRIORITY.slice(-3)).toEqual(['SameSiteStrict', 'SameSiteLax', 'SameSiteUnspecifiedTreatedAsLax']);
  });

  it('is the first of notSentReasons for random cookies and requests', () => {
    const host = fc.constantFrom('example.com', 'www.example.com', 'api.example.com', 'other.test', '10.0.0.1');
    const cookie = fc.record({
      domain: host,
      hostOnly: fc.boolean(),
      path: fc.constantFrom('/', '/a', '/a/', '/b'),
      secure: fc.boolean(),
      sameSite: fc.constantFrom('none', 'lax', 'strict', 'unspecified'),
      expiresAt: fc.option(fc.integer({ min: T0 - 10_000, max: T0 + 10_000 }), { nil: undefined }),
      createdAt: fc.integer({ min: T0 - 300_000, max: T0 }),
    });
    const request = fc.record({
      scheme: fc.constantFrom('http', 'https', 'ws'),
      host,
      path: fc.constantFrom('/', '/a', '/a/x', '/b/c'),
      method: fc.constantFrom('GET', 'POST', 'post'),
      site: fc.option(fc.constantFrom('https://example.com/', 'https://other.test/', 'http://www.example.com/'), {
        nil: undefined,
      }),
      top: fc.boolean(),
      time: fc.integer({ min: T0 - 1000, max: T0 + 1000 }),
    });
    fc.assert(
      fc.property(cookie, request, (c, r) => {
        const stored: StoredCookie = {
          name: 'n',
          value: 'v',
          domain: c.domain,
          path: c.path,
          hostOnly: c.hostOnly,
          secure: c.secure,
          httpOnly: false,
          sameSite: c.sameSite,
          partitioned: false,
          ...(c.expiresAt !== undefined ? { expiresAt: c.expiresAt } : {}),
          createdAt: c.createdAt,
          lastAccessedAt: c.createdAt,
          sourceScheme: 'https',
          sourcePort: 443,
          origin: 'set-cookie',
        };
        const ctx: RequestContext = {
          url: `${r.scheme}://${r.host}${r.path}`,
          method: r.method,
          time: r.time,
          ...(r.site !== undefined ? { siteForCookiesUrl: r.site } : {}),
          isTopLevelNavigation: r.top,
        };
        const request = resolveRequest(ctx)!;
        expect(firstNotSentReason(stored, request)).toBe(notSentReasons(stored, ctx)[0]);
      }),
      { numRuns: 5000 },
    );
  });
});
