// One request in full, in a pane beside the list: its #N (as the CLI and reports number it), when it started
// and how long it took, what started it, the Referer and Sec-Fetch-Site that explain its SameSite verdicts, the
// redirect chain it is a hop of, its findings (title and rule ID), the cookies it carried, the cookies it did
// NOT carry with the engine's reason (and what that reason means), each Set-Cookie parsed into attributes with
// its warnings and rejection, and the raw request and response headers as recorded. Esc or × closes it.

import { useMemo } from 'preact/hooks';
import { idName } from '../../core/story/story.ts';
import type { Header, InitiatorSource, SiteContextSource } from '../../core/trace/types.ts';
import { calendarDate, clockTime, durationText } from '../clock.ts';
import { rowNumber } from '../columns.ts';
import type { PanelController } from '../controller.ts';
import { type RequestExchange, requestExchange } from '../exchange.ts';
import { type RequestDetail as Detail, type RequestRow, requestDetail, type TraceView } from '../model.ts';

/** What decided the request's site for cookies, in words. */
const SITE_CONTEXT_FROM: Readonly<Record<SiteContextSource, string>> = {
  'sec-fetch-site': 'from its Sec-Fetch-Site header',
  frame: "from the browser's frame data",
  initiator: 'from the page that started it',
  page: "from its page's top-level document",
  referer: 'from its Referer',
  origin: 'from its Origin header',
  'redirect-chain': 'from the navigation this redirect belongs to',
  client: "from its User-Agent, no browser's: an HTTP library applies no SameSite",
  none: 'nothing in the recording says; SameSite verdicts follow what the browser sent',
};

/** How the recording knows what started the request, in words. */
const INITIATOR_FROM: Readonly<Record<InitiatorSource, string>> = {
  recorder: 'recorded by the browser',
  referer: 'the Referer of this navigation',
  'browser-initiated': 'none: the browser started it (typed URL, bookmark)',
  'page-document': "the page's top-level document",
  'latest-document': 'the latest top-level document',
  'chrome-initiator': "Chrome's initiator in the HAR",
  'subresource-referer': 'the Referer of this subresource',
  'origin-header': 'the Origin header',
};

/** The title line: #N, method, URL and status, and the close button. */
function DetailHead({ row, controller }: { row: RequestRow; controller: PanelController }) {
  return (
    <header class="detail-head">
      <button
        type="button"
        class="detail-close"
        data-testid="detail-close"
        title="Close the detail (Esc)"
        aria-label="Close the detail"
        onClick={() => controller.closeDetail()}
      >
        ×
      </button>
      <strong class="detail-number" data-testid="detail-number" title="This request's number in the CLI and reports">
        {rowNumber(row)}
      </strong>{' '}
      <span class="method">{row.method}</span>{' '}
      <span class="url" data-testid="detail-url">
        {row.url}
      </span>{' '}
      <span class="status">{row.status === undefined ? 'failed' : row.status}</span>
      {row.redirectUrl ? <div class="muted">→ {row.redirectUrl}</div> : null}
    </header>
  );
}

