/**
 * cookie-holds-credentials: a cookie carries the user's name and password, the very credentials its request sent as
 * HTTP Basic authentication (their base64, or their text). A session ID can be revoked at logout and says nothing
 * of the password; this cookie is the password: page script reads it unless it is HttpOnly, it travels with every
 * request to its host (over plain HTTP too), and whoever copies it can sign in until the password changes. RabbitMQ's
 * management UI keeps its login so (`m=2258:<base64 of user:password>`, written by script), as do some routers'.
 */
import type { CredentialCookieFact } from '../analysis/facts.ts';
import { defineRule, type FindingDraft } from './rule.ts';

export const cookieHoldsCredentials = defineRule({
  id: 'cookie-holds-credentials',
  severity: 'high',
  title: "Cookie holds the user's password",
  docs: {
    explanation:
      "A cookie carries the user's name and password: the same credentials its request sent in its Authorization header (HTTP Basic), as base64 or as text. Unlike a session ID, no logout revokes it: page scripts read it unless it is HttpOnly, it is sent with every request to its host, it stays in the browser until it expires, and whoever copies it from a log, a proxy or the disk can sign in until the password is changed.",
    fix: 'Keep passwords out of cookies: check them once at login and give the browser a random session ID (HttpOnly, Secure, SameSite) that the server can end at logout; for HTTP authentication, let the browser hold the credentials itself.',
  },
  check(ctx) {
    // Shown at the first request whose credentials the server accepted (a wrong password's try is refused).
    const accepted = (fact: CredentialCookieFact) => (ctx.request(fact.entry)?.status ?? 400) < 400;
    const first = new Map<string, { fact: CredentialCookieFact; count: number }>();
    for (const fact of ctx.facts.credentialCookies ?? []) {
      const key = `${fact.origin}\u0000${fact.cookie}`;
      const seen = first.get(key);
      if (!seen) first.set(key, { fact, count: 1 });
      else {
        seen.count++;
        if (!accepted(seen.fact) && accepted(fact)) seen.fact = fact;
      }
    }
    return [...first.values()].map(({ fact, count }): FindingDraft => {
      const where = count > 1 ? `; ${count} requests carried it` : '';
      return {
        origin: fact.origin,
        cookie: fact.cookie,
        entry: fact.entry,
        url: ctx.request(fact.entry)?.url ?? '',
        message: `${fact.cookie} holds the user's name and password: the credentials this request sent in its Authorization header (HTTP Basic)${where}. No logout revokes it; whoever reads the cookie has the password.`,
        evidence: { value: { secret: fact.value }, credentials: 'Authorization: Basic (the same user:password)' },
      };
    });
  },
});
