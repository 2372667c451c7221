/**
 * The result of an analysis from the replay's facts: every rule run over them, findings ordered and linked, the
 * session lanes, jar and request views rendered with values shown or redacted, and the stories. What every entry
 * point (analyzeTrace, a stream, a live session) does with the facts it replayed.
 */
import type { StoredCookie } from '../cookie/types.ts';
import { failedAttempts, visiblyFailedAttempts } from '../rules/failedLogins.ts';
import { loginOrigins } from '../rules/helpers.ts';
import { RULES } from '../rules/registry.ts';
import {
  type EvidenceValue,
  type FindingDraft,
  type RuleContext,
  SEVERITY_RANK,
  type Severity,
} from '../rules/rule.ts';
import { classifyFailedAttempts, classifyPeriodicRotation, classifySignedInRenewals } from '../rules/sessionRotated.ts';
import { buildStories } from '../story/story.ts';
import { type AnalysisMemory, NoMemory } from './analysisMemory.ts';
import type { IdEnd, NotSentCookieFact, RequestFacts, SentCookieFact, SessionLane } from './facts.ts';
import type { ValueView } from './redact.ts';
import type { ReplayedFacts } from './replay.ts';
import { requestsByEntry } from './requestsByEntry.ts';
import type {
  AnalysisResult,
  Finding,
  JarCookieView,
  RenderedEvidence,
  RequestView,
  SessionView,
} from './resultTypes.ts';
import type { AnalysisSettings } from './settings.ts';
import {
  type FindingSession,
  FindingSessions,
  INFERRED_SEND_CEILING,
  INFERRED_SEND_NOTE,
  lowerOf,
  restsOnInferredSend,
  severityCeiling,
} from './severityCeiling.ts';

const RULE_ORDER = new Map<string, number>(RULES.map((r, i) => [r.id, i]));

const SHOW_AS_IS = (t: string) => t;

/**
 * Findings, views and the result from replayed facts: what every entry point does after its replay. `memory` is
 * what the analyses of a growing replay share (analysisMemory.ts); none for one analysis.
 */
