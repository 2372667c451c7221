/** cookie-rejected and cookie-prefix-violation: Set-Cookie lines the browser would refuse (RULES.md, Chrome's reasons). */
import type { RequestFacts, SetCookieFact } from '../analysis/facts.ts';
import { SET_COOKIE_REJECTED_REASONS } from '../cookie/reasons.ts';
import { redactLine } from './attributeRule.ts';
import { times } from './helpers.ts';
import { perRequestRule } from './perRequestRule.ts';
import type { PerRequest } from './rule.ts';

type Rejected = { request: RequestFacts; fact: SetCookieFact & { outcome: { kind: 'rejected' } } };
const NONE: readonly Rejected[] = [];

/** The request's rejected Set-Cookies that `keep` keeps, reported once per host, cookie and reason, with the count. */
function rejections(keep: (r: Rejected) => boolean): PerRequest<Rejected> {
  return {
    observe(request) {
      if (request.setCookies.length === 0) return NONE;
      const out: Rejected[] = [];
      for (const fact of request.setCookies) {
        if (fact.outcome.kind !== 'rejected') continue;
        const r = { request, fact } as Rejected;
        if (keep(r)) out.push(r);
      }
      return out;
    },
    onceKey: (r) => `${r.request.host}\u0000${r.fact.name}\u0000${r.fact.outcome.reason}`,
    draft(item, count) {
      const outcome = item.fact.outcome;
      const name = item.fact.name;
      return {
        origin: item.request.origin,
        ...(name ? { cookie: name } : {}),
        entry: item.request.entry,
        url: item.request.url,
        reason: outcome.reason,
        message: `The browser rejects ${name ? `the ${name} cookie` : 'this Set-Cookie'}: ${outcome.reason} — ${[SET_COOKIE_REJECTED_REASONS[outcome.reason], outcome.detail].filter((part) => part !== '').join(' ')}${times(count)}`,
        evidence: { setCookie: redactLine(outcome.raw, item.fact.value), reason: outcome.reason },
      };
    },
  };
}

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
  ...rejections((r) => r.fact.session || PREFIXED.test(r.fact.name)),
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
