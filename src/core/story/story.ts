/**
 * "What happened": for each session that was lost, rejected, never established or put at risk, a short story
 * in plain words — when, on which request, what the browser did, what the server answered, the cause and how
 * sure we are, the fix, and the time evidence that tells causes apart (idle time, session age, cookie expiry).
 *
 * Pure and generic over rule IDs: what a finding means for the story is a row of `CAUSES` (keyed by rule,
 * then rule + cause / reason), so a new rule is a new row, not a new branch. Findings about the same request
 * and cookie (the not-sent behind a reset, the Set-Cookie the browser refused) join the story they explain.
 *
 * IDs are always named by their short stable hash (`h:1a2b3c4d`, redact.ts): it is the one name the CLI,
 * the HTML report and the panel share, and it reveals nothing, so a story never needs redacting.
 */
import type { AnalysisFacts, LaneId, RequestFacts, SessionLane, SetCookieFact } from '../analysis/facts.ts';
import { NewRequests } from '../analysis/newRequests.ts';
import { redactValue } from '../analysis/redact.ts';
import { type RequestsByEntry, requestsByEntry } from '../analysis/requestsByEntry.ts';
import type { Finding, Story, StoryKind, StoryTiming } from '../analysis/resultTypes.ts';
import { NOT_SENT_REASONS } from '../cookie/reasons.ts';
import type { SharedBy } from '../cookie/sharedCookie.ts';
import { loginOrigins, SHARED_BECAUSE } from '../rules/helpers.ts';
import { SEVERITY_RANK } from '../rules/rule.ts';
import { fixationDoubted } from '../rules/sessionFixation.ts';
import { notSentHint } from '../rules/sessionNotSent.ts';
import { pathOf } from '../rules/sessionRejected.ts';
import { BASIC_CREDENTIALS } from '../rules/sessionReset.ts';
import { shortUrl } from './shortUrl.ts';

// The story types are part of what an analysis gives (resultTypes.ts); re-exported for the story's readers.
export type { Story, StoryKind, StoryTiming } from '../analysis/resultTypes.ts';

/**
 * What the story needs of a finding: a fresh `Finding`, or one read back from a saved analysis (its rule any
 * string, its evidence untyped JSON).
 */
export type StoryFinding = Omit<Finding, 'rule' | 'title' | 'evidence'> & {
  readonly rule: string;
  readonly evidence: Readonly<Record<string, unknown>>;
};

export interface StoryInput {
  readonly findings: readonly StoryFinding[];
  readonly facts: Pick<AnalysisFacts, 'requests' | 'lanes' | 'logins' | 'cookiesRecorded'>;
  /** The same requests by entry, when the caller has them indexed already (one index, not two, at the peak). */
  readonly byEntry?: RequestsByEntry;
}

export interface StoryOptions {
  /** Hides session values inside URLs (the report's own redaction); identity by default. */
  readonly hideInText?: (text: string) => string;
  /** What the stories of the same growing trace kept from the last time they were told. */
  readonly memory?: StoryMemory;
}

/**
 * What the stories of one growing trace keep from one telling to the next: the requests indexed, and each story
 * written, by its lead finding. A story is written again only when something it is written from changed: the
 * findings it tells (the engine hands back the same Finding object while one did not change), the ID it names,
 * its cause, the redaction. The time evidence looks only at requests before the story's, which a growing trace
 * does not change while entries come in order.
 */
export class StoryMemory {
  private readonly newRequests = new NewRequests();
  private byEntry = new Map<number, RequestFacts>();
  private uses: IdUses | undefined;
  readonly written = new WeakMap<StoryFinding, { readonly inputs: readonly unknown[]; readonly story: Story }>();

  /** The requests by entry and their ID uses, for these requests (the ones seen before and more, or new ones). */
  requests(requests: readonly RequestFacts[]): { byEntry: Map<number, RequestFacts>; uses: IdUses } {
    const from = this.newRequests.since(requests);
    if (from === 0 || !this.uses) {
      this.byEntry = new Map();
      this.uses = new IdUses(requests);
    } else this.uses.grown(requests);
    for (let i = from; i < requests.length; i++) this.byEntry.set(requests[i]!.entry, requests[i]!);
    return { byEntry: this.byEntry, uses: this.uses };
  }
}

/** What the story knows when it words a cause. */
interface CauseContext {
  readonly finding: StoryFinding;
  readonly cookie: string;
  readonly request?: RequestFacts;
  readonly lostId?: string;
  readonly newId?: NewId;
  readonly reason?: string;
  /** The file records no Cookie header: what the request carried is the jar model's inference (fileNotes.ts). */
  readonly sendsInferred: boolean;
}

/** "the request carried", or where the file records no Cookie header, what the model infers it carried. */
function carriedClause(c: CauseContext): string {
  return c.sendsInferred ? 'the request would have carried' : 'the request carried';
}

interface NewId {
  readonly id: string;
  /** Why the browser refused it; undefined when it stored it. */
  readonly refused?: string;
}

interface CauseRow {
  readonly kind: StoryKind;
  /** The cause in words: what happened and why, one clause. */
  readonly cause: (c: CauseContext) => string;
  /** The finding only suspects it (its own text says what speaks against it): the headline says "may". */
  readonly hedged?: (f: StoryFinding) => boolean;
}

const HEADLINE: Record<StoryKind, string> = {
  lost: 'Your session was lost',
  rejected: 'Your session was rejected',
  'not-established': 'Your session was never established',
  'at-risk': 'Your session is at risk',
};

/**
 * The headline of a story about a cookie only possibly a session (RULES.md: an opaque token sent back, no more): a
 * beacon's or a tracker's token may be one, and "was lost" would claim what the evidence does not show.
 */
const HEADLINE_IF_POSSIBLE: Record<StoryKind, string> = {
  lost: 'Your session may have been lost',
  rejected: 'Your session may have been rejected',
  'not-established': 'Your session may never have been established',
  'at-risk': 'Your session may be at risk',
};

/** Findings (`rule:cause`) that say what the server did with the ID a request carried. */
const RESTS_ON_SEND: ReadonlySet<string> = new Set([
  'session-reset:server-rejected',
  'session-rejected:',
  'session-backend-switch:',
]);

/** Why a cookie was not sent, as a clause about the cookie; NOT_SENT_REASONS' sentence for the rest. */
const NOT_SENT_CLAUSE: Readonly<Record<string, (cookie: string) => string>> = {
  SecureOnly: (c) => `the Secure cookie \`${c}\` is not sent over http://`,
  Expired: (c) => `the cookie \`${c}\` had expired in the browser`,
  NotOnPath: (c) => `the cookie \`${c}\`'s Path does not cover this URL`,
  DomainMismatch: (c) => `the cookie \`${c}\`'s domain does not cover this host`,
  SameSiteStrict: (c) => `the SameSite=Strict cookie \`${c}\` is not sent on a request from another site`,
  SameSiteLax: (c) =>
    `the SameSite=Lax cookie \`${c}\` is not sent on this cross-site request (only top-level GET navigations carry it)`,
  SameSiteUnspecifiedTreatedAsLax: (c) =>
    `the cookie \`${c}\` has no SameSite, is treated as Lax and is not sent on this cross-site request`,
  SameSiteNoneInsecure: (c) => `the SameSite=None cookie \`${c}\` lacks Secure`,
  SchemeMismatch: (c) => `the cookie \`${c}\` was set over https and is not sent to http://`,
  PortMismatch: (c) => `the cookie \`${c}\` belongs to another port`,
  ThirdPartyBlocked: (c) => `the browser blocks the third-party cookie \`${c}\``,
  UserPreferences: (c) => `the user's settings block the cookie \`${c}\``,
};

