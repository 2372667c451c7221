// A random token in an address, not a word, a number or a date.
import { describe, expect, it } from 'vitest';
import { isRandomToken } from './randomToken.ts';

describe('isRandomToken', () => {
  it.each([
    'E20D33A48DFBE37E865EE32B16890B95',
    '550e8400-e29b-41d4-a716-446655440000',
    'q2Xb9vT0kL1mN3pR5sU7wY9zA1cE3gI5kM7oQ9sU',
  ])('%s is one', (text) => {
    expect(isRandomToken(text)).toBe(true);
  });

  it.each([
    'dashboard',
    'administrator-dashboard',
    '2026-12-05-report',
    'step-2-verify-account',
    '1796467032',
    'a1b2c3',
    `${'a1'.repeat(130)}`,
    'abc/def1234567890abc',
  ])('%s is not', (text) => {
    expect(isRandomToken(text)).toBe(false);
  });
});
