/** cookie-rejected and cookie-prefix-violation: Set-Cookie lines the browser would refuse (RULES.md, Chrome's reasons). */
import type { RequestFacts, SetCookieFact } from '../analysis/facts.ts';
import { SET_COOKIE_REJECTED_REASONS } from '../cookie/reasons.ts';
import { redactLine } from './attributeRule.ts';
import { firstPerCookie, times } from './helpers.ts';
import { defineRule, type FindingDraft, type RuleContext } from './rule.ts';

type Rejected = { request: RequestFacts; fact: SetCookieFact & { outcome: { kind: 'rejected' } } };

function rejections(ctx: RuleContext, keep: (r: Rejected) => boolean): FindingDraft[] {
  const all: Rejected[] = [];
  for (const request of ctx.facts.requests) {
    for (const fact of request.setCookies) {
      if (fact.outcome.kind !== 'rejected') continue;
      const r = { request, fact } as Rejected;
      if (keep(r)) all.push(r);
    }
  }
  return firstPerCookie(
    all.map((r) => ({ ...r, fact: { ...r.fact, name: `${r.fact.name}\u0000${r.fact.outcome.reason}` } })),
  ).map(({ item, count }) => {
    const outcome = item.fact.outcome;
    const name = item.fact.name.split('\u0000')[0]!;
    return {
      origin: item.request.origin,
      ...(name ? { cookie: name } : {}),
      entry: item.request.entry,
      url: item.request.url,
      reason: outcome.reason,
      message:
        `The browser rejects ${name ? `the ${name} cookie` : 'this Set-Cookie'}: ${outcome.reason} — ${SET_COOKIE_REJECTED_REASONS[outcome.reason]} ${outcome.detail}${times(count)}`.trim(),
      evidence: { setCookie: redactLine(outcome.raw, item.fact.value), reason: outcome.reason },
    };
  });
}

const PREFIXED = /^__(host|secure)-/i;

export const cookieRejected = defineRule({
  id: 'cookie-rejected',
  severity: 'high',
  title: 'Session Set-Cookie rejected by the browser',
  docs: {
    explanation:
      'The browser refuses to store this Set-Cookie of a session cookie, so the session it carries never reaches the client. The reason uses Chrome’s SetCookieBlockedReason names.',
    fix: 'Follow the reason: Secure cookies only from https, SameSite=None with Secure, a Domain that matches the host, a valid prefix, no control characters, name and value under 4096 bytes.',
    peer: 'Chrome (SetCookieBlockedReason)',
  },
  check: (ctx) => rejections(ctx, (r) => r.fact.session || PREFIXED.test(r.fact.name)),
});

export const cookiePrefixViolation = defineRule({
  id: 'cookie-prefix-violation',
  severity: 'high',
  title: '__Host-/__Secure- prefix requirements not met',
  docs: {
    explanation:
      'A cookie named __Secure-… must be set with Secure from a secure origin; __Host-… also needs Path=/ and no Domain. Browsers reject cookies that break these rules.',
    fix: 'Set __Host- cookies with Secure; Path=/ and no Domain, over HTTPS; __Secure- cookies with Secure over HTTPS.',
    peer: 'Chrome (InvalidPrefix)',
  },
  check: (ctx) => rejections(ctx, (r) => r.fact.outcome.reason === 'InvalidPrefix'),
});
