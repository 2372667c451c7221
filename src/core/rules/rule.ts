/**
 * What a rule is: one module per rule under src/core/rules/, each exporting a `Rule` with its stable ID
 * (shared/design/RULES.md), severity, title, help text and a pure `check` over the replay's facts. The
 * registry (registry.ts) collects them; the panel's help, the text report and SARIF read these objects.
 */
import type { AnalysisFacts, RequestFacts } from '../analysis/facts.ts';
import type { AnalysisSettings } from '../analysis/settings.ts';
import type { RuleMemos } from './memo.ts';

export type Severity = 'info' | 'low' | 'medium' | 'high';
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3 };

/** A session value or other secret inside evidence: rendered raw or as a stable hash by the output. */
export interface Secret {
  readonly secret: string;
}
export type EvidenceValue = string | number | boolean | Secret | readonly (string | Secret)[];

export interface RuleContext {
  readonly facts: AnalysisFacts;
  readonly settings: AnalysisSettings;
  /** Renders a session value for a message: the value itself with --include-values, else its hash. */
  readonly show: (value: string) => string;
  readonly request: (entry: number) => RequestFacts | undefined;
  /** What the rules keep between runs, held by the engine for them (memo.ts): a rule module keeps no state. */
  readonly memos: RuleMemos;
}

export interface FindingDraft {
  /** Unique within one analysis, so other findings can point at it (`related`). */
  readonly key?: string;
  readonly relatedKeys?: readonly string[];
  readonly origin: string;
  readonly cookie?: string;
  readonly entry: number;
  readonly url: string;
  readonly message: string;
  /** A NotSentReason or SetCookieRejectedReason name (RULES.md vocabularies). */
  readonly reason?: string;
  /** session-reset's cause. */
  readonly cause?: string;
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
  /** A fix specific to this finding (a reset's cause, a not-sent reason); default the rule's fix. */
  readonly fix?: string;
  /** Lower than the rule's severity when this instance is expected (a reset at a logout the user asked for). */
  readonly severity?: Severity;
}

export interface RuleDocs {
  /** What the rule means, for the panel's help and SARIF's fullDescription. */
  readonly explanation: string;
  readonly fix: string;
  /** The equivalent check of a peer tool (ZAP rule, Chrome issue), when one exists. */
  readonly peer?: string;
}

/** What a per-request rule's finding may read besides its observation: never the rest of the trace. */
export type DraftContext = Pick<RuleContext, 'settings' | 'show'>;

/**
 * A rule that decides request by request, from one request's facts alone (they are final once replayed): what
 * each request shows (`observe`), reported once per key at its first observation with how many there were.
 * The engine keeps what each request showed, so a trace that grows observes only its new requests; `check`
 * is the same fold over every request (perRequestRule.ts).
 */
export interface PerRequest<Item> {
  /** What the rule sees on this request, in the order it reports it. */
  observe(request: RequestFacts, settings: AnalysisSettings): readonly Item[];
  /** Observations of one key are one finding: the first, with the count. */
  onceKey(item: Item): string;
  /**
   * Whether a later observation of a key tells more than the one kept, and is reported instead (the count goes on):
   * a session store's value that holds more fields than its first. Absent: the first is reported.
   */
  prefer?(later: Item, kept: Item): boolean;
  /** The finding for a key first observed as `first` and seen `count` times; none when it does not qualify. */
  draft(first: Item, count: number, ctx: DraftContext): FindingDraft | undefined;
}

export interface Rule<Id extends string = string> {
  readonly id: Id;
  readonly severity: Severity;
  readonly title: string;
  readonly docs: RuleDocs;
  /** Rules that run after others may read their findings' keys; every rule is pure. */
  check(ctx: RuleContext): FindingDraft[];
  /** Present when the rule decides request by request: the data `check` folds, for an engine fed incrementally. */
  // biome-ignore lint/suspicious/noExplicitAny: each rule has its own observation type; the engine only passes it back.
  readonly perRequest?: PerRequest<any>;
}

export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
