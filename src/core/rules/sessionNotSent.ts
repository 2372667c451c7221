/**
 * session-not-sent: a session cookie in the jar matched the request's origin but was not sent, with the one
 * reason why (RULES.md). Reasons that always matter are reported once per cookie and reason until the ID
 * changes; reasons that are often benign (another path, another host, unknown) only when the request then
 * lost the session or was refused (401/403).
 */

import { laneKey } from '../analysis/replay.ts';
import type { NotSentReason } from '../cookie/reasons.ts';
import { NOT_SENT_REASONS } from '../cookie/reasons.ts';
import { defineRule } from './rule.ts';
import { idTransitions, notSentKey } from './transitions.ts';

/** How each reason is reported: always (once per ID), when it caused a loss, or never (told elsewhere). */
const REPORTING: Record<NotSentReason, 'always' | 'when-consequential' | 'never'> = {
  SecureOnly: 'always',
  NotOnPath: 'when-consequential',
  DomainMismatch: 'when-consequential',
  SameSiteStrict: 'always',
  SameSiteLax: 'always',
  SameSiteUnspecifiedTreatedAsLax: 'always',
  SameSiteNoneInsecure: 'always',
  SchemeMismatch: 'always',
  PortMismatch: 'always',
  NameValuePairExceedsMaxSize: 'always',
  ThirdPartyBlocked: 'always',
  UserPreferences: 'always',
  Expired: 'always',
  // The deletion itself is the finding (session-reset cleared-by-…); every later request would repeat it.
  Deleted: 'never',
  Unknown: 'when-consequential',
};

export const sessionNotSent = defineRule({
  id: 'session-not-sent',
  severity: 'high',
  title: 'Session cookie not sent',
  docs: {
    explanation:
      'The browser held a session cookie for this origin but did not send it with the request, so the server could not recognise the session. The reason names the browser rule that kept it back.',
    fix: 'Follow the reason: serve every page over https (SecureOnly), widen Path (NotOnPath), set SameSite=Lax or None; Secure for cross-site flows (SameSite*), lengthen the cookie lifetime (Expired).',
  },
  check(ctx) {
    const consequential = new Set<string>();
    for (const t of idTransitions(ctx)) {
      if (t.end.kind === 'reset' && (t.end.cause === 'not-sent' || t.end.cause === 'expired')) {
        consequential.add(notSentKey(t.lane.key, t.end.entry));
      }
    }
    const reported = new Set<string>();
    return ctx.facts.requests.flatMap((request) =>
      request.notSent.flatMap((n) => {
        if (!n.session) return [];
        const lane = laneKey(n.domain, n.path, n.name);
        const key = notSentKey(lane, request.entry);
        const refused = request.status === 401 || request.status === 403;
        const mode = REPORTING[n.reason];
        const once = `${lane}\u0000${n.reason}\u0000${n.value}`;
        const report =
          consequential.has(key) ||
          (mode === 'always' && !reported.has(once)) ||
          (mode === 'when-consequential' && refused && !reported.has(once));
        if (!report) return [];
        reported.add(once);
        const browser = n.browserReasons?.length ? ` Chrome reported: ${n.browserReasons.join(', ')}.` : '';
        return [
          {
            key,
            origin: request.origin,
            cookie: n.name,
            entry: request.entry,
            url: request.url,
            reason: n.reason,
            message: `${n.name} (${ctx.show(n.value)}, domain ${n.domain}, path ${n.path}) was not sent: ${n.reason} — ${NOT_SENT_REASONS[n.reason]}${browser}`,
            evidence: {
              id: { secret: n.value },
              domain: n.domain,
              path: n.path,
              method: request.method,
              ...(request.status !== undefined ? { status: request.status } : {}),
              ...(n.browserReasons ? { browserReasons: n.browserReasons } : {}),
            },
          },
        ];
      }),
    );
  },
});
