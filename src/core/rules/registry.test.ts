// The registry is the one copy of the catalogue: 29 rules with unique stable IDs, each documented, and each with
// its own test file beside it (one scenario that triggers it, one that must not).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES, ruleById } from './registry.ts';

/** Test files are the camel-cased ID (`session-id-in-url` → `sessionIdInUrl`), except where a word is two (HttpOnly, SameSite). */
const TEST_FILE: Readonly<Record<string, string>> = {
  'cookie-no-httponly': 'cookieNoHttpOnly',
  'cookie-samesite-missing': 'cookieSameSiteMissing',
  'cookie-samesite-none': 'cookieSameSiteNone',
  'cookie-samesite-none-insecure': 'cookieSameSiteNoneInsecure',
};
const camel = (id: string) => TEST_FILE[id] ?? id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('rule registry', () => {
  it('holds the 29 catalogue rules with unique IDs', () => {
    expect(RULES).toHaveLength(29);
    expect(new Set(RULE_IDS).size).toBe(29);
    for (const id of RULE_IDS) expect(ruleById(id)?.id).toBe(id);
    expect(ruleById('no-such-rule')).toBeUndefined();
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a severity, a title, an explanation and a fix', (_id, rule) => {
    expect(['info', 'low', 'medium', 'high']).toContain(rule.severity);
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.docs.explanation.length).toBeGreaterThan(20);
    expect(rule.docs.fix.length).toBeGreaterThan(10);
  });

  it.each(RULE_IDS.map((id) => [id]))('%s has its own test file', (id) => {
    expect(existsSync(new URL(`./${camel(id)}.test.ts`, import.meta.url))).toBe(true);
  });
});
