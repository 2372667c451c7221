// What the lanes say about each mark, in words a developer reads at a glance, and the colour family (tone) it
// is drawn in. One table per source of marks: how an ID ended (keyed by end kind, or by a reset's cause) and
// what happened on a lane without ending an ID (keyed by the finding's rule). The engine's code (`reset:
// not-sent`) stays on the mark as its `data-label` and in its tooltip; these words are only what is shown.
import { NOT_SENT_REASONS, SET_COOKIE_REJECTED_REASONS } from '../core/cookie/reasons.ts';

/**
 * The colour families of lane marks. `loss` (red) is the only red in the lanes: the client's session was lost.
 * An ID the server ended on purpose (logout, rotation) or a value updated in place is not a loss.
 */
export type MarkTone = 'loss' | 'ended' | 'rotated' | 'updated' | 'warning' | 'switch';

/** Which of several marks on one request comes first in the list (and is drawn on top): a loss first. */
export const TONE_RANK: Readonly<Record<MarkTone, number>> = {
  loss: 0,
  switch: 1,
  warning: 2,
  ended: 3,
  rotated: 4,
  updated: 5,
};

export interface MarkWords {
  readonly words: string;
  readonly tone: MarkTone;
}

/** A reset by its cause (RULES.md `session-reset`): who ended the ID and whether the session was lost. */
const RESET_WORDS: Readonly<Record<string, MarkWords>> = {
  'not-sent': { words: 'lost: the cookie was not sent, so the server started a new session', tone: 'loss' },
  'server-rejected': { words: 'lost: the server did not accept the ID and issued a new one', tone: 'loss' },
  'cleared-by-server': { words: 'ended: the server deleted the cookie (logout)', tone: 'ended' },
  'cleared-by-script': { words: 'lost: a script or another extension deleted the cookie', tone: 'loss' },
  expired: { words: 'lost: the cookie expired in the browser', tone: 'loss' },
  evicted: { words: 'lost: the browser evicted the cookie', tone: 'loss' },
  overwritten: { words: 'lost: another Set-Cookie of the same name overwrote it', tone: 'loss' },
};
const RESET_UNKNOWN: MarkWords = { words: 'lost: the session was reset (cause unknown)', tone: 'loss' };

/** The other ways an ID ends (lanes.ts LaneEndKind, without the resets). */
const END_WORDS: Readonly<Record<string, MarkWords>> = {
  rotated: { words: 'rotated: the server replaced the ID', tone: 'rotated' },
  updated: { words: 'updated: new value, same session', tone: 'updated' },
  changed: { words: 'changed: a new value arrived without a Set-Cookie', tone: 'warning' },
  'run-ended': { words: 'ended with its browser run: the next run starts with an empty jar', tone: 'ended' },
};

/** Words for how an ID ended: `kind` as lanes.ts names it, `cause` for a reset. */
export function endWords(kind: string, cause: string | undefined): MarkWords {
  const byKind = END_WORDS[kind];
  if (byKind) return byKind;
  return (cause !== undefined ? RESET_WORDS[cause] : undefined) ?? RESET_UNKNOWN;
}

/** What a finding on a lane says when it did not end an ID, keyed by its rule. */
export interface IncidentFacts {
  readonly cause?: string | undefined;
  readonly reason?: string | undefined;
}

const INCIDENT_WORDS: Readonly<Record<string, (f: IncidentFacts) => MarkWords>> = {
  // The reset's new ID was refused by the browser (e.g. OverwriteSecure on http://): the old ID is still in
  // the jar, but the request that lost it was answered as a new session.
  'session-reset': (f) => ({
    words: `${endWords('reset', f.cause).words.replace(/, so the server started a new session$/, '')}${f.reason ? ` (${f.reason})` : ''}; its new ID was refused, the old one kept`,
    tone: 'loss',
  }),
  'session-not-sent': (f) => ({ words: `not sent (${f.reason ?? 'Unknown'})`, tone: 'warning' }),
  'session-backend-switch': () => ({ words: 'moved to another back-end server', tone: 'switch' }),
  'session-rejected': () => ({ words: 'lost: the server answered as logged out', tone: 'loss' }),
  'cookie-rejected': (f) => ({
    words: `Set-Cookie refused by the browser (${f.reason ?? 'Unknown'})`,
    tone: 'warning',
  }),
};

export function incidentWords(rule: string, facts: IncidentFacts): MarkWords | undefined {
  return INCIDENT_WORDS[rule]?.(facts);
}

/** The long description of a reason name, for a mark's tooltip: the core's vocabulary is the only copy. */
export function reasonHelp(rule: string, reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined;
  const table: Readonly<Record<string, string>> =
    rule === 'cookie-rejected' ? SET_COOKIE_REJECTED_REASONS : NOT_SENT_REASONS;
  return table[reason];
}

/** The legend beneath the lanes: each tone and what it means, in the order a reader meets them. */
export const LEGEND: readonly { readonly tone: MarkTone; readonly words: string }[] = [
  { tone: 'loss', words: 'session lost (reset, rejected, expired)' },
  { tone: 'ended', words: 'ended by the server (logout)' },
  { tone: 'rotated', words: 'ID rotated by the server' },
  { tone: 'updated', words: 'value updated, same session' },
  { tone: 'warning', words: 'cookie not sent or Set-Cookie refused' },
  { tone: 'switch', words: 'moved to another back-end' },
];
