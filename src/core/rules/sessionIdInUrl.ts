/**
 * session-id-in-url: a session ID value appears in a request URL (query, fragment, `;jsessionid=` path
 * parameter) or in a Referer header (RULES.md). URLs leak into logs, history, Referer and shared links.
 */
import { ValueFinder } from '../session/valuesInText.ts';
import { defineRule, type FindingDraft } from './rule.ts';

/** Where in a request a session ID was found. */
type Place = 'URL' | 'Referer header';

/** Shorter values would match by accident (`sid=1` is not a leak worth a high finding). */
const MIN_ID_LENGTH = 8;
const PATH_PARAMETER = /;(jsessionid|phpsessid|sid|sessionid)=([^;?#/]+)/i;

function decode(s: string): string {
  // Without "%" there is nothing to decode (most URLs): spares a copy of every URL.
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const sessionIdInUrl = defineRule({
  id: 'session-id-in-url',
  severity: 'high',
  title: 'Session ID in a URL',
  docs: {
    explanation:
      'A session ID appears in a URL or Referer header. URLs end up in server and proxy logs, browser history, bookmarks, shared links and Referer headers sent to other sites, where anyone can replay the session.',
    fix: 'Keep the session ID in a cookie only: disable URL rewriting (Java: <tracking-mode>COOKIE</tracking-mode>; PHP: session.use_trans_sid=0, session.use_only_cookies=1).',
    peer: 'ZAP 3 (Session ID in URL Rewrite)',
  },
  check(ctx) {
    const ids = new Map<string, string>();
    for (const lane of ctx.facts.lanes) {
      for (const id of lane.ids) if (id.id.length >= MIN_ID_LENGTH) ids.set(id.id, lane.cookie);
    }
    const requests = ctx.facts.requests;
    // Indexed loops, no per-request lists or tuples: this reads every request of the trace.
    for (let r = 0; r < requests.length; r++) {
      const { sent, setCookies } = requests[r]!;
      for (let i = 0; i < sent.length; i++) {
        const c = sent[i]!;
        if (c.session && c.value.length >= MIN_ID_LENGTH) ids.set(c.value, c.name);
      }
      for (let i = 0; i < setCookies.length; i++) {
        const c = setCookies[i]!;
        if (c.session && c.value.length >= MIN_ID_LENGTH) ids.set(c.value, c.name);
      }
    }
    const finder = new ValueFinder(ids.keys());
    const reported = new Set<string>();
    /** The ID this text carries and its cookie, once per ID and place; undefined when none (or told before). */
    const leak = (text: string, where: Place): { id: string; cookie: string } | undefined => {
      const param = PATH_PARAMETER.exec(text);
      const id = param ? param[2]! : finder.longest(text);
      if (id === undefined) return undefined;
      const once = `${id}\u0000${where}`;
      if (reported.has(once)) return undefined;
      reported.add(once);
      return { id, cookie: ids.get(id) ?? param![1]! };
    };
    const drafts: FindingDraft[] = [];
    for (let r = 0; r < requests.length; r++) {
      const request = requests[r]!;
      // One finding per request: the URL's leak, else the Referer's.
      let where: Place = 'URL';
      let found = leak(decode(request.url), where);
      if (!found && request.referer) {
        where = 'Referer header';
        found = leak(decode(request.referer), where);
      }
      if (!found) continue;
      drafts.push({
        origin: request.origin,
        cookie: found.cookie,
        entry: request.entry,
        url: request.url,
        message: `The ${where} of this request carries the ${found.cookie} session ID ${ctx.show(found.id)}.`,
        evidence: { id: { secret: found.id }, where },
      });
    }
    return drafts;
  },
});