export function analysisOf(
  replayed: ReplayedFacts,
  settings: AnalysisSettings,
  view: ValueView,
  memory: AnalysisMemory = new NoMemory(),
): AnalysisResult {
  const show = memory.show(view);
  // Session IDs also travel inside URLs (`;jsessionid=…`, `?sid=…`): a redacted report hides them there too.
  const hideInText = view === 'raw' ? SHOW_AS_IS : memory.hideInText(replayed, show);
  const byEntry = requestsByEntry(replayed.requests);
  // Before the periodic count: an ID renewed at a failed attempt is told by that attempt.
  classifyFailedAttempts(
    replayed.lanes,
    {
      postedAgain: failedAttempts(replayed.logins, (e) => byEntry.get(e), replayed.loginAttempts),
      answered: new Set(visiblyFailedAttempts(replayed.logins, replayed.loginAttempts)),
    },
    replayed.sessionIdentities,
  );
  classifyPeriodicRotation(replayed.lanes, loginOrigins(replayed.logins), new Set(replayed.loginAttempts));
  // After the periodic count: a lane that renews its ID on most requests is told so, whatever its pages show.
  classifySignedInRenewals(
    replayed.lanes,
    replayed.requests,
    signedInPages(replayed),
    new Set((replayed.loggedOut ?? []).map((answer) => answer.entry)),
  );
  const ctx: RuleContext = {
    facts: replayed,
    settings,
    show,
    request: (e) => byEntry.get(e),
    memos: memory.ruleMemos(),
  };

  const sessions = new FindingSessions(replayed);
  const drafts: {
    rule: (typeof RULES)[number];
    draft: FindingDraft;
    severity: Severity;
    inferredSend: boolean;
    session?: FindingSession;
  }[] = [];
  for (const [rule, ruleDrafts] of memory.drafts(ctx)) {
    for (const draft of ruleDrafts) {
      const session = sessions.of(draft.cookie, draft.origin);
      const own = draft.severity ? lowerOf(draft.severity, rule.severity) : rule.severity;
      const inferredSend = restsOnInferredSend(rule.id, draft.cause, replayed.cookiesRecorded);
      const severity = lowerOf(
        // Whether the origin is a third party's is asked only of a finding of no known session.
        lowerOf(
          own,
          severityCeiling(
            session,
            settings.thirdPartySessions,
            session === undefined && sessions.isThirdParty(draft.origin),
          ),
        ),
        inferredSend ? INFERRED_SEND_CEILING : 'high',
      );
      drafts.push({
        rule: rule as (typeof RULES)[number],
        draft,
        severity,
        inferredSend,
        ...(session ? { session } : {}),
      });
    }
  }
  drafts.sort(
    (a, b) =>
      a.draft.entry - b.draft.entry ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      RULE_ORDER.get(a.rule.id)! - RULE_ORDER.get(b.rule.id)! ||
      compare(a.draft.cookie ?? '', b.draft.cookie ?? '') ||
      compare(a.draft.message, b.draft.message),
  );
  const indexByKey = new Map<string, number>();
  drafts.forEach(({ draft }, i) => {
    if (draft.key !== undefined) indexByKey.set(draft.key, i);
  });
  const findings: Finding[] = drafts.map(({ rule, draft, severity, inferredSend, session }) => {
    const related = (draft.relatedKeys ?? []).map((k) => indexByKey.get(k)).filter((i): i is number => i !== undefined);
    const made = { severity, session, related, hideInText, inferredSend };
    return memory.finding(draft, made, () => ({
      rule: rule.id,
      severity,
      title: rule.title,
      origin: draft.origin,
      ...(draft.cookie !== undefined ? { cookie: draft.cookie } : {}),
      entry: draft.entry,
      url: hideInText(draft.url),
      ...(draft.reason !== undefined ? { reason: draft.reason } : {}),
      ...(draft.cause !== undefined ? { cause: draft.cause } : {}),
      ...(related.length > 0 ? { related } : {}),
      // A rule words its values through `show`; an address it quotes (a Location, a login page) may hold an ID too.
      message: hideInText(draft.message) + (inferredSend ? INFERRED_SEND_NOTE : ''),
      fix: draft.fix ?? rule.docs.fix,
      evidence: renderEvidence(draft.evidence, show, hideInText),
      ...(session ? { session } : {}),
    }));
  });

  const result: AnalysisResult = {
    findings,
    sessions: replayed.lanes.filter((l) => l.ids.length > 0).map((l) => laneView(l, show)),
    requests: [],
    jar: jarView(replayed.jar, replayed.sessionCookieNames, show),
    facts: {
      requests: replayed.requests,
      lanes: replayed.lanes,
      logins: replayed.logins,
      loggedOut: replayed.loggedOut ?? [],
      ...(replayed.credentialCookies ? { credentialCookies: replayed.credentialCookies } : {}),
      ...(replayed.basicAuthEntries ? { basicAuthEntries: replayed.basicAuthEntries } : {}),
      ...(replayed.loginAttempts ? { loginAttempts: replayed.loginAttempts } : {}),
      ...(replayed.passwordChosen ? { passwordChosen: replayed.passwordChosen } : {}),
      ...(replayed.pagesNamingUser ? { pagesNamingUser: replayed.pagesNamingUser } : {}),
      sessionCookieNames: replayed.sessionCookieNames,
      ...(replayed.sessionIdentities ? { sessionIdentities: replayed.sessionIdentities } : {}),
      ...(replayed.firstPartySites ? { firstPartySites: replayed.firstPartySites } : {}),
    },
    cookiesRecorded: replayed.cookiesRecorded,
    ...(replayed.maskedCookie ? { maskedCookie: replayed.maskedCookie } : {}),
    ...clientRequestsOf(replayed.requests),
    ...(replayed.freshBrowsers?.length ? { freshBrowsers: replayed.freshBrowsers } : {}),
    settings,
    story: buildStories({ findings, facts: replayed, byEntry }, { hideInText, memory: memory.stories }),
  };
  lazyRequestViews(result, replayed.requests, show, hideInText);
  return result;
}

/** The pages that show a user signed in: they offer a logout, or name the user a password POST sent. */
function signedInPages(replayed: ReplayedFacts): ReadonlySet<number> {
  const offering = replayed.pagesOfferingLogout;
  const naming = replayed.pagesNamingUser;
  if (offering === undefined) return naming ?? new Set();
  return naming === undefined ? offering : new Set([...offering, ...naming]);
}

function clientRequestsOf(requests: readonly RequestFacts[]): { clientRequests?: number } {
  let clientRequests = 0;
  for (const request of requests) if (request.fromNonBrowser) clientRequests++;
  return clientRequests > 0 ? { clientRequests } : {};
}

/**
 * One view per request is as much memory again as the facts, and most callers (the CLI's text report) never read
 * it: built on first read, then kept as a plain property. Enumerable, so copies and JSON still have it. Made out
 * here, so that the getter holds what the views are made from and not analysisOf's scope (its index of requests
 * by entry, its drafts) for as long as the result lives.
 */
function lazyRequestViews(
  result: AnalysisResult,
  requests: readonly RequestFacts[],
  show: (v: string) => string,
  hideInText: (t: string) => string,
): void {
  lazyProperty(result, 'requests', () => {
    const views = new RequestViews(show, hideInText);
    return requests.map((r) => views.of(r));
  });
}

