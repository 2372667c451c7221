// Our not-sent reasons against Chrome's own: each demo fixture carries, per entry, the cookies Chromium
// blocked and why (`_sessionscope.browserReport`, from the DevTools protocol). For every cookie Chrome
// blocked, our model must also say "not sent" with a reason among Chrome's; and every cookie we say was not
// sent for a reason Chrome can report must also be blocked by Chrome. Disagreements are listed, not hidden.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace, type RequestView } from '../../src/core/analysis/analyze.ts';
import { NOT_SENT_REASON_NAMES } from '../../src/core/cookie/reasons.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import type { BrowserCookieReport, Trace, TraceEntry } from '../../src/core/trace/types.ts';

const FIXTURES = new URL('../fixtures/demo-har/', import.meta.url);

/**
 * Chrome's CookieBlockedReason → our NotSentReason, where the names differ. Every other Chrome reason is
 * compared by its own name.
 */
const CHROME_TO_OURS: Readonly<Record<string, string>> = {
  // Chrome 156 names every cross-site SameSite block "schemeful", even when both sites are https.
  SchemefulSameSiteStrict: 'SameSiteStrict',
  SchemefulSameSiteLax: 'SameSiteLax',
  SchemefulSameSiteUnspecifiedTreatedAsLax: 'SameSiteUnspecifiedTreatedAsLax',
  // Chrome's third-party-cookie variants collapse into our one name.
  ThirdPartyPhaseout: 'ThirdPartyBlocked',
  ThirdPartyBlockedInFirstPartySet: 'ThirdPartyBlocked',
  UnknownError: 'Unknown',
};

/** Our reasons Chrome never reports: its store drops expired and deleted cookies silently; Unknown is ours. */
const REASONS_CHROME_CANNOT_REPORT: ReadonlySet<string> = new Set(['Expired', 'Deleted', 'Unknown']);

/**
 * Known disagreements, one line each as the tests below print them (`fixture #entry cookie: ours=… chrome=…`)
 * with the reason why. Both lists are empty today: on every demo fixture the model and Chromium agree.
 */
/** Chrome blocked the cookie, and our model sent it or gave a reason Chrome did not. */
const KNOWN_CHROME_BLOCKED_DISAGREEMENTS: readonly { readonly line: string; readonly why: string }[] = [];
/** Our model kept the cookie back for a reason Chrome can report, and Chrome did not report it. */
const KNOWN_MODEL_BLOCKED_DISAGREEMENTS: readonly { readonly line: string; readonly why: string }[] = [];

const toOurs = (chrome: string) => CHROME_TO_OURS[chrome] ?? chrome;

interface Comparison {
  readonly fixture: string;
  readonly entry: number;
  readonly report: BrowserCookieReport;
  readonly request: RequestView | undefined;
}

function comparisons(): Comparison[] {
  const out: Comparison[] = [];
  for (const file of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.har'))
    .sort()) {
    const trace = parseTraceFile(readFileSync(new URL(file, FIXTURES), 'utf8'), file);
    const result = analyzeTrace(trace);
    const entries = trace.events.flatMap((e) => (e.kind === 'entry' ? [e.entry] : [])) as TraceEntry[];
    for (const entry of entries) {
      if (!entry.browserReport) continue;
      out.push({
        fixture: file,
        entry: entry.index,
        report: entry.browserReport,
        request: result.requests.find((r) => r.entry === entry.index),
      });
    }
  }
  return out;
}

const ALL = comparisons();

function sameCookie(
  a: { name: string; domain?: string; path?: string },
  b: { name: string; domain: string; path: string },
) {
  return (
    a.name === b.name &&
    (a.domain === undefined || a.domain.replace(/^\./, '') === b.domain) &&
    (a.path === undefined || a.path === b.path)
  );
}

