// The demo's session bugs as data: what each shows, the browser steps that reproduce it, and the
// findings (rule IDs of shared/design/RULES.md) Sessionscope must report for it. The demo server's
// index page, the scenario driver, the HAR recorder and the end-to-end tests all read this one table.

export type ScenarioStep =
  | { action: 'goto'; scheme: 'http' | 'https'; host: string; path: string }
  /** A link or button; waits for the navigation it causes. */
  | { action: 'click'; selector: string }
  /** Submits a form; waits for the navigation. */
  | { action: 'submit'; selector: string }
  | { action: 'wait'; ms: number };

export interface DemoScenario {
  id: string;
  title: string;
  sentence: string;
  steps: ScenarioStep[];
  /** Rule IDs from RULES.md this scenario must produce, and (optionally) cause/reason details. */
  expected: Expectation[];
  /**
   * What only the live panel or only a HAR of the scenario shows, beside `expected`: the extension hears of cookie
   * changes a HAR does not record. A cookie a page script deleted is a `cleared-by-script` reset to the panel (the
   * browser reports the removal), and only a cookie missing from the next request in a HAR (`Unknown`).
   */
  expectedBy?: { readonly panel?: Expectation[]; readonly har?: Expectation[] };
  /**
   * Cookie names Chromium will refuse to send somewhere in this scenario, with Chrome's reason exactly
   * as the DevTools protocol names it (`CookieBlockedReason`). Chromium 156 reports a cross-site
   * SameSite block as `SchemefulSameSiteStrict`/`SchemefulSameSiteLax` even when both sites are https.
   */
  expectedNotSent?: { cookie: string; reason: string }[];
  /** Set-Cookie lines Chromium will refuse to store, with its `SetCookieBlockedReason`. */
  expectedRejected?: { cookie: string; reason: string }[];
  /**
   * The expected findings at medium and high are all there are: no other finding of that severity may appear,
   * and Chrome blocks and rejects exactly the cookies listed above, no others.
   */
  onlySerious?: boolean;
}

/** A finding a scenario must produce: its rule ID (RULES.md) and, where it matters, its cookie, cause or reason. */
export interface Expectation {
  rule: string;
  cookie?: string;
  cause?: string;
  reason?: string;
}

/** What the scenario must produce where it is read: in the live panel, or from its recorded HAR. */
export function expectedIn(s: DemoScenario, where: 'panel' | 'har'): Expectation[] {
  return [...s.expected, ...(s.expectedBy?.[where] ?? [])];
}

