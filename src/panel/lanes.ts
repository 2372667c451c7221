// Lays out the engine's session lanes for drawing: per origin, one lane per session cookie, each ID a
// segment positioned by entry index (0 … entryCount) and the event that ended it as a marker on its end.
// Only arranges `AnalysisResult.sessions` and the findings; what ended an ID is the engine's verdict.
import type { Finding, SessionView } from '../core/analysis/analyze.ts';
import { idName } from '../core/story/story.ts';
import { idHue, shortId } from './idColour.ts';
import { endWords, incidentWords, type MarkTone, TONE_RANK } from './laneWords.ts';

/** The end markers the lanes draw: rotated, reset (with its cause), cleared, expired, changed unseen. */
export type LaneEndKind = 'rotated' | 'reset' | 'cleared' | 'expired' | 'changed' | 'updated' | 'run-ended';

export interface LaneEnd {
  readonly kind: LaneEndKind;
  /** The engine's code for the end, e.g. `rotated`, `reset: server-rejected`, `cleared (cleared-by-server)`. */
  readonly label: string;
  /** What the lane shows, in words (laneWords.ts), and the colour family it is drawn in. */
  readonly words: string;
  readonly tone: MarkTone;
  readonly cause?: string;
  readonly entry: number;
  /** The finding that reports the end, when the engine made one (its message explains it). */
  readonly finding?: Finding;
}

export interface LaneSegment {
  readonly id: string;
  readonly shortId: string;
  /** The ID's short stable name in the CLI and HTML reports (`h:1a2b3c4d`). */
  readonly idName: string;
  readonly hue: number;
  readonly firstEntry: number;
  readonly lastEntry: number;
  /** Position and width as fractions (0–1) of the recording's entry span. */
  readonly left: number;
  readonly width: number;
  readonly end?: LaneEnd;
}

/** The findings drawn on a lane at their request, by rule: the kind names the mark. */
const INCIDENT_KINDS = {
  'session-reset': 'reset',
  'session-not-sent': 'not-sent',
  'session-backend-switch': 'backend-switch',
  'session-rejected': 'rejected',
  'cookie-rejected': 'set-cookie-rejected',
} as const;
export type LaneIncidentKind = (typeof INCIDENT_KINDS)[keyof typeof INCIDENT_KINDS];

/**
 * A finding on the lane that did not end an ID (the engine's SessionView has no end for it): a reset whose
 * new ID the browser refused, so the old one stayed (e.g. OverwriteSecure on http://), or the session
 * cookie not sent on a request, a request moved to another back-end, the server answering as logged out
 * (session-rejected), a Set-Cookie of the lane's cookie the browser refused.
 */
export interface LaneIncident {
  readonly kind: LaneIncidentKind;
  /** The engine's code, e.g. `reset: not-sent (ID kept)`, `not sent: SecureOnly`, `backend-switch`. */
  readonly label: string;
  readonly words: string;
  readonly tone: MarkTone;
  readonly entry: number;
  /** Position as a fraction (0–1) of the recording's entry span. */
  readonly at: number;
  readonly finding: Finding;
}

export interface LaneLayout {
  readonly key: string;
  readonly cookie: string;
  readonly domain: string;
  readonly path: string;
  readonly identifiedBy: string;
  /** How sure the identification is, and whether the cookie is a third-party host's (shown beside the lane). */
  readonly confidence: SessionView['confidence'];
  readonly thirdParty: boolean;
  readonly segments: readonly LaneSegment[];
  readonly incidents: readonly LaneIncident[];
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
  const end = (kind: LaneEndKind, label: string): LaneEnd => ({
    kind,
    label,
    ...endWords(kind, cause),
    ...(cause ? { cause } : {}),
    entry,
    ...withFinding,
  });
  if (endedBy === 'session-rotated') return end('rotated', 'rotated');
  if (endedBy === 'session-reset') {
    const kind = (cause && RESET_CAUSE_KIND[cause]) || 'reset';
    return end(kind, kind === 'reset' ? `reset: ${cause ?? 'unknown cause'}` : cause ? `${kind} (${cause})` : kind);
  }
  if (endedBy === 'updated') return end('updated', 'updated (same session)');
  if (endedBy === 'browser-run-ended') return end('run-ended', 'browser run ended');
  return end('changed', 'changed without Set-Cookie');
}

/** The entry indices the picture spans: `first` (inclusive) to `end` (exclusive). */
export interface EntryRange {
  readonly first: number;
  readonly end: number;
}

/** The entries the lanes are drawn over: `range`, widened to every ID's last entry or end (the axis uses it too). */
export function laneSpan(sessions: readonly SessionView[], range: EntryRange): EntryRange {
  let end = Math.max(range.end, range.first + 1);
  for (const lane of sessions) for (const id of lane.ids) end = Math.max(end, (id.endEntry ?? id.lastEntry) + 1);
  return { first: range.first, end };
}

/**
 * `range` is the recording's entries: 0 … entryCount for an imported file; for a live recording after Clear
 * the indices go on counting, so the picture starts at the first entry still held.
 */
