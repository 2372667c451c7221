/** session-shadowed: one request carries two or more cookies with the same session cookie name (RULES.md). */
import type { RequestFacts, SentCookieFact } from '../analysis/facts.ts';
import { perRequestRule } from './perRequestRule.ts';

/** The copies of one session cookie name a request carried, when there were several. */
interface Shadowed {
  readonly request: RequestFacts;
  readonly name: string;
  readonly copies: readonly SentCookieFact[];
}

const NONE: readonly Shadowed[] = [];

export const sessionShadowed = perRequestRule({
  id: 'session-shadowed',
  severity: 'medium',
  title: 'Two session cookies of one name in one request',
  docs: {
    explanation:
      'The request carries several cookies with the same session cookie name (set with different Path or Domain). Servers read only one of them — usually the first — which may be the stale one, so the user appears logged out or in another session.',
    fix: 'Set the session cookie with one Path and one Domain everywhere, and delete stray copies (a Set-Cookie with Max-Age=0 and the stray Path/Domain).',
  },
  observe(request): readonly Shadowed[] {
    // One cookie cannot shadow itself: most requests are done here.
    if (request.sent.length < 2) return NONE;
    const byName = new Map<string, SentCookieFact[]>();
    for (const s of request.sent) {
      if (!s.session) continue;
      byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
    }
    return [...byName].flatMap(([name, copies]) => (copies.length < 2 ? [] : [{ request, name, copies }]));
  },
  // Once per host, name and the places the copies came from.
  onceKey: ({ request, name, copies }) =>
    `${request.host}\u0000${name}\u0000${copies.map((c) => `${c.domain}${c.path}`).join(',')}`,
  draft({ request, name, copies }, _count, ctx) {
    const where = copies.map((c) => `${ctx.show(c.value)} (domain ${c.domain ?? '?'}, path ${c.path ?? '?'})`);
    return {
      origin: request.origin,
      cookie: name,
      entry: request.entry,
      url: request.url,
      message: `This request carries ${copies.length} cookies named ${name}: ${where.join(', ')}. The server may read the wrong one.`,
      evidence: {
        ids: copies.map((c) => ({ secret: c.value })),
        paths: copies.map((c) => c.path ?? '?'),
        domains: copies.map((c) => c.domain ?? '?'),
      },
    };
  },
});
