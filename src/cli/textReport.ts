/**
 * The text report, for a person: a summary, what happened to the sessions (story/story.ts), then per origin, per
 * session lane, the IDs and the findings worst first, each with its evidence and fix; then the findings not tied
 * to a lane, per origin; then, with --requests, every request's cookies.
 */
import type { Finding, SessionView } from '../core/analysis/analyze.ts';
import { cookieDefaultsFor, UNKNOWN_BROWSER_SAME_SITE } from '../core/cookie/browserDefaults.ts';
import { clientShareOf, fileNotes, noCookieNote, onlyClientRequests } from '../core/formats/fileNotes.ts';
import type { ReportedAnalysis } from '../core/formats/htmlReport.ts';
import { SEVERITY_RANK, type Severity } from '../core/rules/rule.ts';
import { shortUrl } from '../core/story/shortUrl.ts';
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
    `           at #${f.entry} ${shortUrl(f.url)}`,
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

/** The header's "Browser:" line: the recording browser's cookie defaults, or none where no browser made a request. */
function browserLine(trace: Trace, result: ReportedAnalysis): string {
  const share = clientShareOf(result);
  if (trace.source.browser === undefined && share !== undefined) {
    if (onlyClientRequests(share))
      return 'none: no request came from a browser, so no browser cookie defaults apply (see the note)';
    // Some requests a client's, the others naming no browser (an API client's request sent without a User-Agent):
    // "browser unknown" alone read as a browser's file beside the note that says it was a client's.
    return `none named: ${share.clientRequests} of ${share.requests} requests came from a client that is no browser (see the note), and no other names a browser; for those, ${UNKNOWN_BROWSER_SAME_SITE}`;
  }
  return cookieDefaultsFor(trace.source.browser).basis;
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
  out.push(`Browser: ${browserLine(trace, result)}.`);
  const notes = fileNotes(result, trace.source.creator);
  for (const note of notes) out.push(`Note: ${note.replace(/^(?:This|Every)\b/, (word) => word.toLowerCase())}`);
  const skipped = (trace.warnings ?? []).filter((w) => w.skippedEntry !== undefined).length;
  if (trace.warnings?.length) {
    const readBeforeEnd = trace.warnings.find((w) => w.truncatedAfter !== undefined)?.truncatedAfter;
    const cut =
      readBeforeEnd === undefined ? '' : `the file ends early (truncated?) after ${readBeforeEnd} whole entries; `;
    const what = skipped > 0 ? `${skipped} unreadable ${skipped === 1 ? 'entry' : 'entries'} skipped; ` : '';
    out.push(`Input: ${cut}${what}${trace.warnings.length} import warning(s), listed on standard error.`);
  }
  // The story first: what happened to the sessions, in words; then the lanes; then everything else.
  // With no cookie in the file, or every value masked, "no session was lost" would say what the model cannot tell:
  // the note said why.
  const masked = result.maskedCookie !== undefined && result.maskedCookie.placeholders !== true;
  const nothingToFollow = noCookieNote(result, trace.source.creator) !== undefined || masked;
  if (nothingToFollow && result.story?.length === 0) out.push('', 'What happened: no session ID to follow.');
  else out.push(...storyText(result.story));
  // The inspected site's own origins first; an origin whose sessions are all third-party comes after (RULES.md).
  const thirdParty = (origin: string) => {
    const lanes = result.sessions.filter((s) => s.origin === origin);
    return lanes.length > 0 && lanes.every((s) => s.thirdParty);
  };
  const claimed = new Set<Finding>();
  const laneOrigins = [...new Set(result.sessions.map((s) => s.origin))].sort(
    (a, b) => Number(thirdParty(a)) - Number(thirdParty(b)) || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const origin of laneOrigins) {
    out.push('', `${origin || '(no origin)'}${thirdParty(origin) ? ' (third party)' : ''}`);
    for (const lane of result.sessions.filter((s) => s.origin === origin)) {
      out.push(
        `  Session ${lane.cookie} (${lane.confidence}; domain ${lane.domain}, path ${lane.path}; ${lane.identifiedBy})`,
      );
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

/** Warnings shown one per line; beyond this, the first ones and a summary line (JSON lists every one). */
export const WARNING_LINES_SHOWN = 10;

/**
 * The import warnings of a file for standard error (CLI.md: a line per skipped entry or repair, so standard output
 * stays the report): each names the file and the place; many become the first few and one summary line.
 */
export function warningLines(file: string, trace: Trace): string[] {
  const warnings = trace.warnings ?? [];
  const line = (w: (typeof warnings)[number]) => `sessionscope: ${file}: warning: ${w.message} (at ${w.where})`;
  if (warnings.length <= WARNING_LINES_SHOWN) return warnings.map(line);
  const shown = warnings.slice(0, WARNING_LINES_SHOWN - 1);
  const rest = warnings.slice(WARNING_LINES_SHOWN - 1);
  const skipped = rest.filter((w) => w.skippedEntry !== undefined);
  const skippedText = skipped.length > 0 ? `, of which ${skipped.length} skipped entries (${entryList(skipped)})` : '';
  return [
    ...shown.map(line),
    `sessionscope: ${file}: warning: ${rest.length} more import warnings${skippedText}; --format json lists every one in input.warnings`,
  ];
}

/** "3, 17, 40, …": the skipped entries' indexes, the first few. */
function entryList(skipped: readonly { readonly skippedEntry?: number }[]): string {
  const first = skipped.slice(0, 8).map((w) => `#${w.skippedEntry}`);
  return skipped.length > first.length ? `${first.join(', ')}, …` : first.join(', ');
}
