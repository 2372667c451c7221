// analyzeTrace on hostile traces: generated URLs, Cookie and Set-Cookie strings with control characters and
// huge values, random statuses and methods, cookie events. It must never throw, must give the same result for
// the same trace, and must stay fast on a 1 MB Set-Cookie header or 10,000 cookie attributes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns, fuzzTimeout } from '../../../test/helpers/fuzzRuns.ts';
import type { CookieChangeCause, Header, ResourceType, Trace, TraceEvent } from '../trace/types.ts';
import { type AnalysisResult, analyzeTrace } from './analyze.ts';

const T0 = Date.UTC(2025, 0, 1);

/** Characters that break naive cookie code: separators, quotes, control characters, non-ASCII. */
const nasty = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '0',
    '=',
    ';',
    ' ',
    '\t',
    '"',
    ',',
    '.',
    '/',
    '%',
    '\u0000',
    '\u0001',
    '\u007f',
    '\r',
    '\n',
    'é',
    '😀',
    '\\',
  ),
  maxLength: 40,
});
const token = fc.stringMatching(/^[0-9a-f]{4,40}$/);
const value = fc.oneof({ weight: 2, arbitrary: token }, { weight: 1, arbitrary: nasty });
/** The same with, sometimes, a value over the 4096-byte limit or a long decodable one (slower: fewer runs). */
const valueOrHuge = fc.oneof(
  { weight: 8, arbitrary: value },
  { weight: 1, arbitrary: fc.constant('x'.repeat(5000)) },
  { weight: 1, arbitrary: fc.constant('eyJhIjoxfQ'.repeat(400)) },
);
const cookieName = fc.oneof(
  fc.constantFrom(
    'sid',
    'PHPSESSID',
    'JSESSIONID',
    '__Host-sid',
    '__Secure-sid',
    'session',
    'SERVERID',
    'AWSALB',
    'theme',
    'token',
    '',
  ),
  nasty,
);
const host = fc.constantFrom(
  'shop.test',
  'www.shop.test',
  'api.shop.test',
  'other.test',
  '127.0.0.1',
  'localhost',
  'xn--bcher-kva.test',
  'co.uk',
);
const url = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.constantFrom('http', 'https', 'ws', 'wss'),
        host,
        fc.constantFrom('', ':8080', ':443'),
        fc.constantFrom(
          '/',
          '/app/',
          '/app/x;jsessionid=abcdef0123456789',
          '/logout',
          '/login?sid=abcdef0123456789',
          '/a/b/c',
        ),
      )
      .map(([s, h, p, path]) => `${s}://${h}${p}${path}`),
  },
  {
    weight: 1,
    // Odd but valid URLs (cheaper to generate than fc.webUrl, which dominated the budget).
    arbitrary: fc.constantFrom(
      'https://[::1]:8443/app/',
      'https://user:pw@shop.test/',
      'HTTPS://SHOP.TEST/APP/',
      'https://shop.test./',
      'https://münchen.test/straße',
      'http://192.168.0.1/login',
      `https://shop.test/${'a/'.repeat(500)}`,
      'https://shop.test/%zz?%',
    ),
  },
  { weight: 1, arbitrary: nasty },
);
const attribute = fc.oneof(
  fc.constantFrom(
    'Secure',
    'HttpOnly',
    'Partitioned',
    'Path=/',
    'Path=/app',
    'Path=',
    'Domain=shop.test',
    'Domain=.test',
    'Domain=other.test',
    'Domain=',
    'Max-Age=0',
    'Max-Age=2',
    'Max-Age=-1',
    'Max-Age=99999999999999999999',
    'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    'Expires=Wed, 01 Jan 2031 00:00:00 GMT',
    'Expires=garbage',
    'SameSite=None',
    'SameSite=Lax',
    'SameSite=Strict',
    'SameSite=bogus',
  ),
  nasty,
);
function traceOf(value: fc.Arbitrary<string>, maxEvents: number): fc.Arbitrary<Trace> {
  const setCookieLine = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(cookieName, value, fc.array(attribute, { maxLength: 6 }))
        .map(([n, v, a]) => [`${n}=${v}`, ...a].join('; ')),
    },
    { weight: 2, arbitrary: nasty },
  );
  const cookieHeader = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .array(fc.tuple(cookieName, value), { maxLength: 5 })
        .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join('; ')),
    },
    { weight: 2, arbitrary: nasty },
  );
  const resourceType = fc.constantFrom<ResourceType | undefined>(
    'document',
    'xhr',
    'fetch',
    'script',
    'image',
    'subdocument',
    'websocket',
    'other',
    undefined,
  );

  const entryArb = fc.record({
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'OPTIONS', 'PUT', 'get', ''), nasty),
    url,
    cookies: fc.array(cookieHeader, { maxLength: 2 }),
    setCookies: fc.array(setCookieLine, { maxLength: 4 }),
    status: fc.oneof(fc.constantFrom(200, 302, 401, 403, 500, 0, -1), fc.integer({ min: -1000, max: 1000 })),
    resourceType,
    initiatorUrl: fc.option(url, { nil: undefined }),
    extra: fc.array(
      fc.tuple(fc.constantFrom('Authorization', 'Referer', 'Location', 'Access-Control-Request-Method'), nasty),
      { maxLength: 2 },
    ),
    password: fc.boolean(),
    noResponse: fc.boolean(),
    gap: fc.integer({ min: -5000, max: 200_000 }),
  });
  const cookieEventArb = fc.record({
    name: cookieName,
    value,
    domain: fc.oneof(host, fc.constant('.shop.test'), nasty),
    removed: fc.boolean(),
    cause: fc.constantFrom<CookieChangeCause>('explicit', 'overwrite', 'expired', 'expired_overwrite', 'evicted'),
  });

  return fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: entryArb.map((e) => ({ kind: 'entry' as const, e })) },
        { weight: 1, arbitrary: cookieEventArb.map((c) => ({ kind: 'event' as const, c })) },
      ),
      { maxLength: maxEvents },
    )
    .map((items): Trace => {
      let time = T0;
      let index = 0;
      const events: TraceEvent[] = items.map((item) => {
        if (item.kind === 'event') {
          time += 1000;
          const c = item.c;
          return {
            kind: 'cookie-changed',
            time,
            removed: c.removed,
            cause: c.cause,
            cookie: {
              name: c.name,
              value: c.value,
              domain: c.domain,
              path: '/',
              hostOnly: false,
              secure: true,
              httpOnly: true,
              sameSite: 'lax',
            },
          };
        }
        const e = item.e;
        time += e.gap;
        const headers: Header[] = [
          ...e.cookies.map((v) => ({ name: 'Cookie', value: v })),
          ...e.extra.map(([name, v]) => ({ name, value: v })),
        ];
        return {
          kind: 'entry',
          entry: {
            index: index++,
            startedAt: time,
            request: {
              method: e.method,
              url: e.url,
              headers,
              ...(e.resourceType ? { resourceType: e.resourceType } : {}),
              ...(e.initiatorUrl !== undefined ? { initiatorUrl: e.initiatorUrl } : {}),
              ...(e.password
                ? {
                    postData: {
                      mimeType: 'application/x-www-form-urlencoded',
                      text: 'user=a&password=b',
                      params: [{ name: 'password', value: 'b' }],
                    },
                  }
                : {}),
            },
            ...(e.noResponse
              ? {}
              : {
                  response: { status: e.status, headers: e.setCookies.map((v) => ({ name: 'Set-Cookie', value: v })) },
                }),
          },
        };
      });
      return { source: { format: 'har' }, events, entryCount: index };
    });
}

