// session-not-established: a password POST the server accepted, and no session cookie reached the browser —
// none was set (express-session with cookie.secure over http://), or the browser rejected it — while the next
// request carries none and is answered as logged out. A login answered with the login page again, a login that
// sets its cookie, and a login whose next request still carries a session are not it.
import { describe, expect, it } from 'vitest';
import { textReport } from '../../../src/cli/textReport.ts';
import { type AnalysisResult, analyzeTrace } from '../../../src/core/analysis/analyze.ts';
import { findingsOf, GOOD, ID, summary, trace } from '../../../test/helpers/traceBuilder.ts';

const PASSWORD = { username: 'demo', password: 'pw' };

function serious(result: AnalysisResult): string[] {
  return summary(result).filter((_, i) => ['medium', 'high'].includes(result.findings[i]!.severity));
}

describe('session-not-established', () => {
  it('no Set-Cookie at all: the login redirects to /account, which sends the browser back to /login', () => {
    // What express-session with `cookie: { secure: true }` does over http://: the session is saved, no cookie sent.
    const scenario = trace()
      .get('http://shop.test/login')
      .post('http://shop.test/login', { form: PASSWORD, location: '/account' })
      .get('http://shop.test/account', { location: '/login' })
      .get('http://shop.test/login')
      .build();
    const result = analyzeTrace(scenario);
    expect(serious(result)).toEqual(['session-not-established -@1']);
    const [f] = findingsOf(result, 'session-not-established');
    expect(f!.severity).toBe('high');
    expect(f!.message).toContain('the server redirected to /account');
    expect(f!.message).toContain('neither its response nor its redirect chain set one');
    expect(f!.evidence).toMatchObject({
      setCookie: 'none on the login response or its redirect chain',
      loggedOutAt: 2,
      status: 302,
      loginPage: 'http://shop.test/login',
      nextRequest: 'http://shop.test/account',
    });
    // Nothing recorded a Cookie header because there never was a cookie: no "sanitised export" suspicion.
    expect(result.cookiesRecorded).toBe(false);
    const report = textReport('scenario.har', scenario, result);
    expect(report).not.toContain('sanitised');
    expect(report).toContain('session-not-established');
  });

  /**
   * A visitor's ID, then a login that re-issues the session cookie with SameSite=None but no Secure: the browser
   * refuses it and keeps the visitor's ID it had.
   */
  const loginRefusedKeepingVisitor = () =>
    trace()
      .get('https://shop.test/login', { setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .post('https://shop.test/login', {
        form: PASSWORD,
        cookie: `sid=${ID.a}`,
        location: '/account',
        setCookie: [`sid=${ID.b}; Path=/; HttpOnly; SameSite=None`],
      });

  it("the login's new ID refused, the visitor's kept: the requests after it carry only the ID from before the login", () => {
    // The next page carries the visitor's ID, and the server answers it as a visitor's.
    const scenario = loginRefusedKeepingVisitor()
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, location: '/login' })
      .get('https://shop.test/login', { cookie: `sid=${ID.a}` })
      .build();
    const result = analyzeTrace(scenario);
    const [f] = findingsOf(result, 'session-not-established');
    expect(f).toMatchObject({ entry: 1, cookie: 'sid', reason: 'SameSiteNoneInsecure' });
    expect(f!.message).toContain('carried only the sid cookie the browser held before the login');
    expect(f!.evidence.nextRequestSessionCookie).toBe('the one held before the login');
    // The server did renew the ID at the login: the ID kept is the browser's refusal, no fixation.
    expect(serious(result)).toEqual([
      'session-not-established sid@1 SameSiteNoneInsecure',
      'cookie-samesite-none-insecure sid@1',
      'cookie-rejected sid@1 SameSiteNoneInsecure',
    ]);
    const [rotated] = findingsOf(result, 'session-rotated');
    expect(rotated!.message).toContain('The browser refused the cookie of the new ID and kept the one it held');
  });

  it('a login whose new ID was refused while another ID of its own reached the jar is established', () => {
    // The same refusal, but the redirect's answer stores a new session ID: the session exists, whatever became of it.
    const scenario = loginRefusedKeepingVisitor()
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, setCookie: [`sid=${ID.c}; ${GOOD}`] })
      .get('https://shop.test/account', { cookie: `sid=${ID.c}` })
      .build();
    expect(findingsOf(analyzeTrace(scenario), 'session-not-established')).toEqual([]);
  });

  it('a sign-up that chose a password and set no cookie, then the login page: nothing (it may send an e-mail first)', () => {
    const scenario = trace()
      .get('https://shop.test/signup')
      .post('https://shop.test/signup', {
        form: { email: 'ann@shop.test', password: 'pw', password_confirmation: 'pw' },
        location: '/check-your-email',
      })
      .get('https://shop.test/check-your-email')
      .get('https://shop.test/account', { location: '/login' })
      .get('https://shop.test/login')
      .build();
    expect(findingsOf(analyzeTrace(scenario), 'session-not-established')).toEqual([]);
    // The same POST without the confirming field is a login whose session never came.
    const login = trace()
      .get('https://shop.test/login')
      .post('https://shop.test/login', { form: { email: 'ann@shop.test', password: 'pw' }, location: '/welcome' })
      .get('https://shop.test/welcome')
      .get('https://shop.test/account', { location: '/login' })
      .get('https://shop.test/login')
      .build();
    expect(findingsOf(analyzeTrace(login), 'session-not-established')).toHaveLength(1);
  });

  it('a file stripped of its Cookie headers, whose cookies later requests would carry, gets the note', () => {
    const scenario = trace()
      .get('https://shop.test/', { setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/a')
      .build();
    expect(textReport('scenario.har', scenario, analyzeTrace(scenario))).toContain('a sanitised export?');
  });

  it('a request that got no answer, recorded with its provisional headers (no Cookie), is no sign of a sanitised file', () => {
    // CUPS's recording: after the login every page came from the cache; only cancelled favicon requests went out.
    const scenario = trace()
      .get('https://shop.test/', { setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/favicon.ico', { noResponse: true })
      .build();
    expect(textReport('scenario.har', scenario, analyzeTrace(scenario))).not.toContain('sanitised');
  });

  it('the browser rejects the Secure session cookie on http:// → names the cookie and SecureOnly', () => {
    const result = trace()
      .post('http://shop.test/login', {
        cookie: '',
        form: PASSWORD,
        location: '/account',
        setCookie: [`sid=${ID.a}; ${GOOD}`],
      })
      .get('http://shop.test/account', { cookie: '', location: '/login' })
      .analyze();
    const [f] = findingsOf(result, 'session-not-established');
    expect(f).toMatchObject({ cookie: 'sid', entry: 0, reason: 'SecureOnly' });
    expect(f!.message).toContain('the browser rejected its sid cookie (SecureOnly');
    expect(serious(result)).toEqual([
      'session-not-established sid@0 SecureOnly',
      'cookie-set-over-http sid@0',
      'cookie-rejected sid@0 SecureOnly',
    ]);
  });

  it('no Set-Cookie, the home page after the login answered as to anyone, the first page that needs the session refuses', () => {
    // express-session and Rails' cookie store with `secure` over http://: no cookie at all; the login lands on a
    // public home page (304), and only the account page after it tells the session is missing.
    const result = trace()
      .get('http://shop.test/login')
      .post('http://shop.test/login', { form: PASSWORD, location: '/' })
      .get('http://shop.test/', { status: 304 })
      .get('http://shop.test/', { status: 304 })
      .get('http://shop.test/account', { location: '/session/new' })
      .analyze();
    expect(serious(result)).toEqual(['session-not-established -@1']);
    expect(findingsOf(result, 'session-not-established')[0]!.message).toContain(
      'No request after it carried a session cookie, and /account was answered with a 302 redirect to the login page',
    );
  });

  it('not when a logout comes before the page that refuses (what follows answers for the logout)', () => {
    const result = trace()
      .get('http://shop.test/login')
      .post('http://shop.test/login', { form: PASSWORD, location: '/' })
      .get('http://shop.test/', { status: 304 })
      .get('http://shop.test/logout', { location: '/' })
      .get('http://shop.test/account', { location: '/login' })
      .analyze();
    expect(findingsOf(result, 'session-not-established')).toEqual([]);
  });

  it('a login refused with 419 where the browser had rejected the session cookie the login form’s page set', () => {
    // Laravel with SESSION_SECURE_COOKIE over http://: its CSRF token lives in a session the browser never kept.
    const result = trace()
      .get('http://shop.test/login', { cookie: '', setCookie: [`laravel_session=${ID.a}; ${GOOD}`] })
      .post('http://shop.test/login', { cookie: '', form: PASSWORD, status: 419 })
      .analyze();
    const [f] = findingsOf(result, 'session-not-established');
    expect(f).toMatchObject({ cookie: 'laravel_session', entry: 1, reason: 'SecureOnly' });
    expect(f!.message).toContain('was refused with 419');
    expect(f!.message).toContain('the browser had rejected the laravel_session cookie');
  });

  it('a login refused with 419 while the session cookie was kept: no such finding (the session was lost, not never made)', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [`laravel_session=${ID.a}; ${GOOD}`] })
      .post('https://shop.test/login', { cookie: `laravel_session=${ID.a}`, form: PASSWORD, status: 419 })
      .analyze();
    expect(findingsOf(result, 'session-not-established')).toEqual([]);
  });

  it('a script’s login answered 200, then the API answers 401 to a request with no session', () => {
    const result = trace()
      .post('https://app.test/api/login', { cookie: '', form: PASSWORD, resourceType: 'fetch' })
      .get('https://app.test/api/me', { cookie: '', resourceType: 'fetch', status: 401 })
      .analyze();
    expect(serious(result)).toEqual(['session-not-established -@0']);
  });

  it('a wrong password tried next is answered about its own credentials, not about the session', () => {
    const login = (password: string, status: number) =>
      ({ cookie: '', form: { ...PASSWORD, password }, resourceType: 'fetch', status }) as const;
    const result = (then: 'wrong password' | 'page') =>
      trace()
        .post('https://app.test/api/login', login('pw', 200))
        .post(
          'https://app.test/api/login',
          then === 'wrong password' ? login('bad', 401) : { cookie: '', resourceType: 'fetch', status: 401 },
        )
        .analyze();
    expect(findingsOf(result('wrong password'), 'session-not-established')).toEqual([]);
    // A request that brings no credentials answered 401 is the lost session.
    expect(serious(result('page'))).toEqual(['session-not-established -@0']);
  });

  it('a login answered with the login page again is as likely a wrong password: not reported', () => {
    const result = trace()
      .post('https://shop.test/login', { cookie: '', form: PASSWORD, location: '/login?error=1' })
      .get('https://shop.test/login?error=1', { cookie: '' })
      .get('https://shop.test/account', { cookie: '', location: '/login' })
      .analyze();
    expect(findingsOf(result, 'session-not-established')).toEqual([]);
  });

  it('a login that sets its session cookie establishes the session', () => {
    const result = trace()
      .post('https://shop.test/login', {
        cookie: '',
        form: PASSWORD,
        location: '/account',
        setCookie: [`sid=${ID.a}; ${GOOD}`],
      })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(serious(result)).toEqual([]);
  });

  it('a login whose next request still carries a session cookie is not this rule’s (fixation is told apart)', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .post('https://shop.test/login', { cookie: `sid=${ID.a}`, form: PASSWORD, location: '/account' })
      .get('https://shop.test/account', { cookie: `sid=${ID.a}`, location: '/login' })
      .analyze();
    expect(findingsOf(result, 'session-not-established')).toEqual([]);
  });

  it('an accepted login with nothing after it in the trace: no evidence, no finding', () => {
    const result = trace()
      .post('https://shop.test/login', { cookie: '', form: PASSWORD, location: '/account' })
      .analyze();
    expect(findingsOf(result, 'session-not-established')).toEqual([]);
  });
});
