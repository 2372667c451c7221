/** The ends and incidents of every lane ID in one list, with the ID that followed: what lifecycle rules read. */
import type { AnalysisFacts, IdEnd, LaneId, RequestFacts, SessionLane } from '../analysis/facts.ts';
import { memo } from './memo.ts';
import type { RuleContext } from './rule.ts';

export interface IdTransition {
  readonly lane: SessionLane;
  readonly id: LaneId;
  readonly end: IdEnd;
  /** True when the ID survived on the client (the new ID was rejected by the browser). */
  readonly incident: boolean;
  readonly next?: LaneId;
  readonly request?: RequestFacts;
}

/** Four lifecycle rules read the transitions of the same facts: listed once per analysis. */
const TRANSITIONS = memo<AnalysisFacts, readonly IdTransition[]>('ID transitions', 'analysis');

export function idTransitions(ctx: RuleContext): readonly IdTransition[] {
  return ctx.memos.recall(TRANSITIONS, ctx.facts, [], () => listTransitions(ctx));
}

function listTransitions(ctx: RuleContext): IdTransition[] {
  const out: IdTransition[] = [];
  for (const lane of ctx.facts.lanes) {
    lane.ids.forEach((id, i) => {
      const next = lane.ids[i + 1];
      for (const incident of id.incidents) {
        out.push({ lane, id, end: incident, incident: true, ...optional(ctx.request(incident.entry)) });
      }
      if (id.end) {
        out.push({
          lane,
          id,
          end: id.end,
          incident: false,
          ...(next ? { next } : {}),
          ...optional(ctx.request(id.end.entry)),
        });
      }
    });
  }
  return out;
}

function optional(request: RequestFacts | undefined): { request?: RequestFacts } {
  return request ? { request } : {};
}

export function notSentKey(laneKey: string, entry: number): string {
  return `not-sent\u0000${laneKey}\u0000${entry}`;
}

export function resetKey(laneKey: string, entry: number): string {
  return `reset\u0000${laneKey}\u0000${entry}`;
}
