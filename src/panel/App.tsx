// The Sessions panel's view: a live table of the inspected tab's requests and the cookies each one
// carried and set. Renders text only (values come from web pages: never as HTML) and reads rows made
// by model.ts.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type RequestRow, requestRows } from './model.ts';
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
          {cookie.attributes.length > 0 ? <span class="cookie-attributes">{cookie.attributes.join('; ')}</span> : null}
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
      </td>
      <td class="set">
        <CookiesSet row={row} />
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
  const rows = useMemo(() => requestRows(state.events), [state.events]);
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
