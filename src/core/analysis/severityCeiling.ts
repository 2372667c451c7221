/**
 * Severity follows confidence and expectation (RULES.md, end of the lifecycle rules): a finding about a `possible`
 * session is at most `low`, about a `likely` one at most `medium`; a third-party session (a host outside the
 * inspected site) raises nothing above `low` unless the user asked for third-party sessions. A rule may lower its
 * own finding further (a reset at a logout the user asked for is `info`). This module only lowers.
 */
import { domainMatch } from '../cookie/domain.ts';
import { SEVERITY_RANK, type Severity } from '../rules/rule.ts';
import { type AnalysisFacts, type Confidence, identityOfLane, type SessionLane } from './facts.ts';
import { isFirstParty } from './firstParty.ts';

const CONFIDENCE_CEILING: Record<Confidence, Severity> = { possible: 'low', likely: 'medium', certain: 'high' };
const THIRD_PARTY_CEILING: Severity = 'low';

/** What made the finding's cookie a session, as the finding tells it. */
export interface FindingSession {
  readonly confidence: Confidence;
  readonly evidence: readonly string[];
  readonly thirdParty: boolean;
}

export function lowerOf(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/** The session a finding speaks of: its lane (by cookie name and origin), else the name's identity. */
export class FindingSessions {
  private readonly lanesByName = new Map<string, SessionLane[]>();
  /** Thousands of findings share a few origins: each origin's host parsed once. */
  private readonly hosts = new Map<string, string>();

  constructor(private readonly facts: AnalysisFacts) {
    for (const lane of facts.lanes) {
      const list = this.lanesByName.get(lane.cookie) ?? [];
      list.push(lane);
      this.lanesByName.set(lane.cookie, list);
    }
  }

  of(cookie: string | undefined, origin: string): FindingSession | undefined {
    if (cookie === undefined) return undefined;
    const host = this.hostOf(origin);
    const lanes = this.lanesByName.get(cookie) ?? [];
    const lane =
      lanes.find((l) => l.origin === origin) ?? lanes.find((l) => host !== '' && domainMatch(host, l.domain));
    if (lane) return { confidence: lane.confidence, evidence: lane.evidence, thirdParty: lane.thirdParty };
    const named = this.facts.sessionIdentities?.get(cookie);
    if (!named) return undefined;
    // A name seen at two hosts: the identity of a lane of this host's own (identityOfLane).
    const identity = host !== '' ? identityOfLane(named, host) : named;
    return { confidence: identity.confidence, evidence: identity.evidence, thirdParty: this.isThirdParty(origin) };
  }

  /** The origin is a host outside the inspected site (known when the facts name the site's first-party sites). */
  isThirdParty(origin: string): boolean {
    const sites = this.facts.firstPartySites;
    const host = this.hostOf(origin);
    return sites !== undefined && host !== '' && !isFirstParty(host, sites);
  }

  private hostOf(origin: string): string {
    let host = this.hosts.get(origin);
    if (host === undefined) {
      host = hostOfOrigin(origin);
      this.hosts.set(origin, host);
    }
    return host;
  }
}

/**
 * The highest severity a finding about this session may have. A finding of no session the trace knows (a session ID
 * found in an address by its form alone: ASP.NET's `/(S(…))/` on an ad server) is capped as a third party's where its
 * origin is one.
 */
export function severityCeiling(
  session: FindingSession | undefined,
  thirdPartySessions: boolean,
  thirdPartyOrigin: boolean,
): Severity {
  if (!session) return thirdPartyOrigin && !thirdPartySessions ? THIRD_PARTY_CEILING : 'high';
  const byConfidence = CONFIDENCE_CEILING[session.confidence];
  return session.thirdParty && !thirdPartySessions ? lowerOf(byConfidence, THIRD_PARTY_CEILING) : byConfidence;
}

/**
 * The rules, and for session-reset the cause, whose decision rests on a request having carried the session: one
 * that carried it but was answered with a new one (server-rejected, and the backend switch that explains it), or
 * refused (a cookie held back for a rule of the browser's, session-not-sent, is the model's rule either way). In a file that records no Cookie header (a sanitised export: COOKIE_HEADERS_MISSING),
 * what each request carried is the jar model's inference, never the recording's word: such a finding is at most
 * `low`, as a `possible` session's is (a real PhantomJS page load: ad iframes each answered with a new JSESSIONID
 * read as MEDIUM "carried the ID, another back-end did not know it").
 */
const RESTS_ON_WHAT_WAS_SENT: Readonly<Record<string, (cause: string | undefined) => boolean>> = {
  'session-rejected': () => true,
  'session-backend-switch': () => true,
  'session-reset': (cause) => cause === 'server-rejected',
};
/** The highest severity of a finding that rests on an inferred send. */
export const INFERRED_SEND_CEILING: Severity = 'low';

/** The finding rests on a request having carried the session, in a file that records no Cookie header. */
export function restsOnInferredSend(rule: string, cause: string | undefined, cookiesRecorded: boolean | undefined) {
  return (
    cookiesRecorded === false && Object.hasOwn(RESTS_ON_WHAT_WAS_SENT, rule) && RESTS_ON_WHAT_WAS_SENT[rule]!(cause)
  );
}

/** What such a finding's message adds: its premise is the model's, not the recording's. */
export const INFERRED_SEND_NOTE =
  ' This file records no Cookie header: that the request carried the session is inferred from the Set-Cookie lines.';

function hostOfOrigin(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}
