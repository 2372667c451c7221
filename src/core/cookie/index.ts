// The cookie model's public API: parsing (RFC 6265bis 5.1.1, 5.6), matching (5.1.3, 5.1.4, 5.2) and the
// jar (5.7, 5.8.3). Other layers import from here, not from the modules.
export { parseCookieDate } from './cookieDate.ts';
export {
  canonicalizeHost,
  domainMatch,
  hostOfUrl,
  isIpAddress,
  isLoopbackHost,
  isPublicSuffix,
  isSecureOrigin,
  registrableDomain,
} from './domain.ts';
export {
  COOKIE_LIMITS,
  type CookieEventOutcome,
  type CookieEviction,
  CookieJar,
  cookieKey,
  type SetCookieOptions,
} from './jar.ts';
export {
  firstNotSentReason,
  hostMatches,
  NOT_SENT_CHECKS,
  NOT_SENT_PRIORITY,
  notSentReasons,
  type ResolvedRequest,
  resolveRequest,
} from './notSent.ts';
export { MAX_ATTRIBUTE_VALUE_BYTES, MAX_NAME_VALUE_BYTES, parseSetCookie, utf8Length } from './parseSetCookie.ts';
export { defaultPath, pathMatch, requestPath } from './path.ts';
export * from './reasons.ts';
export { isSameSite, isSameSiteRequest, LAX_ALLOW_UNSAFE_MAX_AGE_MS, sameSiteBlock, siteOf } from './sameSite.ts';
export {
  type CookieUrl,
  type CreatedCookie,
  cookieUrl,
  createCookie,
  expiryOf,
  MAX_COOKIE_AGE_MS,
} from './storageModel.ts';
export type * from './types.ts';
