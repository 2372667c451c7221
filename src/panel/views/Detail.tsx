// One request in full: the cookies it carried, the cookies it did NOT carry with the engine's reason (and
// what that reason means), each Set-Cookie parsed into attributes with its warnings and rejection, and the
// request's findings. Esc or "Back" returns to the timeline.

import { idName } from '../../core/story/story.ts';
import type { SiteContextSource } from '../../core/trace/types.ts';
import type { PanelController } from '../controller.ts';
import { type RequestDetail as Detail, requestDetail, type TraceView } from '../model.ts';

/** What decided the request's site for cookies, in words. */
const SITE_CONTEXT_FROM: Readonly<Record<SiteContextSource, string>> = {
  'sec-fetch-site': 'from its Sec-Fetch-Site header',
  frame: "from the browser's frame data",
  initiator: 'from the page that started it',
  page: "from its page's top-level document",
  referer: 'from its Referer',
  origin: 'from its Origin header',
  'redirect-chain': 'from the navigation this redirect belongs to',
  none: 'nothing in the recording says; SameSite verdicts follow what the browser sent',
};

export function RequestDetail({
  view,
  entry,
  controller,
}: {
  view: TraceView;
  entry: number;
  controller: PanelController;
}) {
  const row = view.rows.find((r) => r.entryIndex === entry);
  if (!row) return null;
  if (view.awaitingFacts?.(entry))
    return (
      <section class="detail" data-testid="request-detail-loading" data-entry={entry}>
        <header class="detail-head">
          <button type="button" onClick={() => controller.closeDetail()}>
            ← Back (Esc)
          </button>
          <span class="method">{row.method}</span> <span class="url">{row.url}</span>
        </header>
        <p class="muted">Reading this request's cookies…</p>
      </section>
    );
  const detail: Detail = requestDetail(view, row);
  return (
    <section class="detail" data-testid="request-detail" data-entry={entry}>
      <header class="detail-head">
        <button type="button" data-testid="detail-back" onClick={() => controller.closeDetail()}>
          ← Back (Esc)
        </button>
        <span class="method">{row.method}</span>{' '}
        <span class="url" data-testid="detail-url">
          {row.url}
        </span>{' '}
        <span class="status">{row.status === undefined ? 'failed' : row.status}</span>
        <span class="muted"> · entry #{row.entryIndex}</span>
        {row.redirectUrl ? <div class="muted">→ {row.redirectUrl}</div> : null}
        {row.siteContext ? (
          <div class="muted" data-testid="detail-site-context" data-kind={row.siteContext.kind}>
            Site for cookies: <strong>{row.siteContext.kind}</strong> ({SITE_CONTEXT_FROM[row.siteContext.from]})
          </div>
        ) : null}
      </header>

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

      <h3>Findings ({detail.findings.length})</h3>
      {detail.findings.length === 0 ? <p class="muted">None.</p> : null}
      <ul class="plain">
        {detail.findings.map((f, i) => (
          <li key={`${f.rule}#${i}`} data-testid="detail-finding" data-rule={f.rule} class={`severity-${f.severity}`}>
            <span class="severity">{f.severity}</span> <span class="rule-id">{f.rule}</span> {f.title}
            <div>{f.message}</div>
            <div class="fix">Fix: {f.fix}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
