// Every demo scenario, recorded in real Chromium (test/fixtures/demo-har/<id>.har), gives the findings its
// entry in demo/scenarios.ts promises — and nothing misleading: no session-reset or session-not-sent that the
// scenario does not account for.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS, type DemoScenario, expectedIn } from '../../demo/scenarios.ts';
import { type AnalysisResult, analyzeTrace, type Finding } from '../../src/core/analysis/analyze.ts';
import { modelReasonName } from '../../src/core/analysis/browserVerdicts.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import type { Trace } from '../../src/core/trace/types.ts';

const FIXTURES = new URL('../fixtures/demo-har/', import.meta.url);

/** Chrome reports cross-site blocks with schemeful names; our vocabulary uses the plain ones (RULES.md). */
const CHROME_TO_OURS: Readonly<Record<string, string>> = {
  SchemefulSameSiteStrict: 'SameSiteStrict',
  SchemefulSameSiteLax: 'SameSiteLax',
  SchemefulSameSiteUnspecifiedTreatedAsLax: 'SameSiteUnspecifiedTreatedAsLax',
};

function load(id: string): Trace {
  return parseTraceFile(readFileSync(new URL(`${id}.har`, FIXTURES), 'utf8'), `${id}.har`);
}

function analyse(id: string): AnalysisResult {
  return analyzeTrace(load(id));
}

/** `#entry cookie` of every Set-Cookie Chrome refused to store, with its reasons (the recorder's browserReport). */
function chromeRejected(trace: Trace): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const e of trace.events) {
    if (e.kind !== 'entry') continue;
    for (const b of e.entry.browserReport?.blockedResponseCookies ?? []) {
      // In the model's vocabulary: Chromium says `SchemefulSameSiteLax` even between two https sites.
      out.set(
        `#${e.entry.index} ${b.cookieLine.slice(0, Math.max(0, b.cookieLine.indexOf('=')))}`,
        b.reasons.map(modelReasonName),
      );
    }
  }
  return out;
}

function matches(f: Finding, e: DemoScenario['expected'][number]): boolean {
  return (
    f.rule === e.rule &&
    (e.cookie === undefined || f.cookie === e.cookie) &&
    (e.cause === undefined || f.cause === e.cause) &&
    (e.reason === undefined || f.reason === e.reason)
  );
}

/**
 * Whether the scenario accounts for a session-reset or session-not-sent finding: it is expected; or it is a
 * session-not-sent for a cookie and reason Chromium itself blocked in this scenario (`expectedNotSent`); or it
 * is the session-not-sent an expected session-reset links as its explanation (`related`).
 */
function accountedFor(f: Finding, scenario: DemoScenario, result: AnalysisResult): boolean {
  if (expectedIn(scenario, 'har').some((e) => matches(f, e))) return true;
  if (f.rule !== 'session-not-sent') return false;
  const chromeBlocked = (scenario.expectedNotSent ?? []).some(
    (n) => n.cookie === f.cookie && (CHROME_TO_OURS[n.reason] ?? n.reason) === f.reason,
  );
  if (chromeBlocked) return true;
  const index = result.findings.indexOf(f);
  return result.findings.some(
    (r) =>
      r.related?.includes(index) &&
      r.rule === 'session-reset' &&
      expectedIn(scenario, 'har').some((e) => matches(r, e)),
  );
}

describe('demo fixtures: what a value that changes on every response is', () => {
  it('iron-session-updates: each re-sealed value is the session updated; the one rotation is at the login', () => {
    const result = analyse('iron-session-updates');
    expect(result.findings.filter((f) => f.rule === 'session-rotated').map((f) => f.entry)).toEqual([1]);
    expect(result.findings.filter((f) => f.rule === 'session-reset')).toEqual([]);
  });

  it("authjs-session: Auth.js's re-encrypted JWT at each session check is the session updated", () => {
    const result = analyse('authjs-session');
    const lane = result.sessions.find((s) => s.cookie === '__Secure-authjs.session-token');
    expect(lane?.ids.map((id) => id.endedBy)).toEqual(['updated', 'updated', undefined]);
    expect(result.sessions.map((s) => s.cookie)).toEqual(['__Secure-authjs.session-token']);
  });

  it('authjs-chunked-session: the token written in two chunks is one session, its first chunk, updated', () => {
    const result = analyse('authjs-chunked-session');
    expect(result.sessions.map((s) => s.cookie)).toEqual(['__Secure-authjs.session-token.0']);
    expect(result.sessions[0]?.ids.map((id) => id.endedBy)).toEqual(['updated', 'updated', undefined]);
  });
});

