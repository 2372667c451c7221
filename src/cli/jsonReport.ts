/** The CLI's JSON document (shared/design/CLI.md, "JSON shape"): fields may be added, none renamed. */

import { cookieDefaultsFor } from '../core/cookie/browserDefaults.ts';
import { fileNotes } from '../core/formats/fileNotes.ts';
import type { ReportedAnalysis } from '../core/formats/htmlReport.ts';
import type { Trace } from '../core/trace/types.ts';
import { TOOL } from './tool.ts';

export function jsonReport(file: string, trace: Trace, result: ReportedAnalysis, withRequests: boolean): unknown {
  return {
    tool: TOOL,
    input: {
      file,
      format: trace.source.format,
      ...(trace.source.creator ? { creator: trace.source.creator } : {}),
      // The recording browser, or "unknown", and the cookie defaults the analysis applied because of it.
      browser: trace.source.browser ?? 'unknown',
      cookieDefaults: cookieDefaultsFor(trace.source.browser),
      entries: trace.entryCount,
      // Browser runs found in the file (WebPageTest keeps several); each was analysed with its own jar.
      runs: trace.runs ?? 1,
      // Requests from a client that is no browser (an HTTP library's User-Agent): no browser default applies to them.
      ...(result.clientRequests ? { clientRequests: result.clientRequests } : {}),
      // Pages where a new browser was read from the traffic (a new jar from each).
      ...(result.freshBrowsers ? { freshBrowsers: result.freshBrowsers } : {}),
      cookiesRecorded: result.cookiesRecorded,
      ...(trace.warnings?.length ? { warnings: trace.warnings } : {}),
      // What the file lacks for the analysis (no cookie at all, masked values), as the text report's notes: a CI job
      // reading only the findings would otherwise take an empty list for a clean session.
      ...notesOf(result, trace.source.creator),
    },
    sessions: result.sessions,
    findings: result.findings,
    // "What happened" (story/story.ts): absent for an analysis saved before stories existed.
    ...(result.story ? { story: result.story } : {}),
    ...(withRequests ? { requests: result.requests } : {}),
  };
}

function notesOf(result: ReportedAnalysis, creator: string | undefined): { notes?: string[] } {
  const notes = fileNotes(result, creator);
  return notes.length > 0 ? { notes } : {};
}
