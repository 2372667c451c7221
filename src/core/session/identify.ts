/**
 * Which cookies are session IDs, which are load-balancer affinity, and which are neither
 * (shared/design/RULES.md, "What is a session cookie"). Name tables are data; the token-like
 * heuristic needs the whole trace and lives in `sessionCookies.ts`.
 */

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

/** Load-balancer affinity cookies: they explain resets, they are not sessions (RULES.md). */
export const AFFINITY_NAME_PATTERNS: readonly string[] = [
  'AWSALB',
  'AWSALBCORS',
  'AWSALBTG',
  'AWSELB',
  'BIGipServer*',
  'SERVERID',
  'ROUTEID',
  'ARRAffinity',
  'ARRAffinitySameSite',
];

/**
 * Cookies that look like opaque tokens but are known not to be sessions: analytics, consent, CSRF and
 * bot-management cookies. Without this list the token-like heuristic would call `__cf_bm` a session.
 */
export const NOT_SESSION_NAME_PATTERNS: readonly string[] = [
  '_ga',
  '_ga_*',
  '_gid',
  '_gat*',
  '_gcl_*',
  '__utm*',
  '_fbp',
  '_fbc',
  '_hj*',
  '__cf_bm',
  'cf_clearance',
  '_cfuvid',
  '__stripe_mid',
  '__stripe_sid',
  'csrftoken',
  'XSRF-TOKEN',
  '_csrf',
  '__RequestVerificationToken*',
  'NID',
  '1P_JAR',
  'AEC',
  'OptanonConsent',
  'OptanonAlertBoxClosed',
  'ai_session',
  'ai_user',
  'AMCV_*',
  'mbox',
  's_*',
  'optimizely*',
  'ajs_*',
  'mp_*',
];

/** Names that mark an authentication cookie: its appearance is a login signal (RULES.md, "A login…"). */
export const AUTH_NAME_PATTERNS: readonly string[] = [
  '.ASPXAUTH',
  '.AspNetCore.Identity.Application',
  '.AspNetCore.Cookies',
  'wordpress_logged_in_*',
  'remember_*',
  'auth',
  'auth_token',
  'authtoken',
  'access_token',
  'jwt',
  'token',
  'id_token',
  'logged_in',
];

const PREFIXES = ['__host-', '__secure-'];

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.+');
  return new RegExp(`^${escaped}$`, 'i');
}

function matcher(patterns: readonly string[]): (name: string) => string | undefined {
  const compiled = patterns.map((p) => [p, globToRegExp(p)] as const);
  return (name) => compiled.find(([, re]) => re.test(name))?.[0];
}

const matchSession = matcher(SESSION_NAME_PATTERNS);
const matchAffinity = matcher(AFFINITY_NAME_PATTERNS);
const matchNotSession = matcher(NOT_SESSION_NAME_PATTERNS);
const matchAuth = matcher(AUTH_NAME_PATTERNS);

/** `__Host-sid` → `sid`: RULES.md counts a prefixed known name as that name. */
export function stripCookiePrefix(name: string): string {
  const lower = name.toLowerCase();
  const prefix = PREFIXES.find((p) => lower.startsWith(p));
  return prefix ? name.slice(prefix.length) : name;
}

export type NameClass =
  | { readonly kind: 'session'; readonly pattern: string }
  | { readonly kind: 'affinity'; readonly pattern: string }
  | { readonly kind: 'not-session'; readonly pattern: string }
  | { readonly kind: 'unknown' };

/**
 * Every request repeats the same few cookie names: remember each name's class. Bounded, because a hostile
 * trace can carry millions of distinct names.
 */
const CLASS_CACHE = new Map<string, NameClass>();
const CLASS_CACHE_MAX = 10_000;

/** Classifies a cookie by its name alone. Affinity wins over session (`SERVERID` is not `SESS*`). */
export function classifyCookieName(name: string): NameClass {
  const cached = CLASS_CACHE.get(name);
  if (cached) return cached;
  const result = classifyUncached(name);
  if (CLASS_CACHE.size >= CLASS_CACHE_MAX) CLASS_CACHE.clear();
  CLASS_CACHE.set(name, result);
  return result;
}

function classifyUncached(name: string): NameClass {
  const bare = stripCookiePrefix(name);
  const affinity = matchAffinity(bare);
  if (affinity) return { kind: 'affinity', pattern: affinity };
  const notSession = matchNotSession(bare);
  if (notSession) return { kind: 'not-session', pattern: notSession };
  const session = matchSession(bare);
  if (session) return { kind: 'session', pattern: session };
  return { kind: 'unknown' };
}

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
