// HAR import, one normalisation or error path per test, on small hand-made files.
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../../test/helpers/thrownBy.ts';
import { headerValues } from '../trace/headers.ts';
import type { Trace, TraceEntry } from '../trace/types.ts';
import { harToTrace, parseHar } from './har.ts';
import { HarIndexer } from './harStreamEvents.ts';

type Json = Record<string, unknown>;

/** A minimal valid HAR entry; `extra` fields replace or add to it. */
function entry(url: string, extra: Json = {}, time = '2024-05-01T10:00:00.000Z'): Json {
  return {
    startedDateTime: time,
    request: { method: 'GET', url, headers: [], cookies: [] },
    response: { status: 200, headers: [], cookies: [], content: { mimeType: 'text/plain' } },
    ...extra,
  };
}
const request = (url: string, fields: Json): Json => ({ method: 'GET', url, headers: [], ...fields });
const response = (fields: Json): Json => ({ status: 200, headers: [], ...fields });
const har = (entries: unknown[], log: Json = {}): Json => ({
  log: { version: '1.2', creator: { name: 'Test', version: '1' }, entries, ...log },
});
const entriesOf = (trace: Trace): TraceEntry[] =>
  trace.events.flatMap((event) => (event.kind === 'entry' ? [event.entry] : []));
const load = (entries: unknown[]): TraceEntry[] => entriesOf(harToTrace(har(entries)));
const byIndex = (entries: TraceEntry[], index: number): TraceEntry => entries.find((e) => e.index === index)!;

describe('headers and cookies', () => {
  it('splits a "\\n"-joined Set-Cookie into one header per cookie, keeping the header name as written', () => {
    const [e] = load([
      entry('https://a.test/', {
        response: response({ headers: [{ name: 'set-cookie', value: 'a=1; Path=/\r\nb=2\n\nc=3; Secure' }] }),
      }),
    ]);
    expect(e?.response?.headers).toEqual([
      { name: 'set-cookie', value: 'a=1; Path=/' },
      { name: 'set-cookie', value: 'b=2' },
      { name: 'set-cookie', value: 'c=3; Secure' },
    ]);
  });

  it('keeps several Cookie headers as they came, and adds no parsed list beside them', () => {
    const [e] = load([
      entry('https://a.test/', {
        request: request('https://a.test/', {
          headers: [
            { name: 'Cookie', value: 'a=1; b=2' },
            { name: 'COOKIE', value: 'c=3' },
          ],
          cookies: [{ name: 'x', value: 'ignored' }],
        }),
      }),
    ]);
    expect(headerValues(e!.request.headers, 'cookie')).toEqual(['a=1; b=2', 'c=3']);
    expect(e?.request.cookies).toBeUndefined();
  });

  it('fills request.cookies from the HAR list when the exporter stripped the Cookie header', () => {
    const [e] = load([
      entry('https://a.test/', {
        request: request('https://a.test/', {
          cookies: [
            { name: 'sid', value: 'abc' },
            { name: 'n', value: 5 },
          ],
        }),
      }),
    ]);
    expect(e?.request.cookies).toEqual([
      { name: 'sid', value: 'abc' },
      { name: 'n', value: '5' },
    ]);
  });

  it('rebuilds Set-Cookie lines from response.cookies when no Set-Cookie header exists', () => {
    const [e] = load([
      entry('https://a.test/', {
        response: response({
          cookies: [
            {
              name: 'sid',
              value: 'abc',
              path: '/app',
              domain: '.a.test',
              expires: '2030-01-02T03:04:05.000Z',
              httpOnly: true,
              secure: true,
              sameSite: 'Lax',
            },
            { name: 'plain', value: 'v', httpOnly: false, secure: false, expires: null },
          ],
        }),
      }),
    ]);
    expect(e?.response?.cookies).toEqual([
      {
        name: 'sid',
        value: 'abc',
        raw: 'sid=abc; Path=/app; Domain=.a.test; Expires=Wed, 02 Jan 2030 03:04:05 GMT; HttpOnly; Secure; SameSite=Lax',
      },
      { name: 'plain', value: 'v', raw: 'plain=v' },
    ]);
  });

  it('does not add response.cookies when a Set-Cookie header is present', () => {
    const [e] = load([
      entry('https://a.test/', {
        response: response({
          headers: [{ name: 'Set-Cookie', value: 'sid=1' }],
          cookies: [{ name: 'sid', value: '1' }],
        }),
      }),
    ]);
    expect(e?.response?.cookies).toBeUndefined();
  });

  it('loads entries whose cookies or headers are missing or null', () => {
    const [e] = load([
      {
        startedDateTime: '2024-05-01T10:00:00Z',
        request: { method: 'GET', url: 'https://a.test/', headers: null },
        response: { status: 200 },
      },
    ]);
    expect(e?.request.headers).toEqual([]);
    expect(e?.request.cookies).toBeUndefined();
    expect(e?.response?.headers).toEqual([]);
  });

  it('reads numeric header values as text', () => {
    const [e] = load([
      entry('https://a.test/', { response: response({ headers: [{ name: 'Content-Length', value: 42 }] }) }),
    ]);
    expect(e?.response?.headers).toEqual([{ name: 'Content-Length', value: '42' }]);
  });
});

