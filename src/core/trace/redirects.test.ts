import { describe, expect, it } from 'vitest';
import { redirectChainAt, redirectTargetOf } from './redirects.ts';
import type { TraceEntry } from './types.ts';

function entry(index: number, url: string, status: number, location?: string): TraceEntry {
  return {
    index,
    startedAt: 1_000 + index,
    request: { method: 'GET', url, headers: [] },
    response: { status, headers: location ? [{ name: 'Location', value: location }] : [] },
  };
}

describe('redirectTargetOf', () => {
  it('resolves a relative Location against the request URL, only for 3xx', () => {
    expect(redirectTargetOf(entry(0, 'https://a.test/x/y', 302, '../z'))).toBe('https://a.test/z');
    expect(redirectTargetOf(entry(0, 'https://a.test/', 201, '/new'))).toBeUndefined();
  });
});

describe('redirectChainAt', () => {
  const trace = [
    entry(0, 'http://a.test/login', 302, 'https://a.test/login'),
    entry(1, 'https://a.test/app.css', 200),
    entry(2, 'https://A.test/login', 303, '/home'),
    entry(3, 'https://a.test/home', 200),
    entry(4, 'https://a.test/home', 200),
  ];

  it('gives the whole chain from any of its hops, first hop first', () => {
    expect(redirectChainAt(trace, 0)).toEqual([0, 2, 3]);
    expect(redirectChainAt(trace, 2)).toEqual([0, 2, 3]);
    expect(redirectChainAt(trace, 3)).toEqual([0, 2, 3]);
  });

  it('leaves out a later request to the same URL and requests outside the chain', () => {
    expect(redirectChainAt(trace, 4)).toEqual([4]);
    expect(redirectChainAt(trace, 1)).toEqual([1]);
  });

  it('stops a redirect loop at 20 hops', () => {
    const loop = Array.from({ length: 30 }, (_, i) =>
      entry(i, i % 2 ? 'https://b.test/' : 'https://a.test/', 302, i % 2 ? 'https://a.test/' : 'https://b.test/'),
    );
    expect(redirectChainAt(loop, 0)).toHaveLength(20);
  });
});
