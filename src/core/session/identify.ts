/**
 * Which cookies are session IDs, which are load-balancer affinity, and which are neither
 * (shared/design/RULES.md, "What is a session cookie"). Name tables are data; the token-like
 * heuristic needs the whole trace and lives in `sessionCookies.ts`.
 */
import {
  COOKIE_DATABASE_SOURCE,
  type CookiePurpose,
  type KnownCookie,
  knownCookie,
  NOT_SESSION_PURPOSES,
} from './cookieDatabase.ts';

/** Glob-like patterns, case-insensitive: `*` = any run of characters. From RULES.md, rule 1. */
export const SESSION_NAME_PATTERNS: readonly string[] = [
  'PHPSESSID',
  'JSESSIONID',
  'ASP.NET_SessionId',
  'ASPSESSIONID*',
  '.AspNetCore.Session',
  '.AspNetCore.Cookies',
  '.AspNetCore.Identity.Application',
  '.ASPXAUTH',
  'connect.sid',
  'sessionid',
  'session',
  'sid',
  'sessid',
  '_*_session',
  '*_session',
  'laravel_session',
  'SESSION',
  'SESS*',
  'SSESS*',
  'wordpress_logged_in_*',
  'CFID',
  'CFTOKEN',
  'zenid',
  'siteserver',
];

/**
 * The names of the path parameters servers rewrite a session ID into (`;jsessionid=…`, the Servlet specification's;
 * `;sid=…`), as alternatives of a pattern: one list for session-id-in-url, which reports them, and the redactors
 * (analysis/urlCredentials.ts), which hide them.
 */
export const SESSION_PATH_PARAMETER_NAMES = 'jsessionid|phpsessid|sid|sessionid';

/**
 * Session cookies of single sign-on software, as their documentation names them by default: the Shibboleth SP
 * (`_shibsession_` + the application's ID), SimpleSAMLphp, Apereo CAS's ticket-granting cookie and Apache's
 * mod_auth_cas, the authenticating proxies (oauth2-proxy, Pomerium, Cloudflare Access, AWS load balancers' OIDC
 * authentication, in chunks `-0`, `-1`), Keycloak's login, the Auth0 and Auth.js SDKs' session cookies, and the
 * enterprise web access managers' in front of an organisation's applications: Broadcom SiteMinder's `SMSESSION`,
 * Oracle Access Manager's `OAMAuthnCookie` (and its 10g WebGate's `ObSSOCookie`), IBM WebSEAL's `PD-S-SESSION-ID`,
 * and ForgeRock AM's (OpenAM's) `iPlanetDirectoryPro`.
 */
export const SSO_SESSION_NAMES: readonly string[] = [
  '_shibsession_*',
  'SimpleSAMLSessionID',
  'SimpleSAMLAuthToken',
  'CASTGC',
  'MOD_AUTH_CAS',
  'MOD_AUTH_CAS_S',
  '_oauth2_proxy',
  '_pomerium',
  'CF_Authorization',
  'AWSELBAuthSessionCookie-*',
  'KEYCLOAK_IDENTITY',
  'appSession',
  'authjs.session-token',
  'SMSESSION',
  'OAMAuthnCookie*',
  'ObSSOCookie',
  'PD-S-SESSION-ID',
  'iPlanetDirectoryPro',
];

/** Load-balancer affinity cookies: they explain resets, they are not sessions (RULES.md). */
export const AFFINITY_NAME_PATTERNS: readonly string[] = [
  'AWSALB',
  'AWSALBCORS',
  'AWSALBTG',
  'AWSELB',
  'BIGipServer*',
  'SERVERID',
  'ROUTEID',
  // nginx's sticky module (`sticky cookie route`) and Apache's mod_proxy_balancer examples name it so.
  'route',
  'ARRAffinity',
  'ARRAffinitySameSite',
  // The default names of other balancers' sticky-session cookies: Cloud Foundry's gorouter (`__VCAP_ID__`, set beside
  // the application's JSESSIONID; a JPetStore replay took it for the session, which hid the login's rotation), the
  // Kubernetes ingress-nginx controller (`INGRESSCOOKIE`), Google Cloud's load balancer (`GCLB`).
  '__VCAP_ID__',
  'INGRESSCOOKIE',
  'GCLB',
];

/**
 * Name shapes that say "not a session ID" whatever the site: anti-CSRF tokens are random and sent back, so they look
 * like sessions to the token heuristic. Tracking, analytics, bot-protection and other known cookies come from the
 * Open Cookie Database (cookieDatabase.ts), not from a hand list here.
 */
