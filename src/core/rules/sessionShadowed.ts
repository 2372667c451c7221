/** session-shadowed: one request carries two or more cookies with the same session cookie name (RULES.md). */
import { defineRule } from './rule.ts';

export const sessionShadowed = defineRule({
  id: 'session-shadowed',
  severity: 'medium',
  title: 'Two session cookies of one name in one request',
  docs: {
    explanation:
      'The request carries several cookies with the same session cookie name (set with different Path or Domain). Servers read only one of them — usually the first — which may be the stale one, so the user appears logged out or in another session.',
    fix: 'Set the session cookie with one Path and one Domain everywhere, and delete stray copies (a Set-Cookie with Max-Age=0 and the stray Path/Domain).',
  },
  check(ctx) {
    const reported = new Set<string>();
    return ctx.facts.requests.flatMap((request) => {
      const byName = new Map<string, typeof request.sent>();
      for (const s of request.sent) {
        if (!s.session) continue;
        byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
      }
      return [...byName].flatMap(([name, copies]) => {
        if (copies.length < 2) return [];
        const once = `${request.host}\u0000${name}\u0000${copies.map((c) => `${c.domain}${c.path}`).join(',')}`;
        if (reported.has(once)) return [];
        reported.add(once);
        const where = copies.map((c) => `${ctx.show(c.value)} (domain ${c.domain ?? '?'}, path ${c.path ?? '?'})`);
        return [
          {
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
          },
        ];
      });
    });
  },
});