describe('responses', () => {
  it('a missing or null response is a request without a response', () => {
    const entries = load([
      { startedDateTime: '2024-05-01T10:00:00Z', request: request('https://a.test/1', {}) },
      { startedDateTime: '2024-05-01T10:00:01Z', request: request('https://a.test/2', {}), response: null },
    ]);
    expect(entries.map((e) => e.response)).toEqual([undefined, undefined]);
  });

  it('status 0 without headers (a failed request) has no response; status 0 with headers is kept', () => {
    const entries = load([
      entry('https://a.test/1', { response: response({ status: 0 }) }),
      entry('https://a.test/2', { response: response({ status: 0, headers: [{ name: 'Set-Cookie', value: 'a=1' }] }) }),
    ]);
    expect(byIndex(entries, 0).response).toBeUndefined();
    expect(byIndex(entries, 1).response?.status).toBe(0);
  });

  it('keeps a redirect target, and ignores an empty or null redirectURL', () => {
    const entries = load([
      entry('https://a.test/1', { response: response({ status: 302, redirectURL: 'https://a.test/login' }) }),
      entry('https://a.test/2', { response: response({ redirectURL: '' }) }),
      entry('https://a.test/3', { response: response({ redirectURL: null }) }),
    ]);
    expect(entries.map((e) => e.response?.redirectUrl)).toEqual(['https://a.test/login', undefined, undefined]);
  });
});

describe('postData', () => {
  it('keeps mimeType, text and params', () => {
    const params = [{ name: 'user', value: 'ann' }, { name: 'password', value: 'x' }, { name: 'flag' }];
    const [e] = load([
      entry('https://a.test/login', {
        request: request('https://a.test/login', {
          method: 'POST',
          postData: { mimeType: 'application/x-www-form-urlencoded', text: 'user=ann&password=x&flag', params },
        }),
      }),
    ]);
    expect(e?.request.method).toBe('POST');
    expect(e?.request.postData).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      text: 'user=ann&password=x&flag',
      params,
    });
  });
});

