// Real HAR files from other tools' public repositories (test/fixtures/public-har/README.md): each once read wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { parseHar } from '../../src/core/har/har.ts';

const DIR = new URL('../fixtures/public-har/', import.meta.url).pathname;
const read = (file: string) => parseHar(readFileSync(`${DIR}${file}`, 'utf8'), file);

describe('public HAR files', () => {
  it.each(['perfcascade--wpt_github.com.har', 'perfcascade--chrome_github.com_home.har'])(
    "%s: GitHub's logged_in=no on an anonymous page is no login",
    (file) => {
      const result = analyzeTrace(read(file));
      const session = result.sessions.find((s) => s.cookie === '_gh_sess');
      expect(session?.confidence).toBe('likely');
      expect(session?.evidence.join('; ')).not.toMatch(/login/);
      expect(result.facts.requests.some((r) => r.login !== undefined)).toBe(false);
    },
  );

  it("pollyjs--node-fetch-recording.har: Polly 1.x's Set-Cookie array is read as the cookie it sets", () => {
    const trace = read('pollyjs--node-fetch-recording.har');
    const result = analyzeTrace(trace);
    expect(result.facts.requests.flatMap((r) => r.setCookies.map((c) => c.name))).toContain('__cfduid');
    expect(trace.warnings?.map((w) => w.message)).toContain('"value" is a list of 1 texts; read as one header each');
  });

  it("chrome-har--response-blocked-cookies.har: the browser is the User-Agent's Chrome 84, not the converter's 1.3.1", () => {
    const trace = read('chrome-har--response-blocked-cookies.har');
    expect(trace.source.browser).toEqual({ name: 'chrome', version: 84, from: 'user-agent' });
    // Chrome 84 treats a cookie without SameSite as Lax: the cross-site Set-Cookie is refused, as Chrome reported.
    const rejected = analyzeTrace(trace).findings.filter((f) => f.rule === 'cookie-rejected');
    expect(rejected.map((f) => f.cookie)).toEqual(['super-secret-cookie']);
  });
});