function HeaderTable({ headers, testId }: { headers: readonly Header[]; testId: string }) {
  if (headers.length === 0) return <p class="muted">None recorded.</p>;
  return (
    <table class="kv raw-headers" data-testid={testId}>
      <tbody>
        {headers.map((h, i) => (
          <tr key={`${h.name}#${i}`} data-testid="detail-header" data-name={h.name}>
            <th class="mono">{h.name}</th>
            <td class="mono">{h.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Timing, initiator, site for cookies and the two headers behind a SameSite verdict. */
function Overview({ row, exchange }: { row: RequestRow; exchange: RequestExchange | undefined }) {
  const startedAt = exchange?.startedAt ?? row.startedAt;
  return (
    <table class="kv overview">
      <tbody>
        <tr>
          <th>Started</th>
          <td data-testid="detail-started">
            {clockTime(startedAt)} <span class="muted">{calendarDate(startedAt)}</span>
          </td>
        </tr>
        {exchange?.duration !== undefined ? (
          <tr>
            <th>Duration</th>
            <td data-testid="detail-duration">{durationText(exchange.duration)}</td>
          </tr>
        ) : null}
        {exchange?.initiator ? (
          <tr>
            <th>Initiator</th>
            <td data-testid="detail-initiator">
              {exchange.initiator.url ? <span class="mono">{exchange.initiator.url}</span> : null}
              {exchange.initiator.source ? (
                <span class="muted"> (from {INITIATOR_FROM[exchange.initiator.source]})</span>
              ) : null}
            </td>
          </tr>
        ) : null}
        {row.siteContext ? (
          <tr>
            <th>Site for cookies</th>
            <td data-testid="detail-site-context" data-kind={row.siteContext.kind}>
              <strong>{row.siteContext.kind}</strong> ({SITE_CONTEXT_FROM[row.siteContext.from]})
            </td>
          </tr>
        ) : null}
        {/* Called out: where the request came from is what SameSite=Lax/Strict verdicts turn on. */}
        <tr class="samesite-evidence">
          <th>Referer</th>
          <td data-testid="detail-referer" data-present={exchange?.referer !== undefined}>
            {exchange?.referer !== undefined ? (
              <span class="mono">{exchange.referer}</span>
            ) : (
              <span class="muted">none sent</span>
            )}
          </td>
        </tr>
        <tr class="samesite-evidence">
          <th>Sec-Fetch-Site</th>
          <td data-testid="detail-sec-fetch-site" data-present={exchange?.secFetchSite !== undefined}>
            {exchange?.secFetchSite !== undefined ? (
              <strong class="mono">{exchange.secFetchSite}</strong>
            ) : (
              <span class="muted">none sent (browsers send it to https:// only)</span>
            )}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function RedirectChain({
  exchange,
  entry,
  controller,
}: {
  exchange: RequestExchange | undefined;
  entry: number;
  controller: PanelController;
}) {
  if (!exchange || exchange.redirectChain.length === 0) return null;
  return (
    <>
      <h3>Redirect chain ({exchange.redirectChain.length} hops)</h3>
      <ol class="plain redirect-chain" data-testid="detail-redirect-chain">
        {exchange.redirectChain.map((hop) => (
          <li
            key={hop.entry}
            data-testid="redirect-hop"
            data-entry={hop.entry}
            class={hop.entry === entry ? 'current' : ''}
          >
            {hop.entry === entry ? (
              <strong>#{hop.entry}</strong>
            ) : (
              <button type="button" class="link" onClick={() => controller.openDetail(hop.entry)}>
                #{hop.entry}
              </button>
            )}{' '}
            {hop.method} <span class="mono">{hop.url}</span> <span class="muted">→ {hop.status ?? 'failed'}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

export function RequestDetail({
  view,
  entry,
  controller,
}: {
  view: TraceView;
  entry: number;
  controller: PanelController;
}) {
  // The entries in recording order: the redirect chain is read by position.
  const exchange = useMemo(
    () => (view.exchangeOf ? view.exchangeOf(entry) : requestExchange([...view.entries.values()], entry)),
    [view, entry],
  );
  const row = view.rows.find((r) => r.entryIndex === entry);
  if (!row) return null;
  if (view.awaitingFacts?.(entry))
    return (
      <section class="detail" data-testid="request-detail-loading" data-entry={entry}>
        <DetailHead row={row} controller={controller} />
        <p class="muted">Reading this request's cookies…</p>
      </section>
    );
  const detail: Detail = requestDetail(view, row);
  return (
    <section class="detail" data-testid="request-detail" data-entry={entry} aria-label={`Request ${rowNumber(row)}`}>
      <DetailHead row={row} controller={controller} />
      <Overview row={row} exchange={exchange} />
      <RedirectChain exchange={exchange} entry={entry} controller={controller} />

      <h3>Findings ({detail.findings.length})</h3>
      {detail.findings.length === 0 ? <p class="muted">None.</p> : null}
      <ul class="plain">
        {detail.findings.map((f, i) => (
          <li key={`${f.rule}#${i}`} data-testid="detail-finding" data-rule={f.rule} class={`severity-${f.severity}`}>
            <span class="severity">{f.severity}</span> <strong>{f.title}</strong>{' '}
            <span class="rule-id" data-testid="detail-rule-id">
              {f.rule}
            </span>
            <div>{f.message}</div>
            <div class="fix">Fix: {f.fix}</div>
          </li>
        ))}
      </ul>

      <h3>Cookies sent ({detail.sent.length})</h3>
      {detail.sent.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <table class="kv">
          <tbody>
            {detail.sent.map((c, i) => (
              <tr key={`${c.name}#${i}`} data-testid="detail-sent" data-cookie-name={c.name}>
                <th>{c.name}</th>
                <td class="mono">{c.value}</td>
                <td>
                  {c.session ? <span class="badge session-badge">session</span> : null}
                  {c.session ? (
                    <span
                      class="id-hash"
                      data-testid="detail-id-hash"
                      title="This ID's name in the CLI and HTML reports"
                    >
                      {idName(c.value)}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>Cookies not sent ({detail.notSent.length})</h3>
      {detail.notSent.length === 0 ? (
        <p class="muted">None: every cookie the model holds for this URL was sent.</p>
      ) : (
        <ul class="plain">
          {detail.notSent.map((n, i) => (
            <li key={`${n.name}#${i}`} data-testid="detail-not-sent" data-cookie-name={n.name}>
              <strong>{n.name}</strong>{' '}
              <span class="muted">
                ({n.domain}
                {n.path})
              </span>{' '}
              not sent:{' '}
              <span class="reason" data-testid="detail-not-sent-reason">
                {n.reason}
              </span>
              {n.session ? <span class="badge session-badge">session</span> : null}
              <div class="explain">{n.description}</div>
              {n.browserReasons?.length ? (
                <div class="muted">Browser reported: {n.browserReasons.join(', ')}</div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h3>Set-Cookie ({detail.setCookies.length})</h3>
      {detail.setCookies.length === 0 ? <p class="muted">None.</p> : null}
      {detail.setCookies.map((c, i) => (
        <div
          key={`${c.name}#${i}`}
          class={`set-detail outcome-${c.outcome}`}
          data-testid="detail-set-cookie"
          data-cookie-name={c.name}
          data-outcome={c.outcome}
        >
          <div>
            <strong>{c.name || '(no name)'}</strong> <span class="badge">{c.outcome}</span>
            {c.session ? <span class="badge session-badge">session</span> : null}
          </div>
          <div class="mono line">{c.line}</div>
          {c.attributes ? (
            <table class="kv">
              <tbody>
                {c.attributes.map(([k, v]) => (
                  <tr key={k}>
                    <th>{k}</th>
                    <td>{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {c.warnings.map((w) => (
            <div key={w} class="warning" data-testid="set-cookie-warning">
              ⚠ {w}
            </div>
          ))}
          {c.rejected ? (
            <div class="rejected-reason" data-testid="detail-set-rejected">
              Rejected: <strong>{c.rejected.reason}</strong> — {c.rejected.description}
              {c.rejected.detail ? <span class="muted"> ({c.rejected.detail})</span> : null}
            </div>
          ) : null}
        </div>
      ))}

      <h3>Request headers ({exchange?.requestHeaders.length ?? 0})</h3>
      <HeaderTable headers={exchange?.requestHeaders ?? []} testId="detail-request-headers" />
      <h3>Response headers ({exchange?.responseHeaders?.length ?? 0})</h3>
      {exchange?.responseHeaders ? (
        <HeaderTable headers={exchange.responseHeaders} testId="detail-response-headers" />
      ) : (
        <p class="muted">No response (the request failed or was still pending).</p>
      )}
    </section>
  );
}
