/**
 * The report for people (`sessionscope analyze --format html`, or a panel export): one self-contained HTML page
 * — inline CSS, no script, no external resource — with each session lane drawn as bars over the entries (one
 * bar per ID, its end marked with the rule and cause) and the findings grouped by severity with evidence and
 * fix. Every string that came from the trace is HTML-escaped: cookie values, URLs and messages are attacker-
 * controlled (a page sets its own cookies), and the report is opened in a browser.
 */
import type { Finding, RequestView, SessionView } from '../analysis/analyze.ts';
import type { MaskedCookie } from '../analysis/facts.ts';
import type { Severity } from '../rules/rule.ts';
import { shortUrl } from '../story/shortUrl.ts';
import type { Story } from '../story/story.ts';
import { requestTableHtml, STORY_STYLE, storyHtml } from '../story/storyHtml.ts';
import { escapeHtml } from './escapeHtml.ts';
import { fileNotes } from './fileNotes.ts';

/** What a report needs of an analysis (a fresh one, or the one saved in a native trace). */
export interface ReportedAnalysis {
  readonly findings: readonly Finding[];
  readonly sessions: readonly SessionView[];
  readonly requests: readonly RequestView[];
  readonly cookiesRecorded: boolean;
  /** The first cookie whose value a sanitiser masked; absent in a native trace's saved analysis. */
  readonly maskedCookie?: MaskedCookie;
  /** Requests from a client that is no browser; absent when none, and in a native trace's saved analysis. */
  readonly clientRequests?: number;
  /** Entries where a new browser was read from the traffic (AnalysisResult.freshBrowsers); absent when none. */
  readonly freshBrowsers?: readonly number[];
  /** Absent in an analysis saved before stories existed (a native trace's). */
  readonly story?: readonly Story[];
  /** The clock expiry was judged at (`--now`), where one was set; absent in a native trace's saved analysis. */
  readonly settings?: { readonly now?: number };
}

