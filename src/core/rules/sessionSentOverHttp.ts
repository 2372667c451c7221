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
import { clearTextScheme, jarCookieKey } from './helpers.ts';
import { memo } from './memo.ts';
import { defineRule, type FindingDraft } from './rule.ts';

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
    const requests = ctx.facts.requests;
    if (requests.length === 0) return [];
    // A growing replay keeps its first request: the fold goes on from the last snapshot (memo.ts), so the live panel
    // reads each request once, not the whole trace at every refresh.
    const fold = ctx.memos.recall(CLEAR_TEXT_SENDS, requests[0]!, [], () => new ClearTextSends());
    fold.upTo(requests);
    const drafts: FindingDraft[] = [];
    for (const send of fold.sends()) {
      // A name some response stored, even a later one, is told at its Set-Cookie by the attribute rules.
      if (fold.setInTrace.has(send.fact.name)) continue;
      drafts.push(ctx.memos.recall(DRAFTS, send, [send.count, ctx.show], () => draftOf(send, ctx.show)));
    }
    return drafts;
  },
});

/** The first request over clear text that carried a session cookie, and how many did: one per cookie of the jar. */
interface ClearTextSend {
  readonly request: RequestFacts;
  readonly fact: SentCookieFact;
  count: number;
}

/**
 * The fold over the requests so far: the names responses stored, and the clear-text sends of session cookies. A
 * Set-Cookie of a name cancels its sends whenever it comes, so the sends are kept whole and filtered when drafted.
 */
class ClearTextSends {
  readonly setInTrace = new Set<string>();
  readonly #first = new Map<string, ClearTextSend>();
  #folded = 0;

  /** Folds the requests that arrived since the last call (the same requests as before, and perhaps more). */
  upTo(requests: readonly RequestFacts[]): void {
    // Indexed loops: this runs over every new request, and a for-of allocated an iterator for each request's
    // (mostly empty) lists.
    for (let r = this.#folded; r < requests.length; r++) {
      const request = requests[r]!;
      const sets = request.setCookies;
      for (let i = 0; i < sets.length; i++) if (sets[i]!.outcome.kind === 'stored') this.setInTrace.add(sets[i]!.name);
      if (clearTextScheme(request) === undefined) continue;
      for (let i = 0; i < request.sent.length; i++) {
        const fact = request.sent[i]!;
        // A name once stored stays so (its sends are never told): not counted, which spares the key.
        if (!fact.session || this.setInTrace.has(fact.name)) continue;
        // Once per cookie of the jar: a Domain cookie carried to several hosts is one cookie.
        const key = jarCookieKey(fact.name, fact.domain ?? request.host);
        const seen = this.#first.get(key);
        if (seen) seen.count++;
        else this.#first.set(key, { request, fact, count: 1 });
      }
    }
    this.#folded = requests.length;
  }

  sends(): IterableIterator<ClearTextSend> {
    return this.#first.values();
  }
}

const CLEAR_TEXT_SENDS = memo<RequestFacts, ClearTextSends>('session-sent-over-http sends', 'replay');
/** Each cookie's finding, the same object while its count and the value renderer are the same (memo.ts). */
const DRAFTS = memo<ClearTextSend, FindingDraft>('session-sent-over-http drafts', 'snapshots');

function draftOf({ request, fact, count }: ClearTextSend, show: (value: string) => string): FindingDraft {
  const more = count > 1 ? ` (${count} requests over http:// carried it)` : '';
  return {
    origin: request.origin,
    cookie: fact.name,
    entry: request.entry,
    url: request.url,
    message: `This request over plain http:// carried the session ID ${show(fact.value)} in ${fact.name}${more}: anyone on the network path can read it. The recording holds no Set-Cookie of ${fact.name}; carried over http://, it has no Secure attribute.`,
    evidence: { id: { secret: fact.value }, requests: count },
  };
}
