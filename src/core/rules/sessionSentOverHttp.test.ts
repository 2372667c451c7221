// session-sent-over-http: a session cookie carried over plain http:// where the trace holds no Set-Cookie of it.
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';
import { analyzeTrace } from '../analysis/analyze.ts';
import { AnalysisSession } from '../analysis/session.ts';

const RULE = 'session-sent-over-http';

describe('session-sent-over-http', () => {
  it('a recording that begins signed in, over http://: told once, at the first request, with how many carried it', () => {
    const result = trace()
      .get('http://intranet.example/dashboard', { cookie: `PHPSESSID=${ID.a}` })
      .get('http://intranet.example/api/list', { cookie: `PHPSESSID=${ID.a}` })
      .get('http://intranet.example/api/item', { cookie: `PHPSESSID=${ID.a}` })
      .analyze();
    const found = findingsOf(result, RULE);
    // `likely` (a known name, no behaviour): at most medium.
    expect(found.map((f) => [f.cookie, f.entry, f.severity])).toEqual([['PHPSESSID', 0, 'medium']]);
    expect(found[0]!.message).toContain('3 requests over http:// carried it');
    // The ID is a secret: the report shows its hash.
    expect(JSON.stringify(found[0])).not.toContain(ID.a);
  });

  it('several session cookies carried by one request: a finding each, one story that names the others', () => {
    const cookie = `SID=${ID.a}; HSID=${ID.b}; APISID=${ID.c}`;
    const result = trace()
      .get('http://www.example-mail.com/inbox', { cookie })
      .get('http://www.example-mail.com/inbox/2', { cookie })
      .analyze();
    expect(findingsOf(result, RULE).map((f) => [f.cookie, f.entry])).toEqual([
      ['APISID', 0],
      ['HSID', 0],
      ['SID', 0],
    ]);
    expect(result.story).toHaveLength(1);
    expect(result.story![0]!.steps.filter((step) => step.startsWith('Also at risk at the same request'))).toHaveLength(
      2,
    );
  });

  it('high where the session is certain: the logout that cleared it shows it was the session', () => {
    const result = trace()
      .get('http://intranet.example/dashboard', { cookie: `sid=${ID.a}` })
      .get('http://intranet.example/logout', {
        cookie: `sid=${ID.a}`,
        setCookie: ['sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
        status: 302,
        location: '/login',
      })
      .analyze();
    expect(findingsOf(result, RULE).map((f) => [f.cookie, f.entry, f.severity])).toEqual([['sid', 0, 'high']]);
  });

  it('a cookie the trace set is told at its Set-Cookie (cookie-set-over-http, cookie-no-secure), not again here', () => {
    // Set over http://, or over https:// without Secure, then carried over http://.
    for (const [setOver, toldBy] of [
      ['http', 'cookie-set-over-http'],
      ['https', 'cookie-no-secure'],
    ] as const) {
      const result = trace()
        .get(`${setOver}://shop.example/`, { setCookie: [`sid=${ID.a}; Path=/; HttpOnly`] })
        .get('http://shop.example/cart', { cookie: `sid=${ID.a}` })
        .analyze();
      expect(findingsOf(result, toldBy)).toHaveLength(1);
      expect(findingsOf(result, RULE)).toEqual([]);
    }
  });

  it('nor where a response sets it again after requests carried it (an ad server re-setting its PHPSESSID)', () => {
    const result = trace()
      .get('http://ads.example/list', {
        cookie: `PHPSESSID=${ID.a}`,
        setCookie: [`PHPSESSID=${ID.a}; path=/`],
      })
      .get('http://ads.example/list', { cookie: `PHPSESSID=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'cookie-set-over-http').map((f) => [f.cookie, f.entry])).toEqual([['PHPSESSID', 0]]);
    expect(findingsOf(result, RULE)).toEqual([]);
  });

  it('nothing over https://, on a loopback host, or for a cookie that is no session', () => {
    const none = (url: string, cookie: string) =>
      findingsOf(trace().get(url, { cookie }).get(url, { cookie }).analyze(), RULE);
    expect(none('https://intranet.example/', `PHPSESSID=${ID.a}`)).toEqual([]);
    for (const host of ['localhost:3000', '127.0.0.1:8080', 'app.localhost']) {
      expect(none(`http://${host}/`, `PHPSESSID=${ID.a}`)).toEqual([]);
    }
    expect(none('http://intranet.example/', 'theme=dark')).toEqual([]);
    expect(none('http://intranet.example/', 'PHPSESSID=')).toEqual([]);
  });

  it('a WebSocket over ws:// is clear text too', () => {
    const result = trace()
      .get('ws://chat.example/socket', { cookie: `connect.sid=s%3A${ID.a}.${ID.b}` })
      .analyze();
    expect(findingsOf(result, RULE).map((f) => f.cookie)).toEqual(['connect.sid']);
  });

  it('fed a request at a time, as the live panel is: each snapshot says what the requests so far show', () => {
    const built = trace()
      .get('http://ads.example/list', { cookie: `PHPSESSID=${ID.a}` })
      .get('http://ads.example/list/2', { cookie: `PHPSESSID=${ID.a}` })
      .get('http://ads.example/list/3', { cookie: `PHPSESSID=${ID.a}`, setCookie: [`PHPSESSID=${ID.a}; path=/`] })
      .get('http://ads.example/list/4', { cookie: `PHPSESSID=${ID.a}` })
      .build();
    const session = new AnalysisSession({});
    const told: string[] = [];
    for (let at = 0; at < built.events.length; at++) {
      session.feed([built.events[at]!]);
      const { result } = session.snapshot();
      const events = built.events.slice(0, at + 1);
      const prefix = { ...built, events, entryCount: events.filter((e) => e.kind === 'entry').length };
      expect(result).toEqual(analyzeTrace(prefix));
      told.push(
        findingsOf(result, RULE)
          .map((f) => `${f.cookie}@${f.entry}×${f.evidence.requests}`)
          .join() || '-',
      );
    }
    // The count grows with the requests; the Set-Cookie of the third takes the finding back (told at its Set-Cookie).
    expect(told).toEqual(['PHPSESSID@0×1', 'PHPSESSID@0×2', '-', '-']);
  });
});