export interface HtmlReportInput {
  readonly file: string;
  /** The file's `log.creator` as a line ("WebInspector 537.36"), where it names one. */
  readonly creator?: string;
  /** e.g. "har, Chrome 156, 87 entries". */
  readonly summary: string;
  readonly entryCount: number;
  readonly analysis: ReportedAnalysis;
  readonly warnings?: readonly { readonly where: string; readonly message: string }[];
}

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];
/** Bar colours for successive IDs of a lane; the colour only tells neighbours apart. */
const ID_COLOURS = ['#4f7cac', '#8a5fb0', '#3f9b7a', '#c07a2c', '#b0475a', '#5a8f2e'];

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d5d9e0}
h3{font-size:1rem;margin:1.2rem 0 .3rem}code,.mono{font-family:ui-monospace,monospace;font-size:.92em}
.lane{margin:.8rem 0 1.4rem}.track{position:relative;height:2.1rem;background:#f1f3f6;border-radius:4px}
.bar{position:absolute;top:.3rem;height:1.5rem;border-radius:3px;color:#fff;font-size:.78rem;overflow:hidden;
white-space:nowrap;padding:0 .3rem;box-sizing:border-box;min-width:4px}
.end{position:absolute;top:0;height:2.1rem;border-left:2px solid #b0192e}
.ends{font-size:.85rem;margin:.25rem 0 0;padding-left:1.2rem}.ends li{margin:.1rem 0}
.sev{display:inline-block;min-width:4.2rem;font-weight:600;text-transform:uppercase;font-size:.78rem}
.high{color:#b0192e}.medium{color:#b35c00}.low{color:#5b6b00}.info{color:#4a5568}
.finding{border-left:4px solid #d5d9e0;padding:.4rem .8rem;margin:.6rem 0;background:#fafbfc}
.finding.high{border-color:#b0192e}.finding.medium{border-color:#e08a1e}.finding.low{border-color:#a3b11b}
table{border-collapse:collapse;margin:.3rem 0}td,th{border:1px solid #e1e4ea;padding:.15rem .45rem;text-align:left;
vertical-align:top}th{background:#f4f5f7;font-weight:600}.fix{margin:.3rem 0 0}.muted{color:#5f6b7a}
${STORY_STYLE}`;

function laneHtml(lane: SessionView, entryCount: number): string {
  const span = Math.max(entryCount, 1);
  const pct = (entry: number) => `${((entry / span) * 100).toFixed(3)}%`;
  const bars = lane.ids
    .map((id, i) => {
      const width = `${(((id.lastEntry - id.firstEntry + 1) / span) * 100).toFixed(3)}%`;
      const colour = ID_COLOURS[i % ID_COLOURS.length];
      const title = `${id.id}: entries #${id.firstEntry}–#${id.lastEntry}`;
      const bar = `<div class="bar" style="left:${pct(id.firstEntry)};width:${width};background:${colour}" title="${escapeHtml(title)}">${escapeHtml(id.id)}</div>`;
      const end =
        id.endEntry !== undefined
          ? `<div class="end" style="left:${pct(id.endEntry)}" title="${escapeHtml(endText(id))}"></div>`
          : '';
      return bar + end;
    })
    .join('');
  const story = lane.ids
    .map(
      (id) =>
        `<li><span class="mono">${escapeHtml(id.id)}</span> entries #${id.firstEntry}–#${id.lastEntry}${
          id.endedBy ? ` — ended by <strong>${escapeHtml(endText(id))}</strong>` : ' — current'
        }</li>`,
    )
    .join('');
  return `<div class="lane"><h3>${escapeHtml(lane.cookie)} <span class="muted">on ${escapeHtml(lane.origin)} (domain ${escapeHtml(
    lane.domain,
  )}, path ${escapeHtml(lane.path)}; ${escapeHtml(lane.identifiedBy)})</span></h3><div class="track">${bars}</div><ul class="ends">${story}</ul></div>`;
}

function endText(id: SessionView['ids'][number]): string {
  if (!id.endedBy) return '';
  return `${id.endedBy}${id.cause ? ` (${id.cause})` : ''}${id.endEntry !== undefined ? ` at #${id.endEntry}` : ''}`;
}

function evidenceHtml(evidence: Finding['evidence']): string {
  const rows = Object.entries(evidence).map(
    ([k, v]) =>
      `<tr><th>${escapeHtml(k)}</th><td class="mono">${escapeHtml(Array.isArray(v) ? v.join(', ') : String(v))}</td></tr>`,
  );
  return rows.length > 0 ? `<table>${rows.join('')}</table>` : '';
}

function findingHtml(f: Finding, all: readonly Finding[]): string {
  const tags = [f.cookie, f.reason, f.cause ? `cause: ${f.cause}` : undefined].filter((t) => t !== undefined);
  const related = (f.related ?? [])
    .map((i) => all[i])
    .filter((r): r is Finding => r !== undefined)
    .map((r) => `${escapeHtml(r.rule)} at #${r.entry}`)
    .join(', ');
  return `<div class="finding ${f.severity}"><div><span class="sev ${f.severity}">${f.severity}</span> <strong>${escapeHtml(
    f.rule,
  )}</strong> — ${escapeHtml(f.title)}${tags.length ? ` <span class="muted">[${escapeHtml(tags.join('; '))}]</span>` : ''}</div>
<div class="muted">entry #${f.entry} <span class="mono" title="${escapeHtml(f.url)}">${escapeHtml(shortUrl(f.url))}</span></div>
<p>${escapeHtml(f.message)}</p>${evidenceHtml(f.evidence)}${related ? `<div class="muted">related: ${related}</div>` : ''}
<p class="fix"><strong>Fix:</strong> ${escapeHtml(f.fix)}</p></div>`;
}

function sectionHtml(input: HtmlReportInput, options: HtmlReportOptions): string {
  const { analysis } = input;
  const counts = SEVERITIES.map((s) => `${analysis.findings.filter((f) => f.severity === s).length} ${s}`).join(', ');
  const notes = [
    ...fileNotes(analysis, input.creator),
    ...(input.warnings ?? []).map((w) => `${w.message} (at ${w.where})`),
  ];
  const lanes =
    analysis.sessions.length > 0
      ? analysis.sessions.map((l) => laneHtml(l, input.entryCount)).join('\n')
      : '<p class="muted">No session cookie seen.</p>';
  const findings = SEVERITIES.map((s) => {
    const list = analysis.findings.filter((f) => f.severity === s);
    if (list.length === 0) return '';
    return `<h3 class="${s}">${s[0]!.toUpperCase()}${s.slice(1)} (${list.length})</h3>${list
      .map((f) => findingHtml(f, analysis.findings))
      .join('\n')}`;
  }).join('\n');
  return `<section><h2>${escapeHtml(input.file)}</h2><p class="muted">${escapeHtml(input.summary)}. Findings: ${counts}.</p>
${notes.map((n) => `<p class="muted">Note: ${escapeHtml(n)}</p>`).join('\n')}
${storyHtml(analysis.story)}
<h3>Session lanes</h3>${lanes}
<h3>Findings</h3>${findings || '<p>No session findings.</p>'}
${requestTableHtml(analysis, options.requests === true)}</section>`;
}

/** One page for one or more analysed files. */
export interface HtmlReportOptions {
  /** `--requests`: every request with every cookie, not only the requests of a session. */
  readonly requests?: boolean;
}

export function htmlReport(
  inputs: readonly HtmlReportInput[],
  tool: { readonly name: string; readonly version: string },
  options: HtmlReportOptions = {},
): string {
  const title = `Sessionscope report — ${inputs.map((i) => i.file).join(', ')}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>Sessionscope report</h1><p class="muted">${escapeHtml(`${tool.name} ${tool.version}`)}</p>
${inputs.map((i) => sectionHtml(i, options)).join('\n')}
</body></html>
`;
}
