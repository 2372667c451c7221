/**
 * How a server answers a client it does not take as logged in (RULES.md, session-rejected and the evidence
 * for a session cookie): a status that says so (401, 403, 419, 440), a redirect to a login page, or a page with a
 * login form.
 */
import { isLoginPagePath } from '../session/loginPage.ts';
import { headerValue, headerValues } from '../trace/headers.ts';
import { LOGGED_OUT_STATUSES } from '../trace/loggedOutStatus.ts';
import type { TraceEntry } from '../trace/types.ts';
import type { LoggedOutAnswer } from './facts.ts';

/** The logged-out answer of one response, if it is one (the request URL is `base` for a relative Location). */
export function loggedOutAnswer(entry: TraceEntry, base: URL): LoggedOutAnswer | undefined {
  const status = entry.response?.status;
  // A beacon's answer (a `ping`: sendBeacon, <a ping>) is read by no page: whatever it says, it is no answer to the
  // user (a real github.com recording's collector answered its pings 403).
  if (status === undefined || entry.request.resourceType === 'ping') return undefined;
  if (status === 401 && challengesConnection(entry)) return undefined;
  if (LOGGED_OUT_STATUSES.has(status)) return { entry: entry.index, status };
  if (status >= 200 && status < 300 && entry.response?.loginForm)
    return { entry: entry.index, status, loginForm: true };
  if (status < 300 || status > 399) return undefined;
  const location = entry.response?.redirectUrl || headerValue(entry.response?.headers ?? [], 'location');
  if (!location) return undefined;
  let target: URL;
  try {
    target = new URL(location, base);
  } catch {
    return undefined;
  }
  // Same site only: a redirect to an identity provider is the start of a login, not an answer about this session.
  if (target.host !== base.host || !isLoginPagePath(target.pathname)) return undefined;
  return { entry: entry.index, status, loginPage: target.href };
}

/**
 * A 401 challenging for Windows authentication (`WWW-Authenticate: NTLM` or `Negotiate`, RFC 4559): those schemes
 * authenticate each new connection, whatever session its requests carry, and the browser answers the challenge
 * itself by sending the request again with credentials. A step of that handshake, on an intranet application's
 * first request over a new connection, is no answer about the session (a LoadRunner replay of an NTLM app read eight
 * handshakes as "session rejected", high).
 */
function challengesConnection(entry: TraceEntry): boolean {
  return headerValues(entry.response?.headers ?? [], 'www-authenticate').some((v) => CONNECTION_SCHEME.test(v));
}

const CONNECTION_SCHEME = /^\s*(?:ntlm|negotiate)(?:\s|,|$)/i;
