import { describe, expect, it } from 'vitest';
import { otherPortOfHost } from './ports.ts';

describe('otherPortOfHost: another app on the same host, as cookies see it', () => {
  it.each([
    ['http://127.0.0.1:3000', 'http://127.0.0.1:8000', true],
    ['http://localhost', 'http://localhost:8080', true],
    ['http://[::1]:3000', 'http://[::1]:5173', true],
    ['http://[::1]', 'http://[::1]:5173', true],
    // The same origin is the same app.
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000', false],
    ['http://[::1]', 'http://[::1]', false],
    // Another host, or another scheme (most often one app moved to TLS), is not another port of this host.
    ['http://127.0.0.1:3000', 'http://localhost:3000', false],
    ['http://app.test:3000', 'http://www.app.test:3000', false],
    ['http://app.test', 'https://app.test', false],
    ['http://app.test:8080', 'https://app.test:8443', false],
    ['http://[::1]:3000', 'http://[::2]:3000', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(otherPortOfHost(a, b)).toBe(expected);
    expect(otherPortOfHost(b, a)).toBe(expected);
  });
});
