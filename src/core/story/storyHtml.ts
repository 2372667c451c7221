/**
 * The HTML report's "What happened" section and its request table. Every string from the trace (URLs, cookie
 * names, messages) is escaped: the report opens in a browser and a page chooses its own cookie names.
 */
import type { RequestView } from '../analysis/analyze.ts';
import { escapeHtml } from '../formats/escapeHtml.ts';
import type { ReportedAnalysis } from '../formats/htmlReport.ts';
import { clock, type Story, type StoryKind } from './story.ts';

export const STORY_KIND_LABEL: Readonly<Record<StoryKind, string>> = {
  lost: 'Lost',
  rejected: 'Rejected',
  'not-established': 'Not established',
  'at-risk': 'At risk',
};

export const STORY_STYLE = `.stories{padding-left:1.4rem}.story{margin:.6rem 0}.story .kind{font-weight:600;
text-transform:uppercase;font-size:.78rem;margin-right:.4rem}.story.lost .kind,.story.rejected .kind,
.story.not-established .kind{color:#b0192e}.story.at-risk .kind{color:#b35c00}.story ul{margin:.2rem 0;
font-size:.92em}.requests td.url{word-break:break-all}.notsent{color:#b0192e}`;

/** The stories, first in a file's section; nothing for an analysis saved without them. */
export function storyHtml(story: readonly Story[] | undefined): string {
  if (story === undefined) return '';
  if (story.length === 0)
    return '<h3>What happened</h3><p class="muted">No session was lost, rejected or put at risk.</p>';
  const items = story
    .map(
      (s) =>
        `<li class="story ${s.kind}" data-entry="${s.entry}"><div><span class="kind">${STORY_KIND_LABEL[s.kind]}</span>${escapeHtml(
          s.headline,
        )}</div><ul>${s.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ul></li>`,
    )
    .join('\n');
  return `<h3>What happened</h3><ol class="stories">${items}</ol>`;
}

/**
 * One row per request: #N, time, method, URL, status, the session cookies sent and not sent. Without
 * `--requests` only the requests of a session (a session cookie sent or kept back, or a finding) — a trace of
 * 100,000 requests would otherwise bury the report; with it every request and every cookie.
 */
export function requestTableHtml(analysis: ReportedAnalysis, all: boolean): string {
  const sessionNames = new Set(analysis.sessions.map((s) => s.cookie));
  const withFinding = new Set(analysis.findings.map((f) => f.entry));
  const requests = analysis.requests;
  if (requests.length === 0)
    return all ? '<h3>Requests</h3><p class="muted">This analysis holds no per-request cookies.</p>' : '';
  const rows = all
    ? requests
    : requests.filter(
        (r) =>
          withFinding.has(r.entry) || r.sent.some((c) => c.session) || r.notSent.some((n) => sessionNames.has(n.name)),
      );
  if (rows.length === 0) return '';
  const head = `<tr><th>#</th><th>Time</th><th>Method</th><th>URL</th><th>Status</th><th>Session cookie</th>${
    all ? '<th>Other cookies</th>' : ''
  }</tr>`;
  const body = rows.map((r) => requestRowHtml(r, sessionNames, all)).join('\n');
  const scope = all ? 'every request (--requests)' : 'the requests of a session; --requests lists every request';
  return `<h3>Requests</h3><p class="muted">${scope}.</p><table class="requests">${head}${body}</table>`;
}

function requestRowHtml(r: RequestView, sessionNames: ReadonlySet<string>, all: boolean): string {
  const session = [
    ...r.sent.filter((c) => c.session).map((c) => `sent ${c.name}=${c.value ?? ''}`),
    ...r.notSent.filter((n) => sessionNames.has(n.name)).map((n) => `not sent ${n.name}: ${n.reason}`),
  ];
  const other = [
    ...r.sent.filter((c) => !c.session).map((c) => `sent ${c.name}`),
    ...r.notSent.filter((n) => !sessionNames.has(n.name)).map((n) => `not sent ${n.name}: ${n.reason}`),
  ];
  const cell = (items: string[]) =>
    items.map((t) => `<div${t.startsWith('not sent') ? ' class="notsent"' : ''}>${escapeHtml(t)}</div>`).join('');
  return `<tr data-entry="${r.entry}"><td>#${r.entry}</td><td class="mono">${
    r.time !== undefined ? escapeHtml(clock(r.time)) : ''
  }</td><td>${escapeHtml(r.method)}</td><td class="url mono">${escapeHtml(r.url)}</td><td>${
    r.status ?? 'failed'
  }</td><td class="mono">${cell(session)}</td>${all ? `<td class="mono">${cell(other)}</td>` : ''}</tr>`;
}