/** Also the signature companion of another cookie (`session.sig`: cookie-session/keygrip's HMAC, new on every change). */
const NOT_SESSION_NAME_SHAPE = /csrf|xsrf|requestverificationtoken|antiforgery|\.sig$/i;

/**
 * Authentication cookies of the large identity providers (RULES.md, rule 2): Google's SID family and Microsoft's
 * account cookies. They hold a login, not a tracker, although ad datasets list some of them.
 */
export const IDENTITY_PROVIDER_NAMES: readonly string[] = [
  'SID',
  'HSID',
  'SSID',
  'APISID',
  'SAPISID',
  '__Secure-1PSID',
  '__Secure-3PSID',
  '.MSA.Auth',
  'MSPAuth',
  'ESTSAUTH',
  'ESTSAUTHPERSISTENT',
];

/** Names that mark an authentication cookie: its appearance is a login signal (RULES.md, "A login…"). */
export const AUTH_NAME_PATTERNS: readonly string[] = [
  '.ASPXAUTH',
  '.AspNetCore.Identity.Application',
  '.AspNetCore.Cookies',
  'wordpress_logged_in_*',
  'remember_*',
  // Spring Security's and Symfony's remember-me cookies, by their default names.
  'remember-me',
  'REMEMBERME',
  'auth',
  'auth_token',
  'authtoken',
  'access_token',
  'jwt',
  'token',
  'id_token',
  'logged_in',
];

/**
 * A value an authentication cookie holds for no one signed in: a negative flag (GitHub sets `logged_in=no` on every
 * anonymous page, as it sets `logged_in=yes` at a login), an empty stand-in, or the placeholder a deletion writes
 * (PHP's `deleted`). Setting one is no login.
 */
export function isSignedOutValue(value: string): boolean {
  return SIGNED_OUT_VALUE.test(value.trim());
}

const SIGNED_OUT_VALUE = /^(?:no|n|false|f|off|0|-1|null|nil|none|undefined|deleted|guest|anonymous|logged[-_]?out)$/i;

/**
 * The shape of an authentication cookie's name, beyond the known names: `auth` or `session` as a word of the name
 * (`MS_AUTH`, `leo_auth_token`, `p_auth_token`, `app-session`, CodeIgniter's `<app>_sessions` as apps name it),
 * words parted by `.`, `_`, `-` or `:` (session
 * libraries name their cookies `framework:sess`: koa-session's `koa:sess`, connect's `express:sess`). On its own it
 * is weaker than a known name: the value must also look like a token (sessionCookies.ts). Not a capitalised word
 * alone (`MoodleSession`) nor `sid` as any word: on real page loads those were trackers' (`_DataTrackerSession`,
 * `cis-sid`); only `sid` after a framework's name and a `.` or `:`, the convention of connect's `connect.sid` that
 * Sails (`sails.sid`) and koa's stores (`koa.sid`) follow, and no tracker of the cookie dataset does. A servlet
 * container's or PHP's session name as a word of a name an application renamed it to (`_JSESSIONID`, a Tomcat ID with
 * its `.jvmRoute` on a staging site; `shop_PHPSESSID`) is the same shape.
 */
const AUTH_NAME_SHAPE =
  /(^|[._:-])(auth|authn|sessions?|sess|jsessionid|phpsessid)([._:-]|token|id)?([._:-]|$)|auth_?token|access_?token|id_?token|\w[.:]sid$/i;

export function hasAuthNameShape(name: string): boolean {
  return AUTH_NAME_SHAPE.test(stripCookiePrefix(name));
}

/**
 * The shape of a preference cookie's name: a word of it (parted by `.`, `_`, `-`, `:` or a capital) says it holds
 * settings (`GOsa_Filter_Settings`, `userPrefs`, `ui-preferences`). RULES.md counts preference cookies against a
 * session, and a name that says so is the site's own word for it.
 */
const PREFERENCE_WORDS = new Set(['settings', 'setting', 'prefs', 'pref', 'preferences', 'preference']);

export function hasPreferenceNameShape(name: string): boolean {
  return nameWords(name).some((word) => PREFERENCE_WORDS.has(word.toLowerCase()));
}

/**
 * The shape of a diagnostic ID's name: a word of it says it correlates or traces requests (`alf.correlation.id`, set
 * beside an access-log cookie; `trace-id`, `X-Correlation-ID`, `traceparent`). A random token the server sets once and
 * the browser sends back, as a session's is, but for the server's logs, by the site's own word: no session.
 */
