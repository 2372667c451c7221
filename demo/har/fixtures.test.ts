// The committed HARs in test/fixtures/demo-har show what their scenario is about: each was recorded
// from real Chromium by scripts/record-demo-hars.ts, and these checks catch a recording that regressed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS, type DemoScenario, scenarioStart } from '../scenarios.ts';
import type { HarEntry, HarLog } from './to-har.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'demo-har');

function load(id: string): HarLog {
  return JSON.parse(readFileSync(join(FIXTURES, `${id}.har`), 'utf8')) as HarLog;
}

const sent = (e: HarEntry, name: string) => e.request.cookies.filter((c) => c.name === name).map((c) => c.value);
const set = (e: HarEntry, name: string) => e.response.cookies.filter((c) => c.name === name);
const setLines = (e: HarEntry) =>
  e.response.headers.filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
const at = (har: HarLog, i: number): HarEntry => {
  const entry = har.log.entries[i];
  if (entry === undefined) throw new Error(`no entry ${i}`);
  return entry;
};
const gapMs = (a: HarEntry, b: HarEntry) => Date.parse(b.startedDateTime) - Date.parse(a.startedDateTime);

describe.each(DEMO_SCENARIOS.map((s) => [s.id, s] as const))('fixture %s', (id, scenario) => {
  const har = load(id);

  it('is a HAR 1.2 log from Chromium whose first request is the scenario start', () => {
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('sessionscope-recorder');
    expect(har.log.browser.name).toBe('Chromium');
    const start = scenarioStart(scenario);
    const first = new URL(at(har, 0).request.url);
    expect([first.protocol, first.hostname, first.pathname]).toEqual([`${start.scheme}:`, start.host, start.path]);
    expect(at(har, 0)._sessionscope.initiatorUrl).toBeUndefined();
    for (const entry of har.log.entries) {
      expect(entry.response.status).toBeGreaterThan(0);
      expect(entry._sessionscope.browserReport).toBeDefined();
    }
  });

  it('holds every refusal to send the scenario expects, with Chrome’s reason', () => {
    const blocked = har.log.entries.flatMap((e) => e._sessionscope.browserReport?.blockedRequestCookies ?? []);
    for (const { cookie, reason } of scenario.expectedNotSent ?? []) {
      expect(
        blocked.some((b) => b.name === cookie && b.reasons.includes(reason)),
        `${cookie} ${reason}`,
      ).toBe(true);
    }
    const rejected = har.log.entries.flatMap((e) => e._sessionscope.browserReport?.blockedResponseCookies ?? []);
    for (const { cookie, reason } of scenario.expectedRejected ?? []) {
      expect(rejected.some((b) => b.cookieLine.startsWith(`${cookie}=`) && b.reasons.includes(reason))).toBe(true);
    }
  });
});

describe.each(DEMO_SCENARIOS.filter((s) => s.onlySerious).map((s) => [s.id, s] as const))(
  'fixture %s: Chromium refused exactly what the scenario lists',
  (id, scenario) => {
    const har = load(id);
    it('no other cookie blocked, no other Set-Cookie rejected', () => {
      const blocked = har.log.entries.flatMap((e) =>
        (e._sessionscope.browserReport?.blockedRequestCookies ?? []).flatMap((b) =>
          b.reasons.map((r) => `${b.name} ${r}`),
        ),
      );
      const rejected = har.log.entries.flatMap((e) =>
        (e._sessionscope.browserReport?.blockedResponseCookies ?? []).flatMap((b) =>
          b.reasons.map((r) => `${b.cookieLine.slice(0, b.cookieLine.indexOf('='))} ${r}`),
        ),
      );
      const listed = (l: DemoScenario['expectedNotSent']) => (l ?? []).map((x) => `${x.cookie} ${x.reason}`).sort();
      expect([...new Set(blocked)].sort()).toEqual(listed(scenario.expectedNotSent));
      expect([...new Set(rejected)].sort()).toEqual(listed(scenario.expectedRejected));
    });
  },
);

const cookieLines = (har: HarLog) => har.log.entries.map((e) => setLines(e).map((l) => l.slice(0, l.indexOf('='))));
const paths = (har: HarLog) =>
  har.log.entries.map((e) => `${e.request.method} ${new URL(e.request.url).pathname} ${e.response.status}`);

