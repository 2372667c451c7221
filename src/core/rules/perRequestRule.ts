/**
 * A rule that decides request by request (rule.ts, PerRequest): its `check` is the fold of its observations over
 * every request — the first per key, with how many — so the whole-trace answer and the engine's incremental one
 * (analysis/ruleRuns.ts, the same fold kept between snapshots) are one decision.
 */
import { defineRule, type FindingDraft, type PerRequest, type Rule, type RuleDocs, type Severity } from './rule.ts';

export interface PerRequestRuleSpec<Id extends string, Item> extends PerRequest<Item> {
  readonly id: Id;
  readonly severity: Severity;
  readonly title: string;
  readonly docs: RuleDocs;
}

/**
 * The first observation of each key (or the one the rule prefers, PerRequest.prefer) with its count, in order of
 * first sight; fed request by request.
 */
export class FirstPerKey<Item> {
  private readonly groups = new Map<string, { first: Item; count: number }>();

  constructor(private readonly rule: PerRequest<Item>) {}

  add(items: readonly Item[]): void {
    // Indexed: called for every request and rule; most lists are empty.
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const key = this.rule.onceKey(item);
      const group = this.groups.get(key);
      if (group) {
        group.count++;
        if (this.rule.prefer?.(item, group.first)) group.first = item;
      } else this.groups.set(key, { first: item, count: 1 });
    }
  }

  values(): IterableIterator<{ readonly first: Item; readonly count: number }> {
    return this.groups.values();
  }
}

export function perRequestRule<const Id extends string, Item>(spec: PerRequestRuleSpec<Id, Item>): Rule<Id> {
  const perRequest: PerRequest<Item> = {
    observe: spec.observe,
    onceKey: spec.onceKey,
    draft: spec.draft,
    ...(spec.prefer ? { prefer: spec.prefer } : {}),
  };
  return defineRule({
    id: spec.id,
    severity: spec.severity,
    title: spec.title,
    docs: spec.docs,
    perRequest,
    check(ctx) {
      const groups = new FirstPerKey(perRequest);
      const requests = ctx.facts.requests;
      for (let i = 0; i < requests.length; i++) groups.add(perRequest.observe(requests[i]!, ctx.settings));
      const drafts: FindingDraft[] = [];
      for (const { first, count } of groups.values()) {
        const draft = perRequest.draft(first, count, ctx);
        if (draft) drafts.push(draft);
      }
      return drafts;
    },
  });
}
