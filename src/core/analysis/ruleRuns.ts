/**
 * The rules run over a replay that grows. A per-request rule (rules/rule.ts, PerRequest) folds each request's
 * observations once, as the request arrives, and keeps its findings while their count stays; a whole-trace rule
 * (the lifecycle rules, which read lanes and logins) runs over the facts each time. A replay started over makes
 * new request facts, and the folds start over with it.
 */
import { FirstPerKey } from '../rules/perRequestRule.ts';
import { RULES } from '../rules/registry.ts';
import type { FindingDraft, PerRequest, Rule, RuleContext } from '../rules/rule.ts';
import { NewRequests } from './newRequests.ts';

/** One per-request rule's fold. */
interface Fold {
  readonly rule: PerRequest<unknown>;
  readonly groups: FirstPerKey<unknown>;
}

/** The finding last drafted for each group of every fold, at the count it had: one map for all folds (each costs). */
type Drafted = WeakMap<object, { readonly count: number; readonly draft: FindingDraft | undefined }>;

export class RuleRuns {
  private folds = new Map<Rule, Fold>();
  private drafted: Drafted = new WeakMap();
  private readonly newRequests = new NewRequests();
  /** What the kept findings were worded with: other settings or another value renderer word them anew. */
  private wordedWith: Pick<RuleContext, 'settings' | 'show'> | undefined;

  /** Every rule's findings over the facts in `ctx`, in RULES order. */
  drafts(ctx: RuleContext): Map<Rule, FindingDraft[]> {
    this.foldNewRequests(ctx);
    const out = new Map<Rule, FindingDraft[]>();
    for (const rule of RULES) {
      const fold = this.folds.get(rule);
      out.set(rule, fold ? draftsOf(fold, this.drafted, ctx) : rule.check(ctx));
    }
    return out;
  }

  private foldNewRequests(ctx: RuleContext): void {
    const requests = ctx.facts.requests;
    let from = this.newRequests.since(requests);
    const sameWords = ctx.settings === this.wordedWith?.settings && ctx.show === this.wordedWith.show;
    if (from === 0 || !sameWords) {
      this.wordedWith = { settings: ctx.settings, show: ctx.show };
      this.folds = new Map();
      this.drafted = new WeakMap();
      for (const rule of RULES) {
        const perRequest = rule.perRequest;
        if (perRequest) this.folds.set(rule, { rule: perRequest, groups: new FirstPerKey(perRequest) });
      }
      from = 0;
    }
    // The folds as a list, read by index: a Map iterator per request was most of what this loop allocated.
    const folds = [...this.folds.values()];
    for (let i = from; i < requests.length; i++) {
      for (let f = 0; f < folds.length; f++) folds[f]!.groups.add(folds[f]!.rule.observe(requests[i]!, ctx.settings));
    }
  }
}

/** The fold's findings: a group whose count did not change keeps the very finding it had (the same object). */
function draftsOf(fold: Fold, drafted: Drafted, ctx: RuleContext): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  for (const group of fold.groups.values()) {
    let known = drafted.get(group);
    if (known?.count !== group.count) {
      known = { count: group.count, draft: fold.rule.draft(group.first, group.count, ctx) };
      drafted.set(group, known);
    }
    if (known.draft) drafts.push(known.draft);
  }
  return drafts;
}
