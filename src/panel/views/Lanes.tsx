// The session lanes: per origin, each session cookie a horizontal lane of its IDs over the recording (by
// entry index), each ID a coloured segment, the event that ended it marked at its end and listed beneath,
// with a time axis above and a legend of the mark colours. Clicking a segment, a mark or an event selects
// that request in the timeline (the controller's one selection).
import { useMemo } from 'preact/hooks';
import type { PanelController } from '../controller.ts';
import { laneSpan, layoutLanes } from '../lanes.ts';
import { reasonHelp } from '../laneWords.ts';
import type { TraceView } from '../model.ts';
import { axisTicks } from '../timeAxis.ts';
import { LaneAxis } from './LaneAxis.tsx';
import { LaneLegend } from './LaneLegend.tsx';
import './lanes.css';

const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/** What each confidence means (RULES.md "What is a session cookie"), on hover. */
const CONFIDENCE_HELP: Record<'certain' | 'likely' | 'possible', string> = {
  certain:
    'Certain: the server issued or replaced it at a login, cleared it at a logout, or you marked it. Findings keep their full severity.',
  likely:
    'Likely: its name is a known session or authentication cookie and its values can be IDs. Findings at most medium.',
  possible:
    'Possible: only its value looks like an opaque token that is sent back. Findings at most low. Mark it in the Cookies view to make it certain.',
};

/** Ticks drawn on the axis; a narrow panel hides every other one (lanes.css). */
const AXIS_TICKS = 8;

export function Lanes({ view, controller }: { view: TraceView; controller: PanelController }) {
  const { origins, ticks } = useMemo(() => {
    const first = view.rows[0]?.entryIndex ?? 0;
    const last = view.rows.at(-1)?.entryIndex ?? 0;
    const range = { first, end: Math.max(last + 1, view.trace.entryCount) };
    const origins = layoutLanes(view.analysis.sessions, view.analysis.findings, range);
    // An ID may reach past the rows (its end entry): the axis spans what the lanes were laid out on.
    const span = laneSpan(view.analysis.sessions, range);
    const timed = view.rows.map((r) => ({ entry: r.entryIndex, startedAt: r.startedAt }));
    return { origins, ticks: axisTicks(timed, span, AXIS_TICKS) };
  }, [view]);
  if (origins.length === 0)
    return (
      <p class="empty" data-testid="lanes-empty">
        No session cookie seen yet.
      </p>
    );
  return (
    <section class="lanes" data-testid="lanes-view">
      <LaneLegend />
      <LaneAxis ticks={ticks} />
      {origins.map((o) => (
        <div key={o.origin} class="lane-origin">
          <h3 class="mono">{o.origin}</h3>
          {o.lanes.map((lane) => (
            <div key={lane.key} class="lane" data-testid="lane" data-cookie={lane.cookie} data-origin={o.origin}>
              <div class="lane-label">
                <strong>{lane.cookie}</strong>{' '}
                <span
                  class={`confidence confidence-${lane.confidence}`}
                  data-testid="lane-confidence"
                  title={CONFIDENCE_HELP[lane.confidence]}
                >
                  {lane.confidence}
                  {lane.thirdParty ? ' · third party' : ''}
                </span>{' '}
                <span class="muted">
                  {lane.domain}
                  {lane.path} · {lane.identifiedBy}
                </span>
              </div>
              <div class="lane-track">
                {lane.segments.map((s) => (
                  <button
                    type="button"
                    key={`${s.id}@${s.firstEntry}`}
                    class={`lane-segment${s.end?.tone === 'loss' ? ' lost' : ''}`}
                    data-testid="lane-segment"
                    data-id={s.shortId}
                    data-loss={s.end?.tone === 'loss' ? 'true' : undefined}
                    style={{ left: pct(s.left), width: pct(s.width), '--id-hue': String(s.hue) }}
                    title={`${lane.cookie}=${s.shortId} (${s.idName}), entries #${s.firstEntry}–#${s.lastEntry}${s.end ? `; ${s.end.words}` : ''}`}
                    onClick={() => controller.reveal(s.firstEntry)}
                  >
                    {/* The ID's one short name, as the timeline, the CLI and the reports show it; the value on hover. */}
                    {s.idName}
                  </button>
                ))}
                {lane.segments.map((s) =>
                  s.end ? (
                    <button
                      type="button"
                      key={`end@${s.end.entry}:${s.id}`}
                      class={`lane-tick end-${s.end.kind} tone-${s.end.tone}`}
                      data-testid="lane-mark"
                      data-tone={s.end.tone}
                      data-entry={s.end.entry}
                      style={{ left: pct(s.left + s.width) }}
                      title={`#${s.end.entry} ${s.end.words} [${s.end.label}]`}
                      aria-label={s.end.words}
                      onClick={() => controller.reveal(s.end!.entry)}
                    />
                  ) : null,
                )}
                {lane.incidents.map((i) => (
                  <button
                    type="button"
                    key={`${i.kind}@${i.entry}`}
                    class={`lane-tick incident end-${i.kind} tone-${i.tone}`}
                    data-testid="lane-mark"
                    data-tone={i.tone}
                    data-entry={i.entry}
                    style={{ left: pct(i.at) }}
                    title={`#${i.entry} ${i.words} [${i.label}]`}
                    aria-label={i.words}
                    onClick={() => controller.reveal(i.entry)}
                  />
                ))}
              </div>
              <ul class="lane-events">
                {lane.segments.map((s) =>
                  s.end ? (
                    <li key={`${s.id}@${s.end.entry}`}>
                      <button
                        type="button"
                        class={`lane-end end-${s.end.kind} tone-${s.end.tone}`}
                        data-testid="lane-event"
                        data-kind={s.end.kind}
                        data-entry={s.end.entry}
                        data-label={s.end.label}
                        data-tone={s.end.tone}
                        title={`${s.end.label}${s.end.finding ? ` — ${s.end.finding.message}` : ''}`}
                        onClick={() => controller.reveal(s.end!.entry)}
                      >
                        #{s.end.entry} {s.shortId} <span class="id-hash">{s.idName}</span> {s.end.words}
                      </button>
                    </li>
                  ) : null,
                )}
                {lane.incidents.map((i) => (
                  <li key={`${i.kind}@${i.entry}`}>
                    <button
                      type="button"
                      class={`lane-end end-${i.kind} tone-${i.tone}`}
                      data-testid="lane-event"
                      data-kind={i.kind}
                      data-entry={i.entry}
                      data-label={i.label}
                      data-tone={i.tone}
                      title={`${i.label} — ${[reasonHelp(i.finding.rule, i.finding.reason), i.finding.message].filter(Boolean).join(' ')}`}
                      onClick={() => controller.reveal(i.entry)}
                    >
                      #{i.entry} {lane.cookie} {i.words}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
      <p class="muted axis">Lanes run left to right over the recording’s {view.rows.length} requests.</p>
    </section>
  );
}