function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function renderEvidence(
  evidence: Readonly<Record<string, EvidenceValue>>,
  show: (v: string) => string,
  hideInText: (text: string) => string,
): Record<string, RenderedEvidence> {
  const out: Record<string, RenderedEvidence> = {};
  const one = (v: string | { secret: string }) => (typeof v === 'string' ? v : show(v.secret));
  for (const [k, v] of Object.entries(evidence)) {
    if (Array.isArray(v)) {
      const parts = (v as readonly (string | { secret: string })[]).map(one);
      // A Set-Cookie line split around its value reads as one string again.
      out[k] = k === 'setCookie' ? parts.join('') : parts;
    } else if (typeof v === 'object' && v !== null) out[k] = one(v as { secret: string });
    // Plain text may quote an address that holds an ID (a login page `;jsessionid=…`).
    else out[k] = typeof v === 'string' ? hideInText(v) : (v as number | boolean);
  }
  return out;
}

/** How a lane view names each end: the rule that reports it, or a word where no rule does. */
const ENDED_BY: Record<IdEnd['kind'], string> = {
  rotated: 'session-rotated',
  reset: 'session-reset',
  'replaced-unseen': 'changed-without-set-cookie',
  updated: 'updated',
  'run-ended': 'browser-run-ended',
};

function laneView(lane: SessionLane, show: (v: string) => string): SessionView {
  return {
    origin: lane.origin,
    cookie: lane.cookie,
    domain: lane.domain,
    path: lane.path,
    identifiedBy: lane.identifiedBy,
    confidence: lane.confidence,
    evidence: lane.evidence,
    thirdParty: lane.thirdParty,
    ids: lane.ids.map((id) => {
      return {
        id: show(id.id),
        firstEntry: id.firstEntry,
        lastEntry: id.lastEntry,
        ...(id.end
          ? {
              endedBy: ENDED_BY[id.end.kind],
              endEntry: id.end.entry,
            }
          : {}),
        ...(id.end?.kind === 'reset' ? { cause: id.end.cause } : {}),
      };
    }),
  };
}

type SentView = RequestView['sent'][number];
type NotSentView = RequestView['notSent'][number];

/** Request views; a fact shared by many requests (factCache.ts) gets one shared view. */
class RequestViews {
  private readonly sent = new Map<SentCookieFact, SentView>();
  private readonly notSent = new Map<NotSentCookieFact, NotSentView>();

  constructor(
    private readonly show: (v: string) => string,
    private readonly hideInText: (t: string) => string,
  ) {}

  of(r: RequestFacts): RequestView {
    return {
      entry: r.entry,
      method: r.method,
      url: this.hideInText(r.url),
      // Whole milliseconds, as a Date and a HAR's startedDateTime hold them (an export re-reads the same time).
      ...(Number.isFinite(r.time) ? { time: Math.trunc(r.time) } : {}),
      ...(r.status !== undefined ? { status: r.status } : {}),
      sent: r.sent.map((s) => this.sentView(s)),
      notSent: r.notSent.map((n) => this.notSentView(n)),
      rejected: rejectedViews(r),
    };
  }

  private sentView(s: SentCookieFact): SentView {
    let view = this.sent.get(s);
    if (!view) {
      view = { name: s.name, ...(s.session ? { session: true, value: this.show(s.value) } : {}) };
      this.sent.set(s, view);
    }
    return view;
  }

  private notSentView(n: NotSentCookieFact): NotSentView {
    let view = this.notSent.get(n);
    if (!view) {
      view = {
        name: n.name,
        domain: n.domain,
        path: n.path,
        reason: n.reason,
        ...(n.browserReasons ? { browserReasons: n.browserReasons } : {}),
      };
      this.notSent.set(n, view);
    }
    return view;
  }
}

function rejectedViews(r: RequestFacts): RequestView['rejected'] {
  const rejected: RequestView['rejected'][number][] = [];
  for (const s of r.setCookies) {
    if (s.outcome.kind !== 'rejected') continue;
    const domain = s.parsed?.domain || r.host;
    rejected.push({ name: s.name, domain, reason: s.outcome.reason });
  }
  return rejected;
}

function jarView(
  cookies: readonly StoredCookie[],
  sessionNames: ReadonlyMap<string, string>,
  show: (v: string) => string,
): JarCookieView[] {
  return cookies
    .map((c) => {
      const session = sessionNames.has(c.name);
      return {
        name: c.name,
        value: session ? show(c.value) : c.value,
        domain: c.domain,
        path: c.path,
        hostOnly: c.hostOnly,
        secure: c.secure,
        httpOnly: c.httpOnly,
        sameSite: c.sameSite,
        partitioned: c.partitioned,
        ...(c.expiresAt !== undefined ? { expiresAt: c.expiresAt } : {}),
        session,
        source: c.origin,
        ...(c.setByEntry !== undefined ? { setByEntry: c.setByEntry } : {}),
      };
    })
    .sort((a, b) => compare(a.domain, b.domain) || compare(a.path, b.path) || compare(a.name, b.name));
}