/** Everything a report prints (facts hold Maps and are derived from the same replay). */
function printed(result: AnalysisResult): string {
  return JSON.stringify({
    findings: result.findings,
    sessions: result.sessions,
    requests: result.requests,
    recorded: result.cookiesRecorded,
  });
}

/** Findings that point at real entries and findings, with something to say. */
function expectWellFormed(trace: Trace, result: AnalysisResult): void {
  for (const f of result.findings) {
    expect(f.entry).toBeGreaterThanOrEqual(0);
    expect(f.entry).toBeLessThan(Math.max(trace.entryCount, 1));
    expect(f.message.length).toBeGreaterThan(0);
    for (const i of f.related ?? []) expect(result.findings[i]).toBeDefined();
  }
}

/** Generous wall-clock limits, so a loaded machine slows the properties down without failing them. */
const WALL_LIMIT_MS = fuzzTimeout(120_000);

describe('analyzeTrace on generated traces', () => {
  it(
    'is deterministic: the same trace gives the same report (redacted and raw, with and without --now)',
    () => {
      const now = fc.option(fc.integer({ min: T0 - 86_400_000, max: T0 + 86_400_000 }), { nil: undefined });
      fc.assert(
        fc.property(traceOf(value, 4), fc.boolean(), now, (trace, raw, at) => {
          const options = {
            values: raw ? ('raw' as const) : ('redacted' as const),
            settings: at === undefined ? {} : { now: at },
          };
          const first = printed(analyzeTrace(trace, options));
          expect(printed(analyzeTrace(trace, options))).toBe(first);
        }),
        { numRuns: fuzzRuns(0.3) },
      );
    },
    WALL_LIMIT_MS,
  );

  it(
    'never throws, and every finding names an entry of the trace and a non-empty message',
    () => {
      fc.assert(
        fc.property(traceOf(value, 3), (trace) => expectWellFormed(trace, analyzeTrace(trace))),
        { numRuns: fuzzRuns(0.6) },
      );
    },
    WALL_LIMIT_MS,
  );

  it(
    'never throws on values over the size limit or long decodable ones',
    () => {
      fc.assert(
        fc.property(traceOf(valueOrHuge, 2), (trace) => expectWellFormed(trace, analyzeTrace(trace))),
        { numRuns: fuzzRuns(0.1) },
      );
    },
    WALL_LIMIT_MS,
  );
});

