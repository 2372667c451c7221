// The real-traffic corpus (page loads of real sites recorded by other tools, test/fixtures/corpora/real-traffic/,
// labelled by hand in labels.json): sessions by evidence, alarms only where the evidence holds (issue 13).
// None of these recordings shows a lost session, so no session-lifecycle alarm may reach medium.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { parseHar } from '../../src/core/har/har.ts';
import { CORPORA } from '../helpers/shared.ts';

const DIR = `${CORPORA}real-traffic/`;

interface Labels {
  readonly files: Record<
    string,
    {
      readonly sessionCookies: readonly {
        readonly cookie: string;
        readonly origin: string;
        readonly verdict: string;
      }[];
      readonly notSessions: readonly { readonly cookie: string; readonly origin: string; readonly category: string }[];
      readonly falseAlarms: readonly { readonly rule: string; readonly cookie?: string; readonly entry: number }[];
    }
  >;
}

const labels = JSON.parse(readFileSync(`${DIR}labels.json`, 'utf8')) as Labels;
const files = readdirSync(DIR).filter((f) => f.endsWith('.har'));
const SEVERE = new Set(['medium', 'high']);

describe.each(files)('%s', (file) => {
  const result = analyzeTrace(parseHar(readFileSync(`${DIR}${file}`, 'utf8'), file));
  const label = labels.files[file];

  it('raises no session-lifecycle alarm at medium or above (none of these recordings loses a session)', () => {
    const alarms = result.findings
      .filter((f) => f.rule.startsWith('session-') && SEVERE.has(f.severity))
      .map((f) => `${f.rule} ${f.cookie ?? ''} #${f.entry} ${f.origin}`);
    expect(alarms).toEqual([]);
  });

  // A file labels.json does not list had nothing to label: only the alarm check applies to it.
  if (label === undefined) return;

  it('takes no labelled non-session cookie for a likely or certain session', () => {
    const wrong = result.sessions
      .filter((s) => s.confidence !== 'possible' && label.notSessions.some((n) => n.cookie === s.cookie))
      .map((s) => `${s.cookie} @${s.origin}: ${s.confidence} (${s.evidence.join('; ')})`);
    expect(wrong).toEqual([]);
  });

  // A token of an ad or identity-sync host looks like a session ID; the host being a third party's is what tells
  // them apart (RULES.md's evidence against), so none of the labelled ones is listed, not even as `possible`.
  it('lists no labelled non-session cookie of a third-party host, even as possible', () => {
    const listed = result.sessions
      .filter((s) => s.thirdParty && label.notSessions.some((n) => n.cookie === s.cookie))
      .map((s) => `${s.cookie} @${s.origin}: ${s.confidence} (${s.evidence.join('; ')})`);
    expect(listed).toEqual([]);
  });

  it('finds every session cookie of the site itself', () => {
    const own = label.sessionCookies.filter((s) => s.verdict === 'SESSION');
    const missed = own.filter((s) => !result.sessions.some((l) => l.cookie === s.cookie && !l.thirdParty));
    expect(missed.map((s) => `${s.cookie} @${s.origin}`)).toEqual([]);
  });

  it('raises none of the labelled false alarms at medium or above', () => {
    const raised = label.falseAlarms.filter((a) =>
      result.findings.some(
        (f) => f.rule === a.rule && f.cookie === a.cookie && f.entry === a.entry && SEVERE.has(f.severity),
      ),
    );
    expect(raised).toEqual([]);
  });
});

// First-party non-sessions listed as `possible` have nothing but their token's behaviour for them; what refutes
// that (a dataset row, an edge network's platform, only pixels setting it, a value built around its issue time)
// keeps them out. One is left, which nothing in its recording or the dataset tells apart: Akamai's `bm_sz` on
// ferguson.com (a first-party token with no row in the Open Cookie Database). More is a regression.
describe('the whole corpus', () => {
  it('lists at most one labelled non-session cookie at any confidence', () => {
    const listed = files.flatMap((file) => {
      const label = labels.files[file];
      if (label === undefined) return [];
      const result = analyzeTrace(parseHar(readFileSync(`${DIR}${file}`, 'utf8'), file));
      return result.sessions
        .filter((s) => label.notSessions.some((n) => n.cookie === s.cookie))
        .map((s) => `${file}: ${s.cookie} @${s.origin} ${s.confidence}`);
    });
    expect(listed.length, listed.join('\n')).toBeLessThanOrEqual(1);
  });
});