describe('not-sent reasons agree with Chrome on the demo fixtures', () => {
  it('the fixtures carry Chrome reports with blocked cookies to compare', () => {
    expect(ALL.length).toBeGreaterThan(20);
    const blocked = ALL.flatMap((c) => c.report.blockedRequestCookies ?? []).filter((b) => b.reasons.length > 0);
    expect(blocked.length).toBeGreaterThanOrEqual(5);
  });

  it('every mapped name is one of our reasons', () => {
    for (const ours of Object.values(CHROME_TO_OURS)) expect(NOT_SENT_REASON_NAMES).toContain(ours);
  });

  it('a cookie Chrome blocked is not sent in our model either, for one of Chrome’s reasons', () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const c of ALL) {
      for (const blocked of c.report.blockedRequestCookies ?? []) {
        if (blocked.reasons.length === 0) continue;
        compared++;
        const ours = c.request?.notSent.find((n) => sameCookie(blocked, n));
        const chrome = blocked.reasons.map(toOurs);
        if (!ours || !chrome.includes(ours.reason)) {
          disagreements.push(
            `${c.fixture} #${c.entry} ${blocked.name}: ours=${ours?.reason ?? 'sent'} chrome=${blocked.reasons.join('|')}`,
          );
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
    expect(disagreements).toEqual(KNOWN_CHROME_BLOCKED_DISAGREEMENTS.map((d) => d.line));
  });

  it('a cookie our model says was not sent, for a reason Chrome can report, Chrome blocked too', () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const c of ALL) {
      for (const n of c.request?.notSent ?? []) {
        if (REASONS_CHROME_CANNOT_REPORT.has(n.reason)) continue;
        compared++;
        const chrome = (c.report.blockedRequestCookies ?? []).find((b) => sameCookie(b, n));
        if (!chrome?.reasons.map(toOurs).includes(n.reason)) {
          disagreements.push(
            `${c.fixture} #${c.entry} ${n.name}: ours=${n.reason} chrome=${chrome?.reasons.join('|') || '(none)'}`,
          );
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
    expect(disagreements).toEqual(KNOWN_MODEL_BLOCKED_DISAGREEMENTS.map((d) => d.line));
  });
});

/**
 * The fixtures with Chrome's verdicts on Set-Cookie lines taken out, so the analysis shows the model's own
 * verdicts (the replay otherwise follows what the browser reported).
 */
function withoutSetCookieVerdicts(trace: Trace): Trace {
  return {
    ...trace,
    events: trace.events.map((e) =>
      e.kind === 'entry' && e.entry.browserReport
        ? { ...e, entry: { ...e.entry, browserReport: { ...e.entry.browserReport, blockedResponseCookies: [] } } }
        : e,
    ),
  };
}

interface SetCookieComparison {
  readonly where: string;
  readonly line: string;
  /** Chrome's reasons in our names; empty when Chrome stored the line. */
  readonly chrome: readonly string[];
  /** Our model's reason, or undefined when it stored the line. */
  readonly ours: string | undefined;
}

function setCookieComparisons(): SetCookieComparison[] {
  const out: SetCookieComparison[] = [];
  for (const file of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.har'))
    .sort()) {
    const trace = parseTraceFile(readFileSync(new URL(file, FIXTURES), 'utf8'), file);
    const facts = analyzeTrace(withoutSetCookieVerdicts(trace)).facts;
    for (const event of trace.events) {
      if (event.kind !== 'entry' || !event.entry.browserReport) continue;
      const blocked = event.entry.browserReport.blockedResponseCookies ?? [];
      const request = facts.requests.find((r) => r.entry === event.entry.index);
      for (const fact of request?.setCookies ?? []) {
        out.push({
          where: `${file} #${event.entry.index}`,
          line: fact.line,
          chrome: (blocked.find((b) => b.cookieLine === fact.line)?.reasons ?? []).map(toOurs),
          ours: fact.outcome.kind === 'rejected' ? fact.outcome.reason : undefined,
        });
      }
    }
  }
  return out;
}

const SET_COOKIES = setCookieComparisons();
/** Our Set-Cookie reasons Chrome has no name for (document.cookie is no network event). */
const SET_REASONS_CHROME_CANNOT_REPORT: ReadonlySet<string> = new Set(['HttpOnlyFromScript']);

describe('rejected Set-Cookie lines agree with Chrome on the demo fixtures (the model alone, without Chrome’s verdicts)', () => {
  it('the fixtures hold Set-Cookie lines Chrome rejected, SameSite ones among them', () => {
    const rejected = SET_COOKIES.filter((c) => c.chrome.length > 0);
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    expect(rejected.flatMap((c) => c.chrome)).toEqual(
      expect.arrayContaining(['SameSiteLax', 'SameSiteUnspecifiedTreatedAsLax']),
    );
  });

  it('every line Chrome rejected, our model rejects for one of Chrome’s reasons', () => {
    const disagreements = SET_COOKIES.filter((c) => c.chrome.length > 0 && !c.chrome.includes(c.ours ?? 'stored')).map(
      (c) =>
        `${c.where} ${c.line.split(';')[0]?.split('=')[0]}: ours=${c.ours ?? 'stored'} chrome=${c.chrome.join('|')}`,
    );
    expect(disagreements).toEqual([]);
  });

  it('every line our model rejects for a reason Chrome can report, Chrome rejected too', () => {
    const disagreements = SET_COOKIES.filter(
      (c) => c.ours !== undefined && !SET_REASONS_CHROME_CANNOT_REPORT.has(c.ours) && !c.chrome.includes(c.ours),
    ).map(
      (c) =>
        `${c.where} ${c.line.split(';')[0]?.split('=')[0]}: ours=${c.ours} chrome=${c.chrome.join('|') || 'stored'}`,
    );
    expect(disagreements).toEqual([]);
  });

  it('no cookie a request carried is called "not sent" on that request', () => {
    const contradictions: string[] = [];
    let carried = 0;
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.har'))) {
      const trace = parseTraceFile(readFileSync(new URL(file, FIXTURES), 'utf8'), file);
      for (const r of analyzeTrace(trace).facts.requests) {
        carried += r.sent.length;
        for (const n of r.notSent) {
          if (r.sent.some((s) => s.name === n.name && s.value === n.value))
            contradictions.push(`${file} #${r.entry} ${n.name}`);
        }
      }
    }
    expect(carried).toBeGreaterThan(0);
    expect(contradictions).toEqual([]);
  });
});
