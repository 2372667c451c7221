/**
 * session-id-in-url: a session ID value appears in a request URL (query, fragment, `;jsessionid=` path
 * parameter) or in a Referer header (RULES.md). URLs leak into logs, history, Referer and shared links.
 */
import { ValueFinder } from '../session/valuesInText.ts';
import { defineRule } from './rule.ts';

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
    for (const r of ctx.facts.requests) {
      for (const c of r.sent) if (c.session && c.value.length >= MIN_ID_LENGTH) ids.set(c.value, c.name);
      for (const c of r.setCookies) if (c.session && c.value.length >= MIN_ID_LENGTH) ids.set(c.value, c.name);
    }
    const finder = new ValueFinder(ids.keys());
    const reported = new Set<string>();
    return ctx.facts.requests.flatMap((request) => {
      const places: [string, string][] = [['URL', decode(request.url)]];
      if (request.referer) places.push(['Referer header', decode(request.referer)]);
      for (const [where, text] of places) {
        const param = PATH_PARAMETER.exec(text);
        let found: [string, string] | undefined;
        if (param) found = [param[2]!, ids.get(param[2]!) ?? param[1]!];
        if (!found) {
          const [id] = finder.find(text);
          if (id !== undefined) found = [id, ids.get(id)!];
        }
        if (!found) continue;
        const [id, cookie] = found;
        const once = `${id}\u0000${where}`;
        if (reported.has(once)) continue;
        reported.add(once);
        return [
          {
            origin: request.origin,
            cookie,
            entry: request.entry,
            url: request.url,
            message: `The ${where} of this request carries the ${cookie} session ID ${ctx.show(id)}.`,
            evidence: { id: { secret: id }, where },
          },
        ];
      }
      return [];
    });
  },
});