// How their time grows with size is a benchmark's figure (bench/worst-case-inputs.ts), not a test's.
describe('hostile sizes', () => {
  function oneEntry(setCookie: string, cookie = ''): Trace {
    return {
      source: { format: 'har' },
      entryCount: 2,
      events: [
        {
          kind: 'entry',
          entry: {
            index: 0,
            startedAt: T0,
            request: { method: 'GET', url: 'https://shop.test/', headers: [{ name: 'Cookie', value: cookie }] },
            response: { status: 200, headers: [{ name: 'Set-Cookie', value: setCookie }] },
          },
        },
        {
          kind: 'entry',
          entry: {
            index: 1,
            startedAt: T0 + 1000,
            request: { method: 'GET', url: 'https://shop.test/x', headers: [{ name: 'Cookie', value: cookie }] },
            response: { status: 200, headers: [{ name: 'Set-Cookie', value: setCookie }] },
          },
        },
      ],
    };
  }

  it('a 1 MB Set-Cookie header (and Cookie header) is analysed: both requests, the session sent on each', () => {
    const huge = 'a1'.repeat(512 * 1024);
    const result = analyzeTrace(oneEntry(`sid=${huge}; Path=/; Secure; HttpOnly`, `sid=${huge}`));
    expect(result.requests).toHaveLength(2);
    expect(result.requests.map((r) => r.sent.map((c) => c.name))).toEqual([['sid'], ['sid']]);
  }, 60_000);

  it('a Set-Cookie with 10,000 attributes is analysed: its session identified', () => {
    const attributes = Array.from({ length: 10_000 }, (_, i) =>
      i % 3 === 0 ? 'Secure' : i % 3 === 1 ? `Path=/p${i}` : 'HttpOnly',
    ).join('; ');
    const result = analyzeTrace(oneEntry(`sid=f3a91c07d2b84e6a9c51e0b7a4d2f886; ${attributes}; Path=/`));
    expect(result.sessions.map((s) => s.cookie)).toEqual(['sid']);
  }, 60_000);

  it('a Cookie header with 10,000 pairs is analysed: every pair read as sent', () => {
    const pairs = Array.from({ length: 10_000 }, (_, i) => `c${i}=v${i}`).join('; ');
    const result = analyzeTrace(oneEntry('sid=f3a91c07d2b84e6a9c51e0b7a4d2f886; Path=/; Secure; HttpOnly', pairs));
    expect(result.requests).toHaveLength(2);
    expect(result.requests[0]!.sent).toHaveLength(10_000);
  }, 60_000);
});
