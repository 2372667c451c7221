// The Sessions panel's view: a live table of the inspected tab's requests, the cookies each one carried,
// did not carry (with the reason) and set, and the engine's findings. Renders text only (values come from
// web pages: never as HTML) and reads rows made by model.ts.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type FindingView, panelView, type RequestRow } from './model.ts';
import type { PanelState, PanelStore } from './store.ts';

function usePanelState(store: PanelStore): PanelState {
  const [state, setState] = useState(store.state);
  useEffect(() => {
    setState(store.state);
    return store.subscribe(() => setState(store.state));
  }, [store]);
  return state;
}

function clockTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

function statusText(row: RequestRow): string {
  return row.status === undefined ? 'failed' : String(row.status);
}

function CookiesSent({ row }: { row: RequestRow }) {
  if (row.cookiesSent.length === 0) return <span class="none">—</span>;
  return (
    <ul class="cookies">
      {row.cookiesSent.map((cookie, i) => (
        <li
          key={`${cookie.name}#${i}`}
          data-testid="cookie-sent"
          data-cookie-name={cookie.name}
          class={cookie.looksLikeSession ? 'session' : undefined}
        >
          <span class="cookie-name">{cookie.name}</span>=<span class="cookie-value">{cookie.shownValue}</span>
        </li>
      ))}
    </ul>
  );
}

function CookiesSet({ row }: { row: RequestRow }) {
  if (row.cookiesSet.length === 0) return <span class="none">—</span>;
  return (
    <ul class="cookies">
      {row.cookiesSet.map((cookie, i) => (
        <li
          key={`${cookie.name}#${i}`}
          data-testid="cookie-set"
          data-cookie-name={cookie.name}
          class={
            [cookie.looksLikeSession ? 'session' : '', cookie.deletes ? 'deletes' : ''].join(' ').trim() || undefined
          }
        >
          <span class="cookie-name">{cookie.name}</span>=<span class="cookie-value">{cookie.shownValue}</span>
          {cookie.deletes ? <span class="badge">deleted</span> : null}
          {cookie.rejectedReason ? (
            <span class="badge rejected" data-testid="set-rejected">
              rejected: {cookie.rejectedReason}
            </span>
          ) : null}
          {cookie.attributes.length > 0 ? <span class="cookie-attributes">{cookie.attributes.join('; ')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function NotSent({ row }: { row: RequestRow }) {
  if (row.notSent.length === 0) return null;
  return (
    <ul class="cookies not-sent">
      {row.notSent.map((cookie, i) => (
        <li key={`${cookie.name}#${i}`} data-testid="cookie-not-sent" data-cookie-name={cookie.name}>
          <span class="cookie-name">{cookie.name}</span> not sent:{' '}
          <span class="reason" data-testid="not-sent-reason">
            {cookie.reason}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Findings({ findings }: { findings: readonly FindingView[] }) {
  if (findings.length === 0) return null;
  return (
    <ul class="findings">
      {findings.map((f, i) => (
        <li
          key={`${f.rule}#${i}`}
          data-testid="finding"
          data-rule={f.rule}
          class={`severity-${f.severity}`}
          title={f.message}
        >
          <span class="severity">{f.severity}</span> <span class="rule-id">{f.rule}</span>{' '}
          <span class="finding-message">{f.message}</span>
        </li>
      ))}
    </ul>
  );
}

function Row({ row }: { row: RequestRow }) {
  const failed = row.status === undefined || row.status >= 400;
  return (
    <tr data-testid="request-row" data-seq={row.seq} class={failed ? 'failed' : undefined}>
      <td class="time">{clockTime(row.startedAt)}</td>
      <td class="method" data-testid="row-method">
        {row.method}
      </td>
      <td class="url" data-testid="row-url" title={row.url}>
        {row.url}
        {row.redirectUrl ? <div class="redirect">→ {row.redirectUrl}</div> : null}
      </td>
      <td class="status" data-testid="row-status">
        {statusText(row)}
      </td>
      <td class="sent">
        <CookiesSent row={row} />
        <NotSent row={row} />
      </td>
      <td class="set">
        <CookiesSet row={row} />
      </td>
      <td class="row-findings">
        <Findings findings={row.findings} />
      </td>
    </tr>
  );
}

const STATUS_LABEL: Readonly<Record<PanelState['status'], string>> = {
  connecting: 'Connecting…',
  live: 'Recording',
  reconnecting: 'Reconnecting…',
};

export function App({ store, tabId }: { store: PanelStore; tabId: number }) {
  const state = usePanelState(store);
  const view = useMemo(() => panelView(state.events), [state.events]);
  const rows = view.rows;
  const counts = (['high', 'medium', 'low'] as const).map(
    (sev) => [sev, view.analysis.findings.filter((f) => f.severity === sev).length] as const,
  );
  return (
    <main>
      <header class="toolbar">
        <strong>Sessions</strong>
        <span data-testid="panel-status" class={`status-${state.status}`}>
          {STATUS_LABEL[state.status]}
        </span>
        <span class="muted" data-testid="row-count">
          {rows.length} requests · tab {tabId}
        </span>
        <span class="muted" data-testid="finding-counts">
          {counts.map(([sev, n]) => `${n} ${sev}`).join(' · ')}
        </span>
      </header>
      {rows.length === 0 ? (
        <p class="empty" data-testid="empty">
          No requests yet. Reload the page to see its requests and cookies.
        </p>
      ) : (
        <table data-testid="request-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Method</th>
              <th>URL</th>
              <th>Status</th>
              <th>Cookies sent</th>
              <th>Cookies set</th>
              <th>Findings</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.seq} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
