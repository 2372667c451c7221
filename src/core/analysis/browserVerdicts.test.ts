import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../trace/types.ts';
import { browserRejectionOf, modelReasonName } from './browserVerdicts.ts';

describe("the browser's Set-Cookie verdicts in the model's names", () => {
  it('maps Chrome’s schemeful and third-party names, keeps the others', () => {
    expect(modelReasonName('SchemefulSameSiteUnspecifiedTreatedAsLax')).toBe('SameSiteUnspecifiedTreatedAsLax');
    expect(modelReasonName('ThirdPartyPhaseout')).toBe('ThirdPartyBlocked');
    expect(modelReasonName('InvalidDomain')).toBe('InvalidDomain');
  });

  it('finds the reported line, and leaves out names the model has no word for', () => {
    const entry = {
      index: 0,
      startedAt: 0,
      request: { method: 'GET', url: 'https://a.test/', headers: [] },
      browserReport: {
        blockedResponseCookies: [{ cookieLine: 'a=1; Domain=b.test', reasons: ['InvalidDomain', 'UnknownError'] }],
      },
    } satisfies TraceEntry;
    expect(browserRejectionOf(entry, 'a=1; Domain=b.test')).toEqual(['InvalidDomain']);
    expect(browserRejectionOf(entry, 'b=2')).toBeUndefined();
  });
});