const DIAGNOSTIC_WORDS = new Set(['correlation', 'correlationid', 'trace', 'traceid', 'traceparent', 'tracing']);

export function hasDiagnosticNameShape(name: string): boolean {
  return nameWords(name).some((word) => DIAGNOSTIC_WORDS.has(word.toLowerCase()));
}

/**
 * A number under a name one of whose words says it holds a time (`session-id-time`, `sessionExpires`,
 * `sess_timeout`): Amazon's `session-id-time=2082787201l` is its session's expiry in seconds, with a unit letter after
 * it. Whatever else the name says (its `session`), the value is a time, not an ID.
 */
export function isTimeUnderTimeName(name: string, value: string): boolean {
  return NUMBER_VALUE.test(value) && nameWords(name).some((word) => TIME_WORDS.has(word.toLowerCase()));
}

const TIME_WORDS = new Set(['time', 'timestamp', 'expires', 'expiry', 'expiration', 'timeout', 'date']);
/** A number, with a fraction or a unit letter after it at most (`2082787201l`, `1700000000.5`). */
const NUMBER_VALUE = /^-?\d{1,16}(?:\.\d{1,6})?[a-z]?$/i;

/** A cookie's (or a field's) name as its words: parted by `.`, `_`, `-`, `:`, spaces or a capital, its prefix off. */
export function nameWords(name: string): string[] {
  return stripCookiePrefix(name)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[._:\s-]+/);
}

const PREFIXES = ['__host-', '__secure-'];

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.+');
  return new RegExp(`^${escaped}$`, 'i');
}

function matcher(patterns: readonly string[]): (name: string) => string | undefined {
  const compiled = patterns.map((p) => [p, globToRegExp(p)] as const);
  return (name) => compiled.find(([, re]) => re.test(name))?.[0];
}

const matchSession = matcher([...SESSION_NAME_PATTERNS, ...IDENTITY_PROVIDER_NAMES, ...SSO_SESSION_NAMES]);
const matchAffinity = matcher(AFFINITY_NAME_PATTERNS);
const matchNotSession = (name: string): string | undefined => NOT_SESSION_NAME_SHAPE.exec(name)?.[0];
const matchAuth = matcher(AUTH_NAME_PATTERNS);

/** `__Host-sid` → `sid`: RULES.md counts a prefixed known name as that name. */
export function stripCookiePrefix(name: string): string {
  const lower = name.toLowerCase();
  const prefix = PREFIXES.find((p) => lower.startsWith(p));
  return prefix ? name.slice(prefix.length) : name;
}

export type NameClass =
  /** `exact`: a name of the list itself, not a wildcard pattern (`*_session`), which a dataset entry may overrule. */
  | { readonly kind: 'session'; readonly pattern: string; readonly exact: boolean }
  | { readonly kind: 'affinity'; readonly pattern: string }
  /**
   * `purpose`: what the cookie is instead, when the cookie dataset says (absent for a CSRF name shape);
   * `platformDomain`: the domain the dataset's row says its platform sets it on, when the row names one (for a name
   * of the authentication list the identification takes the row to speak only for cookies of that site, and
   * nameClassOffPlatform is the class elsewhere: analysis/sessionCookies.ts).
   */
  | {
      readonly kind: 'not-session';
      readonly pattern: string;
      readonly purpose?: CookiePurpose;
      readonly platformDomain?: string;
    }
  /**
   * The cookie dataset documents it as a platform's session cookie: weak evidence, the value must agree.
   * `platformDomain` as for `not-session`: the row then speaks only for cookies of that site.
   */
  | { readonly kind: 'documented-session'; readonly pattern: string; readonly platformDomain?: string }
  | { readonly kind: 'unknown' };

/**
 * Every request repeats the same few cookie names: remember each name's class. Bounded, because a hostile
 * trace can carry millions of distinct names.
 */
const CLASS_CACHE = new Map<string, NameClass>();
const CLASS_CACHE_MAX = 10_000;

/**
 * Classifies a cookie by its name alone (RULES.md "What is a session cookie"). Affinity wins over session
 * (`SERVERID` is not `SESS*`); a name of the session list itself beats the dataset (Django's `sessionid` is a
 * session although Instagram's is listed as marketing), a wildcard pattern does not (`ai_session` is App Insights'
 * analytics, not a `*_session` framework cookie).
 */
export function classifyCookieName(name: string): NameClass {
  const cached = CLASS_CACHE.get(name);
  if (cached) return cached;
  const result = classifyUncached(name);
  if (CLASS_CACHE.size >= CLASS_CACHE_MAX) CLASS_CACHE.clear();
  CLASS_CACHE.set(name, result);
  return result;
}