describe('resource types', () => {
  const typed = (extra: Json, headers: unknown[] = [], responseFields: Json = {}) =>
    load([
      entry('https://a.test/', {
        ...extra,
        request: request('https://a.test/', { headers }),
        response: response(responseFields),
      }),
    ])[0]?.request.resourceType;

  it("uses Chrome's _resourceType, any case", () => {
    expect(typed({ _resourceType: 'XHR' })).toBe('xhr');
    expect(typed({ _resourceType: 'stylesheet' })).toBe('stylesheet');
    expect(typed({ _resourceType: 'texttrack' })).toBe('media');
  });

  it('a Chrome "document" fetched into a frame is a subdocument', () => {
    expect(typed({ _resourceType: 'document' }, [{ name: 'Sec-Fetch-Dest', value: 'iframe' }])).toBe('subdocument');
    expect(typed({ _resourceType: 'document' }, [{ name: 'sec-fetch-dest', value: 'document' }])).toBe('document');
  });

  it('guesses from Sec-Fetch-Dest and Sec-Fetch-Mode', () => {
    expect(typed({}, [{ name: 'sec-fetch-dest', value: 'script' }])).toBe('script');
    expect(typed({}, [{ name: 'Sec-Fetch-Dest', value: 'frame' }])).toBe('subdocument');
    expect(typed({}, [{ name: 'Sec-Fetch-Mode', value: 'navigate' }])).toBe('document');
    expect(typed({}, [{ name: 'Sec-Fetch-Mode', value: 'nested-navigate' }])).toBe('subdocument');
    expect(
      typed({}, [
        { name: 'Sec-Fetch-Dest', value: 'empty' },
        { name: 'Sec-Fetch-Mode', value: 'cors' },
      ]),
    ).toBe('fetch');
    expect(
      typed({}, [
        { name: 'Sec-Fetch-Dest', value: 'empty' },
        { name: 'X-Requested-With', value: 'XMLHttpRequest' },
      ]),
    ).toBe('xhr');
  });

  it('an HTML request answered with HTML is a document; otherwise "other"', () => {
    const accept = [{ name: 'Accept', value: 'text/html,application/xhtml+xml,*/*;q=0.8' }];
    expect(typed({}, accept, { content: { mimeType: 'text/html; charset=utf-8' } })).toBe('document');
    expect(typed({}, accept, { headers: [{ name: 'content-type', value: 'text/html' }] })).toBe('document');
    expect(typed({}, accept, { content: { mimeType: 'application/json' } })).toBe('other');
    expect(typed({}, [{ name: 'Accept', value: '*/*' }], { content: { mimeType: 'text/html' } })).toBe('other');
  });

  it("without Fetch Metadata, a script library's request is no document though it takes HTML and gets HTML", () => {
    const html = { content: { mimeType: 'text/html' } };
    // Prototype's Ajax.Request (Tiny Tiny RSS) sends both; jQuery sends X-Requested-With with `text/html, */*`.
    const prototype = { name: 'Accept', value: 'text/javascript, text/html, application/xml, text/xml, */*' };
    expect(typed({}, [prototype, { name: 'X-Requested-With', value: 'XMLHttpRequest' }], html)).toBe('xhr');
    expect(
      typed(
        {},
        [
          { name: 'Accept', value: 'text/html, */*; q=0.01' },
          { name: 'X-Requested-With', value: 'XMLHttpRequest' },
        ],
        html,
      ),
    ).toBe('xhr');
    // HTML listed after another type is a script's Accept, not a navigation's.
    expect(typed({}, [prototype], html)).toBe('other');
    // Internet Explorer's and old Firefox's navigations put HTML first, spaced or not.
    expect(typed({}, [{ name: 'Accept', value: 'text/html, application/xhtml+xml, image/jxr, */*' }], html)).toBe(
      'document',
    );
    expect(typed({}, [{ name: 'Accept', value: 'application/xhtml+xml,text/html;q=0.9' }], html)).toBe('document');
    expect(typed({}, [{ name: 'Accept', value: 'text/html' }], html)).toBe('document');
    // Internet Explorer 6–8 navigated asking for images, then its plug-ins' documents (a real Fiddler capture's typed
    // address); its images ask `*/*`, and an image's own Accept names images only.
    const oldExplorer =
      'image/gif, image/jpeg, image/pjpeg, application/x-ms-application, application/vnd.ms-xpsdocument, application/xaml+xml, application/x-ms-xbap, */*';
    expect(typed({}, [{ name: 'Accept', value: oldExplorer }], html)).toBe('document');
    expect(typed({}, [{ name: 'Accept', value: 'image/gif, image/jpeg, */*' }], html)).toBe('image');
  });

  it("without Fetch Metadata, a subresource by its Accept's first type, else by its answer's media type", () => {
    const accept = (value: string) => [{ name: 'Accept', value }];
    expect(typed({}, accept('image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8'))).toBe('image');
    expect(typed({}, accept('text/css,*/*;q=0.1'))).toBe('stylesheet');
    expect(typed({}, accept('*/*'), { content: { mimeType: 'image/png' } })).toBe('image');
    expect(typed({}, accept('*/*'), { content: { mimeType: 'font/woff2' } })).toBe('font');
    expect(typed({}, accept('*/*'), { headers: [{ name: 'content-type', value: 'video/mp4' }] })).toBe('media');
    expect(typed({}, accept('*/*'), { content: { mimeType: 'text/javascript' } })).toBe('script');
    expect(typed({}, accept('*/*'), { content: { mimeType: 'application/x-javascript' } })).toBe('script');
    // A page's Accept lists images after HTML; a script's answer in JSON is no subresource kind.
    expect(typed({}, accept('text/html,image/webp,*/*'), { content: { mimeType: 'text/html' } })).toBe('document');
    expect(typed({}, accept('*/*'), { content: { mimeType: 'application/json' } })).toBe('other');
  });

  it('WebSocket entries load as websocket', () => {
    expect(typed({ _resourceType: 'websocket' })).toBe('websocket');
    expect(typed({ _webSocketMessages: [{ type: 'send', data: 'hi' }] })).toBe('websocket');
    expect(typed({}, [{ name: 'Upgrade', value: 'websocket' }])).toBe('websocket');
  });

  it('an unknown or prototype-named _resourceType falls back to guessing', () => {
    expect(typed({ _resourceType: 'constructor' })).toBe('other');
    expect(typed({ _resourceType: '__proto__' }, [{ name: 'Sec-Fetch-Dest', value: 'image' }])).toBe('image');
  });
});

