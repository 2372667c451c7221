/**
 * The reason vocabularies of shared/design/RULES.md, as data. Names follow Chrome's
 * `CookieBlockedReason` / `SetCookieBlockedReason` (DevTools protocol, Network domain) where Chrome
 * has one, so users see the same words in both tools. The descriptions feed the panel, the text report
 * and SARIF; they are the only copy.
 */

export const NOT_SENT_REASONS = {
  SecureOnly: 'The cookie is Secure and the request URL is not secure (http://).',
  NotOnPath: "The request path is not inside the cookie's Path.",
  DomainMismatch: "The request host does not domain-match the cookie's host or Domain.",
  SameSiteStrict: 'SameSite=Strict and the request is cross-site.',
  SameSiteLax: 'SameSite=Lax and the request is cross-site and not a top-level GET navigation.',
  SameSiteUnspecifiedTreatedAsLax:
    'No SameSite attribute, so the browser treats it as Lax, and the request is cross-site and not a top-level GET navigation.',
  SameSiteNoneInsecure: 'SameSite=None without Secure: the browser does not send it.',
  SchemeMismatch: 'The cookie was set by a secure origin and the request is insecure (scheme-bound cookies).',
  PortMismatch: 'The cookie was set on another port (port-bound cookies).',
  NameValuePairExceedsMaxSize: 'The name and value together exceed 4096 bytes.',
  ThirdPartyBlocked: 'Third-party cookies are blocked in this context.',
  UserPreferences: 'Blocked by the user’s cookie settings.',
  Expired: 'The cookie expired on the client before this request.',
  Deleted: 'The cookie was removed before this request.',
  Unknown: 'The cookie matched this request but was not sent, and the model cannot tell why.',
} as const;

export type NotSentReason = keyof typeof NOT_SENT_REASONS;
export const NOT_SENT_REASON_NAMES = Object.keys(NOT_SENT_REASONS) as NotSentReason[];

/**
 * The not-sent reasons only the model gives (RULES.md: "the last ones Chrome has no name for"). A browser's
 * report never names them, so a name it reported is not read as one of these.
 */
const MODEL_ONLY_NOT_SENT_REASONS: ReadonlySet<string> = new Set<NotSentReason>(['Expired', 'Deleted', 'Unknown']);

/**
 * The not-sent reasons that depend on whether the request is same-site (RFC 6265bis 5.8.3 step 1.6): the ones a
 * cross-site context gives, which a same-site request would have carried.
 */
export const SAME_SITE_NOT_SENT_REASONS: ReadonlySet<NotSentReason> = new Set<NotSentReason>([
  'SameSiteStrict',
  'SameSiteLax',
  'SameSiteUnspecifiedTreatedAsLax',
]);

/** Whether a name a browser reported for a cookie it did not send (Chrome's CookieBlockedReason) is one of ours. */
export function isBrowserNotSentReason(name: string): name is NotSentReason {
  return Object.hasOwn(NOT_SENT_REASONS, name) && !MODEL_ONLY_NOT_SENT_REASONS.has(name);
}

export const SET_COOKIE_REJECTED_REASONS = {
  SecureOnly: 'A Secure cookie was set from an insecure (http://) URL.',
  SameSiteNoneInsecure: 'SameSite=None without the Secure attribute.',
  SyntaxError: 'The Set-Cookie line has invalid syntax (for example no "=" or an empty name and value).',
  InvalidDomain: 'The Domain attribute does not domain-match the request host, or is a public suffix.',
  InvalidPrefix: 'The __Host- or __Secure- prefix requirements are not met.',
  OverwriteSecure: 'An insecure origin tried to overwrite a Secure cookie.',
  NameValuePairExceedsMaxSize: 'The name and value together exceed 4096 bytes.',
  DisallowedCharacter: 'The line contains a control character that browsers reject.',
  NoCookieContent: 'The Set-Cookie line is empty.',
  SchemeNotSupported: 'The URL scheme does not support cookies.',
  // RFC 6265bis 5.7, the same-site-flag step: a cross-site response (other than a top-level navigation) may
  // not store a cookie whose SameSite is not None.
  SameSiteStrict: 'SameSite=Strict on a cross-site response that is not a top-level navigation.',
  SameSiteLax: 'SameSite=Lax on a cross-site response that is not a top-level navigation.',
  SameSiteUnspecifiedTreatedAsLax:
    'No SameSite attribute (treated as Lax) on a cross-site response that is not a top-level navigation.',
  // Where the browser reported it, or the recording browser blocks them by default (Safari: browserDefaults.ts); the
  // model does not know the user's own cookie settings.
  ThirdPartyBlocked: 'Third-party cookies are blocked in this context.',
  UserPreferences: 'Blocked by the user’s cookie settings (the browser said so).',
  // Chrome has no SetCookieBlockedReason for this (document.cookie is not a network event); RFC 6265bis 5.7.
  HttpOnlyFromScript: 'A script (a non-HTTP API) tried to set or overwrite an HttpOnly cookie.',
} as const;

export type SetCookieRejectedReason = keyof typeof SET_COOKIE_REJECTED_REASONS;
export const SET_COOKIE_REJECTED_REASON_NAMES = Object.keys(SET_COOKIE_REJECTED_REASONS) as SetCookieRejectedReason[];