/** The first step of every scenario is a `goto`: where a person starts it from the index page. */
export function scenarioStart(s: DemoScenario): Extract<ScenarioStep, { action: 'goto' }> {
  const first = s.steps[0];
  if (first?.action !== 'goto') throw new Error(`scenario ${s.id} must start with a goto step`);
  return first;
}

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    id: 'secure-lost-on-http',
    title: 'Secure session cookie lost on an http:// link',
    sentence:
      'You log in over https and get a Secure sid cookie; a link to an http:// page does not carry it, so the server starts a new session.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/secure/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'click', selector: '#to-http' },
    ],
    expected: [
      { rule: 'session-not-sent', cookie: 'sid', reason: 'SecureOnly' },
      { rule: 'session-reset', cookie: 'sid', cause: 'not-sent' },
      { rule: 'cookie-set-over-http', cookie: 'sid' },
      { rule: 'cookie-rejected', cookie: 'sid', reason: 'OverwriteSecure' },
    ],
    expectedNotSent: [{ cookie: 'sid', reason: 'SecureOnly' }],
    // The new http:// session cookie may not replace the Secure one (RFC 6265bis 5.7, from "Leave Secure Cookies Alone").
    expectedRejected: [{ cookie: 'sid', reason: 'OverwriteSecure' }],
  },
  {
    id: 'load-balancer',
    title: 'Load balancer without sticky sessions',
    sentence:
      'A round-robin balancer sends the request carrying node1’s JSESSIONID to node2, which does not share node1’s sessions and issues a new ID.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'lb.test', path: '/lb/' },
      { action: 'click', selector: '#to-cart' },
    ],
    expected: [
      { rule: 'session-reset', cookie: 'JSESSIONID', cause: 'server-rejected' },
      { rule: 'session-backend-switch', cookie: 'JSESSIONID' },
    ],
  },
  {
    id: 'server-expiry',
    title: 'Session expired on the server',
    sentence:
      'The server forgets sessions idle for 2 s; after 3 s the browser still sends the old sid and the server answers with a new one.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/expiry/' },
      { action: 'wait', ms: 3000 },
      { action: 'click', selector: '#again' },
    ],
    expected: [{ rule: 'session-reset', cookie: 'sid', cause: 'server-rejected' }],
  },
  {
    id: 'logout',
    title: 'Logout clears the session cookie',
    sentence:
      'After login, /account/logout answers Set-Cookie: sid=; Max-Age=0, and the browser deletes the session cookie.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/account/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'click', selector: '#logout' },
    ],
    expected: [{ rule: 'session-reset', cookie: 'sid', cause: 'cleared-by-server' }],
  },
  {
    id: 'client-expiry',
    title: 'Session cookie expired in the browser',
    sentence:
      'The sid cookie has Max-Age=2; after 3 s the browser has dropped it, the next request carries no sid and the server issues a new one.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/short/' },
      { action: 'wait', ms: 3000 },
      { action: 'click', selector: '#again' },
    ],
    expected: [{ rule: 'session-reset', cookie: 'sid', cause: 'expired' }],
  },
  {
    id: 'fixation',
    title: 'Session fixation: same ID before and after login',
    sentence:
      'The server hands out a sid before login and keeps that same ID after the password is posted, so whoever knew it is now logged in.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/fixation/' },
      { action: 'submit', selector: '#login-form' },
    ],
    expected: [{ rule: 'session-fixation', cookie: 'sid' }],
  },
  {
    id: 'rotation',
    title: 'Session rotated at login (the right way)',
    sentence:
      'The same login flow, but the server issues a fresh sid when the password is accepted: the ID is rotated after login.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/rotation/' },
      { action: 'submit', selector: '#login-form' },
    ],
    expected: [{ rule: 'session-rotated', cookie: 'sid' }],
  },
  {
    id: 'id-in-url',
    title: 'Session ID in the URL',
    sentence:
      'Links carry the session ID as ;jsessionid= and ?sid=, so it leaks into logs, history and Referer headers.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/url-id/' },
      { action: 'click', selector: '#jsessionid-link' },
      { action: 'click', selector: '#query-link' },
    ],
    expected: [{ rule: 'session-id-in-url', cookie: 'sid' }],
  },
  {
    id: 'insecure-attributes',
    title: 'Session cookies with weak attributes',
    sentence:
      'Session cookies without HttpOnly, Secure or SameSite, with a broad Domain and a 30-day life, one set over plain http, and a JWT with alg none.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/insecure/' },
      { action: 'click', selector: '#to-http' },
      { action: 'click', selector: '#to-api' },
    ],
    expected: [
      { rule: 'cookie-no-httponly', cookie: 'sessionid' },
      { rule: 'cookie-no-secure', cookie: 'sessionid' },
      { rule: 'cookie-samesite-missing', cookie: 'sessionid' },
      { rule: 'cookie-domain-broad', cookie: 'sessionid' },
      { rule: 'cookie-persistent-session', cookie: 'sessionid' },
      { rule: 'cookie-set-over-http', cookie: 'PHPSESSID' },
      { rule: 'session-client-side-data', cookie: 'app_session' },
      { rule: 'jwt-alg-none', cookie: 'app_session' },
      { rule: 'jwt-no-expiry', cookie: 'app_session' },
    ],
    expectedNotSent: [
      { cookie: 'app_session', reason: 'SecureOnly' },
      { cookie: 'PHPSESSID', reason: 'DomainMismatch' },
    ],
  },
  {
    id: 'samesite-cross-site',
    title: 'SameSite cookies not sent from another site',
    sentence:
      'shop.test sets sid SameSite=Strict and sessionid SameSite=Lax; a link from other.test arrives without sid, and a form POST from other.test arrives with neither. A chat widget from other.test in an iframe on shop.test cannot set its session cookie at all.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/samesite/' },
      { action: 'click', selector: '#to-other' },
      { action: 'click', selector: '#cross-get' },
      { action: 'click', selector: '#back-to-other' },
      { action: 'submit', selector: '#cross-post' },
    ],
    expected: [
      { rule: 'session-not-sent', cookie: 'sid', reason: 'SameSiteStrict' },
      { rule: 'session-not-sent', cookie: 'sessionid', reason: 'SameSiteLax' },
      { rule: 'cookie-rejected', cookie: 'JSESSIONID', reason: 'SameSiteLax' },
    ],
    expectedNotSent: [
      { cookie: 'sid', reason: 'SchemefulSameSiteStrict' },
      { cookie: 'sessionid', reason: 'SchemefulSameSiteLax' },
    ],
    // The widget's Set-Cookie on its cross-site iframe response (RFC 6265bis 5.7, same-site-flag step), recorded
    // with third-party cookies allowed (a regular profile): widget_consent, SameSite=None, is stored.
    expectedRejected: [
      { cookie: 'JSESSIONID', reason: 'SchemefulSameSiteLax' },
      { cookie: 'widget_theme', reason: 'SchemefulSameSiteUnspecifiedTreatedAsLax' },
    ],
  },
  {
    id: 'shadowed-paths',
    title: 'Two sid cookies shadow each other',
    sentence:
      'The site sets sid with Path=/ and an app under /shadow/app sets its own sid with Path=/shadow/app; requests there carry both, and the server may read the wrong one.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'shop.test', path: '/shadow/' },
      { action: 'click', selector: '#to-app' },
      { action: 'click', selector: '#to-cart' },
    ],
    expected: [{ rule: 'session-shadowed', cookie: 'sid' }],
  },
  {
    id: 'cluster-login-affinity',
    title: 'Cluster without shared sessions: login on the wrong node (express-session)',
    sentence:
      'Two express-session nodes, each with its own MemoryStore, behind a round-robin balancer that writes SERVERID but ignores it: every hop of POST → 302 → GET lands on the node that does not know the ID, which issues its own, and you end on the login page.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'cluster.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
    ],
    expected: [
      { rule: 'session-rotated', cookie: 'connect.sid' },
      { rule: 'session-reset', cookie: 'connect.sid', cause: 'server-rejected' },
      { rule: 'session-backend-switch', cookie: 'connect.sid' },
    ],
    onlySerious: true,
  },
  {
    id: 'cluster-login',
    title: 'Cluster without shared sessions: logged in, then rejected (express-session)',
    sentence:
      'The same two express-session nodes with saveUninitialized off and no affinity cookie: node2 logs you in and sets connect.sid, node1 does not know it, issues nothing and redirects you to /login.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'nodes.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
    ],
    expected: [{ rule: 'session-rejected', cookie: 'connect.sid' }],
    onlySerious: true,
  },
  {
    id: 'secure-cookie-over-http',
    title: 'Secure session cookie on an http:// site: login never sticks (express-session)',
    sentence:
      'express-session with cookie: { secure: true } on a plain http:// site: the login is accepted on the server, but no Set-Cookie is ever sent, so the next page finds no session and sends you back to /login.',
    steps: [
      { action: 'goto', scheme: 'http', host: 'plain.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
    ],
    expected: [{ rule: 'session-not-established' }],
    onlySerious: true,
  },
  {
    id: 'secure-cookie-rejected-on-http',
    title: 'Secure session cookie refused on an http:// site: login never sticks (express)',
    sentence:
      'A hand-written express login sets sid with res.cookie(…, { secure: true }) on a plain http:// site: the browser refuses to store a Secure cookie from http://, the next page finds no session and sends you back to /login.',
    steps: [
      { action: 'goto', scheme: 'http', host: 'legacy.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
    ],
    expected: [
      { rule: 'session-not-established', cookie: 'sid', reason: 'SecureOnly' },
      { rule: 'cookie-rejected', cookie: 'sid', reason: 'SecureOnly' },
      { rule: 'cookie-set-over-http', cookie: 'sid' },
    ],
    expectedRejected: [{ cookie: 'sid', reason: 'SecureOnly' }],
    onlySerious: true,
  },
  {
    id: 'cookie-session-updates',
    title: 'Client-side session re-encoded on every response (cookie-session)',
    sentence:
      'cookie-session keeps the session in the cookie itself and writes it again on every response (it counts page views): each new value is the same session updated, not a new session.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'cookies.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'click', selector: '#again' },
    ],
    expected: [{ rule: 'session-client-side-data', cookie: 'session' }],
    onlySerious: true,
  },
  {
    id: 'iron-session-updates',
    title: 'Sealed session re-sealed on every response (iron-session)',
    sentence:
      'iron-session seals the session into app_session and the app saves it on every request (it counts your page views): each response carries a new sealed value, and it is the same session, updated, not a new one.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'iron.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'click', selector: '#again' },
      { action: 'click', selector: '#again' },
    ],
    expected: [{ rule: 'session-established', cookie: 'app_session' }],
    onlySerious: true,
  },
  {
    id: 'authjs-session',
    title: 'Encrypted JWT session re-issued at every session check (Auth.js)',
    sentence:
      'Auth.js keeps the session in an encrypted JWT, __Secure-authjs.session-token, and re-encrypts it with a later expiry at every session check: each check answers a new value, and it is the same session, updated, not a new one.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'authjs.test', path: '/' },
      { action: 'click', selector: '#sign-in' },
      { action: 'submit', selector: 'form[action$="/callback/credentials"]' },
      { action: 'click', selector: '#check' },
      { action: 'goto', scheme: 'https', host: 'authjs.test', path: '/' },
      { action: 'click', selector: '#check' },
    ],
    expected: [{ rule: 'session-established', cookie: '__Secure-authjs.session-token' }],
    onlySerious: true,
  },
  {
    id: 'authjs-chunked-session',
    title: 'Encrypted JWT session in chunks, re-issued at every session check (Auth.js)',
    sentence:
      'The same Auth.js session with the 120 groups an identity provider lists for you: the token outgrows one cookie and Auth.js writes it in two chunks, __Secure-authjs.session-token.0 and .1, again at every session check. One session, updated, not two.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'authjs-groups.test', path: '/' },
      { action: 'click', selector: '#sign-in' },
      { action: 'submit', selector: 'form[action$="/callback/credentials"]' },
      { action: 'click', selector: '#check' },
      { action: 'goto', scheme: 'https', host: 'authjs-groups.test', path: '/' },
      { action: 'click', selector: '#check' },
    ],
    expected: [{ rule: 'session-established', cookie: '__Secure-authjs.session-token.0' }],
    onlySerious: true,
  },
  {
    id: 'jwt-expired',
    title: 'Expired JWT session answered 401 (jose)',
    sentence:
      'A stateless app keeps a 2-second HS256 JWT in the api_session cookie; after 3 s the browser still sends it, the token no longer verifies and the server answers 401 without any new cookie.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'jwt.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'wait', ms: 3000 },
      { action: 'click', selector: '#again' },
    ],
    expected: [
      { rule: 'session-rejected', cookie: 'api_session' },
      { rule: 'session-client-side-data', cookie: 'api_session' },
    ],
    onlySerious: true,
  },
  {
    id: 'sso-login',
    title: 'Sign-in through an identity provider: a rotation at login (express-session, OAuth 2.0)',
    sentence:
      'The portal keeps the sign-in state in a new session, sends you to Demo ID on another site, where you only click Continue, and takes you back with a code and the state: no password reaches the portal, and its new session ID at the callback is a rotation at login.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'portal.test', path: '/' },
      { action: 'click', selector: '#sign-in' },
      { action: 'submit', selector: '#continue-form' },
    ],
    expected: [{ rule: 'session-rotated', cookie: 'connect.sid' }],
    onlySerious: true,
  },
  {
    id: 'sso-strict-cookie',
    title: 'Sign-in through an identity provider refused: a SameSite=Strict session cookie (express-session)',
    sentence:
      'The same portal with its session cookie made SameSite=Strict: the way back from Demo ID is a cross-site navigation, which a Strict cookie does not go with, so the callback finds no session and no state, and refuses the sign-in.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'strict-portal.test', path: '/' },
      { action: 'click', selector: '#sign-in' },
      { action: 'submit', selector: '#continue-form' },
    ],
    expected: [{ rule: 'session-not-sent', cookie: 'connect.sid', reason: 'SameSiteStrict' }],
    expectedNotSent: [{ cookie: 'connect.sid', reason: 'SchemefulSameSiteStrict' }],
  },
  {
    id: 'login-retry',
    title: 'A mistyped password, then the right one: no fixation (express-session)',
    sentence:
      'The login page keeps an anti-CSRF token in a new session. A wrong password answers the form again with a 200, on the same session; the right one gives you a new session ID. The failed attempt is no login, so the ID it kept is no fixation.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'retry.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'submit', selector: '#login-form' },
    ],
    expected: [{ rule: 'session-rotated', cookie: 'connect.sid' }],
    onlySerious: true,
  },
  {
    id: 'rest-logout',
    title: 'Sign-out as DELETE /session: a logout the user asked for (express-session)',
    sentence:
      'The session is a REST resource, as Rails and Devise route it: the sign-out form posts _method=delete to /session, express-session destroys the session and clears connect.sid. The session ends at a logout: no alarm.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'rest.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'submit', selector: '#logout-form' },
    ],
    expected: [{ rule: 'session-reset', cookie: 'connect.sid', cause: 'cleared-by-server' }],
    onlySerious: true,
  },
  {
    id: 'clear-site-data-logout',
    title: 'Sign-out with Clear-Site-Data: the browser drops the cookies itself (express-session)',
    sentence:
      'The sign-out destroys the session and answers Clear-Site-Data: "cookies", as OWASP recommends, instead of a Set-Cookie that deletes connect.sid. The browser clears the site\'s cookies; the session ends at a logout, and the next page asks without a cookie, as it should: no alarm.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'clear-site.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'submit', selector: '#logout-form' },
    ],
    expected: [{ rule: 'session-reset', cookie: 'connect.sid', cause: 'cleared-by-server' }],
    onlySerious: true,
  },
  {
    id: 'logout-keeps-id',
    title: 'Sign-out that leaves the session ID in the browser (express-session destroy() without clearing the cookie)',
    sentence:
      'The sign-out destroys the session on the server and redirects, as many Express tutorials write it, but never clears connect.sid: the browser keeps sending the ID the user logged in with. Opening the account page again shows the server no longer accepts it (a redirect to the sign-in page), so Sessionscope tells the kept ID as info; without that answer it would be low, the check left to you.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'keep.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'submit', selector: '#logout-form' },
      { action: 'goto', scheme: 'https', host: 'keep.test', path: '/account' },
    ],
    expected: [{ rule: 'session-kept-at-logout', cookie: 'connect.sid' }],
    onlySerious: true,
  },
  {
    id: 'neighbour-apps',
    title:
      'Two apps of one site share a Domain session cookie: signing in to one signs you out of the other (express-session)',
    sentence:
      "www.neighbours.test and admin.neighbours.test each run express-session with a store and secret of their own, and each gives connect.sid the site's Domain. A cookie with a Domain reaches every host within it, so the two share one cookie: signing in to the admin app replaces the www app's session, and back on www the account page no longer knows you.",
    steps: [
      { action: 'goto', scheme: 'https', host: 'www.neighbours.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'goto', scheme: 'https', host: 'admin.neighbours.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'goto', scheme: 'https', host: 'www.neighbours.test', path: '/account' },
    ],
    expected: [
      { rule: 'session-reset', cookie: 'connect.sid', cause: 'overwritten' },
      { rule: 'session-rejected', cookie: 'connect.sid' },
      { rule: 'cookie-domain-broad', cookie: 'connect.sid' },
    ],
    onlySerious: true,
  },
  {
    id: 'consent-script',
    title: 'A cookie-consent script deletes the session cookie: declining signs the user out (express-session)',
    sentence:
      'The account page carries a consent banner whose "decline" deletes every cookie not on its list of essential ones, as consent managers do; the list leaves out connect.sid, which this app sets without HttpOnly. Declining signs the user out, and no response says so: the next page goes without the cookie and is sent to the sign-in page. The browser reports the removal to the extension; a HAR shows only the cookie missing, and Sessionscope names a page script as the likely cause.',
    steps: [
      { action: 'goto', scheme: 'https', host: 'consent.test', path: '/' },
      { action: 'submit', selector: '#login-form' },
      { action: 'click', selector: '#decline' },
    ],
    expected: [{ rule: 'cookie-no-httponly', cookie: 'connect.sid' }],
    expectedBy: {
      panel: [{ rule: 'session-reset', cookie: 'connect.sid', cause: 'cleared-by-script' }],
      har: [{ rule: 'session-not-sent', cookie: 'connect.sid', reason: 'Unknown' }],
    },
  },
];

export function findScenario(id: string): DemoScenario {
  const found = DEMO_SCENARIOS.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no demo scenario "${id}"`);
  return found;
}
