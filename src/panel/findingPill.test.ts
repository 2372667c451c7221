import { describe, expect, it } from 'vitest';
import { ruleById } from '../core/rules/registry.ts';
import { findingPill } from './findingPill.ts';
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
