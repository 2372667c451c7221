import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trace } from '../../../test/helpers/traceBuilder.ts';
import { type AnalysisResult, analyzeTrace } from '../analysis/analyze.ts';
import { redactValue } from '../analysis/redact.ts';
import { parseHar } from '../har/har.ts';
import { SHOWN_URL_CHARS, shortUrl } from './shortUrl.ts';
import { buildStories, clock, clockBeside, duration, idName, type StoryFinding } from './story.ts';

function analysed(name: string, values: 'raw' | 'redacted' = 'redacted'): AnalysisResult {
  return analyzeTrace(parseHar(readFileSync(`test/fixtures/demo-har/${name}.har`, 'utf8')), { values });
}

function timeOf(result: AnalysisResult, entry: number): number {
  return result.facts.requests.find((r) => r.entry === entry)!.time;
}

/** The value the lane held before the given entry's request (raw, from the facts). */
function laneIds(result: AnalysisResult, cookie: string): string[] {
  return result.facts.lanes.find((l) => l.cookie === cookie)!.ids.map((i) => i.id);
}

describe('story over the recorded demo scenarios', () => {
  it('secure-lost-on-http: lost at the http request, SecureOnly, new ID refused; idle and age from the lane', () => {
    const result = analysed('secure-lost-on-http');
    expect(result.story).toHaveLength(1);
    const s = result.story![0]!;
    expect(s.kind).toBe('lost');
    expect(s.cookie).toBe('sid');
    const lost = result.findings.findIndex((f) => f.rule === 'session-reset');
    expect(s.entry).toBe(result.findings[lost]!.entry);
    expect(s.time).toBe(timeOf(result, s.entry));
    expect(s.headline).toContain(`(#${s.entry})`);
    expect(s.headline).toMatch(/^Your session was lost at \d\d:\d\d:\d\d\.\d{3} UTC on GET http:\/\//);
    expect(s.cause).toContain('Secure cookie `sid` is not sent over http://');
    expect(s.cause).toContain('refused by the browser: OverwriteSecure');
    expect(s.confidence).toBe('certain');
    // The not-sent and the refused Set-Cookie at the same request are told in this story, not apart.
    const notSent = result.findings.findIndex((f) => f.rule === 'session-not-sent');
    expect(s.related).toEqual(expect.arrayContaining([lost, notSent]));
    expect(s.fix).toBe(result.findings[notSent]!.fix);
    expect(s.steps.some((x) => x.startsWith('Browser: did not send `sid`') && x.includes('SecureOnly'))).toBe(true);
    // The ID was last sent at the request before (#2), first seen at the login's answer (#1).
    const raw = laneIds(analysed('secure-lost-on-http', 'raw'), 'sid')[0]!;
    const sentBefore = result.facts.requests.filter((r) => r.entry < s.entry && r.sent.some((c) => c.value === raw));
    const last = sentBefore[sentBefore.length - 1]!;
    expect(s.timing.lastUsedEntry).toBe(last.entry);
    expect(s.timing.lastUse).toBe('sent');
    expect(s.timing.idleMs).toBe(s.time - last.time);
    expect(s.timing.firstEntry).toBe(1);
    expect(s.timing.ageMs).toBe(s.time - timeOf(result, 1));
    expect(s.steps.some((x) => x.startsWith(`Idle: ${duration(s.timing.idleMs!)}`))).toBe(true);
    // Session cookie without Expires: no expiry evidence to give.
    expect(s.timing.expiresAt).toBeUndefined();
  });

  it('a session kept in the cookie, written anew at each page, is as old as its first value, not its last', () => {
    // Recorded: Flask with its key made at start-up, restarted after the login (test/frameworks/flask).
    const text = readFileSync('test/fixtures/framework-har/flask-random-secret-restart.har', 'utf8');
    const result = analyzeTrace(parseHar(text), { values: 'redacted' });
    const s = result.story![0]!;
    const login = result.facts.logins[0]!.entry;
    expect(s.cause).toContain('could no longer read the session (or its ID) kept in that cookie');
    // The value the page wrote after the login was the same session, updated: it began at the login.
    expect(s.timing.firstEntry).toBe(login);
    expect(s.timing.ageMs).toBe(s.time - timeOf(result, login));
    expect(s.timing.ageMs).toBeGreaterThan(s.timing.idleMs!);
  });

  it('server-expiry: the request carried the ID and the server answered with a new one', () => {
    const result = analysed('server-expiry');
    expect(result.story).toHaveLength(1);
    const s = result.story![0]!;
    const reset = result.findings.find((f) => f.rule === 'session-reset')!;
    expect([s.kind, s.entry, s.rule]).toEqual(['lost', reset.entry, 'session-reset']);
    expect(s.cause).toContain('carried `sid`');
    expect(s.cause).toContain('server no longer knew the session');
    expect(s.cause).toContain(`new ID ${reset.evidence.newId}`);
    expect(s.steps).toContain(`Browser: sent \`sid\` ${reset.evidence.lostId}.`);
    // Idle time is what tells a server-side idle timeout apart: here the gap since the ID was set.
    expect(s.timing.idleMs).toBe(s.time - timeOf(result, 0));
    expect(s.timing.idleMs).toBeGreaterThan(1000);
    expect(s.timing.ageMs).toBe(s.timing.idleMs);
  });

  it('client-expiry: the cookie expired in the browser before the request, with the margin', () => {
    const result = analysed('client-expiry');
    expect(result.story).toHaveLength(1);
    const s = result.story![0]!;
    expect(s.kind).toBe('lost');
    expect(s.cause).toContain('expired in the browser');
    const set = result.facts.requests[0]!.setCookies.find((c) => c.name === 'sid')!;
    const expiresAt = set.outcome.kind === 'stored' ? set.outcome.cookie.expiresAt : undefined;
    expect(expiresAt).toBeDefined();
    expect(s.timing.expiresAt).toBe(expiresAt);
    expect(s.timing.expiryMarginMs).toBe(expiresAt! - s.time);
    expect(s.timing.expiryMarginMs).toBeLessThan(0);
    expect(s.steps).toContain(
      `Expiry: the cookie expired in the browser at ${clock(expiresAt!)}, ${duration(s.time - expiresAt!)} before this request (${clock(s.time)}).`,
    );
  });

  it('a recorded expiry answered with the login page: the Server line names that page (express-session)', () => {
    const result = analyzeTrace(
      parseHar(readFileSync('test/fixtures/framework-har/express-session-cookie-expiry.har', 'utf8')),
      { values: 'redacted' },
    );
    const reset = result.findings.find((f) => f.rule === 'session-reset' && f.cause === 'expired')!;
    expect(reset.evidence).toMatchObject({ answeredStatus: 302, loginPage: expect.stringMatching(/\/login$/) });
    const s = result.story!.find((story) => story.entry === reset.entry)!;
    expect(s.steps.find((step) => step.startsWith('Server:'))).toMatch(
      /^Server: answered 302, as to a client not logged in \(a redirect to the login page \/login\); `connect\.sid`: set ID h:[0-9a-f]+, which the browser stored\.$/,
    );
  });

  it("a login lost on its own redirect to a node without the session: the story says the login's hop issued the ID", () => {
    const result = analyzeTrace(
      parseHar(readFileSync('test/fixtures/framework-har/express-session-cluster-no-affinity.har', 'utf8')),
      { values: 'redacted' },
    );
    const reset = result.findings.find((f) => f.rule === 'session-reset' && f.severity === 'high')!;
    expect(reset.evidence.issuedByLoginAt).toBe(reset.entry - 1);
    const s = result.story!.find((story) => story.entry === reset.entry)!;
    expect(s.cause).toContain(
      `which the login at #${reset.entry - 1} had issued one hop earlier in its redirect chain, but the server no longer knew the session (the login did not survive its own redirects: most often servers that do not share sessions, or a restart)`,
    );
  });

  it('load-balancer: lost to another back-end; the backend-switch joins the story and gives the fix', () => {
    const result = analysed('load-balancer');
    const lost = result.story!.filter((s) => s.kind === 'lost');
    expect(lost).toHaveLength(1);
    const s = lost[0]!;
    expect(s.cookie).toBe('JSESSIONID');
    expect(s.cause).toContain('another back-end server (SERVERID: node1 → node2');
    const sw = result.findings.findIndex((f) => f.rule === 'session-backend-switch');
    expect(s.related).toContain(sw);
    expect(s.fix).toBe(result.findings[sw]!.fix);
    // The low SameSite finding of the same session is not a second story.
    expect(result.story).toHaveLength(1);
  });

  it('logout: a reset the user asked for is no story at all', () => {
    const result = analysed('logout');
    expect(result.findings.some((f) => f.rule === 'session-reset')).toBe(true);
    expect(result.story).toEqual([]);
  });

  it('names IDs by their hash even when the analysis shows raw values, and never prints a raw ID', () => {
    const raw = analysed('server-expiry', 'raw');
    const [lost, next] = laneIds(raw, 'sid');
    const text = JSON.stringify(raw.story);
    expect(text).toContain(redactValue(lost!));
    expect(text).toContain(redactValue(next!));
    expect(text).not.toContain(lost!);
    expect(idName('h:0123abcd')).toBe('h:0123abcd');
  });
});

describe('story rows for rules without a dedicated branch', () => {
  const base = analysed('server-expiry');
  const finding = (over: Partial<StoryFinding>): StoryFinding => ({
    rule: 'x',
    severity: 'high',
    origin: 'https://shop.test:8443',
    cookie: 'sid',
    entry: 1,
    url: 'https://shop.test:8443/expiry/again',
    message: 'Something.',
    fix: 'Do the thing.',
    evidence: {},
    ...over,
  });

  it('session-rejected: carried the ID, refused with 401, no new ID', () => {
    const stories = buildStories({
      findings: [finding({ rule: 'session-rejected', evidence: { status: 401 } })],
      facts: base.facts,
    });
    expect(stories).toHaveLength(1);
    expect(stories[0]!.kind).toBe('rejected');
    expect(stories[0]!.headline).toMatch(/^Your session was rejected at /);
    expect(stories[0]!.cause).toContain('answered 401 without issuing a new ID');
  });

  it("session-rejected: a page's login form, or a page that no longer names the user, is named (a HAR with content)", () => {
    const cause = (evidence: StoryFinding['evidence']) =>
      buildStories({ findings: [finding({ rule: 'session-rejected', evidence })], facts: base.facts })[0]!.cause;
    expect(cause({ status: 200, loginForm: true })).toContain('answered 200 with a page holding its login form');
    // The finding is at entry 1: the same address named the user before it, or after it (another node).
    expect(cause({ status: 200, userNamedAt: 0 })).toContain(
      'answered 200 with a page that no longer names the user (it did at #0)',
    );
    expect(cause({ status: 200, userNamedAt: 4 })).toContain(
      'answered 200 with a page that did not name the user (the same address did at #4)',
    );
  });

  it('two cookies of one site refused by one answer are one story that names both; at two requests, two stories', () => {
    const rejected = (cookie: string, entry: number) =>
      finding({ rule: 'session-rejected', cookie, entry, evidence: { status: 302, loginPage: '/login' } });
    const one = buildStories({ findings: [rejected('sid', 1), rejected('auth', 1)], facts: base.facts });
    expect(one).toHaveLength(1);
    expect(one[0]!.steps).toContain('Also carried, and refused by the same answer: `auth` (session-rejected at #1).');
    expect(one[0]!.related).toEqual([0, 1]);
    expect(one[0]!.steps.at(-1)).toMatch(/^Fix: /);
    const two = buildStories({ findings: [rejected('sid', 1), rejected('auth', 2)], facts: base.facts });
    expect(two.map((story) => story.cookie)).toEqual(['sid', 'auth']);
  });

  it('session-rejected: a redirect to the login page is named', () => {
    const [s] = buildStories({
      findings: [finding({ rule: 'session-rejected', evidence: { status: 302, loginPage: '/login' } })],
      facts: base.facts,
    });
    expect(s!.cause).toContain('redirected to the login page /login');
  });

  it('session-reset: the Server line says the answer was one to a client not logged in, and what made it one', () => {
    const server = (evidence: StoryFinding['evidence']) =>
      buildStories({
        findings: [finding({ rule: 'session-reset', cause: 'server-rejected', evidence })],
        facts: base.facts,
      })[0]!.steps.find((step) => step.startsWith('Server:'))!;
    const status = base.facts.requests.find((r) => r.entry === 1)!.status;
    expect(server({ cause: 'server-rejected' })).toMatch(new RegExp(`^Server: answered ${status}[;,]`));
    expect(server({ cause: 'server-rejected' })).not.toContain('not logged in');
    expect(server({ answeredStatus: 419 })).toContain(`answered ${status}, as to a client not logged in;`);
    expect(server({ answeredStatus: 302, loginPage: 'https://shop.test:8443/login?next=/a' })).toContain(
      ', as to a client not logged in (a redirect to the login page /login?next=/a);',
    );
    expect(server({ answeredStatus: 200, loginForm: true })).toContain('(a page holding its login form)');
    // The finding is at entry 1: the same address named the user before it, or after it (another node).
    expect(server({ answeredStatus: 200, userNamedAt: 0 })).toContain(
      '(a page that no longer names the user; it did at #0)',
    );
    expect(server({ answeredStatus: 200, userNamedAt: 4 })).toContain(
      '(a page that did not name the user; the same address did at #4)',
    );
  });

  it('session-not-established: a login with no session cookie, with its reason', () => {
    const [s] = buildStories({
      findings: [
        finding({ rule: 'session-not-established', cookie: undefined, evidence: { reason: 'Set-Cookie refused' } }),
      ],
      facts: base.facts,
    });
    expect(s!.kind).toBe('not-established');
    expect(s!.cause).toBe("a login was recognised but no session cookie reached the browser's jar: Set-Cookie refused");
  });

  it('one risk on many requests is one story that says how often; each loss stays its own story', () => {
    const notSent = (entry: number) => finding({ rule: 'session-not-sent', reason: 'SameSiteLax', entry });
    const reset = (entry: number) =>
      finding({
        rule: 'session-reset',
        cause: 'server-rejected',
        entry,
        cookie: 'other',
        origin: 'https://other.test',
      });
    const stories = buildStories({
      findings: [notSent(0), notSent(1), reset(0), reset(1)],
      facts: base.facts,
    });
    const risks = stories.filter((s) => s.kind === 'at-risk');
    expect(risks).toHaveLength(1);
    expect(risks[0]!.entry).toBe(0);
    expect(risks[0]!.related).toEqual([0, 1]);
    expect(risks[0]!.steps).toContain('Again on 1 later request (the last at #1).');
    expect(stories.filter((s) => s.kind === 'lost').map((s) => s.entry)).toEqual([0, 1]);
  });

  it('skips info and third-party low findings, keeps a likely session’s medium finding of any rule', () => {
    const thirdParty = { confidence: 'likely' as const, evidence: [], thirdParty: true };
    const stories = buildStories({
      findings: [
        finding({ rule: 'session-reset', severity: 'info', cause: 'cleared-by-server' }),
        finding({ rule: 'session-reset', severity: 'low', session: thirdParty, cookie: '_ga' }),
        finding({ rule: 'cookie-no-httponly', severity: 'medium', message: 'Set without HttpOnly.' }),
      ],
      facts: base.facts,
    });
    expect(stories.map((s) => [s.kind, s.rule, s.cause])).toEqual([
      ['at-risk', 'cookie-no-httponly', 'set without HttpOnly'],
    ]);
  });

  it('one answer that sets several session cookies the same risky way is one story naming the others', () => {
    // Google's sign-in (a real recording, audit 11) set SID, APISID and SAPISID without HttpOnly in one answer: a
    // story each made ten headlines of one request.
    const risk = (cookie: string, rule: string, entry = 1) =>
      finding({ rule, severity: 'medium', cookie, entry, message: `${cookie}: a risk.` });
    const stories = buildStories({
      findings: [
        risk('SID', 'cookie-no-httponly'),
        risk('HSID', 'cookie-no-secure'),
        risk('APISID', 'cookie-no-httponly'),
        risk('SSID', 'cookie-no-httponly', 2),
      ],
      facts: base.facts,
    });
    expect(stories.map((st) => [st.entry, st.cookie, st.rule])).toEqual([
      [1, 'SID', 'cookie-no-httponly'],
      [1, 'HSID', 'cookie-no-secure'],
      [2, 'SSID', 'cookie-no-httponly'],
    ]);
    expect(stories[0]!.steps).toContain('Also at risk at the same request: `APISID` (cookie-no-httponly at #1).');
    expect(stories[0]!.related).toEqual([0, 2]);
  });

  it("keeps a message's first word as written when it is the cookie's name (`AuthSession carries…`)", () => {
    const stories = buildStories({
      findings: [
        finding({
          rule: 'session-client-side-data',
          severity: 'medium',
          cookie: 'AuthSession',
          message: 'AuthSession carries a signed, not encrypted, payload.',
        }),
      ],
      facts: base.facts,
    });
    expect(stories.map((s) => s.cause)).toEqual(['AuthSession carries a signed, not encrypted, payload']);
  });
});

describe('clockBeside', () => {
  it('gives the date of a moment on another day than the request, the time alone on the same day', () => {
    const request = Date.UTC(2026, 11, 4, 17, 30, 34, 0);
    expect(clockBeside(Date.UTC(2026, 11, 4, 18, 0, 0, 5), request)).toBe('18:00:00.005 UTC');
    expect(clockBeside(Date.UTC(2027, 0, 3, 17, 30, 33, 856), request)).toBe('2027-01-03 17:30:33.856 UTC');
  });
});

describe('a story about a cookie only possibly a session', () => {
  // An opaque token set and sent back, no name or behaviour to say more (a beacon's, a tracker's): the headline says
  // what may have happened, not what did, and only where the site shows a session a user could lose.
  const token = (id: string) => `kx=${id}; Path=/; Secure; HttpOnly; SameSite=Lax`;
  const A = 'f3a91c07d2b84e6a9c51e0b7a4d2f886';
  const B = '6c0e8d4b1f7a39e2d5b80c4a7f16e93d';
  const AUTH = 'auth=a1b2c3d4e5f60718293a4b5c6d7e8f90';
  /** The token re-issued while the browser held it; `login`: the user logged in there first (another cookie's). */
  const lost = (name: 'kx' | 'sid', login: boolean, answer: { location?: string } = {}) => {
    const carried = (id: string) => (login ? `${AUTH}; ${name}=${id}` : `${name}=${id}`);
    const start = login
      ? trace().post('https://shop.test/login', {
          cookie: '',
          form: { user: 'ann', password: 'pw' },
          setCookie: [`${AUTH}; Path=/; Secure; HttpOnly; SameSite=Lax`],
        })
      : trace();
    return start
      .get('https://shop.test/', { cookie: login ? AUTH : '', setCookie: [token(A).replace('kx=', `${name}=`)] })
      .get('https://shop.test/a', { cookie: carried(A) })
      .get('https://shop.test/b', { cookie: carried(A), setCookie: [token(B).replace('kx=', `${name}=`)], ...answer })
      .get('https://shop.test/c', { cookie: carried(B) })
      .analyze();
  };

  it('"may have been lost" where a user logged in, with how sure the tool is; a named session is told as lost', () => {
    const [possible] = lost('kx', true).story ?? [];
    expect(possible?.confidence).toBe('possible');
    expect(possible!.headline).toMatch(/^Your session may have been lost at /);
    expect(possible!.steps.some((s) => s.startsWith('How sure `kx` is a session cookie: possible (opaque token'))).toBe(
      true,
    );
    const [likely] = lost('sid', false).story ?? [];
    expect(likely?.confidence).toBe('likely');
    expect(likely!.headline).toMatch(/^Your session was lost at /);
  });

  it('no story where nobody logged in and the site answered as ever: a token re-issued (a tracker does so at will)', () => {
    const result = lost('kx', false);
    expect(result.findings.filter((f) => f.rule === 'session-reset').map((f) => [f.entry, f.severity])).toEqual([
      [2, 'low'],
    ]);
    expect(result.story).toEqual([]);
  });

  it('a story where the site answered as to a client not logged in, though nobody logged in there', () => {
    const [story] = lost('kx', false, { location: '/login' }).story ?? [];
    expect([story?.kind, story?.confidence]).toEqual(['lost', 'possible']);
  });
});

describe('a long address in a story', () => {
  it('is cut to SHOWN_URL_CHARS with its entry beside it, where a sign-in flow put kilobytes in the query', () => {
    // Google's sign-in pages carry a `continue=` address of ~2 KB: ten such headlines buried the story.
    const longUrl = `https://shop.test/account?continue=${'https%3A%2F%2Faccounts.example%2Fconsent%3Fpart%3D'.repeat(40)}`;
    const result = trace()
      .get('https://shop.test/', { setCookie: ['sid=0123456789abcdef0123456789abcdef; Path=/; Secure; HttpOnly'] })
      .get(longUrl, {
        cookie: 'sid=0123456789abcdef0123456789abcdef',
        setCookie: ['sid=fedcba9876543210fedcba9876543210; Path=/; Secure; HttpOnly'],
      })
      .analyze();
    const lost = result.story?.find((s) => s.kind === 'lost');
    expect(lost?.entry).toBe(1);
    expect(lost?.headline).toContain(`on GET ${longUrl.slice(0, SHOWN_URL_CHARS - 1)}… (#1):`);
    expect(lost?.headline).not.toContain(longUrl.slice(0, SHOWN_URL_CHARS));
    // The request keeps its whole address.
    expect(result.facts.requests.find((r) => r.entry === 1)?.url).toBe(longUrl);
  });
});

describe('shortUrl', () => {
  it('keeps an address that fits, cuts a longer one to the limit ending with …, and never splits a character', () => {
    expect(shortUrl('https://a.test/x', 16)).toBe('https://a.test/x');
    expect(shortUrl('https://a.test/xy', 16)).toBe('https://a.test/…');
    // '😀' is two UTF-16 units: the cut falls between them, so the pair goes.
    const cut = shortUrl('https://a.test/😀z', 17);
    expect(cut).toBe('https://a.test/…');
    expect(cut.length).toBeLessThanOrEqual(17);
  });
});
