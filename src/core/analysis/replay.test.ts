// The replay's facts, beyond what single rules show: sanitised files with no Cookie data, HAR cookie lists,
// Firefox's joined Set-Cookie lines, preflights, non-http URLs, and Chrome's own reasons beside ours.
import { describe, expect, it } from 'vitest';
import { GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('replay facts', () => {
  it('a trace with no Cookie data at all: what was sent comes from the jar, and says so', () => {
    const result = trace()
      .get('https://shop.test/', { setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/a')
      .get('http://shop.test/b')
      .analyze();
    expect(result.cookiesRecorded).toBe(false);
    expect(result.requests[1]!.sent.map((s) => s.name)).toEqual(['sid']);
    expect(result.requests[2]!.notSent.map((n) => [n.name, n.reason])).toEqual([['sid', 'SecureOnly']]);
  });

  it('a HAR request.cookies list stands in for a missing Cookie header', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/a', { requestCookies: [{ name: 'sid', value: ID.a }] })
      .analyze();
    expect(result.requests[1]!.sent.map((s) => s.name)).toEqual(['sid']);
    expect(result.requests[1]!.notSent).toEqual([]);
  });

  it('Firefox’s "\\n"-joined Set-Cookie value is two cookies', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}\ntheme=dark; Path=/`] })
      .analyze();
    expect(result.facts.requests[0]!.setCookies.map((c) => [c.name, c.outcome.kind])).toEqual([
      ['sid', 'stored'],
      ['theme', 'stored'],
    ]);
  });

  it('a CORS preflight never carries cookies, so nothing is "not sent" on it', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .request('OPTIONS', 'https://shop.test/api', {
        resourceType: 'other',
        cookie: '',
        headers: { 'Access-Control-Request-Method': 'PUT' },
      })
      .analyze();
    expect(result.requests[1]!.notSent).toEqual([]);
  });

  it('a request for a non-http URL carries no cookies and breaks nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('data:text/html,hello', { resourceType: 'other' })
      .get('https://shop.test/a', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(result.requests[1]).toMatchObject({ sent: [], notSent: [] });
    expect(result.findings.filter((f) => f.severity === 'high')).toEqual([]);
  });

  it('Chrome’s reasons are kept beside ours', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('http://shop.test/a', {
        cookie: '',
        browserReport: {
          blockedRequestCookies: [{ name: 'sid', domain: 'shop.test', path: '/', reasons: ['SecureOnly'] }],
        },
      })
      .analyze();
    expect(result.requests[1]!.notSent).toEqual([
      { name: 'sid', domain: 'shop.test', path: '/', reason: 'SecureOnly', browserReasons: ['SecureOnly'] },
    ]);
  });

  it('a cookie the model would send but the browser did not: Chrome’s reason when it gave one, else Unknown', () => {
    const base = () => trace().get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] });
    const withChrome = base()
      .get('https://shop.test/a', {
        cookie: '',
        browserReport: { blockedRequestCookies: [{ name: 'sid', reasons: ['UserPreferences'] }] },
      })
      .analyze();
    expect(withChrome.requests[1]!.notSent.map((n) => n.reason)).toEqual(['UserPreferences']);
    const without = base().get('https://shop.test/a', { cookie: '' }).analyze();
    expect(without.requests[1]!.notSent.map((n) => n.reason)).toEqual(['Unknown']);
  });

  it('a cookie the browser sent that the trace never showed being set joins the jar as carried', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: `sid=${ID.a}` })
      .get('https://shop.test/a', { cookie: '' })
      .analyze();
    expect(result.sessions[0]!.ids.map((i) => i.firstEntry)).toEqual([0]);
    // Its attributes are guesses, so the model will not invent a reason for its absence.
    expect(result.requests[1]!.notSent.map((n) => n.reason)).toEqual(['Unknown']);
  });
});

describe('the jar left at the end of the trace', () => {
  it('holds what is still set, drops what was deleted or has expired, and redacts session values by default', () => {
    const t = trace()
      .get('https://shop.test/', {
        cookie: '',
        setCookie: [`sid=${ID.a}; ${GOOD}`, 'theme=dark; Path=/', 'promo=1; Max-Age=60; Path=/', 'old=x; Path=/'],
      })
      .get('https://shop.test/logout-of-old', {
        cookie: `sid=${ID.a}; theme=dark; promo=1; old=x`,
        setCookie: ['old=; Max-Age=0; Path=/'],
      })
      .wait(120_000)
      .get('https://shop.test/later', { cookie: `sid=${ID.a}; theme=dark` });
    const redacted = t.analyze();
    expect(redacted.jar.map((c) => c.name)).toEqual(['sid', 'theme']);
    const sid = redacted.jar.find((c) => c.name === 'sid')!;
    expect(sid.session).toBe(true);
    expect(sid.value).not.toContain(ID.a);
    expect(sid).toMatchObject({
      domain: 'shop.test',
      path: '/',
      hostOnly: true,
      secure: true,
      source: 'set-cookie',
      setByEntry: 0,
    });
    expect(redacted.jar.find((c) => c.name === 'theme')).toMatchObject({
      value: 'dark',
      session: false,
      secure: false,
    });
    expect(t.analyze({ values: 'raw' }).jar.find((c) => c.name === 'sid')!.value).toBe(ID.a);
  });
});

describe('Set-Cookie in a cross-site context (RFC 6265bis 5.7) and the site context on requests', () => {
  const WIDGET = 'https://widget.test/embed';

  it('a cross-site iframe response cannot replace the session ID: the old ID stays, the line is listed rejected', () => {
    const result = trace()
      .get(WIDGET, { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax`] })
      .get('https://shop.test/', { cookie: '' })
      .get(WIDGET, {
        cookie: `sid=${ID.a}`,
        resourceType: 'subdocument',
        siteContext: 'cross-site',
        setCookie: [`sid=${ID.b}; Path=/; Secure; HttpOnly`, 'pref=1; Path=/; Secure; SameSite=None', 'theme=dark'],
      })
      .get('https://widget.test/next', { cookie: `sid=${ID.a}; pref=1` })
      .analyze({ values: 'raw' });
    expect(result.requests[2]!.rejected).toEqual([
      { name: 'sid', domain: 'widget.test', reason: 'SameSiteUnspecifiedTreatedAsLax' },
      { name: 'theme', domain: 'widget.test', reason: 'SameSiteUnspecifiedTreatedAsLax' },
    ]);
    expect(result.requests[3]!.notSent).toEqual([]);
    const sid = result.sessions.find((s) => s.cookie === 'sid')!;
    expect(sid.ids.map((i) => i.id)).toEqual([ID.a]);
  });

  it('a Set-Cookie the browser reported refusing is not stored, with the browser’s reason', () => {
    const line = `sid=${ID.b}; Domain=other.test; Path=/; Secure`;
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/a', {
        cookie: `sid=${ID.a}`,
        setCookie: [line],
        browserReport: { blockedResponseCookies: [{ cookieLine: line, reasons: ['UserPreferences'] }] },
      })
      .get('https://shop.test/b', { cookie: `sid=${ID.a}` })
      .analyze({ values: 'raw' });
    // The model says InvalidDomain too, but the browser's word is what it did: its reason is kept when ours is not among them.
    expect(result.requests[1]!.rejected).toEqual([{ name: 'sid', domain: 'other.test', reason: 'UserPreferences' }]);
    expect(result.sessions.find((s) => s.cookie === 'sid')!.ids.map((i) => i.id)).toEqual([ID.a]);
  });

  it('with an unknown site context, a Lax cookie the browser did not send gets SameSiteLax, not Unknown; one it sent is sent', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/api', { cookie: '', resourceType: 'fetch', siteContext: 'unknown' })
      .get('https://shop.test/api2', { cookie: `sid=${ID.a}`, resourceType: 'fetch', siteContext: 'unknown' })
      .analyze();
    expect(result.requests[1]!.notSent.map((n) => [n.name, n.reason])).toEqual([['sid', 'SameSiteLax']]);
    expect(result.requests[2]!.sent.map((s) => s.name)).toEqual(['sid']);
    expect(result.requests[2]!.notSent).toEqual([]);
  });
});
