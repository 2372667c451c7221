// Sign-in credentials that real login recordings carry in addresses — an OAuth authorization code, a CAS service
// ticket, a SAML response sent by redirect — are hidden in the redacted report (every URL and message it prints)
// and in redacted exports, as a session cookie's value is; the redacted export still analyses to the same logins.
// The credentials are read from the recordings by their protocols' parameter names, independently of the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { exportHar, exportNativeTrace } from '../../src/core/formats/index.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** Each recording, and the parameter whose long values in its addresses are the credential. */
const RECORDINGS = [
  ['framework-har/flask-authlib-oidc.har', 'code'],
  ['framework-har/oidc-express-openid-connect.har', 'code'],
  ['framework-har/cas-mod-auth-cas.har', 'ticket'],
  ['framework-har/django-cas-server-phpcas.har', 'ticket'],
  ['framework-har/djangosaml2-simplesamlphp.har', 'SAMLResponse'],
  ['demo-har/sso-login.har', 'code'],
] as const;

function credentialsIn(text: string, parameter: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(new RegExp(`[?&]${parameter}=([^&#"\\\\]{8,})`, 'g'))) {
    found.add(m[1]!);
    found.add(decodeURIComponent(m[1]!));
  }
  return [...found];
}

describe.each(RECORDINGS)('%s', (file, parameter) => {
  const text = readFileSync(`${FIXTURES}${file}`, 'utf8');
  const trace = parseTraceFile(text, file);
  const credentials = credentialsIn(text, parameter);

  it(`holds ${parameter} values in its addresses`, () => {
    expect(credentials.length).toBeGreaterThan(0);
  });

  it('the redacted report shows none of them; the raw one does', () => {
    const shown = (values: 'raw' | 'redacted') => {
      const result = analyzeTrace(trace, { values });
      return JSON.stringify([result.findings, result.requests, result.story]);
    };
    const redacted = shown('redacted');
    for (const c of credentials) expect(redacted.includes(c), `${c} shown`).toBe(false);
    expect(credentials.some((c) => shown('raw').includes(c))).toBe(true);
  });

  it('redacted exports hold none of them and analyse to the same logins', () => {
    const result = analyzeTrace(trace);
    for (const exported of [exportHar(trace, result), exportNativeTrace(trace, result)]) {
      for (const c of credentials) expect(exported.includes(c), `${c} exported`).toBe(false);
      const again = analyzeTrace(parseTraceFile(exported, 'again'), { values: 'raw' });
      expect(again.facts.logins.map((l) => [l.entry, l.signal])).toEqual(
        result.facts.logins.map((l) => [l.entry, l.signal]),
      );
    }
  });
});
