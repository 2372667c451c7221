/**
 * The attribute rules of RULES.md that test one Set-Cookie of a session cookie at a time. Each is one small
 * spec; rules with more logic (rejections, prefixes, client-side data) have their own files.
 */
import { isIpAddress, registrableDomain } from '../cookie/domain.ts';
import { attributeRule, isHttps } from './attributeRule.ts';
import { clearTextScheme } from './helpers.ts';

export const cookieNoHttpOnly = attributeRule({
  id: 'cookie-no-httponly',
  severity: 'medium',
  title: 'Session cookie without HttpOnly',
  docs: {
    explanation: 'Page scripts can read this session cookie (document.cookie), so any XSS can steal the session.',
    fix: 'Add the HttpOnly attribute to the session cookie.',
    peer: 'ZAP 10010',
  },
  test: ({ parsed }) => (parsed.httpOnly ? undefined : 'set without HttpOnly, so page scripts can read it'),
});

export const cookieNoSecure = attributeRule({
  id: 'cookie-no-secure',
  severity: 'high',
  title: 'Session cookie set over HTTPS without Secure',
  docs: {
    explanation:
      'The session cookie was set over HTTPS without the Secure attribute, so the browser also sends it over plain http://, where anyone on the network can read it.',
    fix: 'Add the Secure attribute (and serve the whole site over HTTPS, with HSTS).',
    peer: 'ZAP 10011',
  },
  test: ({ parsed, request }) => (isHttps(request.url) && !parsed.secure ? 'set over HTTPS without Secure' : undefined),
});

export const cookieSetOverHttp = attributeRule({
  id: 'cookie-set-over-http',
  severity: 'high',
  title: 'Session cookie issued over plain HTTP',
  docs: {
    explanation:
      'The session ID travelled in clear text on an http:// response: anyone on the network can read and replay it.',
    fix: 'Serve the site over HTTPS only, redirect http:// to https:// before any session is created, and send HSTS.',
  },
  includeRejected: true,
  // Not on a loopback host (clearTextScheme). A WebSocket's handshake response may set cookies too, over ws://.
  test: ({ request }) => {
    const scheme = clearTextScheme(request);
    return scheme ? `issued on a plain ${CLEAR_TEXT_RESPONSE[scheme]} (${request.url})` : undefined;
  },
});

const CLEAR_TEXT_RESPONSE = { http: 'http:// response', ws: 'ws:// WebSocket handshake' } as const;

export const cookieSameSiteMissing = attributeRule({
  id: 'cookie-samesite-missing',
  severity: 'low',
  title: 'Session cookie without SameSite',
  docs: {
    explanation:
      'No SameSite attribute: the browser default applies (Lax in Chrome, after a 2-minute grace for top-level POSTs; other browsers differ), so cross-site behaviour is left to chance.',
    fix: 'Set SameSite=Lax (or Strict) explicitly; use SameSite=None; Secure only for cookies that must travel cross-site.',
    peer: 'ZAP 10054-1',
  },
  test: ({ parsed }) =>
    parsed.sameSite === 'unspecified' ? 'no SameSite attribute (browser default applies)' : undefined,
});

export const cookieSameSiteNone = attributeRule({
  id: 'cookie-samesite-none',
  severity: 'low',
  title: 'Session cookie with SameSite=None',
  docs: {
    explanation: 'SameSite=None sends the session cookie on cross-site requests too, which opens the door to CSRF.',
    fix: 'Use SameSite=Lax unless the session must work inside cross-site frames or requests; then add CSRF tokens.',
    peer: 'ZAP 10054-2',
  },
  test: ({ parsed }) => (parsed.sameSite === 'none' ? 'SameSite=None: sent on cross-site requests' : undefined),
});