describe('demo fixtures: a deletion a HAR cannot show', () => {
  it('consent-script: the cookie missing from then on, the sign-in page answered, is told as the session lost', () => {
    const result = analyse('consent-script');
    const notSent = result.findings.find((f) => f.rule === 'session-not-sent');
    expect([notSent?.reason, notSent?.evidence.notCarriedAgain]).toEqual(['Unknown', true]);
    expect(result.story?.map((s) => [s.kind, s.entry])).toEqual([['lost', 3]]);
    expect(result.story?.[0]?.steps.join('\n')).toContain('a page script can delete it');
  });
});

describe('demo fixtures: every scenario gives the findings it promises', () => {
  it('there is a recorded fixture for every scenario', () => {
    expect(DEMO_SCENARIOS.length).toBeGreaterThanOrEqual(17);
  });

  describe.each(DEMO_SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    const result = analyse(scenario.id);

    it.each(
      expectedIn(scenario, 'har').map(
        (e) =>
          [
            `${e.rule}${e.cookie ? ` ${e.cookie}` : ''}${e.cause ? ` (${e.cause})` : ''}${e.reason ? ` [${e.reason}]` : ''}`,
            e,
          ] as const,
      ),
    )('reports %s', (_label, expected) => {
      const found = result.findings.filter((f) => matches(f, expected));
      expect(found, JSON.stringify(result.findings.map((f) => [f.rule, f.cookie, f.reason, f.cause]))).not.toEqual([]);
    });

    // RULES.md: behaviour at a login is the strongest evidence. A scenario that logs in (and whose session cookie
    // reached the jar) shows its sessions as certain.
    if (scenario.steps.some((s) => s.action === 'submit' && s.selector === '#login-form'))
      it('a scenario that logs in shows its session lanes as certain', () => {
        expect(result.sessions.map((s) => [s.cookie, s.confidence])).toEqual(
          result.sessions.map((s) => [s.cookie, 'certain']),
        );
      });

    it('rejects exactly the Set-Cookie lines Chromium rejected, each for a reason Chromium gave', () => {
      const chrome = chromeRejected(load(scenario.id));
      const ours = result.facts.requests.flatMap((r) =>
        r.setCookies.flatMap((c) =>
          c.outcome.kind === 'rejected' ? [[`#${r.entry} ${c.name}`, c.outcome.reason]] : [],
        ),
      );
      expect(ours.map(([where]) => where).sort()).toEqual([...chrome.keys()].sort());
      for (const [where, reason] of ours) expect(chrome.get(where!), where).toContain(reason);
    });

    // Only where the scenario promises its findings at medium and high are all there are (onlySerious).
    if (scenario.onlySerious)
      it('reports no finding at medium or high beyond the expected ones', () => {
        const unexpected = result.findings
          .filter((f) => f.severity === 'medium' || f.severity === 'high')
          .filter((f) => !expectedIn(scenario, 'har').some((e) => matches(f, e)))
          .map((f) => `${f.rule} ${f.cookie ?? '-'} #${f.entry} ${f.reason ?? ''}${f.cause ?? ''}`);
        expect(unexpected).toEqual([]);
      });

    it('reports no session-reset or session-not-sent it does not account for', () => {
      const misleading = result.findings
        .filter((f) => f.rule === 'session-reset' || f.rule === 'session-not-sent')
        .filter((f) => !accountedFor(f, scenario, result))
        .map((f) => `${f.rule} ${f.cookie} #${f.entry} ${f.reason ?? ''}${f.cause ?? ''}`);
      expect(misleading).toEqual([]);
    });
  });
});