/** Who sent the request, in the story's words: a browser, or a client that is no browser (RequestFacts.fromNonBrowser). */
function senderOf(request: RequestFacts | undefined): 'browser' | 'client' {
  return request?.fromNonBrowser ? 'client' : 'browser';
}

function notSentClause(cookie: string, reason: string | undefined, request: RequestFacts | undefined): string {
  const sender = senderOf(request);
  if (reason === undefined) return `the ${sender} did not send the cookie \`${cookie}\``;
  const clause = NOT_SENT_CLAUSE[reason];
  if (clause) return clause(cookie);
  const why = (NOT_SENT_REASONS as Readonly<Record<string, string>>)[reason];
  return `the ${sender} did not send the cookie \`${cookie}\` (${reason}${why ? `: ${lowerFirst(why.replace(/\.$/, ''))}` : ''})`;
}

/** What the server's answer did to the session: a new ID stored, one refused, or none. */
function afterwards(c: CauseContext, none: string): string {
  if (!c.newId) return none;
  return c.newId.refused
    ? `so the server started a new session (new ID ${c.newId.id}, refused by the browser: ${c.newId.refused})`
    : `so the server started a new session (new ID ${c.newId.id})`;
}

function backendChanges(f: StoryFinding): string | undefined {
  const changes = f.evidence.backendChanges ?? f.evidence.changes;
  return Array.isArray(changes) && changes.length > 0 ? changes.join(', ') : undefined;
}

/** The login that had issued the lost ID a hop earlier in its redirect chain (session-reset's `issuedByLoginAt`). */
function chainLoginOf(finding: StoryFinding): number | undefined {
  const login = finding.evidence.issuedByLoginAt;
  return typeof login === 'number' ? login : undefined;
}

/** A login posted with the lost session and refused for it (session-reset's `loginRefused`: Laravel's 419). */
function loginRefused(finding: StoryFinding): string {
  const status = finding.evidence.answeredStatus;
  return finding.evidence.loginRefused === true
    ? `; the login posted with it was refused (answered ${typeof status === 'number' ? status : 'as logged out'})`
    : '';
}

/**
 * Where another app sharing the session cookie is, and why the cookie reaches it, by the finding's `sharedBy`
 * (session-reset's and session-rejected's evidence: cookie/sharedCookie.ts).
 */
function sharedCookieWords(finding: StoryFinding): { readonly where: string; readonly why: string } | undefined {
  const shared = finding.evidence.sharedBy;
  return shared === 'port' || shared === 'domain'
    ? { where: OTHER_APP_WHERE[shared], why: SHARED_BECAUSE[shared] }
    : undefined;
}

/** Where the other app is, in the story's words (the finding names the cookie's domain; the story does not repeat it). */
const OTHER_APP_WHERE: Readonly<Record<SharedBy, string>> = {
  port: 'on this host',
  domain: "within the cookie's domain",
};

/**
 * The other copies of the cookie's name the request carried beside the lost or refused ID (the finding's sentBeside):
 * the one the server read, as it reads the first or the last of several (session-shadowed).
 */
function readBeside(c: CauseContext): string {
  const { sentBeside, besideSentFirst } = c.finding.evidence;
  if (!Array.isArray(sentBeside) || sentBeside.length === 0) return '';
  const first = besideSentFirst === true;
  return `; the request also carried ${sentBeside.join(', ')}, another \`${c.cookie}\` cookie sent ${first ? 'before' : 'after'} it, and a server that reads the ${first ? 'first' : 'last'} of two cookies of one name read that one (session-shadowed)`;
}

/**
 * What made an answer one to a client not logged in, as a finding's evidence says (session-rejected's names, also
 * session-reset's and session-not-sent's: rules/helpers.ts loggedOutAnswerEvidence): the login page a redirect pointed
 * to, its login form, or a page that did not name the user the same address named (before the finding, or after it).
 */
type LoggedOutShape =
  | { readonly kind: 'login-page'; readonly page: string }
  | { readonly kind: 'login-form' }
  | { readonly kind: 'no-longer-names' | 'did-not-name'; readonly at: number };

function loggedOutShape(finding: StoryFinding): LoggedOutShape | undefined {
  const { loginPage, loginForm, userNamedAt } = finding.evidence;
  if (typeof loginPage === 'string' && loginPage !== '') return { kind: 'login-page', page: loginPage };
  if (loginForm === true) return { kind: 'login-form' };
  if (typeof userNamedAt !== 'number') return undefined;
  return { kind: userNamedAt < finding.entry ? 'no-longer-names' : 'did-not-name', at: userNamedAt };
}

/** How the server answered a rejected session, as the finding's evidence says (session-rejected's answers). */
function rejectionAnswer(finding: StoryFinding, requestStatus: number | undefined): string {
  const status = finding.evidence.status ?? requestStatus;
  const shape = loggedOutShape(finding);
  switch (shape?.kind) {
    case 'login-page':
      return `redirected to the login page ${shape.page}`;
    case 'login-form':
      return `answered ${status} with a page holding its login form`;
    case 'no-longer-names':
      return `answered ${status} with a page that no longer names the user (it did at #${shape.at})`;
    case 'did-not-name':
      return `answered ${status} with a page that did not name the user (the same address did at #${shape.at})`;
    default:
      return `answered ${status ?? 'with a refusal'}`;
  }
}

/**
 * One row per rule, or per rule and cause / reason (`rule:cause`), looked up most specific first. The two
 * lifecycle rules `session-rejected` and `session-not-established` read `status`, `loginPage` and `reason`
 * from their evidence when present.
 */
