/**
 * Most attribute rules share one shape: look at each Set-Cookie of a session cookie, and report the first
 * one per cookie of the jar (perJarCookie) that fails a test, with a count. This builds such a rule from its test.
 */
import type { AnalysisSettings } from '../analysis/settings.ts';
import { perJarCookie, type SessionSetCookie, sessionSetCookiesOf, times } from './helpers.ts';
import { perRequestRule } from './perRequestRule.ts';
import type { EvidenceValue, Rule, RuleDocs, Severity } from './rule.ts';

export interface AttributeRuleSpec<Id extends string> {
  readonly id: Id;
  readonly severity: Severity;
  readonly title: string;
  readonly docs: RuleDocs;
  /** Returns the problem in one phrase when the Set-Cookie has it, else undefined. */
  readonly test: (item: SessionSetCookie, ctx: { readonly settings: AnalysisSettings }) => string | undefined;
  readonly evidence?: (item: SessionSetCookie) => Record<string, EvidenceValue>;
  /** The fix for this cookie where it differs from the rule's own (docs.fix). */
  readonly fix?: (item: SessionSetCookie) => string | undefined;
  /**
   * Also test lines the browser rejected, and lines whose cookie the same response removed again: true where the
   * problem exists on the wire whatever the browser does (an ID sent over http://) or is the reason for the
   * rejection (SameSite=None without Secure).
   */
  readonly includeRejected?: boolean;
}

type Failing = SessionSetCookie & { readonly problem: string };
const NONE: readonly Failing[] = [];

export function attributeRule<const Id extends string>(spec: AttributeRuleSpec<Id>): Rule<Id> {
  return perRequestRule({
    id: spec.id,
    severity: spec.severity,
    title: spec.title,
    docs: spec.docs,
    observe(request, settings) {
      // Most requests set no cookie: nothing to allocate for them.
      if (request.setCookies.length === 0) return NONE;
      const failing: Failing[] = [];
      for (const item of sessionSetCookiesOf(request, spec.includeRejected)) {
        const problem = spec.test(item, { settings });
        if (problem !== undefined) failing.push({ ...item, problem });
      }
      return failing;
    },
    onceKey: perJarCookie,
    draft: (item: Failing, count) => ({
      origin: item.request.origin,
      cookie: item.fact.name,
      entry: item.request.entry,
      url: item.request.url,
      ...optionalFix(spec.fix?.(item)),
      message: `${item.fact.name}: ${item.problem}${times(count)}.`,
      evidence: {
        setCookie: redactLine(item.fact.line, item.fact.value),
        ...(count > 1 ? { occurrences: count } : {}),
        ...(spec.evidence?.(item) ?? {}),
      },
    }),
  });
}

function optionalFix(fix: string | undefined): { fix?: string } {
  return fix === undefined ? {} : { fix };
}

/** The Set-Cookie line with its value marked secret, so exports redact it and keep the attributes. */
export function redactLine(line: string, value: string): readonly (string | { secret: string })[] {
  const at = value === '' ? -1 : line.indexOf(value);
  if (at === -1) return [line];
  return [line.slice(0, at), { secret: value }, line.slice(at + value.length)];
}

export function isHttps(url: string): boolean {
  return url.startsWith('https:') || url.startsWith('wss:');
}
