// A redacted trace (every cookie value hashed) analyses as the trace it came from: the same sessions and the same
// ends of their IDs. Here for cookies written in chunks, whose telling-apart rests on a marker value (ASP.NET Core)
// or on the first chunk's length (Auth.js), both of which a hash would lose.
import { describe, expect, it } from 'vitest';
import { ID, trace } from '../../../test/helpers/traceBuilder.ts';
import { type AnalysisResult, analyzeTrace } from '../analysis/analyze.ts';
import type { Trace } from '../trace/types.ts';
import { redactCookieValue, redactTrace } from './redactTrace.ts';

const ATTRS = 'Path=/; Secure; HttpOnly; SameSite=Lax';
/** base64url of {"alg":"dir","enc":"A256GCM"}: an encrypted JWT's protected header. */
const JWE_HEADER = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0';

/** What the lifecycle shows: each session cookie and how each of its IDs ended. */
function lanes(result: AnalysisResult): [string, (string | undefined)[]][] {
  return result.sessions.map((s) => [s.cookie, s.ids.map((id) => id.endedBy)]);
}

function expectSameAfterRedaction(built: Trace): void {
  const raw = analyzeTrace(built);
  const redacted = analyzeTrace(redactTrace(built).trace);
  expect(lanes(redacted)).toEqual(lanes(raw));
  expect(redacted.findings.map((f) => [f.rule, f.cookie, f.entry])).toEqual(
    raw.findings.map((f) => [f.rule, f.cookie, f.entry]),
  );
}

describe('redactTrace on cookies written in chunks', () => {
  it("keeps ASP.NET Core's chunks-N marker: a count, no secret", () => {
    expect(redactCookieValue('.AspNetCore.Cookies', 'chunks-3')).toBe('chunks-3');
    expect(redactCookieValue('.AspNetCore.CookiesC1', ID.a)).toMatch(/^h:[0-9a-f]{8}$/);
  });

  it('an ASP.NET Core ticket in chunks analyses the same redacted', () => {
    const name = '.AspNetCore.Cookies';
    const cookies = `${name}=chunks-2; ${name}C1=${ID.a}; ${name}C2=${ID.b}`;
    const renewed = `${name}=chunks-2; ${name}C1=${ID.c}; ${name}C2=${ID.d}`;
    const set = (c: string) => c.split('; ').map((p) => `${p}; ${ATTRS}`);
    const built = trace()
      .post('https://app.test/Account/Login', {
        cookie: '',
        form: { Email: 'a@app.test', Password: 'x' },
        location: '/',
        setCookie: set(cookies),
      })
      .get('https://app.test/', { cookie: cookies })
      .get('https://app.test/orders', { cookie: cookies, setCookie: set(renewed) })
      .get('https://app.test/orders/1', { cookie: renewed })
      .build();
    expect(lanes(analyzeTrace(built)).map(([cookie]) => cookie)).toEqual([`${name}C1`]);
    expectSameAfterRedaction(built);
  });

  it("Auth.js's token in numbered chunks analyses the same redacted", () => {
    const name = '__Secure-authjs.session-token';
    const chunks = (id: string) => `${name}.0=${JWE_HEADER}..${id}.${id.repeat(115)}; ${name}.1=${id.repeat(20)}`;
    const set = (c: string) => c.split('; ').map((p) => `${p}; ${ATTRS}`);
    const built = trace()
      .post('https://app.test/auth/callback/credentials', {
        cookie: '',
        form: { username: 'a', password: 'x' },
        location: '/',
        setCookie: set(chunks(ID.a)),
      })
      .get('https://app.test/', { cookie: chunks(ID.a) })
      .get('https://app.test/auth/session', { cookie: chunks(ID.a), setCookie: set(chunks(ID.b)) })
      .get('https://app.test/orders', { cookie: chunks(ID.b) })
      .build();
    expect(lanes(analyzeTrace(built)).map(([cookie]) => cookie)).toEqual([`${name}.0`]);
    expectSameAfterRedaction(built);
  });
});

