// A finding on a request row, in words: the rule's title (e.g. "Session cookie issued over plain HTTP", from
// the rule module, not a copy) on the pill; the rule ID, severity and message on hover. The detail shows the
// rule ID beside the title.
import type { FindingView } from './model.ts';

export interface FindingPill {
  readonly text: string;
  /** The tooltip: rule ID first (what `rule:` in the filter and the CLI's `--format json` use). */
  readonly hover: string;
}

export function findingPill(f: FindingView): FindingPill {
  return { text: f.title || f.rule, hover: `${f.rule} (${f.severity}): ${f.message}` };
}

/**
 * How many findings a row has, shown before its pills: the row is one line high, so when several pills do not
 * fit the count still says how many there are (the hover lists them all; the detail shows them whole).
 */
export function findingsCount(findings: readonly FindingView[]): FindingPill | undefined {
  if (findings.length < 2) return undefined;
  return {
    text: String(findings.length),
    hover: findings.map((f) => `${findingPill(f).text} [${f.rule}]`).join('\n'),
  };
}
