// Lays out the engine's session lanes for drawing: per origin, one lane per session cookie, each ID a
// segment positioned by entry index (0 … entryCount) and the event that ended it as a marker on its end.
// Only arranges `AnalysisResult.sessions` and the findings; what ended an ID is the engine's verdict.
import type { Finding, SessionView } from '../core/analysis/analyze.ts';
import { idHue, shortId } from './idColour.ts';

/** The end markers the lanes draw: rotated, reset (with its cause), cleared, expired, changed unseen. */
export type LaneEndKind = 'rotated' | 'reset' | 'cleared' | 'expired' | 'changed';

export interface LaneEnd {
  readonly kind: LaneEndKind;
  /** What the marker says, e.g. `rotated`, `reset: server-rejected`, `cleared`. */
  readonly label: string;
  readonly cause?: string;
  readonly entry: number;
  /** The finding that reports the end, when the engine made one (its message explains it). */
  readonly finding?: Finding;
}

export interface LaneSegment {
  readonly id: string;
  readonly shortId: string;
  readonly hue: number;
  readonly firstEntry: number;
  readonly lastEntry: number;
  /** Position and width as fractions (0–1) of the recording's entry span. */
  readonly left: number;
  readonly width: number;
  readonly end?: LaneEnd;
}

export interface LaneLayout {
  readonly key: string;
  readonly cookie: string;
  readonly domain: string;
  readonly path: string;
  readonly identifiedBy: string;
  readonly segments: readonly LaneSegment[];
}

export interface OriginLanes {
  readonly origin: string;
  readonly lanes: readonly LaneLayout[];
}

/** A reset's cause decides the marker: the server or a script clearing it reads "cleared", expiry "expired". */
const RESET_CAUSE_KIND: Readonly<Record<string, LaneEndKind>> = {
  'cleared-by-server': 'cleared',
  'cleared-by-script': 'cleared',
  expired: 'expired',
};

function endOf(
  endedBy: string | undefined,
  cause: string | undefined,
  entry: number | undefined,
  finding: Finding | undefined,
): LaneEnd | undefined {
  if (endedBy === undefined || entry === undefined) return undefined;
  const withFinding = finding ? { finding } : {};
  if (endedBy === 'session-rotated') return { kind: 'rotated', label: 'rotated', entry, ...withFinding };
  if (endedBy === 'session-reset') {
    const kind = (cause && RESET_CAUSE_KIND[cause]) || 'reset';
    const label = kind === 'reset' ? `reset: ${cause ?? 'unknown cause'}` : cause ? `${kind} (${cause})` : kind;
    return { kind, label, ...(cause ? { cause } : {}), entry, ...withFinding };
  }
  return { kind: 'changed', label: 'changed without Set-Cookie', entry, ...withFinding };
}

export function layoutLanes(
  sessions: readonly SessionView[],
  findings: readonly Finding[],
  entryCount: number,
): OriginLanes[] {
  let span = Math.max(1, entryCount);
  for (const lane of sessions) for (const id of lane.ids) span = Math.max(span, (id.endEntry ?? id.lastEntry) + 1);
  const findingAt = (rule: string, cookie: string, entry: number) =>
    findings.find((f) => f.rule === rule && f.cookie === cookie && f.entry === entry);
  const byOrigin = new Map<string, LaneLayout[]>();
  for (const lane of sessions) {
    const segments = lane.ids.map((id): LaneSegment => {
      const stop = Math.max(id.lastEntry, id.endEntry ?? id.lastEntry) + 1;
      const finding =
        id.endedBy !== undefined && id.endEntry !== undefined
          ? findingAt(id.endedBy, lane.cookie, id.endEntry)
          : undefined;
      const end = endOf(id.endedBy, id.cause, id.endEntry, finding);
      return {
        id: id.id,
        shortId: shortId(id.id),
        hue: idHue(id.id),
        firstEntry: id.firstEntry,
        lastEntry: id.lastEntry,
        left: id.firstEntry / span,
        width: (stop - id.firstEntry) / span,
        ...(end ? { end } : {}),
      };
    });
    const layout: LaneLayout = {
      key: `${lane.origin} ${lane.domain}${lane.path} ${lane.cookie}`,
      cookie: lane.cookie,
      domain: lane.domain,
      path: lane.path,
      identifiedBy: lane.identifiedBy,
      segments,
    };
    byOrigin.set(lane.origin, [...(byOrigin.get(lane.origin) ?? []), layout]);
  }
  return [...byOrigin].map(([origin, lanes]) => ({ origin, lanes }));
}
