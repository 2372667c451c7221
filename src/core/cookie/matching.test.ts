// The small spec functions the jar is built from: domain-match and public suffixes (RFC 6265bis 5.1.3,
// 5.7), default-path and path-match (5.1.4), same-site (5.2).
import { describe, expect, it } from 'vitest';
import { canonicalizeHost, domainMatch, isPublicSuffix, isSecureOrigin, registrableDomain } from './domain.ts';
import { defaultPath, pathMatch, requestPath } from './path.ts';
import { isSameSite } from './sameSite.ts';

describe('domain (RFC 6265bis 5.1.2, 5.1.3)', () => {
  it('canonicalizes hosts and refuses what is not a host', () => {
    expect(canonicalizeHost('ExAmple.COM')).toBe('example.com');
    expect(canonicalizeHost('bücher.example')).toBe('xn--bcher-kva.example');
    expect(canonicalizeHost('example.com:8888')).toBeUndefined();
    expect(canonicalizeHost('"example.com"')).toBeUndefined();
    expect(canonicalizeHost(' example.com')).toBeUndefined();
    expect(canonicalizeHost('')).toBeUndefined();
  });
  it('domain-matches on label boundaries, never for IP addresses', () => {
    expect(domainMatch('a.example.com', 'example.com')).toBe(true);
    expect(domainMatch('example.com', 'example.com')).toBe(true);
    expect(domainMatch('badexample.com', 'example.com')).toBe(false);
    expect(domainMatch('example.com', 'a.example.com')).toBe(false);
    expect(domainMatch('1.2.3.4', '2.3.4')).toBe(false);
  });
  it('knows ICANN and private public suffixes, and registrable domains', () => {
    expect(isPublicSuffix('co.uk')).toBe(true);
    expect(isPublicSuffix('github.io')).toBe(true);
    expect(isPublicSuffix('example.co.uk')).toBe(false);
    expect(isPublicSuffix('127.0.0.1')).toBe(false);
    expect(registrableDomain('a.b.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('localhost')).toBe('localhost');
    expect(registrableDomain('10.0.0.1')).toBe('10.0.0.1');
  });
  it('treats https and loopback http as secure origins', () => {
    expect(isSecureOrigin(new URL('https://example.com/'))).toBe(true);
    expect(isSecureOrigin(new URL('http://localhost:8080/'))).toBe(true);
    expect(isSecureOrigin(new URL('http://127.0.0.1/'))).toBe(true);
    expect(isSecureOrigin(new URL('http://[::1]/'))).toBe(true);
    expect(isSecureOrigin(new URL('http://example.com/'))).toBe(false);
  });
});

describe('path (RFC 6265bis 5.1.4)', () => {
  it('computes default-path', () => {
    expect(defaultPath('http://h/')).toBe('/');
    expect(defaultPath('http://h/a')).toBe('/');
    expect(defaultPath('http://h/a/b/c?x=/y')).toBe('/a/b');
    expect(defaultPath('http://h/a/b/')).toBe('/a/b');
  });
  it('path-matches on segment boundaries', () => {
    expect(pathMatch('/a/b', '/a')).toBe(true);
    expect(pathMatch('/a/', '/a/')).toBe(true);
    expect(pathMatch('/a/b', '/a/')).toBe(true);
    expect(pathMatch('/ab', '/a')).toBe(false);
    expect(pathMatch('/a', '/a/')).toBe(false);
  });
  it('does not decode %-escapes of the request path, as Chromium', () => {
    expect(requestPath(new URL('http://h/f%6Fo/%2F'))).toBe('/f%6Fo/%2F');
    expect(pathMatch(requestPath(new URL('http://h/f%6Fo/bar')), '/foo')).toBe(false);
  });
});

describe('isSameSite (RFC 6265bis 5.2, schemeful)', () => {
  it('compares scheme and registrable domain', () => {
    expect(isSameSite('https://a.example.com/', 'https://b.example.com/x')).toBe(true);
    expect(isSameSite('https://a.example.com/', 'http://a.example.com/')).toBe(false);
    expect(isSameSite('https://a.github.io/', 'https://b.github.io/')).toBe(false);
    expect(isSameSite('wss://example.com/', 'https://www.example.com/')).toBe(true);
    expect(isSameSite('about:blank', 'about:blank')).toBe(false);
  });
});