describe('initiators (the site for cookies)', () => {
  const nav = [{ name: 'Sec-Fetch-Mode', value: 'navigate' }];
  const doc = (url: string, time: string, headers: unknown[] = nav, extra: Json = {}) =>
    entry(url, { request: request(url, { headers }), ...extra }, time);
  const sub = (url: string, time: string, headers: unknown[] = [], extra: Json = {}) =>
    entry(url, { request: request(url, { headers }), ...extra }, time);

  it("a document's initiator is its Referer; without one it is browser-initiated (same-site)", () => {
    const entries = load([
      doc('https://shop.test/', '2024-05-01T10:00:00Z'),
      doc('https://shop.test/cart', '2024-05-01T10:00:01Z', [
        ...nav,
        { name: 'Referer', value: 'https://evil.test/x' },
      ]),
    ]);
    expect(byIndex(entries, 0).request).toMatchObject({ initiatorSource: 'browser-initiated' });
    expect(byIndex(entries, 0).request.initiatorUrl).toBeUndefined();
    expect(byIndex(entries, 1).request).toMatchObject({
      initiatorUrl: 'https://evil.test/x',
      initiatorSource: 'referer',
    });
  });

  it("a subresource's initiator is the latest document of its page, then of the whole trace", () => {
    const entries = load([
      doc('https://a.test/', '2024-05-01T10:00:00Z', nav, { pageref: 'p1' }),
      doc('https://b.test/', '2024-05-01T10:00:01Z', nav, { pageref: 'p2' }),
      sub('https://cdn.test/x.js', '2024-05-01T10:00:02Z', [], { pageref: 'p1' }),
      sub('https://cdn.test/y.js', '2024-05-01T10:00:03Z'),
    ]);
    expect(byIndex(entries, 2).request).toMatchObject({
      initiatorUrl: 'https://a.test/',
      initiatorSource: 'page-document',
    });
    expect(byIndex(entries, 3).request).toMatchObject({
      initiatorUrl: 'https://b.test/',
      initiatorSource: 'latest-document',
    });
  });

  it('decides by time order, not file order', () => {
    const entries = load([
      sub('https://cdn.test/x.js', '2024-05-01T10:00:05Z'),
      doc('https://a.test/', '2024-05-01T10:00:00Z'),
      doc('https://b.test/', '2024-05-01T10:00:09Z'),
    ]);
    expect(byIndex(entries, 0).request.initiatorUrl).toBe('https://a.test/');
  });

  it('with no document, falls back to Chrome _initiator.url, then Referer, then Origin', () => {
    const entries = load([
      sub('https://cdn.test/1', '2024-05-01T10:00:00Z', [{ name: 'Referer', value: 'https://r.test/' }], {
        _initiator: { type: 'parser', url: 'https://i.test/page' },
      }),
      sub('https://cdn.test/2', '2024-05-01T10:00:01Z', [{ name: 'referer', value: 'https://r.test/' }]),
      sub('wss://ws.test/', '2024-05-01T10:00:02Z', [{ name: 'Origin', value: 'https://o.test' }]),
      sub('https://cdn.test/4', '2024-05-01T10:00:03Z', [{ name: 'Referer', value: 'not a url' }]),
    ]);
    expect(byIndex(entries, 0).request).toMatchObject({
      initiatorUrl: 'https://i.test/page',
      initiatorSource: 'chrome-initiator',
    });
    expect(byIndex(entries, 1).request).toMatchObject({
      initiatorUrl: 'https://r.test/',
      initiatorSource: 'subresource-referer',
    });
    expect(byIndex(entries, 2).request).toMatchObject({
      initiatorUrl: 'https://o.test',
      initiatorSource: 'origin-header',
    });
    expect(byIndex(entries, 3).request.initiatorUrl).toBeUndefined();
  });

  it("a subresource of a page whose document is not in the trace uses its own hints before another page's document", () => {
    const entries = load([
      doc('https://other.test/', '2024-05-01T10:00:00Z', nav, { pageref: 'p2' }),
      sub('https://cdn.test/x', '2024-05-01T10:00:01Z', [{ name: 'Referer', value: 'https://mine.test/' }], {
        pageref: 'p1',
      }),
    ]);
    expect(byIndex(entries, 1).request.initiatorUrl).toBe('https://mine.test/');
  });

  it("our recorder's _sessionscope.initiatorUrl wins over everything", () => {
    const entries = load([
      doc('https://a.test/', '2024-05-01T10:00:00Z', [...nav, { name: 'Referer', value: 'https://r.test/' }], {
        _sessionscope: { initiatorUrl: 'https://recorded.test/' },
      }),
    ]);
    expect(entries[0]?.request).toMatchObject({ initiatorUrl: 'https://recorded.test/', initiatorSource: 'recorder' });
  });
});

describe('browser reports', () => {
  it('reads _sessionscope.browserReport', () => {
    const browserReport = {
      blockedRequestCookies: [{ name: 'sid', domain: 'a.test', path: '/', reasons: ['SecureOnly'] }],
      blockedResponseCookies: [{ cookieLine: 'x=1; SameSite=None', reasons: ['SameSiteNoneInsecure'] }],
    };
    const [e] = load([entry('https://a.test/', { _sessionscope: { browserReport } })]);
    expect(e?.browserReport).toEqual(browserReport);
  });

  it('an entry with a malformed report is skipped, naming the field', () => {
    const bad = { blockedRequestCookies: [{ name: 'sid', reasons: [7] }] };
    const trace = harToTrace(
      har([entry('https://a.test/'), entry('https://a.test/', { _sessionscope: { browserReport: bad } })]),
    );
    expect(trace.warnings?.map((w) => [w.where, w.skippedEntry])).toEqual([
      ['log.entries[1]._sessionscope.browserReport.blockedRequestCookies[0].reasons[0]', 1],
    ]);
  });
});

