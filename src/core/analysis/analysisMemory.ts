/**
 * What an analysis keeps for the next analysis of the same growing replay, chosen when its owner is made: a
 * growing trace's snapshots (the panel's live session) remember, so the next snapshot costs what is new; an
 * analysis that answers once (analyzeTrace, a streamed file) remembers nothing, and pays for no bookkeeping.
 * analysisOf (analysisResult.ts) asks its memory at each step that a memory could save, and gets the same answer
 * from either.
 */

import type { RuleMemos } from '../rules/memo.ts';
import { RULES } from '../rules/registry.ts';
import type { FindingDraft, Rule, RuleContext } from '../rules/rule.ts';
import { StoryMemory } from '../story/story.ts';
import type { AnalysisFacts } from './facts.ts';
import { type FindingMaking, FindingReuse } from './findingReuse.ts';
import { type ValueView, valueRenderer } from './redact.ts';
import type { Finding } from './resultTypes.ts';
import { OneAnalysisMemos, SnapshotMemos } from './ruleMemos.ts';
import { RuleRuns } from './ruleRuns.ts';
import { SessionValues } from './sessionValues.ts';

export interface AnalysisMemory {
  /** How session values are shown in this view. */
  show(view: ValueView): (v: string) => string;
  /** A function hiding the replay's session values inside a text (URLs), each shown by `show`. */
  hideInText(facts: AnalysisFacts, show: (v: string) => string): (text: string) => string;
  /** The memos the rules of one analysis read through their context (rules/memo.ts). */
  ruleMemos(): RuleMemos;
  /** Every rule's drafts over the facts in `ctx`, in RULES order. */
  drafts(ctx: RuleContext): Map<Rule, FindingDraft[]>;
  /** The finding of this draft made so: the one made before from the same, or `make()`'s. */
  finding(draft: FindingDraft, making: FindingMaking, make: () => Finding): Finding;
  /** What the stories keep from one telling to the next, if anything (story.ts). */
  readonly stories: StoryMemory | undefined;
}

/**
 * The memory of a growing trace's snapshots: the rules' folds and memos, the session values, the findings made,
 * the stories written. Each part tells by itself when the replay started over (new request facts) and starts
 * over with it.
 */
export class SnapshotMemory implements AnalysisMemory {
  private readonly runs = new RuleRuns();
  private readonly values = new SessionValues();
  private readonly findings = new FindingReuse();
  private readonly memos = new SnapshotMemos();
  readonly stories = new StoryMemory();
  private readonly renderers = new Map<ValueView, (v: string) => string>();

  /** One renderer per view, kept: what was worded with it can be kept too. */
  show(view: ValueView): (v: string) => string {
    let show = this.renderers.get(view);
    if (!show) {
      show = valueRenderer(view);
      this.renderers.set(view, show);
    }
    return show;
  }

  hideInText(facts: AnalysisFacts, show: (v: string) => string): (text: string) => string {
    return this.values.hideInText(facts, show);
  }

  ruleMemos(): RuleMemos {
    return this.memos;
  }

  drafts(ctx: RuleContext): Map<Rule, FindingDraft[]> {
    return this.runs.drafts(ctx);
  }

  finding(draft: FindingDraft, making: FindingMaking, make: () => Finding): Finding {
    return this.findings.kept(draft, making) ?? this.findings.keep(draft, making, make());
  }
}

/** No memory: one analysis, every part made for it alone (what a snapshot memory would make the first time). */
export class NoMemory implements AnalysisMemory {
  readonly stories = undefined;

  show(view: ValueView): (v: string) => string {
    return valueRenderer(view);
  }

  hideInText(facts: AnalysisFacts, show: (v: string) => string): (text: string) => string {
    return new SessionValues().hideInText(facts, show);
  }

  ruleMemos(): RuleMemos {
    return new OneAnalysisMemos();
  }

  drafts(ctx: RuleContext): Map<Rule, FindingDraft[]> {
    return new Map(RULES.map((rule) => [rule, rule.check(ctx)]));
  }

  finding(_draft: FindingDraft, _making: FindingMaking, make: () => Finding): Finding {
    return make();
  }
}