const CAUSES: Readonly<Record<string, CauseRow>> = {
  'session-reset:not-sent': {
    kind: 'lost',
    cause: (c) =>
      `${notSentClause(c.cookie, c.reason, c.request)}, ${afterwards(c, 'so the server could not recognise the session')}`,
  },
  'session-reset:expired': {
    kind: 'lost',
    cause: (c) => `the cookie \`${c.cookie}\` expired in the browser, ${afterwards(c, 'so it was no longer sent')}`,
  },
  'session-reset:server-rejected': {
    kind: 'lost',
    cause: (c) => {
      const moved = backendChanges(c.finding);
      const chainLogin = chainLoginOf(c.finding);
      const carried =
        `${carriedClause(c)} \`${c.cookie}\` ${c.lostId ?? ''}`.trimEnd() +
        (chainLogin !== undefined
          ? `, which the login at #${chainLogin} had issued one hop earlier in its redirect chain,`
          : '');
      if (moved)
        return `${carried} but went to another back-end server (${moved}) that did not know the session, ${afterwards(c, 'so the session ended')}`;
      const restored = c.finding.evidence.restoredFrom;
      if (restored === BASIC_CREDENTIALS)
        return `${carried} and the server answered with a new one, but the request also carried the user's HTTP Basic credentials and the server accepted them: the user stayed signed in, and only what the session held beyond the login was lost`;
      if (typeof restored === 'string')
        return `${carried} but the server no longer knew the session and started a new one; the same answer renewed \`${restored}\`, a persistent login cookie the request carried, so the user was most likely logged back in from it (remember me) and only what the session held beyond the login was lost`;
      if (c.finding.evidence.storeMayNameSession === true)
        return `${carried}, which holds the session or the ID of one kept on the server: either the server could no longer read it (its key changed: a key made at start-up and a restart, a key rotated without keeping the old one, or servers with different keys) or it no longer knew the session the cookie names (server-side expiry, a restart, or servers that do not share sessions), ${afterwards(c, 'so the session ended')}${loginRefused(c.finding)}`;
      return c.finding.evidence.clientSideStore === true
        ? `${carried} but the server could no longer read the session (or its ID) kept in that cookie (its key changed: a key made at start-up and a restart, a key rotated without keeping the old one, or servers with different keys), ${afterwards(c, 'so the session ended')}`
        : `${carried} but the server no longer knew the session (${chainLogin !== undefined ? 'the login did not survive its own redirects: most often servers that do not share sessions, or a restart' : 'server-side expiry, a restart, or sessions not shared between servers'}), ${afterwards(c, 'so the session ended')}${loginRefused(c.finding)}${readBeside(c)}`;
    },
  },
  'session-reset:cleared-by-server': {
    kind: 'lost',
    cause: (c) => {
      const { wentOnIn, wentOnAt } = c.finding.evidence;
      if (typeof wentOnIn === 'string')
        return `the server deleted the cookie \`${c.cookie}\` with a Set-Cookie outside any logout, but the user stayed logged in: the login had issued \`${wentOnIn}\` beside it, which this request carried and #${wentOnAt} carried again, so the session goes on in that cookie and at most what \`${c.cookie}\` held was lost`;
      return `the server deleted the cookie \`${c.cookie}\` with a Set-Cookie outside any logout: most likely it no longer knew the session (server-side expiry, a restart, or sessions not shared between servers) and cleared the stale cookie, or code ended the session${readBeside(c)}`;
    },
  },
  'session-reset:cleared-by-script': {
    kind: 'lost',
    cause: (c) => `the cookie \`${c.cookie}\` was removed in the browser (page script or another extension)`,
  },
  'session-reset:evicted': {
    kind: 'lost',
    cause: (c) => `the browser evicted the cookie \`${c.cookie}\` (too many cookies for its domain)`,
  },
  'session-reset:overwritten': {
    kind: 'lost',
    cause: (c) => {
      const { setBy, answeredBy } = c.finding.evidence;
      const shared = sharedCookieWords(c.finding);
      if (typeof setBy === 'string' && shared)
        return `another app ${shared.where}${typeof answeredBy === 'string' ? `, at ${answeredBy},` : ''} ended \`${c.cookie}\` ${c.lostId ?? ''} that the app at ${setBy} had set (it did not know that session): ${shared.why}, so the two apps share one \`${c.cookie}\` cookie and each replaces the other's session`;
      return c.finding.evidence.inFlightWith !== undefined
        ? `a request still in flight with the ID \`${c.cookie}\` held before got yet another ID from the server, whose answer arrived later and replaced ${c.lostId ?? 'it'} (two requests raced)`
        : `another Set-Cookie with the same name, domain and path replaced \`${c.cookie}\``;
    },
  },
  'session-reset': { kind: 'lost', cause: (c) => lowerFirst(stripEnd(c.finding.message), c.cookie) },
  'session-rejected': {
    kind: 'rejected',
    cause: (c) => {
      const answer = rejectionAnswer(c.finding, c.request?.status);
      const why = typeof c.finding.evidence.reason === 'string' ? ` (${c.finding.evidence.reason})` : '';
      const { setBy } = c.finding.evidence;
      const shared = sharedCookieWords(c.finding);
      const port =
        typeof setBy === 'string' && shared
          ? `; another app ${shared.where}, at ${setBy}, had set it: ${shared.why}, so the two apps share one \`${c.cookie}\` cookie`
          : '';
      return `${carriedClause(c)} \`${c.cookie}\`${c.lostId ? ` ${c.lostId}` : ''} and the server ${answer} without issuing a new ID${why}${port}${readBeside(c)}`;
    },
  },
  'session-not-established': {
    kind: 'not-established',
    cause: (c) => {
      const why = typeof c.finding.evidence.reason === 'string' ? `: ${c.finding.evidence.reason}` : '';
      return `a login was recognised but no session cookie reached the browser's jar${why}`;
    },
  },
  // A cookie held back for no reason a rule gives, answered as logged out, whose ID no request carried again: most
  // likely gone from the browser (session-not-sent's notCarriedAgain).
  'session-not-sent:gone': {
    kind: 'lost',
    cause: (c) =>
      `${notSentClause(c.cookie, c.reason, c.request)}, so the server answered as to a client not logged in, and no later request carried the ID again (the cookie most likely gone from the browser)`,
  },
  'session-not-sent': {
    kind: 'at-risk',
    cause: (c) =>
      c.finding.evidence.answeredAsVisitor !== undefined
        ? `${notSentClause(c.cookie, c.reason, c.request)}, so the server did not recognise the session on this request and answered as to a visitor`
        : `${notSentClause(c.cookie, c.reason, c.request)}, so the server cannot recognise the session on this request`,
  },
  'session-backend-switch': {
    kind: 'at-risk',
    cause: (c) =>
      `the session moved to another back-end server (${backendChanges(c.finding) ?? 'route changed'}); it survives only if servers share sessions`,
  },
  'session-fixation': {
    kind: 'at-risk',
    hedged: (f) => fixationDoubted(f.evidence),
    cause: (c) =>
      fixationDoubted(c.finding.evidence)
        ? `the login kept the session ID${c.lostId ? ` ${c.lostId}` : ''} it was given before: if the server keeps the sign-in in it, whoever planted that ID shares the logged-in session (the finding says what speaks against it)`
        : `the login kept the session ID${c.lostId ? ` ${c.lostId}` : ''} it was given before, so whoever planted that ID shares the logged-in session`,
  },
};

/**
 * Whose fix the story gives, when a finding it tells has a more specific one than the lead (a reset caused by a
 * not-sent cookie is fixed by fixing the not-sent reason).
 */