describe('times and order', () => {
  it('orders events by startedDateTime, ties in file order, and keeps each source index', () => {
    const entries = load([
      entry('https://a.test/late', {}, '2024-05-01T10:00:02Z'),
      entry('https://a.test/tie-first', {}, '2024-05-01T12:00:01+02:00'),
      entry('https://a.test/tie-second', {}, '2024-05-01T10:00:01.000Z'),
      entry('https://a.test/early', {}, '2024-05-01T10:00:00.9724178Z'),
    ]);
    expect(entries.map((e) => e.index)).toEqual([3, 1, 2, 0]);
    expect(entries[0]?.startedAt).toBeCloseTo(Date.UTC(2024, 4, 1, 10, 0, 0, 972) + 0.4178, 3);
  });

  it("a missing or invalid startedDateTime takes the previous entry's time, and says so", () => {
    const trace = harToTrace(
      har([
        entry('https://a.test/0', {}, '2024-05-01T10:00:00Z'),
        { ...entry('https://a.test/1'), startedDateTime: undefined },
        entry('https://a.test/2', {}, 'yesterday'),
        entry('https://a.test/3', {}, '2024-05-01T09:00:00Z'),
      ]),
    );
    const entries = entriesOf(trace);
    expect(byIndex(entries, 1).startedAt).toBe(Date.UTC(2024, 4, 1, 10));
    expect(byIndex(entries, 2).startedAt).toBe(Date.UTC(2024, 4, 1, 10));
    expect(trace.warnings?.map((w) => w.where)).toEqual([
      'log.entries[1].startedDateTime',
      'log.entries[2].startedDateTime',
    ]);
    expect(trace.warnings?.[1]?.message).toContain('"yesterday"');
    expect(trace.warnings?.[1]?.message).toContain("previous entry's time");
  });

  it('a first entry without a time takes the first dated time', () => {
    const entries = load([
      { ...entry('https://a.test/0'), startedDateTime: 12 },
      entry('https://a.test/1', {}, '2024-05-01T10:00:00Z'),
    ]);
    expect(byIndex(entries, 0).startedAt).toBe(Date.UTC(2024, 4, 1, 10));
  });

  it('a time without a zone is read as UTC, and noted', () => {
    const trace = harToTrace(har([entry('https://a.test/', {}, '2024-05-01T10:00:00')]));
    expect(entriesOf(trace)[0]?.startedAt).toBe(Date.UTC(2024, 4, 1, 10));
    expect(trace.warnings).toEqual([
      { where: 'log.entries[0].startedDateTime', message: 'startedDateTime has no time zone; read as UTC' },
    ]);
  });

  it('a file with no warnings has none listed', () => {
    expect(harToTrace(har([entry('https://a.test/')])).warnings).toBeUndefined();
  });
});

describe("cookie values the recorder stripped (Chrome's net log: `[143 bytes were stripped]`)", () => {
  it('reads them as no cookie, and says so once for the file', () => {
    const stripped = (url: string, bytes: number) =>
      entry(url, {
        request: request(url, {
          headers: [
            { name: 'cookie', value: `[${bytes} bytes were stripped]` },
            { name: 'accept', value: 'text/html' },
          ],
        }),
        response: response({ headers: [{ name: 'set-cookie', value: `[${bytes + 20} bytes were stripped]` }] }),
      });
    const trace = harToTrace(har([stripped('https://a.test/', 143), stripped('https://a.test/b', 2170)]));
    for (const e of entriesOf(trace)) {
      expect(headerValues(e.request.headers, 'cookie')).toEqual([]);
      expect(headerValues(e.request.headers, 'accept')).toEqual(['text/html']);
      expect(headerValues(e.response!.headers, 'set-cookie')).toEqual([]);
    }
    expect(trace.warnings).toEqual([
      {
        where: 'log.entries[0].request.headers[0].value',
        message:
          'the recorder stripped this cookie header\'s value ("[143 bytes were stripped]", as Chrome\'s net log does when saved without cookies): read as no cookie, here and at every other such header of the file',
      },
    ]);
    // A cookie whose value only looks so, among others, and another header stripped: read as written.
    const kept = entry('https://a.test/', {
      request: request('https://a.test/', {
        headers: [
          { name: 'cookie', value: 'sid=[143 bytes were stripped]' },
          { name: 'authorization', value: '[20 bytes were stripped]' },
        ],
      }),
    });
    const read = entriesOf(harToTrace(har([kept])))[0]!;
    expect(headerValues(read.request.headers, 'cookie')).toEqual(['sid=[143 bytes were stripped]']);
    expect(headerValues(read.request.headers, 'authorization')).toEqual(['[20 bytes were stripped]']);
  });
});

describe("Polly.JS 1.x's header values that are lists (Node's repeated headers, Set-Cookie always)", () => {
  it('reads each text as one header, notes the repair, and the cookies in it are set and sent', () => {
    const set = entry('https://api.test/login', {
      response: response({
        headers: [
          { name: 'set-cookie', value: ['sid=8f2d1c0b9a7e6f5d4c3b2a19; Path=/; HttpOnly', 'theme=dark; Path=/'] },
          { name: 'vary', value: ['Accept', 'Origin'] },
        ],
      }),
    });
    const trace = harToTrace(har([set]));
    const headers = (trace.events[0] as { entry: TraceEntry }).entry.response!.headers;
    expect(headerValues(headers, 'set-cookie')).toEqual([
      'sid=8f2d1c0b9a7e6f5d4c3b2a19; Path=/; HttpOnly',
      'theme=dark; Path=/',
    ]);
    expect(headerValues(headers, 'vary')).toEqual(['Accept', 'Origin']);
    expect(trace.warnings).toEqual([
      {
        where: 'log.entries[0].response.headers[0].value',
        message: '"value" is a list of 2 texts; read as one header each',
      },
      {
        where: 'log.entries[0].response.headers[1].value',
        message: '"value" is a list of 2 texts; read as one header each',
      },
    ]);
  });

  it('a list holding anything but texts is still ignored', () => {
    const odd = entry('https://a.test/', { response: response({ headers: [{ name: 'a', value: ['b', 1] }] }) });
    expect(harToTrace(har([odd])).warnings).toEqual([
      { where: 'log.entries[0].response.headers[0].value', message: '"value" must be a string, not an array; ignored' },
    ]);
  });
});