export function layoutLanes(
  sessions: readonly SessionView[],
  findings: readonly Finding[],
  range: EntryRange,
): OriginLanes[] {
  const { first, end } = laneSpan(sessions, range);
  const span = end - first;
  const findingAt = (rule: string, cookie: string, entry: number) =>
    findings.find((f) => f.rule === rule && f.cookie === cookie && f.entry === entry);
  const byOrigin = new Map<string, LaneLayout[]>();
  for (const lane of sessions) {
    const segments = lane.ids.map((id, k): LaneSegment => {
      // An ID runs to the end of the last request that carried it, or to where the next ID starts when that
      // request already set the next one (a reset or rotation on the same request).
      let stop = Math.max(id.lastEntry, id.endEntry ?? id.lastEntry) + 1;
      const next = lane.ids[k + 1];
      if (next && next.firstEntry < stop) stop = Math.max(id.firstEntry + 0.5, next.firstEntry);
      const finding =
        id.endedBy !== undefined && id.endEntry !== undefined
          ? findingAt(id.endedBy, lane.cookie, id.endEntry)
          : undefined;
      const end = endOf(id.endedBy, id.cause, id.endEntry, finding);
      return {
        id: id.id,
        shortId: shortId(id.id),
        idName: idName(id.id),
        hue: idHue(id.id),
        firstEntry: id.firstEntry,
        lastEntry: id.lastEntry,
        left: (id.firstEntry - first) / span,
        width: (stop - id.firstEntry) / span,
        ...(end ? { end } : {}),
      };
    });
    const incidents = laneIncidents(lane, sessions, findings, segments, first, span);
    const layout: LaneLayout = {
      key: `${lane.origin} ${lane.domain}${lane.path} ${lane.cookie}`,
      cookie: lane.cookie,
      domain: lane.domain,
      path: lane.path,
      identifiedBy: lane.identifiedBy,
      confidence: lane.confidence,
      thirdParty: lane.thirdParty,
      segments,
      incidents,
    };
    byOrigin.set(lane.origin, [...(byOrigin.get(lane.origin) ?? []), layout]);
  }
  // The inspected site's sessions first; origins whose sessions are all third-party are listed after (RULES.md).
  const allThirdParty = (lanes: readonly LaneLayout[]) => lanes.every((l) => l.thirdParty);
  return [...byOrigin]
    .map(([origin, lanes]) => ({ origin, lanes }))
    .sort((a, b) => Number(allThirdParty(a.lanes)) - Number(allThirdParty(b.lanes)));
}

/** The engine's code of each incident (its `data-label`; exports and the E2E readers compare these). */
const INCIDENT_LABEL: Readonly<Record<LaneIncidentKind, (f: Finding) => string>> = {
  reset: (f) => `reset: ${f.cause ?? 'unknown cause'} (ID kept)`,
  'not-sent': (f) => `not sent: ${f.reason ?? '?'}`,
  'backend-switch': () => 'backend-switch',
  rejected: () => 'session-rejected',
  'set-cookie-rejected': (f) => `cookie-rejected: ${f.reason ?? '?'}`,
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The lane a finding belongs to: same cookie name, and the request host inside the lane's domain. */
function belongsTo(f: Finding, lane: SessionView, sessions: readonly SessionView[]): boolean {
  if (f.cookie !== lane.cookie) return false;
  const host = hostOf(f.url);
  const candidates = sessions.filter(
    (l) => l.cookie === f.cookie && (host === l.domain || host.endsWith(`.${l.domain}`)),
  );
  // Several lanes of one name (paths, subdomains): the engine's first match; none matching: the only lane.
  return candidates.length > 0 ? candidates[0] === lane : sessions.filter((l) => l.cookie === f.cookie)[0] === lane;
}

function laneIncidents(
  lane: SessionView,
  sessions: readonly SessionView[],
  findings: readonly Finding[],
  segments: readonly LaneSegment[],
  first: number,
  span: number,
): LaneIncident[] {
  const ends = new Set(segments.flatMap((s) => (s.end ? [s.end.entry] : [])));
  const out: LaneIncident[] = [];
  for (const f of findings) {
    if (!Object.hasOwn(INCIDENT_KINDS, f.rule) || !belongsTo(f, lane, sessions)) continue;
    const kind = INCIDENT_KINDS[f.rule as keyof typeof INCIDENT_KINDS];
    if (kind === 'reset' && ends.has(f.entry)) continue;
    // A kept-ID reset caused by a cookie not sent: the not-sent finding of that request names the reason.
    const reason =
      kind === 'reset'
        ? findings.find((n) => n.rule === 'session-not-sent' && n.cookie === f.cookie && n.entry === f.entry)?.reason
        : f.reason;
    const shown = incidentWords(f.rule, { cause: f.cause, reason })!;
    out.push({
      kind,
      label: INCIDENT_LABEL[kind](f),
      ...shown,
      entry: f.entry,
      at: Math.min(1, (f.entry - first + 0.5) / span),
      finding: f,
    });
  }
  // Several marks on one request sit on one spot: the loss is listed first and drawn last (on top).
  return out.sort((a, b) => a.entry - b.entry || TONE_RANK[a.tone] - TONE_RANK[b.tone]);
}