describe('fixture contents per scenario', () => {
  it('cluster-login-affinity: each hop carries the ID the last one set and gets a new one from the other node', () => {
    const har = load('cluster-login-affinity');
    expect(paths(har)).toEqual(['GET / 200', 'POST /login 302', 'GET /account 302', 'GET /login 200']);
    const entries = har.log.entries;
    expect(entries.map((e) => set(e, 'SERVERID')[0]?.value)).toEqual(['node1', 'node2', 'node1', 'node2']);
    for (let i = 1; i < entries.length; i++) {
      expect(sent(at(har, i), 'connect.sid')).toEqual(set(at(har, i - 1), 'connect.sid').map((c) => c.value));
      expect(set(at(har, i), 'connect.sid')).toHaveLength(1);
    }
  });

  it('cluster-login: the ID the login set goes to the other node, which sets none and redirects to /login', () => {
    const har = load('cluster-login');
    expect(paths(har)).toEqual(['GET / 200', 'POST /login 302', 'GET /account 302', 'GET /login 200']);
    expect(cookieLines(har)).toEqual([[], ['connect.sid'], [], []]);
    expect(sent(at(har, 2), 'connect.sid')).toEqual(set(at(har, 1), 'connect.sid').map((c) => c.value));
    expect(at(har, 2).response.redirectURL).toMatch(/\/login$/);
  });

  it('secure-cookie-over-http: the password POST is accepted over http:// and no Set-Cookie appears anywhere', () => {
    const har = load('secure-cookie-over-http');
    expect(paths(har)).toEqual(['GET / 200', 'POST /login 302', 'GET /account 302', 'GET /login 200']);
    expect(har.log.entries.every((e) => e.request.url.startsWith('http://'))).toBe(true);
    expect(cookieLines(har)).toEqual([[], [], [], []]);
    expect(at(har, 1).request.postData?.params?.map((p) => p.name)).toContain('password');
  });

  it('secure-cookie-rejected-on-http: the login sets a Secure sid over http://, Chromium refuses it, none is sent', () => {
    const har = load('secure-cookie-rejected-on-http');
    expect(paths(har)).toEqual(['GET / 200', 'POST /login 302', 'GET /account 302', 'GET /login 200']);
    expect(setLines(at(har, 1)).some((l) => /^sid=[0-9a-f]{32};.*Secure/.test(l))).toBe(true);
    expect(at(har, 1)._sessionscope.browserReport?.blockedResponseCookies?.[0]?.reasons).toEqual(['SecureOnly']);
    expect(har.log.entries.flatMap((e) => sent(e, 'sid'))).toEqual([]);
  });

  it('cookie-session-updates: every response writes session and session.sig again, each with a new value', () => {
    const har = load('cookie-session-updates');
    expect(cookieLines(har)).toEqual(Array(4).fill(['session', 'session.sig']));
    const values = har.log.entries.map((e) => set(e, 'session')[0]?.value);
    expect(new Set(values).size).toBe(4);
    // The same session inside, one more page view each time.
    expect(values.map((v) => (JSON.parse(atob(v ?? '')) as { views: number }).views)).toEqual([1, 2, 3, 4]);
  });

  it('iron-session-updates: every response seals app_session again, each time a new Fe26.2 value', () => {
    const har = load('iron-session-updates');
    expect(paths(har)).toEqual([
      'GET / 200',
      'POST /login 302',
      'GET /account 200',
      'GET /account 200',
      'GET /account 200',
    ]);
    const values = har.log.entries.map((e) => set(e, 'app_session').at(-1)?.value ?? '');
    expect(values.every((v) => v.startsWith('Fe26.2*'))).toBe(true);
    expect(new Set(values).size).toBe(values.length);
    // Each request carries what the response before it sealed.
    for (let i = 1; i < values.length; i++) expect(sent(at(har, i), 'app_session')).toEqual([values[i - 1]]);
  });

  it('authjs-session: the credentials sign-in sets an encrypted JWT; each session check answers a new one', () => {
    const har = load('authjs-session');
    const name = '__Secure-authjs.session-token';
    const tokens = har.log.entries.flatMap((e) => set(e, name).map((c) => c.value));
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) {
      // A JWE in compact form (RFC 7516): five parts, the protected header naming the content encryption.
      const parts = token.split('.');
      expect(parts).toHaveLength(5);
      expect(JSON.parse(atob(parts[0]!.replace(/-/g, '+').replace(/_/g, '/')))).toMatchObject({ alg: 'dir' });
    }
    const checks = har.log.entries.filter((e) => new URL(e.request.url).pathname === '/auth/session');
    expect(checks.map((e) => set(e, name).length)).toEqual([1, 1]);
  });

  it('authjs-chunked-session: the token with many claims is written as two chunks, both again at each check', () => {
    const har = load('authjs-chunked-session');
    const name = '__Secure-authjs.session-token';
    const written = cookieLines(har).map((names) => names.filter((n) => n.startsWith(name)));
    expect(written.filter((names) => names.length > 0)).toEqual(Array(3).fill([`${name}.0`, `${name}.1`]));
    // The first chunk is full (Auth.js fills a chunk before it starts the next) and begins with the JWE's header.
    const first = set(at(har, 3), `${name}.0`)[0]?.value ?? '';
    expect(first.length).toBeGreaterThan(3000);
    expect(first.startsWith('eyJ')).toBe(true);
  });

  it('sso-login: the callback carries the session that holds the state and gets a new one', () => {
    const har = load('sso-login');
    expect(paths(har)).toEqual([
      'GET / 200',
      'GET /auth/start 302',
      'GET /authorize 200',
      'POST /authorize 302',
      'GET /callback 302',
      'GET /account 200',
    ]);
    expect(new URL(at(har, 3).request.url).hostname).toBe('id.test');
    const callback = at(har, 4);
    expect(new URL(callback.request.url).searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
    const before = set(at(har, 1), 'connect.sid')[0]?.value;
    expect(sent(callback, 'connect.sid')).toEqual([before]);
    const after = set(callback, 'connect.sid')[0]?.value;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(sent(at(har, 5), 'connect.sid')).toEqual([after]);
  });

  it('sso-strict-cookie: the callback from the other site goes without the Strict session cookie and is refused', () => {
    const har = load('sso-strict-cookie');
    expect(paths(har)).toEqual([
      'GET / 200',
      'GET /auth/start 302',
      'GET /authorize 200',
      'POST /authorize 302',
      'GET /callback 400',
    ]);
    expect(setLines(at(har, 1)).some((l) => /^connect\.sid=.*SameSite=Strict/i.test(l))).toBe(true);
    const callback = at(har, 4);
    expect(sent(callback, 'connect.sid')).toEqual([]);
    const blocked = callback._sessionscope.browserReport?.blockedRequestCookies ?? [];
    expect(blocked.map((b) => [b.name, b.reasons])).toEqual([['connect.sid', ['SchemefulSameSiteStrict']]]);
  });

  it('login-retry: a mistyped password keeps the session and shows the form again; the right one replaces it', () => {
    const har = load('login-retry');
    expect(paths(har)).toEqual(['GET / 200', 'POST /login 200', 'POST /login 302', 'GET /account 200']);
    const before = set(at(har, 0), 'connect.sid')[0]?.value;
    expect(sent(at(har, 1), 'connect.sid')).toEqual([before]);
    expect(setLines(at(har, 1))).toEqual([]);
    expect(sent(at(har, 2), 'connect.sid')).toEqual([before]);
    const after = set(at(har, 2), 'connect.sid')[0]?.value;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('rest-logout: the sign-out form posts _method=delete to /session, answered with connect.sid cleared', () => {
    const har = load('rest-logout');
    expect(paths(har)).toEqual([
      'GET / 200',
      'POST /session 303',
      'GET /account 200',
      'POST /session 303',
      'GET / 200',
    ]);
    const signOut = at(har, 3);
    expect(signOut.request.postData?.text).toBe('_method=delete');
    expect(sent(signOut, 'connect.sid')).toEqual([set(at(har, 1), 'connect.sid')[0]?.value]);
    expect(setLines(signOut)).toEqual([expect.stringMatching(/^connect\.sid=; .*Expires=Thu, 01 Jan 1970/)]);
    expect(sent(at(har, 4), 'connect.sid')).toEqual([]);
  });

  it('jwt-expired: the JWT the login set is accepted, then answered 401 past its exp with no Set-Cookie', () => {
    const har = load('jwt-expired');
    expect(paths(har)).toEqual(['GET / 200', 'POST /login 302', 'GET /me 200', 'GET /me 401']);
    const jwt = set(at(har, 1), 'api_session')[0]?.value ?? '';
    const exp = (JSON.parse(atob((jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { exp: number })
      .exp;
    expect(sent(at(har, 3), 'api_session')).toEqual([jwt]);
    expect(Date.parse(at(har, 3).startedDateTime)).toBeGreaterThan(exp * 1000);
    expect(setLines(at(har, 3))).toEqual([]);
  });

  it('secure-lost-on-http: the http:// request lacks the Secure sid and gets a new one', () => {
    const har = load('secure-lost-on-http');
    const overHttp = har.log.entries.find((e) => e.request.url.startsWith('http://'));
    if (overHttp === undefined) throw new Error('no http:// entry');
    expect(sent(overHttp, 'sid')).toEqual([]);
    expect(set(overHttp, 'sid')).toHaveLength(1);
  });

  it('load-balancer: node1’s ID goes to the balancer, node2’s comes back', () => {
    const [a, b] = load('load-balancer').log.entries;
    if (a === undefined || b === undefined) throw new Error('two entries expected');
    expect(sent(b, 'JSESSIONID')).toEqual(set(a, 'JSESSIONID').map((c) => c.value));
    expect(set(b, 'JSESSIONID')[0]?.value).toMatch(/\.node2$/);
    expect(set(b, 'SERVERID')[0]?.value).toBe('node2');
  });

  it('server-expiry: after more than 2 s the old sid is sent and a new one issued', () => {
    const har = load('server-expiry');
    const [a, b] = [at(har, 0), at(har, 1)];
    expect(gapMs(a, b)).toBeGreaterThan(2000);
    const oldSid = set(a, 'sid')[0]?.value;
    expect(sent(b, 'sid')).toEqual([oldSid]);
    expect(set(b, 'sid')[0]?.value).not.toBe(oldSid);
  });

  it('client-expiry: the Max-Age=2 cookie is absent after expiry and a new one issued', () => {
    const har = load('client-expiry');
    const [a, b] = [at(har, 0), at(har, 1)];
    expect(setLines(a).some((l) => l.startsWith('sid=') && l.includes('Max-Age=2'))).toBe(true);
    expect(gapMs(a, b)).toBeGreaterThan(2000);
    expect(sent(b, 'sid')).toEqual([]);
    expect(set(b, 'sid')).toHaveLength(1);
  });

  it('logout: the logout response deletes sid with Max-Age=0 and a past Expires', () => {
    const logout = load('logout').log.entries.find((e) => e.request.url.endsWith('/account/logout'));
    if (logout === undefined) throw new Error('no logout entry');
    expect(sent(logout, 'sid')).toHaveLength(1);
    expect(setLines(logout).some((l) => /^sid=;.*Max-Age=0.*Expires=Thu, 01 Jan 1970/.test(l))).toBe(true);
  });

  it('fixation: the password POST carries the pre-login sid and no new one is set', () => {
    const har = load('fixation');
    const login = har.log.entries.find((e) => e.request.method === 'POST');
    if (login === undefined) throw new Error('no POST');
    expect(login.request.postData?.params?.map((p) => p.name)).toContain('password');
    expect(sent(login, 'sid')).toEqual(set(at(har, 0), 'sid').map((c) => c.value));
    expect(set(login, 'sid')).toEqual([]);
    expect(sent(at(har, 2), 'sid')).toEqual(sent(login, 'sid'));
  });

  it('rotation: the password POST answers with a different sid', () => {
    const login = load('rotation').log.entries.find((e) => e.request.method === 'POST');
    if (login === undefined) throw new Error('no POST');
    const [before] = sent(login, 'sid');
    const [after] = set(login, 'sid');
    expect(before).toBeDefined();
    expect(after?.value).toBeDefined();
    expect(after?.value).not.toBe(before);
  });

  it('id-in-url: request URLs carry the sid value as ;jsessionid= and ?sid=', () => {
    const har = load('id-in-url');
    const sid = set(at(har, 0), 'sid')[0]?.value;
    expect(at(har, 1).request.url).toContain(`;jsessionid=${sid}`);
    expect(at(har, 2).request.queryString).toContainEqual({ name: 'sid', value: sid });
  });

  it('insecure-attributes: the weak Set-Cookie lines, the http:// one, and the alg:none JWT', () => {
    const har = load('insecure-attributes');
    const lines = setLines(at(har, 0));
    const sessionid = lines.find((l) => l.startsWith('sessionid='));
    expect(sessionid).toMatch(/Domain=shop\.test/);
    expect(sessionid).toMatch(/Max-Age=2592000/);
    expect(sessionid).not.toMatch(/Secure|HttpOnly|SameSite/i);
    const jwt = set(at(har, 0), 'app_session')[0]?.value ?? '';
    expect(JSON.parse(atob(jwt.split('.')[0] ?? ''))).toEqual({ alg: 'none', typ: 'JWT' });
    expect(JSON.parse(atob((jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')))).not.toHaveProperty('exp');
    const overHttp = har.log.entries.find((e) => e.request.url.startsWith('http://'));
    expect(overHttp && set(overHttp, 'PHPSESSID')).toHaveLength(1);
    const api = har.log.entries.find((e) => new URL(e.request.url).hostname === 'api.shop.test');
    expect(api && sent(api, 'sessionid')).toEqual(set(at(har, 0), 'sessionid').map((c) => c.value));
  });

  it('shadowed-paths: one request carries two sid cookies', () => {
    const har = load('shadowed-paths');
    expect(har.log.entries.some((e) => sent(e, 'sid').length === 2)).toBe(true);
  });
});