describe("a request whose url is only its path (Charles's HTTP/2 entries)", () => {
  const relative = (url: string, headers: { name: string; value: string }[]) =>
    entry('https://placeholder.test/', { request: { ...request('https://placeholder.test/', { headers }), url } });

  it('is read at the address its :scheme and :authority give, and noted', () => {
    const trace = harToTrace(
      har([
        relative('/api/login', [
          { name: ':method', value: 'POST' },
          { name: ':authority', value: 'mubu.test' },
          { name: ':scheme', value: 'https' },
          { name: ':path', value: '/api/login' },
        ]),
      ]),
    );
    expect((trace.events[0] as { entry: TraceEntry }).entry.request.url).toBe('https://mubu.test/api/login');
    expect(trace.warnings).toEqual([
      {
        where: 'log.entries[0].request.url',
        message: '"url" "/api/login" is not absolute; read as https://mubu.test/api/login from :scheme and :authority',
      },
    ]);
  });

  it('without them is kept as written, with a warning that says no cookie is judged on it', () => {
    const trace = harToTrace(har([relative('/login', []), entry('https://a.test/')]));
    expect(trace.events).toHaveLength(2);
    expect(trace.warnings).toEqual([
      {
        where: 'log.entries[0].request.url',
        message:
          '"url" "/login" is not absolute, and no :scheme and :authority give its host: no site\'s cookies are judged on it',
      },
    ]);
  });
});

describe('the trace source', () => {
  it('names creator, version and a different browser; counts entries', () => {
    const trace = harToTrace(
      har([entry('https://a.test/')], { browser: { name: 'Firefox', version: '3.6' } }),
      'x.har',
    );
    expect(trace.source).toEqual({
      format: 'har',
      creator: 'Test 1 (Firefox 3.6)',
      browser: { name: 'firefox', version: 3, from: 'log.browser' },
      file: 'x.har',
    });
    expect(trace.entryCount).toBe(1);
  });

  it('takes the browser from the first User-Agent when the log does not name one (Chrome DevTools)', () => {
    const ua = (value: string) => ({
      request: request('https://a.test/', { headers: [{ name: 'User-Agent', value }] }),
    });
    const trace = harToTrace(
      har([entry('https://a.test/'), entry('https://a.test/', ua('Mozilla/5.0 Chrome/51.0.2704.103 Safari/537.36'))], {
        creator: { name: 'WebInspector', version: '537.36' },
      }),
    );
    expect(trace.source.browser).toEqual({ name: 'chrome', version: 51, from: 'user-agent' });
    expect(harToTrace(har([entry('https://a.test/')])).source.browser).toBeUndefined();
  });

  it("reads a chrome-har file's browser from its User-Agent, whole or streamed: the creator's 1.3.1 is the tool's", () => {
    const headless84 = {
      request: request('https://a.test/', {
        headers: [{ name: 'User-Agent', value: 'Mozilla/5.0 (X11) HeadlessChrome/84.0.4147.0 Safari/537.36' }],
      }),
    };
    const doc = har([entry('https://a.test/', headless84)], { creator: { name: 'chrome-har', version: '1.3.1' } });
    const chrome84 = { name: 'chrome', version: 84, from: 'user-agent' };
    expect(harToTrace(doc).source.browser).toEqual(chrome84);
    const indexer = new HarIndexer('chrome-har.har');
    indexer.write(new TextEncoder().encode(JSON.stringify(doc)));
    expect(indexer.end().browser).toEqual(chrome84);
  });

  it("reads Chrome's device mode (another browser's User-Agent, HTTP/2 pseudo-headers) as Chrome, whole or streamed", () => {
    const iphone = {
      request: request('https://a.test/', {
        headers: [
          { name: ':authority', value: 'a.test' },
          {
            name: 'user-agent',
            value: 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Version/16.6 Mobile/15E148 Safari/604.1',
          },
        ],
      }),
    };
    const doc = har([entry('https://a.test/', iphone)], { creator: { name: 'WebInspector', version: '537.36' } });
    expect(harToTrace(doc).source.browser).toEqual({ name: 'chrome', from: 'log.creator' });
    const indexer = new HarIndexer('device-mode.har');
    indexer.write(new TextEncoder().encode(JSON.stringify(doc)));
    expect(indexer.end().browser).toEqual({ name: 'chrome', from: 'log.creator' });
  });

  it('leaves the browser out when it repeats the creator, and the creator out when absent', () => {
    const same = harToTrace(
      har([], { creator: { name: 'Firefox', version: '111' }, browser: { name: 'Firefox', version: '111' } }),
    );
    expect(same.source.creator).toBe('Firefox 111');
    expect(harToTrace(har([], { creator: 'nonsense' })).source.creator).toBeUndefined();
  });
});