export const cookieSameSiteNoneInsecure = attributeRule({
  id: 'cookie-samesite-none-insecure',
  severity: 'high',
  title: 'SameSite=None without Secure',
  docs: {
    explanation: 'Browsers reject a SameSite=None cookie that is not Secure: the session cookie is never stored.',
    fix: 'Add Secure to every SameSite=None cookie (and serve it over HTTPS).',
    peer: 'Chrome (SameSiteNoneInsecure)',
  },
  includeRejected: true,
  test: ({ parsed }) =>
    parsed.sameSite === 'none' && !parsed.secure ? 'SameSite=None without Secure: browsers reject it' : undefined,
});

export const cookieDomainBroad = attributeRule({
  id: 'cookie-domain-broad',
  severity: 'medium',
  title: 'Session cookie visible to other subdomains',
  docs: {
    explanation:
      'The Domain attribute makes the session cookie visible to every host under that domain, so any sibling or child subdomain (and whoever controls it) receives and can overwrite the session.',
    fix: 'Leave out the Domain attribute (a host-only cookie), or use the __Host- prefix.',
    peer: 'ZAP 90033',
  },
  test: ({ parsed, request }) => {
    // An IP address has no subdomains: a Domain naming it is the host itself (browsers accept no other).
    if (parsed.domain === undefined || isIpAddress(parsed.domain)) return undefined;
    const site = registrableDomain(request.host);
    // A Domain naming the answering host below its site (Domain=www.shop.test from www.shop.test) reaches only that
    // host's own children, never a sibling app: ZAP 90033 and RULES.md flag a parent domain only. On the site itself
    // (Domain=shop.test from shop.test) every other host of the site is under it, so that one is broad.
    if (parsed.domain === request.host && parsed.domain !== site) return undefined;
    const scope = parsed.domain === site ? `every subdomain of ${site}` : `every host under ${parsed.domain}`;
    return `Domain=${parsed.domain} makes it visible to ${scope}`;
  },
});

export const cookiePersistentSession = attributeRule({
  id: 'cookie-persistent-session',
  severity: 'low',
  title: 'Long-lived session cookie',
  docs: {
    explanation:
      'The session cookie outlives the threshold (24 hours by default): it stays on disk and keeps the session open on shared computers long after the user left.',
    fix: 'Use a browser-session cookie (no Expires/Max-Age) or a lifetime matching the server-side idle timeout; use a separate remember-me token if needed.',
  },
  test: ({ parsed, request }, ctx) => {
    const seconds =
      parsed.maxAge !== undefined
        ? parsed.maxAge
        : parsed.expires !== undefined
          ? Math.round((parsed.expires - request.time) / 1000)
          : undefined;
    if (seconds === undefined || seconds <= ctx.settings.persistentThresholdSeconds) return undefined;
    const lasting = `persists for ${formatDuration(seconds)} (threshold ${formatDuration(ctx.settings.persistentThresholdSeconds)})`;
    return REMEMBER_ME_NAME.test(parsed.name) ? `${lasting}: a remember-me token, persistent by design` : lasting;
  },
  fix: ({ parsed }) => (REMEMBER_ME_NAME.test(parsed.name) ? REMEMBER_ME_FIX : undefined),
});

/**
 * A "keep me logged in" cookie, by the names frameworks give it: Redmine's `autologin`, Rails' (Devise's)
 * `remember_user_token`, Laravel's `remember_web_<hash>`, Flask-Login's `remember_token`, Spring's `remember-me`,
 * Icinga Web 2's `icingaweb2-remember-me`. It is the separate token the rule's own fix recommends.
 */
const REMEMBER_ME_NAME =
  /remember|auto[-_]?login|stay[-_]?(logged|signed)[-_]?in|keep[-_]?me[-_]?(logged|signed)[-_]?in/i;
const REMEMBER_ME_FIX =
  'A remember-me token may outlive the browser session, but keep it revocable: random, stored only as a hash on the server, replaced at each use, deleted at logout, with a lifetime the user agreed to.';

function formatDuration(seconds: number): string {
  if (seconds >= 2 * 86_400) return `${Math.round((seconds / 86_400) * 10) / 10} days`;
  if (seconds >= 3600) return `${Math.round((seconds / 3600) * 10) / 10} hours`;
  return `${seconds} seconds`;
}
