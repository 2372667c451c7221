/** cookie-rejected and cookie-prefix-violation: Set-Cookie lines the browser would refuse (RULES.md, Chrome's reasons). */
import type { RequestFacts, SetCookieFact } from '../analysis/facts.ts';
import { SET_COOKIE_REJECTED_REASONS } from '../cookie/reasons.ts';
import { redactLine } from './attributeRule.ts';
import { times } from './helpers.ts';
import { perRequestRule } from './perRequestRule.ts';
import type { PerRequest } from './rule.ts';

type Rejected = {
  request: RequestFacts;
  fact: SetCookieFact & { outcome: { kind: 'rejected' } };
  /** Where the same response stored the same name and value (another Domain's line the browser took), if it did. */
  storedAlike?: string;
};
const NONE: readonly Rejected[] = [];

/**
 * The request's rejected Set-Cookies that `keep` keeps, reported once per host, cookie and reason, with the count.
 * With `storedAlikeIsLow`, a line whose cookie the same response stored under another line (a site setting one
 * token for each of its domains, where the browser takes the line for the host's own) is low: the value reached the
 * browser, and the finding says where.
 */
function rejections(keep: (r: Rejected) => boolean, storedAlikeIsLow = false): PerRequest<Rejected> {
  return {
    observe(request) {
      if (request.setCookies.length === 0) return NONE;
      const out: Rejected[] = [];
      for (const fact of request.setCookies) {
        if (fact.outcome.kind !== 'rejected') continue;
        const r = { request, fact } as Rejected;
        if (!keep(r)) continue;
        const alike = storedAlikeIsLow ? storedAlikeOf(request, fact) : undefined;
        out.push(alike === undefined ? r : { ...r, storedAlike: alike });
      }
      return out;
    },
    onceKey: (r) =>
      `${r.request.host}\u0000${r.fact.name}\u0000${r.fact.outcome.reason}\u0000${r.storedAlike === undefined}`,
    draft(item, count) {
      const outcome = item.fact.outcome;
      const name = item.fact.name;
      const alike = item.storedAlike;
      return {
        ...(alike !== undefined ? { severity: 'low' as const, fix: STORED_ALIKE_FIX } : {}),
        origin: item.request.origin,
        ...(name ? { cookie: name } : {}),
        entry: item.request.entry,
        url: item.request.url,
        reason: outcome.reason,
        message: `The browser rejects ${name ? `the ${name} cookie` : 'this Set-Cookie'}: ${outcome.reason} — ${[SET_COOKIE_REJECTED_REASONS[outcome.reason], outcome.detail].filter((part) => part !== '').join(' ')}${times(count)}${alike !== undefined ? storedAlikeText(name, alike) : ''}`,
        evidence: {
          setCookie: redactLine(outcome.raw, item.fact.value),
          reason: outcome.reason,
          ...(alike !== undefined ? { storedAlike: alike } : {}),
        },
      };
    },
  };
}

/** The domain a line of the same response stored the same cookie for (same name, same value), if one did. */
function storedAlikeOf(request: RequestFacts, rejected: SetCookieFact): string | undefined {
  for (const fact of request.setCookies) {
    if (fact.outcome.kind === 'stored' && fact.name === rejected.name && fact.value === rejected.value)
      return `${fact.outcome.cookie.hostOnly ? '' : '.'}${fact.outcome.cookie.domain}`;
  }
  return undefined;
}

function storedAlikeText(name: string, domain: string): string {
  return ` The same response set ${name || 'it'} with the same value for ${domain}, and the browser stored that one: the session reached the browser, and what it refused changes nothing.`;
}

const STORED_ALIKE_FIX =
  "Send each host only the Set-Cookie lines for its own domain: a browser refuses a cookie for another site's domain, so those lines are noise in every response (each site must set its own, on its own response).";

const PREFIXED = /^__(host|secure)-/i;

export const cookieRejected = perRequestRule({
  id: 'cookie-rejected',
  severity: 'high',
  title: 'Session Set-Cookie rejected by the browser',
  docs: {
    explanation:
      'The browser refuses to store this Set-Cookie of a session cookie, so the session it carries never reaches the client. The reason uses Chrome’s SetCookieBlockedReason names.',
    fix: 'Follow the reason: Secure cookies only from https, SameSite=None with Secure, a Domain that matches the host, a valid prefix, no control characters, name and value under 4096 bytes.',
    peer: 'Chrome (SetCookieBlockedReason)',
  },
  ...rejections((r) => r.fact.session || PREFIXED.test(r.fact.name), true),
});

export const cookiePrefixViolation = perRequestRule({
  id: 'cookie-prefix-violation',
  severity: 'high',
  title: '__Host-/__Secure- prefix requirements not met',
  docs: {
    explanation:
      'A cookie named __Secure-… must be set with Secure from a secure origin; __Host-… also needs Path=/ and no Domain. Browsers reject cookies that break these rules.',
    fix: 'Set __Host- cookies with Secure; Path=/ and no Domain, over HTTPS; __Secure- cookies with Secure over HTTPS.',
    peer: 'Chrome (InvalidPrefix)',
  },
  ...rejections((r) => r.fact.outcome.reason === 'InvalidPrefix'),
});
