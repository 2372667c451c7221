import { describe, expect, it } from 'vitest';
import { ruleById } from '../core/rules/registry.ts';
import { findingPill, findingsCount } from './findingPill.ts';
import { requestRows } from './model.ts';

describe('findingPill', () => {
  it("names a finding by its rule's title and keeps the rule ID in the tooltip", () => {
    const [row] = requestRows([
      {
        seq: 1,
        event: {
          kind: 'entry',
          entry: {
            index: 0,
            startedAt: Date.UTC(2026, 0, 1),
            request: { method: 'GET', url: 'http://shop.test/', headers: [] },
            response: {
              status: 200,
              headers: [{ name: 'Set-Cookie', value: 'PHPSESSID=7f3a9c2e4b1d8f6a0c5e3b9d; Path=/' }],
            },
          },
        },
      },
    ]);
    const finding = row!.findings.find((f) => f.rule === 'cookie-set-over-http');
    expect(finding).toBeDefined();
    const pill = findingPill(finding!);
    expect(pill.text).toBe(ruleById('cookie-set-over-http')?.title);
    expect(pill.text).not.toContain('cookie-set-over-http');
    expect(pill.hover).toMatch(/^cookie-set-over-http \((high|medium|low|info)\): \S/);
  });
});

describe('findingsCount', () => {
  const finding = (rule: string, title: string) =>
    ({ rule, title, severity: 'high', message: 'm' }) as unknown as Parameters<typeof findingPill>[0];

  it('counts a row of several findings and lists each by title and rule ID on hover', () => {
    const count = findingsCount([
      finding('session-not-sent', 'Session cookie not sent'),
      finding('session-reset', 'Session lost (reset)'),
    ]);
    expect(count?.text).toBe('2');
    expect(count?.hover.split('\n')).toEqual([
      'Session cookie not sent [session-not-sent]',
      'Session lost (reset) [session-reset]',
    ]);
  });

  it('shows no count for one finding or none', () => {
    expect(findingsCount([finding('session-not-sent', 'Session cookie not sent')])).toBeUndefined();
    expect(findingsCount([])).toBeUndefined();
  });
});