describe('redactTrace on JSON request bodies', () => {
  const posted = (text: string) => {
    const built = trace()
      .post('https://reg.test/-/verdaccio/sec/login', { body: { text, mimeType: 'application/json' } })
      .build();
    const redacted = redactTrace(built).trace;
    const entry = redacted.events.find((e) => e.kind === 'entry');
    return { built, redacted, text: entry?.kind === 'entry' ? entry.entry.request.postData?.text : undefined };
  };

  it("hashes a JSON login's password (at any depth) and keeps the fields' names: the login is still one", () => {
    const { built, redacted, text } = posted('{"username":"alice","password":"secret"}');
    expect(text).not.toContain('secret');
    expect(JSON.parse(text!)).toEqual({ username: 'alice', password: expect.stringMatching(/^h:[0-9a-f]{8}$/) });
    expect(analyzeTrace(redacted).facts.logins.map((l) => l.signal)).toEqual(
      analyzeTrace(built).facts.logins.map((l) => l.signal),
    );
    // Tryton's sao nests it in a JSON-RPC call's arguments.
    const nested = posted('{"method":"common.db.login","params":["alice",{"password":"hunter22"},"en"]}').text;
    expect(nested).not.toContain('hunter22');
    expect(JSON.parse(nested!).params[1]).toEqual({ password: expect.stringMatching(/^h:[0-9a-f]{8}$/) });
  });

  it("hashes the texts a JSON-RPC login call passes unnamed, as a form's values are: the login is still one", () => {
    // Deluge's web UI: its password is the call's only argument.
    const { built, redacted, text } = posted('{"method":"auth.login","params":["hunter22"],"id":1}');
    expect(text).not.toContain('hunter22');
    expect(JSON.parse(text!)).toEqual({
      method: 'auth.login',
      params: [expect.stringMatching(/^h:[0-9a-f]{8}$/)],
      id: 1,
    });
    expect(analyzeTrace(redacted).facts.logins.map((l) => l.signal)).toEqual(['password-post']);
    expect(analyzeTrace(built).facts.logins.map((l) => l.signal)).toEqual(['password-post']);
    // Another call's arguments are no secret.
    expect(posted('{"method":"web.update_ui","params":[["name"],{}],"id":2}').text).toBe(
      '{"method":"web.update_ui","params":[["name"],{}],"id":2}',
    );
  });

  it('leaves a JSON body without secrets, text that is not JSON, and a hostile `__proto__` key as they are', () => {
    expect(posted('{"query":"books","page":2}').text).toBe('{"query":"books","page":2}');
    expect(posted('{"password": oops').text).toBe('{"password": oops');
    const hostile = posted('{"__proto__":{"token":"abcdefgh"},"user":"x"}').text!;
    expect(hostile).not.toContain('abcdefgh');
    expect(Object.keys(JSON.parse(hostile))).toEqual(['__proto__', 'user']);
    expect(({} as Record<string, unknown>).token).toBeUndefined();
  });
});

describe('redactTrace on credentials in addresses', () => {
  it('hides an authorization code however the address writes it, with the hash of its value', () => {
    // `%2b` in lower case and `+` for a space: not what encodeURIComponent writes, so found as written.
    const written = 'Spl%2bxlOBe+ZQQYbYS6WxSbIA';
    const built = trace()
      .get(`https://rp.test/callback?code=${written}&state=af0ifjsldkj`)
      .get('https://rp.test/home', {
        headers: { Referer: `https://rp.test/callback?code=${written}&state=af0ifjsldkj` },
      })
      .build();
    const text = JSON.stringify(redactTrace(built).trace);
    expect(text).not.toContain(written);
    expect(text).not.toContain('Spl+xlOBe ZQQYbYS6WxSbIA');
    expect(text.match(/code=h:[0-9a-f]{8}/g)).toHaveLength(2);
  });
});

describe('redactTrace on secrets that stand as parameters', () => {
  it('hides a short password and a word-valued key where they stand, and nowhere else: a host keeps its name', () => {
    // Real recordings: a GET login `?username=user&password=pass`; an ad sync `?api_key=doubleclick`, on a page whose
    // other requests went to cm.g.doubleclick.net.
    const built = trace()
      .get('https://app.test/action_form_process.jsp?username=user&password=pass')
      .get('https://sync.test/pixel?api_key=doubleclick&id=sync')
      .get('https://cm.g.doubleclick.net/pixel?google_nid=vdna', {
        headers: { Referer: 'https://app.test/x?sessionID=c561b8f7222ab88f025356889be575af' },
      })
      .build();
    const { trace: redacted, text } = redactTrace(built);
    const urls = redacted.events.flatMap((e) => (e.kind === 'entry' ? [e.entry.request.url] : []));
    expect(urls[0]).toMatch(/\?username=user&password=h:[0-9a-f]{8}$/);
    expect(urls[1]).toMatch(/\?api_key=h:[0-9a-f]{8}&id=sync$/);
    expect(urls[2]).toBe('https://cm.g.doubleclick.net/pixel?google_nid=vdna');
    const all = JSON.stringify(redacted);
    expect(all).not.toContain('c561b8f7222ab88f025356889be575af');
    // Any other text that goes with the trace, as a finding's message writes an address.
    expect(text('(GET /action_form_process.jsp?username=user&password=pass)')).toMatch(/password=h:[0-9a-f]{8}\)$/);
  });
});
