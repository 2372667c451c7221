/**
 * session-sent-over-http: a session cookie went to a server over plain http:// (or ws://) and the trace holds no
 * Set-Cookie of it: the ID crossed the network in clear text, and nothing else in the report says so.
 *
 * A cookie that a response of the trace set is told by the attribute rules at that Set-Cookie: `cookie-set-over-http`
 * (issued in clear text) or `cookie-no-secure` (set over HTTPS without Secure, so the browser sends it over http://
 * too); told here as well, it was one exposure told twice (a real ad server re-setting its PHPSESSID on the very
 * responses that carried it). A recording that begins signed in (the user logged in before it; a proxy's capture of
 * a running session) holds no Set-Cookie of the session: its requests are the only evidence, and a cookie carried
 * over http:// has no Secure attribute whatever else it has. Not on a loopback host (http://localhost, 127.0.0.1,
 * *.localhost): such a request never leaves the machine, and browsers hold the origin potentially trustworthy
 * (cookieSetOverHttp says the same).
 */
import type { RequestFacts, SentCookieFact } from '../analysis/facts.ts';
import { isLoopbackHost } from '../cookie/domain.ts';
import { jarCookieKey } from './helpers.ts';
import { defineRule, type FindingDraft } from './rule.ts';

/** A request that goes over the network unencrypted. */
function inClearText(request: RequestFacts): boolean {
  return (request.url.startsWith('http:') || request.url.startsWith('ws:')) && !isLoopbackHost(request.host);
}

export const sessionSentOverHttp = defineRule({
  id: 'session-sent-over-http',
  severity: 'high',
  title: 'Session ID sent over plain HTTP',
  docs: {
    explanation:
      'A request over plain http:// carried the session cookie, so the session ID crossed the network in clear text: anyone on the path (a shared Wi-Fi, a proxy) can read it and take over the session. The recording holds no Set-Cookie of the cookie, so its attributes are unknown except one: a cookie sent over http:// has no Secure attribute.',
    fix: 'Serve the whole site over HTTPS (redirect http:// to https:// and send HSTS), and set the session cookie Secure so the browser never sends it over http://; then issue a new session ID, as this one may have been read.',
  },
  check(ctx) {
    // Indexed loops: this runs over every request at every snapshot of the live panel, and a for-of allocated an
    // iterator for each request's (mostly empty) lists.
    const requests = ctx.facts.requests;
    // The names some response of the trace stored: their attribute rules tell their Set-Cookie.
    const setInTrace = new Set<string>();
    for (let r = 0; r < requests.length; r++) {
      const sets = requests[r]!.setCookies;
      for (let i = 0; i < sets.length; i++) if (sets[i]!.outcome.kind === 'stored') setInTrace.add(sets[i]!.name);
    }
    const first = new Map<string, { request: RequestFacts; fact: SentCookieFact; count: number }>();
    for (let r = 0; r < requests.length; r++) {
      const request = requests[r]!;
      if (!inClearText(request)) continue;
      for (let i = 0; i < request.sent.length; i++) {
        const fact = request.sent[i]!;
        if (!fact.session || setInTrace.has(fact.name)) continue;
        // Once per cookie of the jar: a Domain cookie carried to several hosts is one cookie.
        const key = jarCookieKey(fact.name, fact.domain ?? request.host);
        const seen = first.get(key);
        if (seen) seen.count++;
        else first.set(key, { request, fact, count: 1 });
      }
    }
    return [...first.values()].map(({ request, fact, count }): FindingDraft => {
      const more = count > 1 ? ` (${count} requests over http:// carried it)` : '';
      return {
        origin: request.origin,
        cookie: fact.name,
        entry: request.entry,
        url: request.url,
        message: `This request over plain http:// carried the session ID ${ctx.show(fact.value)} in ${fact.name}${more}: anyone on the network path can read it. The recording holds no Set-Cookie of ${fact.name}; carried over http://, it has no Secure attribute.`,
        evidence: { id: { secret: fact.value }, requests: count },
      };
    });
  },
});
