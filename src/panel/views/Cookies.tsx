// The cookies seen for the inspected site and the session-cookie marks: the user can mark a cookie the
// engine missed as a session cookie, or unmark one it took for one; the marks are remembered per site.
import { useMemo } from 'preact/hooks';
import type { PanelController, UiState } from '../controller.ts';
import { shortId } from '../idColour.ts';
import { cookiesSeen, type TraceView } from '../model.ts';

export function Cookies({
  view,
  ui,
  controller,
  editable,
}: {
  view: TraceView;
  ui: UiState;
  controller: PanelController;
  /** Marks apply to the live recording's site; imported traces are shown read-only. */
  editable: boolean;
}) {
  const cookies = useMemo(() => cookiesSeen(view.analysis), [view]);
  return (
    <section class="cookies-view" data-testid="cookies-view">
      <p class="muted">
        Cookies this recording saw set or sent{ui.site && editable ? ` (site ${ui.site})` : ''}, with the last thing
        that happened to each. Marks are remembered per site.
      </p>
      {cookies.length === 0 ? <p class="empty">No cookies yet.</p> : null}
      <table class="jar">
        <thead>
          <tr>
            <th>Name</th>
            <th>Domain / Path</th>
            <th>Last value</th>
            <th>Last</th>
            <th>Session cookie?</th>
          </tr>
        </thead>
        <tbody>
          {cookies.map((c) => {
            const isSession = c.sessionBecause !== undefined;
            return (
              <tr key={`${c.domain}${c.path}${c.name}`} data-testid="jar-cookie" data-cookie-name={c.name}>
                <td class="mono">{c.name}</td>
                <td class="mono">
                  {c.domain}
                  {c.path}
                </td>
                <td class="mono" title={c.value}>
                  {shortId(c.value)}
                </td>
                <td>
                  {c.lastOutcome} #{c.lastEntry}
                </td>
                <td>
                  <span data-testid="jar-session">{isSession ? `yes (${c.sessionBecause})` : 'no'}</span>{' '}
                  {editable ? (
                    <button
                      type="button"
                      data-testid="toggle-session"
                      onClick={() => void controller.toggleSessionCookie(c.name, isSession)}
                    >
                      {isSession ? 'Not a session cookie' : 'Mark as session cookie'}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
