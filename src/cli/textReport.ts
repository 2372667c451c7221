/**
 * The text report, for a person: a summary, what happened to the sessions (story/story.ts), then per origin, per
 * session lane, the IDs and the findings worst first, each with its evidence and fix; then the findings not tied
 * to a lane, per origin; then, with --requests, every request's cookies.
 */
import type { Finding, SessionView } from '../core/analysis/analyze.ts';
import type { ReportedAnalysis } from '../core/formats/htmlReport.ts';
import { SEVERITY_RANK, type Severity } from '../core/rules/rule.ts';
import { requestsText, storyText } from '../core/story/storyText.ts';
import type { Trace } from '../core/trace/types.ts';

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

function worstFirst(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.entry - b.entry;
}

function laneStory(lane: SessionView): string {
  return lane.ids
    .map((id) => {
      const span = id.firstEntry === id.lastEntry ? `#${id.firstEntry}` : `#${id.firstEntry}–#${id.lastEntry}`;
      const end = id.endedBy ? ` ⇒ ${id.endedBy}${id.cause ? ` (${id.cause})` : ''} at #${id.endEntry}` : '';
      return `${id.id} [${span}]${end}`;
    })
    .join('  →  ');
}

function renderFinding(f: Finding, all: readonly Finding[]): string[] {
  const lines = [
    `    ${f.severity.toUpperCase().padEnd(6)} ${f.rule}${f.reason ? ` [${f.reason}]` : ''}${f.cause ? ` (cause: ${f.cause})` : ''} — ${f.title}`,
    `           at #${f.entry} ${f.url}`,
    `           ${f.message}`,
  ];
  const evidence = Object.entries(f.evidence)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join('; ');
  if (evidence) lines.push(`           evidence: ${evidence}`);
  if (f.related?.length) {
    lines.push(
      `           related: ${f.related.map((i) => `${all[i]?.rule ?? '?'} at #${all[i]?.entry ?? '?'}`).join(', ')}`,
    );
  }
  lines.push(`           fix: ${f.fix}`);
  return lines;
}

export interface TextReportOptions {
  /** `--requests`: list every entry's cookies sent and not sent. */
  readonly requests?: boolean;
}

export function textReport(
  file: string,
  trace: Trace,
  result: ReportedAnalysis,
  options: TextReportOptions = {},
): string {
  const out: string[] = [];
  const counts = SEVERITIES.map((s) => `${result.findings.filter((f) => f.severity === s).length} ${s}`).join(', ');
  const creator = trace.source.creator ? `, ${trace.source.creator}` : '';
  out.push(`Sessionscope — ${file} (${trace.source.format}${creator}, ${trace.entryCount} entries)`);
  out.push(`Findings: ${counts}`);
  if (!result.cookiesRecorded) {
    out.push(
      'Note: this file records no Cookie headers (a sanitised export?): what was sent is inferred from the Set-Cookie lines.',
    );
  }
  for (const w of trace.warnings ?? []) out.push(`Warning: ${w.message} (at ${w.where})`);
  // The story first: what happened to the sessions, in words; then the lanes; then everything else.
  out.push(...storyText(result.story));
  const claimed = new Set<Finding>();
  const laneOrigins = [...new Set(result.sessions.map((s) => s.origin))].sort();
  for (const origin of laneOrigins) {
    out.push('', origin || '(no origin)');
    for (const lane of result.sessions.filter((s) => s.origin === origin)) {
      out.push(`  Session ${lane.cookie} (domain ${lane.domain}, path ${lane.path}; ${lane.identifiedBy})`);
      out.push(`    IDs: ${laneStory(lane)}`);
      const findings = result.findings.filter(
        (f) => f.origin === origin && f.cookie === lane.cookie && !claimed.has(f) && f.severity !== 'info',
      );
      for (const f of findings.sort(worstFirst)) {
        claimed.add(f);
        out.push(...renderFinding(f, result.findings));
      }
    }
  }
  const rest = result.findings.filter((f) => !claimed.has(f) && f.severity !== 'info');
  const restOrigins = [...new Set(rest.map((f) => f.origin))].sort();
  if (rest.length > 0) out.push('', 'Other findings');
  for (const origin of restOrigins) {
    out.push(`  ${origin || '(no origin)'}`);
    for (const f of rest.filter((x) => x.origin === origin).sort(worstFirst))
      out.push(...renderFinding(f, result.findings));
  }
  if (result.findings.length === 0) out.push('', 'No session findings.');
  if (options.requests) out.push(...requestsText(result.requests));
  return `${out.join('\n')}\n`;
}
