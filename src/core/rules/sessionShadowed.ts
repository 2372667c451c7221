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

/** What to change where a request carries several cookies of one session name (session-rejected tells it too). */
export const SHADOWED_FIX =
  'Set the session cookie with one Path and one Domain everywhere, and delete stray copies (a Set-Cookie with Max-Age=0 and the stray Path/Domain).';

/**
 * The session cookies a request carried several of, by name, in the order sent (undefined for none: one cookie cannot
 * shadow itself, and most requests are done at the first test).
 */
export function sessionCopies(sent: readonly SentCookieFact[]): ReadonlyMap<string, SentCookieFact[]> | undefined {
  if (sent.length < 2 || !repeatsASessionName(sent)) return undefined;
  const byName = new Map<string, SentCookieFact[]>();
  for (const s of sent) {
    if (!s.session) continue;
    byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  }
  for (const [name, copies] of byName) if (copies.length < 2) byName.delete(name);
  return byName;
}

export const sessionShadowed = perRequestRule({
  id: 'session-shadowed',
  severity: 'medium',
  title: 'Two session cookies of one name in one request',
  docs: {
    explanation:
      'The request carries several cookies with the same session cookie name (set with different Path or Domain). Servers read only one of them — usually the first — which may be the stale one, so the user appears logged out or in another session.',
    fix: SHADOWED_FIX,
  },
  observe(request): readonly Shadowed[] {
    const byName = sessionCopies(request.sent);
    if (byName === undefined) return NONE;
    // Copies of one value are no wrong one to read (a cookie written again under a new Domain, the old copy kept):
    // told once they differ.
    return [...byName].flatMap(([name, copies]) =>
      copies.every((c) => c.value === copies[0]!.value) ? [] : [{ request, name, copies }],
    );
  },
  // Once per host, name and the places the copies came from.
  onceKey: ({ request, name, copies }) =>
    `${request.host}\u0000${name}\u0000${copies.map((c) => `${c.domain}${c.path}`).join(',')}`,
  draft({ request, name, copies }, _count, ctx) {
    const where = copies.map((c) => copyText(c, ctx.show));
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

/** The other copies of a session cookie's name a request carried beside one of them, and whether they went first. */
export interface CopiesBeside {
  readonly copies: readonly SentCookieFact[];
  readonly sentFirst: boolean;
}

/**
 * The cookies of `sent`'s name with other values that its request also carried (`copies`: all of that name, in the
 * order sent), where there are any: the server read one cookie of the name, which may be one of those.
 */
export function copiesBeside(copies: readonly SentCookieFact[], sent: SentCookieFact): CopiesBeside | undefined {
  const others = copies.filter((c) => c !== sent && c.value !== sent.value);
  if (others.length === 0) return undefined;
  return { copies: others, sentFirst: copies.indexOf(others[0]!) < copies.indexOf(sent) };
}

/** The words for CopiesBeside (a lifecycle finding at a request that carried several copies of its cookie's name). */
export function copiesBesideText(beside: CopiesBeside, show: (value: string) => string): string {
  const copies = beside.copies.map((c) => copyText(c, show));
  const order = beside.sentFirst ? 'first' : 'last';
  return ` The request also carried ${copies.join(', ')}, a cookie of the same name sent ${beside.sentFirst ? 'before' : 'after'} it: a server that reads the ${order} of two cookies of one name (PHP reads the first, Django the last) read that one, not this ID (session-shadowed).`;
}

/** One copy of a session cookie in words: its value and the slot it belongs to. */
function copyText(c: SentCookieFact, show: (value: string) => string): string {
  return `${show(c.value)} (domain ${c.domain ?? '?'}, path ${c.path ?? '?'})`;
}

/** CopiesBeside as evidence. */
export function copiesBesideEvidence(beside: CopiesBeside): Record<string, unknown> {
  return { sentBeside: beside.copies.map((c) => ({ secret: c.value })), besideSentFirst: beside.sentFirst };
}

/**
 * Whether two of the session cookies sent share a name: decided without the map observe builds, which most
 * requests (several cookies, no two session ones alike) would build for nothing. A request's cookies are few;
 * past 32 the map decides (a hostile header of thousands would make this loop quadratic).
 */
function repeatsASessionName(sent: readonly SentCookieFact[]): boolean {
  if (sent.length > 32) return true;
  for (let i = 0; i < sent.length; i++) {
    const a = sent[i]!;
    if (!a.session) continue;
    for (let j = i + 1; j < sent.length; j++) if (sent[j]!.session && sent[j]!.name === a.name) return true;
  }
  return false;
}
