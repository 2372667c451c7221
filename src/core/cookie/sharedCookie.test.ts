import { describe, expect, it } from 'vitest';
import { onOtherPorts, sharedBy } from './sharedCookie.ts';

describe('sharedBy: another app that a cookie reaches', () => {
  it.each([
    // Another port of the same host: cookies do not isolate ports (a host-only cookie's domain is the host).
    ['http://127.0.0.1:3000', 'http://127.0.0.1:8000', '127.0.0.1', 'port'],
    ['http://localhost', 'http://localhost:8080', 'localhost', 'port'],
    ['http://[::1]:3000', 'http://[::1]:5173', '[::1]', 'port'],
    ['http://[::1]', 'http://[::1]:5173', '[::1]', 'port'],
    // Another host within a Domain cookie's domain.
    ['https://www.app.test', 'https://admin.app.test', 'app.test', 'domain'],
    ['http://www.app.test:8000', 'http://app.test:8001', '.app.test', 'domain'],
    // The same origin is the same app.
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000', '127.0.0.1', undefined],
    // Another scheme (most often one app moved to TLS) is left out.
    ['http://app.test', 'https://app.test', 'app.test', undefined],
    ['http://app.test:8080', 'https://app.test:8443', 'app.test', undefined],
    // Hosts the cookie does not reach together: another host of a host-only cookie, another site.
    ['http://127.0.0.1:3000', 'http://localhost:3000', '127.0.0.1', undefined],
    ['https://www.app.test', 'https://admin.app.test', 'www.app.test', undefined],
    ['https://www.expressen.se', 'https://securepubads.g.doubleclick.net', 'doubleclick.net', undefined],
    ['http://[::1]:3000', 'http://[::2]:3000', '[::1]', undefined],
  ] as const)('%s and %s, a cookie of %s: %s', (a, b, domain, expected) => {
    expect(sharedBy(a, b, domain)).toBe(expected);
    expect(sharedBy(b, a, domain)).toBe(expected);
  });
});

describe('onOtherPorts: two server processes', () => {
  it.each([
    ['http://www.app.test:8000', 'http://admin.app.test:8001', true],
    ['http://[::1]:3000', 'http://[::1]:5173', true],
    // The scheme's own port where the origin names none.
    ['https://www.app.test', 'https://admin.app.test:443', false],
    ['http://app.test', 'https://app.test', true],
    ['https://www.app.test', 'https://app.test', false],
    ['http://[::1]', 'http://localhost:80', false],
    // Not an origin: no answer to give.
    ['www.app.test', 'http://app.test:8000', false],
  ] as const)('%s and %s: %s', (a, b, expected) => {
    expect(onOtherPorts(a, b)).toBe(expected);
    expect(onOtherPorts(b, a)).toBe(expected);
  });
});
