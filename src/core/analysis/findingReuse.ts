/**
 * The findings of the last snapshot, kept by the draft they were made from. A rule that gives the very same
 * draft object again (a per-request rule's group whose count stayed, ruleRuns.ts) gets the very same Finding
 * back when nothing else it is made of changed: its severity and session (lanes grow, identities firm up), its
 * related findings' places, the redaction of its URL. The same object then tells the next snapshot's comparison
 * (rowChanges.ts) at a glance that the finding did not change.
 */
import type { FindingDraft } from '../rules/rule.ts';
import type { Finding } from './resultTypes.ts';
import type { FindingSession } from './severityCeiling.ts';

/** What a finding is made of besides its draft. */
export interface FindingMaking {
  readonly severity: Finding['severity'];
  readonly session: FindingSession | undefined;
  readonly related: readonly number[];
  readonly hideInText: (text: string) => string;
  /** Its premise, a request having carried the session, is the jar model's inference (restsOnInferredSend). */
  readonly inferredSend: boolean;
}

export class FindingReuse {
  private readonly made = new WeakMap<FindingDraft, { readonly making: FindingMaking; readonly finding: Finding }>();

  /** The finding made from this draft before, when everything else it is made of is the same. */
  kept(draft: FindingDraft, making: FindingMaking): Finding | undefined {
    const known = this.made.get(draft);
    return known && sameMaking(known.making, making) ? known.finding : undefined;
  }

  keep(draft: FindingDraft, making: FindingMaking, finding: Finding): Finding {
    this.made.set(draft, { making, finding });
    return finding;
  }
}

function sameMaking(a: FindingMaking, b: FindingMaking): boolean {
  return (
    a.severity === b.severity &&
    a.hideInText === b.hideInText &&
    a.inferredSend === b.inferredSend &&
    sameNumbers(a.related, b.related) &&
    sameSession(a.session, b.session)
  );
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function sameSession(a: FindingSession | undefined, b: FindingSession | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.confidence === b.confidence &&
    a.thirdParty === b.thirdParty &&
    a.evidence.length === b.evidence.length &&
    a.evidence.every((e, i) => e === b.evidence[i])
  );
}