const FIX_FROM: Readonly<Record<string, readonly string[]>> = {
  'session-reset:not-sent': ['session-not-sent'],
  'session-reset:expired': ['session-not-sent'],
  'session-reset:server-rejected': ['session-backend-switch'],
};

/** A finding of any other rule at medium or above: the session is at risk, in the finding's own words. */
const OTHER: CauseRow = { kind: 'at-risk', cause: (c) => lowerFirst(stripEnd(c.finding.message), c.cookie) };

/** The rules that make a story even below medium (a likely session's loss is capped at medium, still told). */
const STORY_RULES: ReadonlySet<string> = new Set([
  'session-reset',
  'session-not-sent',
  'session-rejected',
  'session-not-established',
  'session-backend-switch',
  'session-fixation',
]);

/** Which finding leads when several tell one event: the loss before what explains it. */
const LEAD_RANK: Readonly<Record<string, number>> = {
  'session-reset': 0,
  'session-rejected': 1,
  'session-not-established': 2,
  'session-fixation': 3,
  'session-not-sent': 4,
  'session-backend-switch': 5,
};

function rowOf(f: StoryFinding): CauseRow {
  const specific = f.cause ?? (f.evidence.notCarriedAgain === true ? 'gone' : f.reason);
  return (specific !== undefined ? CAUSES[`${f.rule}:${specific}`] : undefined) ?? CAUSES[f.rule] ?? OTHER;
}

/**
 * Noise is not a story: info (expected, e.g. a logout the user asked for) and third-party low findings. Nor is what
 * befell a cookie only possibly a session (an opaque token set and sent back, as a tracker's or a beacon's is, which
 * its server re-issues at will) on an origin where nobody logged in, unless the site answered as to a client not
 * logged in: nothing there shows a session a user could lose. Where a login was seen, its loss is told, hedged.
 */
function tellable(f: StoryFinding, loginOrigins: ReadonlySet<string>): boolean {
  if (SEVERITY_RANK[f.severity] >= SEVERITY_RANK.medium) return true;
  if (!STORY_RULES.has(f.rule) || f.severity === 'info' || f.session?.thirdParty === true) return false;
  return f.session?.confidence !== 'possible' || loginOrigins.has(f.origin) || answeredLoggedOut(f);
}

/**
 * The finding says the server answered as to a client not logged in: a refused session (session-rejected), a reset's
 * answer (`answeredStatus`), a cookie not sent answered as a visitor logged out (`answeredAsVisitor`).
 */
function answeredLoggedOut(f: StoryFinding): boolean {
  const { answeredStatus, answeredAsVisitor } = f.evidence;
  return (
    f.rule === 'session-rejected' ||
    (f.rule === 'session-reset' && typeof answeredStatus === 'number') ||
    (f.rule === 'session-not-sent' && answeredAsVisitor === 'logged-out')
  );
}

export function buildStories(input: StoryInput, options: StoryOptions = {}): Story[] {
  const hide = options.hideInText ?? ((t: string) => t);
  const { findings } = input;
  const { byEntry, uses } = options.memory?.requests(input.facts.requests) ?? {
    byEntry: input.byEntry ?? requestsByEntry(input.facts.requests),
    uses: new IdUses(input.facts.requests),
  };
  const ctx: Context = {
    byEntry,
    lanes: new LaneIndex(input.facts.lanes),
    uses,
    findings,
    hide,
    sendsInferred: input.facts.cookiesRecorded === false,
  };

  // The origins of the logins the replay recognised (a password posted, a sign-in completed…).
  const origins = loginOrigins(input.facts.logins);
  const candidates = findings
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => tellable(f, origins))
    .sort(
      (a, b) =>
        a.f.entry - b.f.entry ||
        (LEAD_RANK[a.f.rule] ?? 9) - (LEAD_RANK[b.f.rule] ?? 9) ||
        SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] ||
        // The surest session leads a story that names the others (mergeBeside): the login's own cookie before ones
        // that rode along.
        confidenceRank(b.f) - confidenceRank(a.f) ||
        a.index - b.index,
    );
  const relations = new Relations(findings);
  const told = new Set<number>();
  const leads: Lead[] = [];
  // Sessions with a lifecycle story: their other findings (attributes) are not a second story.
  const withLifecycle = new Set<string>();
  const pending: { f: StoryFinding; index: number }[] = [];
  for (const { f, index } of candidates) {
    if (told.has(index)) continue;
    if (!STORY_RULES.has(f.rule)) {
      pending.push({ f, index });
      continue;
    }
    const related = relations.of(index);
    for (const i of related) told.add(i);
    withLifecycle.add(sessionKey(f));
    leads.push(leadOf(f, related, ctx));
  }
  // Other findings at medium or above: one at-risk story per session, led by its worst finding.
  const bySession = new Map<string, { f: StoryFinding; index: number }[]>();
  for (const p of pending) {
    if (told.has(p.index) || withLifecycle.has(sessionKey(p.f))) continue;
    const list = bySession.get(sessionKey(p.f)) ?? [];
    list.push(p);
    bySession.set(sessionKey(p.f), list);
  }
  for (const list of bySession.values()) {
    const lead = [...list].sort(
      (a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.index - b.index,
    )[0]!;
    const related = [...new Set([lead.index, ...list.map((p) => p.index)])].sort((a, b) => a - b);
    leads.push(leadOf(lead.f, related, ctx));
  }
  // Merged first, then worded: a risk repeated on thousands of requests is one story, so only the stories
  // kept are written out (each costs the time evidence and the steps).
  return mergeBeside(mergeRepeats(leads.sort((a, b) => a.entry - b.entry || a.time - b.time))).map(
    ({ lead, again, beside }) => {
      const story = options.memory ? remembered(lead, ctx, options.memory) : storyOf(lead, ctx);
      if (!again && beside.length === 0) return story;
      const words = [
        ...beside.map(besideWords),
        ...(again
          ? [`Again on ${again.count} later request${again.count === 1 ? '' : 's'} (the last at #${again.last}).`]
          : []),
      ];
      const steps = [...story.steps];
      steps.splice(Math.max(steps.length - 1, 0), 0, ...words);
      const related = new Set([...(again?.related ?? story.related), ...beside.flatMap((b) => b.related)]);
      return { ...story, steps, related: [...related].sort((a, b) => a - b) };
    },
  );
}

/**
 * Leads that tell one answer twice: two session cookies of one site (WordPress's `wordpress_<hash>` and
 * `wordpress_logged_in_<hash>`) carried by one request and rejected, or lost, by its answer, each its own finding.
 * One story tells that answer and names the other cookies in it (`beside`); a story of repeats stays its own.
 */
function mergeBeside(kept: readonly Kept[]): (Kept & { readonly beside: Lead[] })[] {
  const out: (Kept & { beside: Lead[] })[] = [];
  for (const k of kept) {
    const into = k.again ? undefined : sameAnswerBefore(out, k.lead);
    if (into) into.beside.push(k.lead);
    else out.push({ ...k, beside: [] });
  }
  return out;
}

