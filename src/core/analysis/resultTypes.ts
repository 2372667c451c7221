/**
 * What an analysis gives: findings, session lanes, per-request verdicts and the jar, as the CLI, the exports and the
 * panel read them. Types only, so the engine's modules (session, result builder, row changes) and its entry point
 * all import them from here without importing each other.
 */
import type { StoredCookie } from '../cookie/types.ts';
import type { RuleId } from '../rules/registry.ts';
import type { Severity } from '../rules/rule.ts';
import type { AnalysisFacts, Confidence, MaskedCookie } from './facts.ts';
import type { ValueView } from './redact.ts';
import type { AnalysisSettings } from './settings.ts';
import type { FindingSession } from './severityCeiling.ts';

export type RenderedEvidence = string | number | boolean | readonly string[];

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly title: string;
  readonly origin: string;
  readonly cookie?: string;
  readonly entry: number;
  readonly url: string;
  readonly reason?: string;
  readonly cause?: string;
  readonly related?: readonly number[];
  readonly message: string;
  readonly fix: string;
  readonly evidence: Readonly<Record<string, RenderedEvidence>>;
  /** How sure we are that the cookie is a session and why (RULES.md: a finding says which evidence). */
  readonly session?: FindingSession;
}

/** A lost or endangered session told in words (core/story): what happened, when, and what to change. */
export type StoryKind = 'lost' | 'rejected' | 'not-established' | 'at-risk';

/** The time evidence of a story, as numbers (ms), so callers and tests need not parse the words. */
export interface StoryTiming {
  /** Since the ID was last sent (or set, if never sent) before this request. */
  readonly idleMs?: number;
  readonly lastUsedEntry?: number;
  /** Whether `lastUsedEntry` sent the ID or only set it (an ID never sent before this request). */
  readonly lastUse?: 'sent' | 'set';
  /** Since the ID was first seen. */
  readonly ageMs?: number;
  readonly firstEntry?: number;
  /** When the browser's copy of the cookie expires (Expires / Max-Age of its last Set-Cookie). */
  readonly expiresAt?: number;
  /** expiresAt minus the request time: negative when the cookie had expired before the request. */
  readonly expiryMarginMs?: number;
}

export interface Story {
  readonly kind: StoryKind;
  readonly entry: number;
  /** The request's start, ms since the epoch. */
  readonly time: number;
  readonly headline: string;
  readonly steps: readonly string[];
  /** The cause in words (the part of the headline after the colon). */
  readonly cause: string;
  readonly confidence?: FindingSession['confidence'];
  readonly fix: string;
  readonly cookie?: string;
  readonly origin: string;
  /** The primary finding's rule and the indexes into `findings` of every finding the story tells. */
  readonly rule: string;
  readonly related: readonly number[];
  readonly timing: StoryTiming;
}

export interface LaneIdView {
  readonly id: string;
  readonly firstEntry: number;
  readonly lastEntry: number;
  /** The rule whose finding ended this ID (`session-rotated`, `session-reset`), absent while current. */
  readonly endedBy?: string;
  readonly cause?: string;
  readonly endEntry?: number;
}

export interface SessionView {
  readonly origin: string;
  readonly cookie: string;
  readonly domain: string;
  readonly path: string;
  readonly identifiedBy: string;
  readonly confidence: Confidence;
  readonly evidence: readonly string[];
  /** A session of a host outside the inspected site: listed apart. */
  readonly thirdParty: boolean;
  readonly ids: readonly LaneIdView[];
}

export interface RequestView {
  readonly entry: number;
  readonly method: string;
  readonly url: string;
  /** The request's start, whole ms since the epoch (the reports' request tables show it). */
  readonly time?: number;
  readonly status?: number;
  readonly sent: readonly { readonly name: string; readonly value?: string; readonly session?: boolean }[];
  readonly notSent: readonly {
    readonly name: string;
    readonly domain: string;
    readonly path: string;
    readonly reason: string;
    readonly browserReasons?: readonly string[];
  }[];
  /**
   * Every Set-Cookie of the response the browser did not store (CLI.md `requests[].rejected`), session cookie
   * or not: its name, the domain it was for (its Domain attribute, else the request host) and the
   * SetCookieBlockedReason.
   */
  readonly rejected: readonly { readonly name: string; readonly domain: string; readonly reason: string }[];
}

/**
 * A cookie the browser held when the recording ended, as the jar model sees it: the stored cookie's attributes,
 * with its value shown per `AnalyzeOptions.values` when it is a session cookie (other values as they are).
 */
export type JarCookieView = Pick<
  StoredCookie,
  'name' | 'value' | 'domain' | 'path' | 'hostOnly' | 'secure' | 'httpOnly' | 'sameSite' | 'partitioned' | 'expiresAt'
> & {
  readonly session: boolean;
  /** How the model learnt of it; `inferred` means a request carried it before any Set-Cookie was seen. */
  readonly source: StoredCookie['origin'];
  readonly setByEntry?: number;
};

export interface AnalysisResult {
  readonly findings: readonly Finding[];
  readonly sessions: readonly SessionView[];
  readonly requests: readonly RequestView[];
  /** The jar at the end of the trace (the cookies a next request could carry), sorted by domain, path, name. */
  readonly jar: readonly JarCookieView[];
  readonly facts: AnalysisFacts;
  /** False when the input has no Cookie data at all (a sanitised export): sent/not-sent come from the model alone. */
  readonly cookiesRecorded: boolean;
  /** The first cookie whose value a sanitiser masked (`REDACTED`): IDs cannot be told apart (fileNotes.ts). */
  readonly maskedCookie?: MaskedCookie;
  /** How many requests came from a client that is no browser (RequestFacts.fromNonBrowser); absent when none. */
  readonly clientRequests?: number;
  /**
   * The pages where a new browser was read from the traffic: after an hour or more without requests, a page that
   * carried none of the cookies the browser held for it (replay.ts startsAfresh). Each begins a new jar. Absent
   * when none.
   */
  readonly freshBrowsers?: readonly number[];
  readonly settings: AnalysisSettings;
  /** "What happened": a story per session lost, rejected, never established or at risk (story/story.ts). */
  readonly story?: readonly Story[];
}

export interface AnalyzeOptions {
  readonly settings?: Partial<AnalysisSettings>;
  /** How session values appear in messages and evidence. Default redacted. */
  readonly values?: ValueView;
}
