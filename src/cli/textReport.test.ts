// The text report reads what it prints: a browser's file needs no request view, and an analysis builds those only
// when read (analysisResult.ts lazyRequestViews), one per request — on a 100,000-entry HAR a fifth of a second and
// their garbage, for a line the report words the same without them.
// Where a client that is no browser made requests, the note counts them (main.test.ts).
import { describe, expect, it } from 'vitest';
import { GOOD, ID, trace } from '../../test/helpers/traceBuilder.ts';
import { analyzeTrace } from '../core/analysis/analyze.ts';
import { SHOWN_URL_CHARS } from '../core/story/shortUrl.ts';
import { textReport } from './textReport.ts';

/** The analysis with its `requests` counted when read (still answered). */
function countingRequestReads(scenario: ReturnType<ReturnType<typeof trace>['build']>) {
  const result = analyzeTrace(scenario);
  const requests = result.requests;
  let reads = 0;
  Object.defineProperty(result, 'requests', {
    get() {
      reads++;
      return requests;
    },
  });
  return { result, reads: () => reads };
}

describe('the text report', () => {
  it("does not build a browser's file's request views", () => {
    const scenario = trace()
      .get('https://shop.test/', { setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/a', { cookie: `sid=${ID.a}` })
      .build();
    const counted = countingRequestReads(scenario);
    const report = textReport('shop.har', scenario, counted.result);
    expect(report).toContain('Browser: ');
    expect(counted.reads()).toBe(0);
  });

  it("cuts a finding's long address to SHOWN_URL_CHARS, where `--requests` keeps it whole", () => {
    const longUrl = `https://shop.test/a?SAMLRequest=${'fVLJboMwEP0V5HvwEshiBSSaHBopbaJA'.repeat(20)}`;
    const scenario = trace()
      .get(longUrl, { setCookie: [`sid=${ID.a}; Path=/; Secure`] })
      .build();
    const report = textReport('shop.har', scenario, analyzeTrace(scenario));
    expect(report).toContain(`at #0 ${longUrl.slice(0, SHOWN_URL_CHARS - 1)}…\n`);
    expect(report).not.toContain(longUrl.slice(0, SHOWN_URL_CHARS));
    const withRequests = textReport('shop.har', scenario, analyzeTrace(scenario), { requests: true });
    expect(withRequests).toContain(` GET ${longUrl} → `);
  });
});