describe('malformed files', () => {
  const whereOf = (doc: unknown) => thrownBy(() => harToTrace(doc, 'bad.har'));

  it.each([
    ['the top level is not an object', [1, 2], 'log', 'not a HAR'],
    ['log is missing', { foo: 1 }, 'log', '"log" field is missing'],
    ['log is not an object', { log: 'x' }, 'log', 'must be an object, not a string'],
    ['log.entries is missing', { log: { version: '1.2' } }, 'log.entries', '"log.entries" field is missing'],
    ['log.entries is not an array', { log: { entries: {} } }, 'log.entries', 'must be an array, not an object'],
  ])('%s', (_, doc, where, words) => {
    const error = whereOf(doc);
    expect(error.where).toBe(where);
    expect(error.message).toContain('bad.har: ');
    expect(error.message).toContain(words);
  });

  // An entry the analysis cannot use is skipped and named; the rest of the file is read (CLI.md, exit codes).
  const ok = entry('https://ok.test/');
  it.each([
    ['an entry that is not an object', [ok, 'x'], 1, 'log.entries[1]', 'an entry must be an object, not a string'],
    [
      'a missing request',
      [ok, ok, { startedDateTime: '2024-05-01T10:00:00Z' }],
      2,
      'log.entries[2].request',
      '"request" is missing',
    ],
    [
      'request.url not a string',
      [entry('https://a.test/', { request: { method: 'GET', url: 42 } }), ok],
      0,
      'log.entries[0].request.url',
      '"url" must be a string, not a number',
    ],
    [
      '_sessionscope.initiatorUrl that is a number (our own recorder: read strictly)',
      [ok, entry('https://a.test/', { _sessionscope: { initiatorUrl: 1 } })],
      1,
      'log.entries[1]._sessionscope.initiatorUrl',
      '"initiatorUrl" must be a string, not a number',
    ],
  ])('%s: the entry is skipped and named, the others are read', (_, entries, index, where, words) => {
    const trace = harToTrace(har(entries), 'bad.har');
    expect(entriesOf(trace).map((e) => e.index)).toEqual(entries.map((_e, i) => i).filter((i) => i !== index));
    expect(trace.entryCount).toBe(entries.length);
    expect(trace.warnings).toEqual([{ where, message: `entry ${index} skipped: ${words}`, skippedEntry: index }]);
  });

  it('refuses a file whose entries are all unreadable, naming the first', () => {
    const error = whereOf(har(['x', { request: { url: 1 } }]));
    expect(error.where).toBe('log.entries[0]');
    expect(error.message).toMatch(
      /^bad\.har: no readable entry: all 2 entries are unreadable; the first: entry 0 skipped/,
    );
  });

  it('reads a HAR with no entries at all (an empty recording is not a broken file)', () => {
    expect(harToTrace(har([])).events).toEqual([]);
  });

  // A field the analysis can do without never costs the entry: it is repaired or dropped, and noted.
  it.each([
    [
      'request.method missing: read as GET',
      entry('https://a.test/', { request: { url: 'https://a.test/' } }),
      'log.entries[0].request.method',
      '"method" is missing; read as GET',
    ],
    [
      'request.method null (WebPageTest 18.09): read as GET',
      entry('https://a.test/', { request: { method: null, url: 'https://a.test/' } }),
      'log.entries[0].request.method',
      '"method" is null; read as GET',
    ],
    [
      'headers not an array',
      entry('https://a.test/', { request: request('https://a.test/', { headers: 'Cookie: a=1' }) }),
      'log.entries[0].request.headers',
      '"headers" must be an array, not a string; ignored',
    ],
    [
      'a header without a name',
      entry('https://a.test/', { request: request('https://a.test/', { headers: [{ value: 'x' }] }) }),
      'log.entries[0].request.headers[0].name',
      '"name" must be a string, not undefined; ignored',
    ],
    [
      'a header that is not an object',
      entry('https://a.test/', { response: response({ headers: [null] }) }),
      'log.entries[0].response.headers[0]',
      'must be an object, not null; ignored',
    ],
    [
      'a header value that is an object',
      entry('https://a.test/', { response: response({ headers: [{ name: 'a', value: {} }] }) }),
      'log.entries[0].response.headers[0].value',
      '"value" must be a string, not an object; ignored',
    ],
    [
      'a status that is not a number',
      entry('https://a.test/', { response: { status: 'OK', headers: [{ name: 'a', value: 'b' }] } }),
      'log.entries[0].response.status',
      '"status" is a string; read as 0 (no status)',
    ],
    [
      'a response that is a string',
      entry('https://a.test/', { response: 'ok' }),
      'log.entries[0].response',
      '"response" must be an object, not a string; ignored',
    ],
    [
      'a postData that is a string',
      entry('https://a.test/', { request: request('https://a.test/', { postData: 'a=1' }) }),
      'log.entries[0].request.postData',
      '"postData" must be an object, not a string; ignored',
    ],
    [
      'a postData param without a name',
      entry('https://a.test/', { request: request('https://a.test/', { postData: { params: [{ value: 'v' }] } }) }),
      'log.entries[0].request.postData.params[0].name',
      '"name" must be a string, not undefined; ignored',
    ],
    [
      'a request cookie without a name (used: no Cookie header)',
      entry('https://a.test/', { request: request('https://a.test/', { cookies: [{ value: 'v' }] }) }),
      'log.entries[0].request.cookies[0].name',
      '"name" must be a string, not undefined; ignored',
    ],
    [
      'a request cookie whose value is an object',
      entry('https://a.test/', { request: request('https://a.test/', { cookies: [{ name: 'a', value: {} }] }) }),
      'log.entries[0].request.cookies[0].value',
      '"value" must be a string, not an object; the cookie is ignored',
    ],
    [
      'a response cookie that is not an object (used: no Set-Cookie)',
      entry('https://a.test/', { response: response({ cookies: [3] }) }),
      'log.entries[0].response.cookies[0]',
      'must be an object, not a number; ignored',
    ],
  ])('%s: the entry is read and the repair noted', (_, bent, where, message) => {
    const trace = harToTrace(har([bent]), 'bad.har');
    expect(entriesOf(trace)).toHaveLength(1);
    expect(trace.warnings).toEqual([{ where, message }]);
  });

  it('reads a missing or null method as GET', () => {
    const [e] = load([entry('https://a.test/', { request: { method: null, url: 'https://a.test/' } })]);
    expect(e?.request.method).toBe('GET');
  });

  it('keeps the readable headers and cookies beside a dropped one', () => {
    const [e] = load([
      entry('https://a.test/', {
        request: request('https://a.test/', {
          headers: [{ name: 'Cookie', value: 'sid=1' }, 7, { name: 'Accept', value: '*/*' }],
        }),
        response: response({
          cookies: [
            { name: 'b', value: [] },
            { name: 'c', value: 'x' },
          ],
        }),
      }),
    ]);
    expect(e?.request.headers).toEqual([
      { name: 'Cookie', value: 'sid=1' },
      { name: 'Accept', value: '*/*' },
    ]);
    expect(e?.response?.cookies?.map((c) => c.name)).toEqual(['c']);
  });

  it('reads a numeric status string as its number', () => {
    const [e] = load([entry('https://a.test/', { response: { status: '302', headers: [] } })]);
    expect(e?.response?.status).toBe(302);
  });

  it.each([
    ['a number', 42, '42'],
    ['a boolean', false, 'false'],
    ['an object (pagexray)', { nested: [1, 'two'] }, '{"nested":[1,"two"]}'],
    ['an array', ['a', 'b'], '["a","b"]'],
    ['null', null, undefined],
  ])('a postData param value that is %s is read as its text, without a warning', (_, value, read) => {
    const trace = harToTrace(
      har([
        entry('https://a.test/', {
          request: request('https://a.test/', { method: 'POST', postData: { params: [{ name: 'p', value }] } }),
        }),
      ]),
    );
    const [e] = entriesOf(trace);
    expect(e?.request.postData?.params).toEqual([read === undefined ? { name: 'p' } : { name: 'p', value: read }]);
    expect(trace.warnings).toBeUndefined();
  });

  it("notes repairs in file order, each entry's time repair first", () => {
    const trace = harToTrace(
      har([
        { ...entry('https://a.test/', { request: { method: null, url: 'https://a.test/' } }), startedDateTime: 'x' },
        'not an entry',
        entry('https://b.test/', { response: 'ok' }),
      ]),
    );
    expect(trace.warnings?.map((w) => w.where)).toEqual([
      'log.entries[0].startedDateTime',
      'log.entries[0].request.method',
      'log.entries[1]',
      'log.entries[2].response',
    ]);
  });

  it('says what a wrong field held', () => {
    const error = whereOf(har([entry('https://a.test/', { request: { method: 'GET', url: 42 } })]));
    expect(error.message).toContain('"url" must be a string, not a number');
    expect(error.message).toContain('no readable entry');
  });

  it('skips an entry whose reading throws anything else, naming it', () => {
    const hostile = {
      startedDateTime: '2024-05-01T10:00:00Z',
      get request(): never {
        throw new RangeError('boom');
      },
    };
    const trace = harToTrace(har([entry('https://a.test/'), hostile]));
    expect(trace.warnings).toHaveLength(1);
    expect(trace.warnings?.[0]?.where).toBe('log.entries[1]');
    expect(trace.warnings?.[0]?.message).toContain('entry 1 skipped: entry 1 could not be read');
    expect(trace.warnings?.[0]?.message).toContain('RangeError: boom');
  });

  it('turns an exception while reading the log into a TraceInputError', () => {
    const log = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error('trap');
        },
      },
    );
    const error = whereOf({ log });
    expect(error.where).toBe('log');
  });
});

describe('parseHar on text', () => {
  it('strips a byte-order mark', () => {
    const trace = parseHar(`\uFEFF${JSON.stringify(har([entry('https://a.test/')]))}`);
    expect(trace.entryCount).toBe(1);
  });

  it('reports a JSON syntax error with the file, "not JSON" and line and column', () => {
    const error = thrownBy(() => parseHar('{\n  "log": {\n    "entries": [,]\n  }\n}', 'x.har'));
    expect(error.message).toContain('x.har: not JSON');
    expect(error.where).toBe('line 3 column 17');
  });

  it('reports a truncated file as ending early, at its end', () => {
    const error = thrownBy(() => parseHar('{"log": {"entries": [{"request": {"url": "htt', 'cut.har'));
    expect(error.message).toContain('cut.har: not JSON: the file ends early (truncated?)');
    expect(error.where).toBe('line 1 column 46');
  });

  it('reports an empty file', () => {
    expect(thrownBy(() => parseHar('  \n', 'e.har')).message).toContain('e.har: not JSON: the file is empty');
  });
});
