// The cookie jar of the inspected site as the engine's model holds it when the recording ends (attributes,
// expiry, how it got there), then the cookies seen during the recording but gone by its end (deleted,
// expired, rejected) with the last thing that happened to each. Each can be marked or unmarked as the
// session cookie; the marks are remembered per site.
import { useMemo } from 'preact/hooks';
import { idName } from '../../core/story/story.ts';
import type { PanelController, UiState } from '../controller.ts';
import { shortId } from '../idColour.ts';
import { siteJar, type TraceView } from '../model.ts';

const SOURCE_LABEL: Readonly<Record<string, string>> = {
  'set-cookie': 'Set-Cookie',
  'cookie-event': 'cookie change',
  inferred: 'seen sent (set before the recording)',
};

/** The last thing that happened to a cookie no longer held: a deletion or rejection, else it ran out. */
function lastEvent(c: { lastOutcome: string; lastEntry: number }): string {
  if (c.lastOutcome === 'deleted') return `deleted by #${c.lastEntry}`;
  if (c.lastOutcome === 'rejected') return `rejected at #${c.lastEntry}`;
  if (c.lastOutcome === 'stored') return `set at #${c.lastEntry}, expired or evicted since`;
  return `last sent at #${c.lastEntry}, expired or removed since`;
}

function expiry(expiresAt: number | undefined): string {
  return expiresAt === undefined ? 'browser session' : new Date(expiresAt).toISOString().replace('.000Z', 'Z');
}

function attributes(c: {
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  partitioned: boolean;
  hostOnly: boolean;
}): string[] {
  return [
    c.hostOnly ? 'host-only' : 'domain',
    ...(c.secure ? ['Secure'] : []),
    ...(c.httpOnly ? ['HttpOnly'] : []),
    `SameSite=${c.sameSite}`,
    ...(c.partitioned ? ['Partitioned'] : []),
  ];
}

function SessionMark({
  name,
  because,
  editable,
  controller,
}: {
  name: string;
  because: string | undefined;
  editable: boolean;
  controller: PanelController;
}) {
  const isSession = because !== undefined;
  return (
    <>
      <span data-testid="jar-session">{isSession ? `yes (${because})` : 'no'}</span>{' '}
      {editable ? (
        <button
          type="button"
          data-testid="toggle-session"
          onClick={() => void controller.toggleSessionCookie(name, isSession)}
        >
          {isSession ? 'Not a session cookie' : 'Mark as session cookie'}
        </button>
      ) : null}
    </>
  );
}

export function Cookies({
  view,
  ui,
  controller,
  editable,
}: {
  view: TraceView;
  ui: UiState;
  controller: PanelController;
  /** The live recording: limited to the inspected site, marks editable; imported traces show their whole jar. */
  editable: boolean;
}) {
  const site = editable ? ui.site : undefined;
  const jar = useMemo(() => siteJar(view.analysis, site, view.seenCookies), [view, site]);
  return (
    <section class="cookies-view" data-testid="cookies-view">
      <p class="muted">
        {site ? `Cookies of ${site}` : 'Cookies'} the browser held when the recording ended. Marks are remembered per
        site.
      </p>
      {jar.held.length === 0 ? <p class="empty">No cookies held.</p> : null}
      <table class="jar" data-testid="jar">
        <thead>
          <tr>
            <th>Name</th>
            <th>Value</th>
            <th>Domain / Path</th>
            <th>Attributes</th>
            <th>Expires</th>
            <th>From</th>
            <th>Session cookie?</th>
          </tr>
        </thead>
        <tbody>
          {jar.held.map((c) => (
            <tr
              key={`${c.domain}${c.path}${c.name}`}
              data-testid="jar-cookie"
              data-cookie-name={c.name}
              data-domain={c.domain}
            >
              <td class="mono">{c.name}</td>
              <td class="mono" title={c.value}>
                {c.session ? shortId(c.value) : c.value}
                {c.session && c.value !== '' ? <span class="id-hash">{idName(c.value)}</span> : null}
              </td>
              <td class="mono">
                {c.domain}
                {c.path}
              </td>
              <td data-testid="jar-attributes">{attributes(c).join(' · ')}</td>
              <td data-testid="jar-expires">{expiry(c.expiresAt)}</td>
              <td>
                {SOURCE_LABEL[c.source] ?? c.source}
                {c.setByEntry !== undefined ? ` #${c.setByEntry}` : ''}
              </td>
              <td>
                <SessionMark name={c.name} because={c.sessionBecause} editable={editable} controller={controller} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {jar.gone.length > 0 ? (
        <>
          <h3>Seen during the recording, gone at its end</h3>
          <table class="jar gone" data-testid="gone-cookies">
            <thead>
              <tr>
                <th>Name</th>
                <th>Domain / Path</th>
                <th>Last value</th>
                <th>Last thing that happened</th>
                <th>Session cookie?</th>
              </tr>
            </thead>
            <tbody>
              {jar.gone.map((c) => (
                <tr key={`${c.domain}${c.path}${c.name}`} data-testid="gone-cookie" data-cookie-name={c.name}>
                  <td class="mono">{c.name}</td>
                  <td class="mono">
                    {c.domain}
                    {c.path}
                  </td>
                  <td class="mono" title={c.value}>
                    {shortId(c.value)}
                    {c.value !== '' ? <span class="id-hash">{idName(c.value)}</span> : null}
                  </td>
                  <td data-testid="gone-last">{lastEvent(c)}</td>
                  <td>
                    <SessionMark name={c.name} because={c.sessionBecause} editable={editable} controller={controller} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