/** The story already kept, at the same request, that tells what `lead` tells (tellsSameAnswer), or undefined. */
function sameAnswerBefore<T extends Kept>(out: readonly T[], lead: Lead): T | undefined {
  for (let i = out.length - 1; i >= 0 && out[i]!.lead.entry === lead.entry; i--) {
    const story = out[i]!;
    if (!story.again && tellsSameAnswer(story.lead, lead)) return story;
  }
  return undefined;
}

const CONFIDENCE_RANK: Readonly<Record<string, number>> = { certain: 3, likely: 2, possible: 1 };

function confidenceRank(f: StoryFinding): number {
  return CONFIDENCE_RANK[f.session?.confidence ?? ''] ?? 0;
}

/**
 * Kinds of story one answer can tell for several cookies at once. A risk too: one answer that sets several session
 * cookies the same way (Google's sign-in sets SID, APISID and SAPISID without HttpOnly) is one thing to fix, told once
 * with the others named, where it was a story for each cookie.
 */
const ANSWER_KINDS: ReadonlySet<StoryKind> = new Set(['rejected', 'lost', 'at-risk']);

/**
 * Rules whose story one request tells for several cookies at once, whatever its kind: a login that kept several IDs
 * (a JSP's own JSESSIONID beside 21 Jenkins `JSESSIONID.<hash>` cookies of other ports, all carried to it) is one
 * login to renew IDs at, told once with the others named; a request over http:// that carried several session
 * cookies (Google's SID, HSID and APISID to a google.com page over http) is one request to move to https.
 */
const ONE_REQUEST_RULES: ReadonlySet<string> = new Set(['session-fixation', 'session-sent-over-http']);

function tellsSameAnswer(a: Lead, b: Lead): boolean {
  return (
    (ANSWER_KINDS.has(a.kind) || ONE_REQUEST_RULES.has(a.f.rule)) &&
    a.kind === b.kind &&
    a.entry === b.entry &&
    a.f.rule === b.f.rule &&
    a.f.origin === b.f.origin &&
    (a.f.cause ?? a.f.reason) === (b.f.cause ?? b.f.reason) &&
    a.f.cookie !== b.f.cookie
  );
}

/** How a story names another cookie its answer told the same of (mergeBeside), by the story's kind. */
const BESIDE_BY_KIND: Readonly<Record<StoryKind, string>> = {
  rejected: 'Also carried, and refused by the same answer',
  lost: 'Also lost by the same answer',
  'not-established': 'Also not established by the same answer',
  'at-risk': 'Also at risk at the same request',
};

/** The step that names another cookie the same answer rejected or lost, or the same login kept (mergeBeside). */
function besideWords(b: Lead): string {
  const id = b.id ? ` ${idName(b.id.id)}` : '';
  const also = b.f.rule === 'session-fixation' ? 'Also kept by the same login' : BESIDE_BY_KIND[b.kind];
  return `${also}: \`${b.f.cookie ?? ''}\`${id} (${b.f.rule} at #${b.entry}).`;
}

/** A story's lead, its kind and cause decided: all a repeat needs to be recognised before the story is written. */
interface Lead {
  readonly f: StoryFinding;
  readonly related: readonly number[];
  readonly request: RequestFacts | undefined;
  readonly entry: number;
  readonly time: number;
  readonly lane: SessionLane | undefined;
  readonly id: LaneId | undefined;
  readonly kind: StoryKind;
  readonly cause: string;
}

/** The lead kept, with the repeats merged into it (none for a story told once). */
interface Kept {
  readonly lead: Lead;
  readonly again?: { readonly count: number; readonly last: number; readonly related: ReadonlySet<number> };
}

/**
 * The same risk again (one cookie, rule and cause on many requests: every cross-site POST without the Lax
 * cookie) is one story that says how often, not a story per request; losses are each told.
 */
function mergeRepeats(leads: readonly Lead[]): Kept[] {
  const first = new Map<string, { lead: Lead; count: number; last: number; related: Set<number> }>();
  const out: (Lead | string)[] = [];
  for (const s of leads) {
    if (s.kind !== 'at-risk') {
      out.push(s);
      continue;
    }
    const key = `${s.f.rule}\u0000${s.f.cookie ?? ''}\u0000${s.f.origin}\u0000${s.cause}`;
    const seen = first.get(key);
    if (seen) {
      seen.count++;
      seen.last = s.entry;
      for (const i of s.related) seen.related.add(i);
      continue;
    }
    first.set(key, { lead: s, count: 0, last: s.entry, related: new Set(s.related) });
    out.push(key);
  }
  return out.map((item) => {
    if (typeof item !== 'string') return { lead: item };
    const { lead, count, last, related } = first.get(item)!;
    return count === 0 ? { lead } : { lead, again: { count, last, related } };
  });
}

function sessionKey(f: StoryFinding): string {
  return `${f.cookie ?? ''}\u0000${f.origin}`;
}

/**
 * The findings one lead finding's story tells: itself, those it links (`related`), those linking to it, and
 * those about the same request and cookie (the Set-Cookie refused at the same request). Indexed once, so a
 * trace with thousands of findings is not searched once per story.
 */
class Relations {
  private readonly linkedFrom = new Map<number, number[]>();
  private readonly atRequest = new Map<string, number[]>();

  constructor(private readonly findings: readonly StoryFinding[]) {
    findings.forEach((f, i) => {
      for (const r of f.related ?? []) push(this.linkedFrom, r, i);
      if (f.cookie !== undefined && f.severity !== 'info') push(this.atRequest, `${f.entry}\u0000${f.cookie}`, i);
    });
  }

