// Severity follows confidence and expectation (RULES.md): the same lost session is high when the cookie is
// certainly a session, medium when only its name says so, low when only its token shape does, and low on a
// third-party host unless the user asked for third-party sessions. Each finding says what made it a session.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

/** A Secure cookie set over https, then an http:// page that cannot carry it and gets a new one. */
function lostOnHttp(name: string, host = 'shop.test', start = trace().get(`https://${host}/`)) {
  return start
    .get(`https://${host}/home`, { cookie: '', setCookie: [`${name}=${ID.a}; ${GOOD}`] })
    .get(`https://${host}/a`, { cookie: `${name}=${ID.a}` })
    .get(`https://${host}/b`, { cookie: `${name}=${ID.a}` })
    .get(`http://${host}/plain`, { cookie: '', setCookie: [`${name}=${ID.b}; Path=/; HttpOnly; SameSite=Lax`] });
}

const notSent = (result: ReturnType<ReturnType<typeof trace>['analyze']>) => findingsOf(result, 'session-not-sent')[0];

describe('severity follows confidence', () => {
  it('a known name alone makes the session likely: at most medium, and the finding says why', () => {
    const found = notSent(lostOnHttp('sid').analyze());
    expect(found).toMatchObject({ severity: 'medium', session: { confidence: 'likely', thirdParty: false } });
    expect(found?.session?.evidence[0]).toBe('name matches sid');
  });

  it("a finding with no lane at its host takes that host's identity, not another host's login (a name seen at two)", () => {
    const result = trace()
      .login('https://shop.test/login', [`sessionid=${ID.a}; ${GOOD}`])
      .get('https://shop.test/home', { cookie: `sessionid=${ID.a}` })
      // Refused by the browser (a Domain the host is not under): never stored, so no lane on help.test.
      .get('https://help.test/', { cookie: '', setCookie: [`sessionid=${ID.b}; Domain=other.test; ${GOOD}`] })
      .analyze();
    const rejected = findingsOf(result, 'cookie-rejected');
    // help.test is not the site inspected (shop.test's pages came first): third party, so low either way.
    expect(rejected.map((f) => [f.reason, f.severity, f.session])).toEqual([
      ['InvalidDomain', 'low', { confidence: 'likely', evidence: ['name matches sessionid'], thirdParty: true }],
    ]);
  });

  it('a session issued in answer to a login is certain: high', () => {
    const result = trace()
      .get('https://shop.test/login')
      .post('https://shop.test/login', {
        form: { user: 'ann', password: 'pw' },
        setCookie: [`sid=${ID.a}; ${GOOD}`],
        location: 'https://shop.test/account',
      })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}` })
      .get('http://shop.test/plain', { cookie: '', setCookie: [`sid=${ID.b}; Path=/; HttpOnly; SameSite=Lax`] })
      .analyze();
    const found = notSent(result);
    expect(found).toMatchObject({ severity: 'high', session: { confidence: 'certain' } });
    expect(found?.session?.evidence[0]).toMatch(
      /^issued in answer to the login at entry 1 \(a POST carrying a password field\)$/,
    );
  });

  it('a login that failed (the form came back) is no evidence: the name alone stays likely', () => {
    const result = trace()
      .get('https://shop.test/login')
      .post('https://shop.test/login', {
        form: { user: 'ann', password: 'wrong' },
        setCookie: [`sid=${ID.a}; ${GOOD}`],
        location: 'https://shop.test/login?error=1',
      })
      .get('https://shop.test/login?error=1', { cookie: `sid=${ID.a}` })
      .get('http://shop.test/plain', { cookie: '', setCookie: [`sid=${ID.b}; Path=/; HttpOnly; SameSite=Lax`] })
      .analyze();
    expect(notSent(result)).toMatchObject({ severity: 'medium', session: { confidence: 'likely' } });
  });

  it('an opaque token alone makes a cookie a possible session: at most low', () => {
    const found = notSent(lostOnHttp('tok').analyze());
    expect(found).toMatchObject({ severity: 'low', session: { confidence: 'possible' } });
  });

  it('the user’s mark makes it certain: high', () => {
    const found = notSent(lostOnHttp('tok').analyze({ settings: { sessionCookies: ['tok'] } }));
    expect(found).toMatchObject({
      severity: 'high',
      session: { confidence: 'certain', evidence: ['marked by the user'] },
    });
  });

  it('a session of a third-party host raises nothing above low, unless third-party sessions are asked for', () => {
    // The inspected page is news.test; the session lives on ads.test, a host of another site.
    const scenario = () => lostOnHttp('sid', 'ads.test', trace().get('https://news.test/'));
    const found = notSent(scenario().analyze());
    expect(found).toMatchObject({ severity: 'low', session: { thirdParty: true } });
    expect(
      scenario()
        .analyze()
        .sessions.map((s) => [s.cookie, s.thirdParty]),
    ).toEqual([['sid', true]]);
    const asked = notSent(scenario().analyze({ settings: { thirdPartySessions: true } }));
    expect(asked).toMatchObject({ severity: 'medium', session: { thirdParty: true } });
  });

  it("a recording that begins with the page's beacon to another site (a panel opened on a loaded page) inspects the page's site", () => {
    // No top-level page is in the trace: the site is the page the first request came from, not the beacon's host.
    const beacon = trace().get('https://analytics.example/collect', {
      resourceType: 'ping',
      initiatorUrl: 'https://www.shop.test/cart',
      cookie: '',
    });
    const found = notSent(lostOnHttp('sid', 'www.shop.test', beacon).analyze());
    expect(found).toMatchObject({ severity: 'medium', session: { thirdParty: false } });
  });
});

describe('severity follows what the file records of what was sent', () => {
  /** A JSESSIONID of node1, then a request answered with one of node2; `carried`: the request's Cookie header. */
  const movedNode = (carried: string | undefined) =>
    trace()
      .get('https://shop.test/', {
        ...(carried === undefined ? {} : { cookie: '' }),
        setCookie: [`JSESSIONID=${ID.a}.node1; Path=/; Secure; HttpOnly`],
      })
      .get('https://shop.test/cart', {
        ...(carried === undefined ? {} : { cookie: carried }),
        setCookie: [`JSESSIONID=${ID.b}.node2; Path=/; Secure; HttpOnly`],
      })
      .analyze();
  const severities = (result: ReturnType<typeof movedNode>) =>
    result.findings
      .filter((f) => f.rule === 'session-reset' || f.rule === 'session-backend-switch')
      .map((f) => [f.rule, f.cause, f.severity]);

  it('a request the recording shows carrying the ID, answered by another node: as its confidence allows', () => {
    expect(severities(movedNode(`JSESSIONID=${ID.a}.node1`))).toEqual([
      ['session-reset', 'server-rejected', 'medium'],
      ['session-backend-switch', undefined, 'medium'],
    ]);
  });

  it('a file without any Cookie header: that it carried the ID is inferred, so low, and the story says so', () => {
    // A real PhantomJS page load (no Cookie header anywhere): ad iframes each answered with a new JSESSIONID.
    const result = movedNode(undefined);
    expect(severities(result)).toEqual([
      ['session-reset', 'server-rejected', 'low'],
      ['session-backend-switch', undefined, 'low'],
    ]);
    expect(result.story?.[0]?.steps).toContain(
      `Browser: sent \`JSESSIONID\` ${result.story?.[0]?.steps[0]?.match(/h:[0-9a-f]{8}/)?.[0]} (inferred from the Set-Cookie lines: this file records no Cookie header).`,
    );
    // The headline and the findings say it too, not "the request carried" as a recording's word.
    expect(result.story?.[0]?.headline).toContain('the request would have carried `JSESSIONID`');
    // A loss the file cannot show (audit 14: rakuten's ad frames, PhantomJS): "may have been lost".
    expect(result.story?.[0]?.headline).toMatch(/^Your session may have been lost at /);
    for (const f of result.findings.filter((f) => f.rule === 'session-reset' || f.rule === 'session-backend-switch'))
      expect(f.message).toMatch(/This file records no Cookie header: that the request carried the session is inferred/);
  });

  it('where the recording shows the Cookie header, the headline and the findings say it carried the ID', () => {
    const result = movedNode(`JSESSIONID=${ID.a}.node1`);
    expect(result.story?.[0]?.headline).toContain('the request carried `JSESSIONID`');
    expect(result.story?.[0]?.headline).toMatch(/^Your session was lost at /);
    expect(result.findings.map((f) => f.message).join(' ')).not.toContain('inferred');
  });
});