function datasetLabel(known: KnownCookie): string {
  return `${known.name} (${known.platform ? `${known.platform}, ` : ''}${known.purpose}; ${COOKIE_DATABASE_SOURCE})`;
}

/**
 * The class of a name the dataset's row does not speak for: a cookie of another site than the platform's (a shop's
 * own `token` is not Adform's, whose row names adform.net). Judged by the name's own words, as any unknown name.
 */
export function nameClassOffPlatform(name: string): NameClass {
  return classifyUncached(name, false);
}

function classifyUncached(name: string, dataset = true): NameClass {
  const bare = stripCookiePrefix(name);
  const affinity = matchAffinity(bare);
  if (affinity) return { kind: 'affinity', pattern: affinity };
  const known = dataset ? datasetEntryFor(name, bare) : undefined;
  if (known?.purpose === 'affinity') return { kind: 'affinity', pattern: datasetLabel(known) };
  const notSession = matchNotSession(bare);
  if (notSession) return { kind: 'not-session', pattern: `name contains ${notSession}`, purpose: 'csrf' };
  const session = matchSession(bare) ?? matchSession(name);
  const exact = session !== undefined && !session.includes('*');
  if (session && exact) return { kind: 'session', pattern: session, exact };
  if (known && NOT_SESSION_PURPOSES.has(known.purpose)) {
    return onPlatform({ kind: 'not-session', pattern: datasetLabel(known), purpose: known.purpose }, known);
  }
  if (session) return { kind: 'session', pattern: session, exact };
  if (known?.purpose === 'session')
    return onPlatform({ kind: 'documented-session', pattern: datasetLabel(known) }, known);
  return { kind: 'unknown' };
}

/** A dataset class with the site of the platform its row names, when it names one (absent, never undefined). */
function onPlatform<C extends NameClass & { readonly platformDomain?: string }>(cls: C, known: KnownCookie): C {
  return known.domain === undefined ? cls : { ...cls, platformDomain: known.domain };
}

/**
 * The dataset's row for the name, when it speaks of it. A row that names a prefix (`_ga_` and a property ID,
 * `_hjSession_` and a site ID) knows the names it starts, but it is no evidence against a name whose own words say
 * session or authentication where the prefix does not: a two-letter row such as Marfeel's `_s` (analytics) says
 * nothing about `_session_id`, which is then judged by its shape and behaviour like any unknown name.
 */
function datasetEntryFor(name: string, bare: string): KnownCookie | undefined {
  const known = knownCookie(name) ?? knownCookie(bare);
  if (known === undefined) return undefined;
  const row = known.name.toLowerCase();
  if (row === name.toLowerCase() || row === bare.toLowerCase()) return known;
  // A prefix row: the name (or the name without its `__Host-`/`__Secure-` prefix) goes on past it.
  const started = name.toLowerCase().startsWith(row) ? name : bare;
  if (endsMidWord(known.name, started)) return undefined;
  const against = NOT_SESSION_PURPOSES.has(known.purpose);
  return against && hasAuthNameShape(name) && !hasAuthNameShape(known.name) ? undefined : known;
}

/**
 * A prefix row that stops inside a lowercase word of the name (Marfeel's `_s` before `_shibsession_…` or `_saml_idp`)
 * names a different cookie that happens to share its first letters: the row knows names that go on past its prefix
 * with a new word, a separator or an ID (`_ga_` + property, `_hjSession` + `User_…`, `TS01` + hex).
 */
function endsMidWord(prefix: string, name: string): boolean {
  return LOWER.test(prefix.at(-1) ?? '') && LOWER.test(name.charAt(prefix.length));
}

const LOWER = /^[a-z]$/;

export function isAuthCookieName(name: string): boolean {
  return matchAuth(stripCookiePrefix(name)) !== undefined;
}

/**
 * Tomcat/JBoss append the node's route to JSESSIONID (`ABC123.node1`, WebLogic uses `!123`):
 * the part before is the session, the suffix is affinity.
 */
export function splitRouteSuffix(name: string, value: string): { readonly id: string; readonly route?: string } {
  if (stripCookiePrefix(name).toUpperCase() !== 'JSESSIONID') return { id: value };
  const bang = value.indexOf('!');
  if (bang > 0) return { id: value.slice(0, bang), route: value.slice(bang) };
  const dot = value.lastIndexOf('.');
  if (dot > 0 && dot < value.length - 1) return { id: value.slice(0, dot), route: value.slice(dot + 1) };
  return { id: value };
}