  of(index: number): number[] {
    const lead = this.findings[index]!;
    const out = new Set<number>([index, ...(lead.related ?? []), ...(this.linkedFrom.get(index) ?? [])]);
    if (lead.cookie !== undefined)
      for (const i of this.atRequest.get(`${lead.entry}\u0000${lead.cookie}`) ?? []) out.add(i);
    return [...out].sort((a, b) => a - b);
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Context {
  readonly byEntry: RequestsByEntry;
  readonly lanes: LaneIndex;
  readonly uses: IdUses;
  readonly findings: readonly StoryFinding[];
  readonly hide: (t: string) => string;
  /** The file records no Cookie header: what a request sent is the jar model's inference (fileNotes.ts). */
  readonly sendsInferred: boolean;
}

function leadOf(f: StoryFinding, related: readonly number[], ctx: Context): Lead {
  const request = ctx.byEntry.get(f.entry);
  const lane = ctx.lanes.laneOf(f);
  const id = lane ? ctx.lanes.idAt(lane, f.entry, request) : undefined;
  const reason = related.map((i) => ctx.findings[i]?.reason).find((r) => r !== undefined) ?? f.reason;
  const causeContext: CauseContext = {
    finding: f,
    cookie: f.cookie ?? '',
    sendsInferred: ctx.sendsInferred,
    ...(request ? { request } : {}),
    ...(id ? { lostId: idName(id.id) } : {}),
    ...(lane && request ? newIdOf(lane, id, request) : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
  const row = rowOf(f);
  return {
    f,
    related,
    request,
    entry: f.entry,
    time: request?.time ?? Number.NaN,
    lane,
    id,
    kind: row.kind,
    cause: row.cause(causeContext),
  };
}

/** The story written before from the same lead and the same inputs, else a new one. */
function remembered(lead: Lead, ctx: Context, memory: StoryMemory): Story {
  // Entries out of order: a later request may change the time evidence of an earlier story; written anew each time.
  if (!ctx.uses.inOrder()) return storyOf(lead, ctx);
  const inputs = [
    ctx.hide,
    lead.id?.id,
    lead.id?.firstEntry,
    lead.lane && lead.id ? sessionStartOf(lead.lane, lead.id) : undefined,
    lead.kind,
    lead.cause,
    ...lead.related,
    ...lead.related.map((i) => ctx.findings[i]),
  ];
  const known = memory.written.get(lead.f);
  if (known && known.inputs.length === inputs.length && known.inputs.every((v, i) => v === inputs[i]))
    return known.story;
  const story = storyOf(lead, ctx);
  memory.written.set(lead.f, { inputs, story });
  return story;
}

function storyOf(lead: Lead, ctx: Context): Story {
  const { f, related, request, time, id, kind, cause } = lead;
  const cookie = f.cookie ?? '';
  const timing =
    id && request ? timingOf(id, request, cookie, ctx, lead.lane ? sessionStartOf(lead.lane, id) : id.firstEntry) : {};
  const fixFrom = FIX_FROM[`${f.rule}:${f.cause ?? f.reason ?? ''}`] ?? [];
  const fix =
    related.map((i) => ctx.findings[i]).find((r) => r !== undefined && fixFrom.includes(r.rule))?.fix ?? f.fix;
  const where = request
    ? `${request.method} ${shortUrl(ctx.hide(request.url))} (#${f.entry})`
    : `${shortUrl(ctx.hide(f.url))} (#${f.entry})`;
  const when = Number.isFinite(time) ? ` at ${clock(time)}` : '';
  // A server's refusal of the ID in a file without any Cookie header rests on what the request would have carried:
  // "may". (A cookie expired or not sent is the absence the file does show.)
  const inferredLoss = ctx.sendsInferred && RESTS_ON_SEND.has(`${f.rule}:${f.cause ?? ''}`);
  const headlines =
    f.session?.confidence === 'possible' || rowOf(f).hedged?.(f) === true || inferredLoss
      ? HEADLINE_IF_POSSIBLE
      : HEADLINE;
  const headline = `${headlines[kind]}${when} on ${where}: ${cause}.`;
  const steps = [
    ...browserSteps(request, cookie, id, lead.lane, ctx.sendsInferred),
    ...serverSteps(request, cookie, lostAnswer(f, ctx.hide)),
    ...timingSteps(timing, time, ctx),
    ...sureSteps(f),
    ...relatedSteps(related, ctx.findings),
    `Fix: ${fix}`,
  ];
  return {
    kind,
    entry: f.entry,
    time,
    headline,
    steps,
    cause,
    ...(f.session ? { confidence: f.session.confidence } : {}),
    fix,
    ...(f.cookie !== undefined ? { cookie: f.cookie } : {}),
    origin: f.origin,
    rule: f.rule,
    related,
    timing,
  };
}

/**
 * The lanes indexed for the questions a story asks of them: a finding's lane, and the ID a lane held at a
 * request. Built once per set of stories: a lane may hold thousands of IDs and incidents, and thousands of
 * stories ask about it.
 */
class LaneIndex {
  private readonly byCookie = new Map<string, SessionLane[]>();
  private readonly ids = new Map<SessionLane, LaneIds>();

  constructor(lanes: readonly SessionLane[]) {
    for (const lane of lanes) {
      const list = this.byCookie.get(lane.cookie);
      if (list) list.push(lane);
      else this.byCookie.set(lane.cookie, [lane]);
    }
  }

  /**
   * The finding's lane: same cookie and origin, else the first lane of the cookie. Of several lanes of one name and
   * origin (a cookie written under a new Domain beside the old copy), the one holding the ID the finding names.
   */
  laneOf(f: StoryFinding): SessionLane | undefined {
    if (f.cookie === undefined) return undefined;
    const same = this.byCookie.get(f.cookie) ?? [];
    const atOrigin = same.filter((l) => l.origin === f.origin);
    if (atOrigin.length > 1) {
      const named = namedIdOf(f);
      const holding =
        named === undefined
          ? undefined
          : atOrigin.find((l) => l.ids.some((i) => i.id === named || idName(i.id) === named));
      if (holding) return holding;
    }
    return atOrigin[0] ?? same[0];
  }

  /** The ID the client held when the request was made: ended (or hit) by this request, else the current one. */
  idAt(lane: SessionLane, entry: number, request: RequestFacts | undefined): LaneId | undefined {
    let ids = this.ids.get(lane);
    if (!ids) {
      ids = new LaneIds(lane.ids);
      this.ids.set(lane, ids);
    }
    const hit = ids.endedAt(entry);
    if (hit && hit.firstEntry < entry) return hit;
    const carried = request?.sent.find((c) => c.name === lane.cookie)?.value;
    const notSent = request?.notSent.find((c) => c.name === lane.cookie)?.value;
    const value = carried ?? notSent;
    const byValue = value !== undefined ? ids.withValue(value) : undefined;
    if (byValue) return byValue;
    return ids.lastFirstSeenBy(entry) ?? hit;
  }
}

/** The ID a lifecycle finding is about, as its evidence names it (session-rejected, session-reset, session-fixation). */
function namedIdOf(f: StoryFinding): string | undefined {
  const { sessionId, lostId, id } = f.evidence;
  const named = sessionId ?? lostId ?? id;
  return typeof named === 'string' ? named : undefined;
}

/** One lane's IDs by the entries that ended them (or hit them with an incident), by value, and by first sight. */
class LaneIds {
  /** The first ID (in lane order) whose end or one of whose incidents is at the entry. */
  private readonly ending = new Map<number, LaneId>();
  private readonly byValue = new Map<string, LaneId>();
  /** Whether first sights never decrease along the lane, so the last one by an entry is found by bisection. */
  private readonly ordered: boolean;

  constructor(private readonly ids: readonly LaneId[]) {
    let ordered = true;
    ids.forEach((id, i) => {
      if (id.end && !this.ending.has(id.end.entry)) this.ending.set(id.end.entry, id);
      for (const incident of id.incidents) if (!this.ending.has(incident.entry)) this.ending.set(incident.entry, id);
      if (!this.byValue.has(id.id)) this.byValue.set(id.id, id);
      if (i > 0 && ids[i - 1]!.firstEntry > id.firstEntry) ordered = false;
    });
    this.ordered = ordered;
  }

  endedAt(entry: number): LaneId | undefined {
    return this.ending.get(entry);
  }

  withValue(value: string): LaneId | undefined {
    return this.byValue.get(value);
  }

  /** The last ID first seen at or before the entry. */
  lastFirstSeenBy(entry: number): LaneId | undefined {
    if (!this.ordered) return [...this.ids].reverse().find((id) => id.firstEntry <= entry);
    const after = firstIndexWhere(this.ids, (id) => id.firstEntry > entry);
    return after > 0 ? this.ids[after - 1] : undefined;
  }
}

/** The first index whose item passes `test`, in a list where every item after a passing one passes too. */
function firstIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(items[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

function newIdOf(lane: SessionLane, id: LaneId | undefined, request: RequestFacts): { newId?: NewId } {
  const set = request.setCookies.filter((c) => c.name === lane.cookie && c.value !== '' && c.value !== id?.id);
  const stored = set.find((c) => c.outcome.kind === 'stored');
  if (stored) return { newId: { id: idName(stored.value) } };
  const refused = set.find((c) => c.outcome.kind === 'rejected');
  if (refused && refused.outcome.kind === 'rejected')
    return { newId: { id: idName(refused.value), refused: refused.outcome.reason } };
  return {};
}

function browserSteps(
  request: RequestFacts | undefined,
  cookie: string,
  id: LaneId | undefined,
  lane: SessionLane | undefined,
  sendsInferred: boolean,
): string[] {
  if (!request || cookie === '') return [];
  const who = senderOf(request) === 'client' ? 'Client' : 'Browser';
  const sent = request.sent.filter((c) => c.name === cookie);
  // Without any Cookie header in the file, what was sent is the jar model's word, and the step says so.
  const inferred = sendsInferred ? INFERRED_SEND : '';
  // Several cookies of the name (another Domain or Path): each, in the order sent, where they differ.
  const values = [...new Set(sent.map((c) => idName(c.value)))];
  if (values.length > 1)
    return [`${who}: sent ${values.length} \`${cookie}\` cookies, in this order: ${values.join(', ')}${inferred}.`];
  if (sent[0]) return [`${who}: sent \`${cookie}\` ${idName(sent[0].value)}${inferred}.`];
  // The story's own cookie: not another of its name held back (a host-only one of another host, another app's).
  const notSent = request.notSent.find(
    (c) => c.name === cookie && (lane === undefined || (c.domain === lane.domain && c.path === lane.path)),
  );
  if (notSent) {
    const why = (NOT_SENT_REASONS as Readonly<Record<string, string>>)[notSent.reason] ?? '';
    return [
      `${who}: did not send \`${cookie}\` ${idName(notSent.value)}: ${notSent.reason}${why ? ` — ${lowerFirst(why)}` : ''}${notSentHint(notSent, request)}`,
    ];
  }
  return id && id.firstEntry < request.entry
    ? [`${who}: sent no \`${cookie}\` (it held ${idName(id.id)} before).`]
    : [`${who}: sent no \`${cookie}\`.`];
}

const INFERRED_SEND = ' (inferred from the Set-Cookie lines: this file records no Cookie header)';

/**
 * What the response did with the cookie: stored, deleted or refused Set-Cookies, and the status, with what made the
 * answer one to a client not logged in where the finding says (`answered`).
 */
function serverSteps(request: RequestFacts | undefined, cookie: string, answered = ''): string[] {
  if (!request) return [];
  const status = request.status === undefined ? 'no response' : String(request.status);
  const sender = senderOf(request);
  const sets = request.setCookies
    .filter((c) => cookie === '' || c.name === cookie)
    .map((c) => setCookieWords(c, sender));
  return [`Server: answered ${status}${answered}${sets.length > 0 ? `; ${sets.join('; ')}` : ', with no new ID'}.`];
}

/**
 * A lost session's answer as to a client not logged in (session-reset's `answeredStatus`, session-not-sent's
 * `answeredAsVisitor`, and what made it one): the words that show this very answer logged the user out, where the
 * headline only says a new session began or the cookie was not sent.
 */
function lostAnswer(f: StoryFinding, hide: (t: string) => string): string {
  if (f.rule === 'session-rejected' || !answeredLoggedOut(f)) return '';
  const what = lostAnswerWhat(loggedOutShape(f), hide);
  return `, as to a client not logged in${what ? ` (${what})` : ''}`;
}

/** lostAnswer's words for what made the answer one to a client not logged in, inside its parentheses. */
function lostAnswerWhat(shape: LoggedOutShape | undefined, hide: (t: string) => string): string {
  switch (shape?.kind) {
    case 'login-page':
      return `a redirect to the login page ${hide(pathOf(shape.page))}`;
    case 'login-form':
      return 'a page holding its login form';
    case 'no-longer-names':
      return `a page that no longer names the user; it did at #${shape.at}`;
    case 'did-not-name':
      return `a page that did not name the user; the same address did at #${shape.at}`;
    default:
      return '';
  }
}

const OUTCOME_WORDS: Readonly<Record<SetCookieFact['outcome']['kind'], string>> = {
  stored: 'set ID {id}, which the {sender} stored',
  deleted: 'deleted the cookie',
  rejected: 'set ID {id}, which the {sender} refused',
};

function setCookieWords(c: SetCookieFact, sender: 'browser' | 'client'): string {
  const words = OUTCOME_WORDS[c.outcome.kind].replace('{id}', idName(c.value)).replace('{sender}', sender);
  const reason = c.outcome.kind === 'rejected' ? ` (${c.outcome.reason})` : '';
  return `\`${c.name}\`: ${words}${reason}`;
}

function timingSteps(t: StoryTiming, time: number, ctx: Context): string[] {
  const out: string[] = [];
  if (t.idleMs !== undefined && t.lastUsedEntry !== undefined) {
    const last = ctx.byEntry.get(t.lastUsedEntry);
    const at = `#${t.lastUsedEntry}${last ? ` at ${clock(last.time)}` : ''}`;
    out.push(
      t.lastUse === 'sent'
        ? `Idle: ${duration(t.idleMs)} since the ID was last sent (${at}).`
        : `Idle: ${duration(t.idleMs)} since the ID was set (${at}); it was not sent in between.`,
    );
  }
  if (t.ageMs !== undefined && t.firstEntry !== undefined)
    out.push(`Age: the session was ${duration(t.ageMs)} old (first seen at #${t.firstEntry}).`);
  if (t.expiresAt !== undefined && t.expiryMarginMs !== undefined) {
    out.push(
      t.expiryMarginMs < 0
        ? `Expiry: the cookie expired in the browser at ${clockBeside(t.expiresAt, time)}, ${duration(-t.expiryMarginMs)} before this request (${clock(time)}).`
        : `Expiry: the cookie was still valid for ${duration(t.expiryMarginMs)} (until ${clockBeside(t.expiresAt, time)}), so the browser's copy had not expired.`,
    );
  }
  return out;
}

function sureSteps(f: StoryFinding): string[] {
  if (!f.session) return [];
  const why = f.session.evidence.length > 0 ? ` (${f.session.evidence.join('; ')})` : '';
  // Said of the cookie, not of the ID the story tells: a visitor's ID lost after the login is still the session
  // cookie's, whose evidence may be that login.
  const cookie = f.cookie !== undefined ? `\`${f.cookie}\`` : 'the cookie';
  return [
    `How sure ${cookie} is a session cookie: ${f.session.confidence}${why}${f.session.thirdParty ? '; a third-party session' : ''}.`,
  ];
}

function relatedSteps(related: readonly number[], findings: readonly StoryFinding[]): string[] {
  if (related.length < 2) return [];
  const words = related
    .map((i) => findings[i])
    .filter((f): f is StoryFinding => f !== undefined)
    .map((f) => `${f.rule}${f.reason ? ` [${f.reason}]` : ''} at #${f.entry}`);
  return [`Findings: ${words.join(', ')}.`];
}

/**
 * Where the session this ID belongs to began: the first of the values it was updated from (a client-side store is
 * written anew at many responses, each value a LaneId of its own, one session).
 */
function sessionStartOf(lane: SessionLane, id: LaneId): number {
  let i = lane.ids.indexOf(id);
  while (i > 0 && lane.ids[i - 1]!.end?.kind === 'updated') i--;
  return i >= 0 ? lane.ids[i]!.firstEntry : id.firstEntry;
}

function timingOf(id: LaneId, request: RequestFacts, cookie: string, ctx: Context, sessionStart: number): StoryTiming {
  const first = ctx.byEntry.get(sessionStart);
  const lastSent = ctx.uses.lastBefore(cookie, id.id, request.entry);
  const lastUsedEntry = lastSent ?? (id.firstEntry < request.entry ? id.firstEntry : undefined);
  const lastUsed = lastUsedEntry !== undefined ? ctx.byEntry.get(lastUsedEntry) : undefined;
  const expiresAt = ctx.uses.expiryBefore(cookie, id.id, request.entry, ctx.byEntry);
  return {
    ...(lastUsed && lastUsedEntry !== undefined
      ? { idleMs: request.time - lastUsed.time, lastUsedEntry, lastUse: lastSent !== undefined ? 'sent' : 'set' }
      : {}),
    ...(first && sessionStart < request.entry ? { ageMs: request.time - first.time, firstEntry: sessionStart } : {}),
    ...(expiresAt !== undefined ? { expiresAt, expiryMarginMs: expiresAt - request.time } : {}),
  };
}

/**
 * Where each session ID was sent and stored, gathered in one pass over the requests for the IDs asked of it
 * (a trace may hold 100,000 requests; the stories ask about a handful of IDs).
 */
class IdUses {
  private readonly index = new Map<string, { sent: number[]; stored: number[] }>();
  /** How many requests the index holds: built on the first question, extended by the requests added since. */
  private indexed = 0;
  private lastEntry = Number.NEGATIVE_INFINITY;
  /** Whether the requests come in ascending entries, so each list of uses is sorted and bisected. */
  private ordered = true;

  constructor(private requests: readonly RequestFacts[]) {}

  /** Whether every request so far came after the one before it (entries ascending). */
  inOrder(): boolean {
    this.extend();
    return this.ordered;
  }

  /** The same requests and more (the trace grew). */
  grown(requests: readonly RequestFacts[]): void {
    this.requests = requests;
  }

  private extend(): void {
    const of = (name: string, value: string) => {
      const key = `${name}\u0000${value}`;
      let uses = this.index.get(key);
      if (!uses) {
        uses = { sent: [], stored: [] };
        this.index.set(key, uses);
      }
      return uses;
    };
    for (; this.indexed < this.requests.length; this.indexed++) {
      const r = this.requests[this.indexed]!;
      if (r.entry < this.lastEntry) this.ordered = false;
      this.lastEntry = r.entry;
      for (const c of r.sent) if (c.session) of(c.name, c.value).sent.push(r.entry);
      for (const c of r.setCookies)
        if (c.session && c.outcome.kind === 'stored') of(c.name, c.value).stored.push(r.entry);
    }
  }

  private uses(name: string, value: string) {
    this.extend();
    return this.index.get(`${name}\u0000${value}`);
  }

  lastBefore(name: string, value: string, entry: number): number | undefined {
    const uses = this.uses(name, value);
    return lastBelow(uses?.sent ?? [], entry, this.ordered);
  }

  /** The expiry the browser's copy had: from the last Set-Cookie that stored this ID before the request. */
  expiryBefore(name: string, value: string, entry: number, byEntry: RequestsByEntry): number | undefined {
    const uses = this.uses(name, value);
    const at = lastBelow(uses?.stored ?? [], entry, this.ordered);
    if (at === undefined) return undefined;
    const set = byEntry.get(at)?.setCookies.find((c) => c.name === name && c.value === value);
    return set?.outcome.kind === 'stored' ? set.outcome.cookie.expiresAt : undefined;
  }
}

/** The use before the first one at or after `entry` (an ID sent on every request has thousands: bisected when sorted). */
function lastBelow(entries: readonly number[], entry: number, sorted: boolean): number | undefined {
  if (sorted) {
    const at = firstIndexWhere(entries, (e) => e >= entry);
    return at > 0 ? entries[at - 1] : undefined;
  }
  let found: number | undefined;
  for (const e of entries) {
    if (e >= entry) break;
    found = e;
  }
  return found;
}

/** The one short name of an ID everywhere (CLI, HTML, panel); a value already hashed stays as it is. */
export function idName(value: string): string {
  return /^h:[0-9a-f]{8}$/.test(value) ? value : redactValue(value);
}

/** hh:mm:ss.mmm in UTC: reports must read the same on every machine. */
export function clock(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  return `${new Date(ms).toISOString().slice(11, 23)} UTC`;
}

/** clock(ms), with its date where it falls on another day than `beside` (an expiry a month away is not "17:30"). */
export function clockBeside(ms: number, beside: number): string {
  if (!Number.isFinite(ms) || !Number.isFinite(beside)) return clock(ms);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return day(ms) === day(beside) ? clock(ms) : `${day(ms)} ${clock(ms)}`;
}

/** A duration a person reads at a glance: 412 ms, 3.2 s, 12 min 5 s, 2 h 3 min, 3 d 4 h. */
export function duration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(abs)} ms`;
  if (abs < 60_000) return `${(abs / 1000).toFixed(abs < 10_000 ? 3 : 1)} s`;
  const s = Math.round(abs / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

/**
 * Lower-cases a sentence's first letter to follow a colon, but not a name (`PHPSESSID: …`, `JSESSIONID`, the
 * finding's cookie: `AuthSession carries…`, an attribute: `SameSite=Strict and…`: a capital inside its first word).
 */
function lowerFirst(s: string, name?: string): string {
  if (/^[\w.-]+:/.test(s) || /^\S+[A-Z]/.test(s) || (name !== undefined && name !== '' && s.startsWith(name))) return s;
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function stripEnd(s: string): string {
  return s.replace(/[.\s]+$/, '');
}
