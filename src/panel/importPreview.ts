// The view of a large import while it is still being read: one row per entry read so far (method, URL,
// status, type), with no verdicts — no cookies sent or missed, no findings, no lanes — because those need the
// whole trace (session cookies are recognised across it, RFC 6265bis 5.8.3's jar is replayed from its start).
// Each row carries an "analysing…" marker so it cannot be taken for a request that had nothing to report.
import { DEFAULT_SETTINGS } from '../core/analysis/settings.ts';
import type { Trace, TraceEntry } from '../core/trace/types.ts';
import type { RequestRow, RowMarker, TraceView } from './model.ts';

/** The marker every preview row shows until the analysed view replaces it. */
export const ANALYSING_MARKER: RowMarker = { kind: 'changed', cookie: '', label: 'analysing…' };

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '';
  }
}

function previewRow(entry: TraceEntry): RequestRow {
  return {
    seq: entry.index,
    entryIndex: entry.index,
    startedAt: entry.startedAt,
    method: entry.request.method,
    url: entry.request.url,
    origin: originOf(entry.request.url),
    ...(entry.response ? { status: entry.response.status } : {}),
    ...(entry.response?.redirectUrl ? { redirectUrl: entry.response.redirectUrl } : {}),
    ...(entry.request.resourceType ? { resourceType: entry.request.resourceType } : {}),
    cookiesSent: [],
    cookiesSet: [],
    notSent: [],
    findings: [],
    markers: [ANALYSING_MARKER],
    sessionRelevant: false,
    cookies: [],
    rules: [],
    severities: [],
  };
}

/** A view of the first entries of a file, in time order (file order for ties), without analysis. */
export function previewView(file: string, firstEntries: readonly TraceEntry[]): TraceView {
  const ordered = [...firstEntries].sort((a, b) => a.startedAt - b.startedAt || a.index - b.index);
  const trace: Trace = {
    source: { format: 'har', file },
    events: ordered.map((entry) => ({ kind: 'entry', entry })),
    entryCount: ordered.length,
  };
  return {
    trace,
    rows: ordered.map(previewRow),
    analysis: {
      findings: [],
      sessions: [],
      requests: [],
      jar: [],
      facts: { requests: [], lanes: [], logins: [], sessionCookieNames: new Map() },
      cookiesRecorded: false,
      settings: DEFAULT_SETTINGS,
    },
    findingsByEntry: new Map(),
    entries: new Map(ordered.map((entry) => [entry.index, entry])),
    factsByEntry: new Map(),
    analysisMs: 0,
  };
}
