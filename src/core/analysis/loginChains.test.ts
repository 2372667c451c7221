// LoginChains on its own: a login followed through its redirect chain, and the ID each lane it carried holds when
// the chain is over.
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../trace/types.ts';
import type { LaneId, LoginFact, SessionLane } from './facts.ts';
import { LoginChains } from './loginChains.ts';

const KEY = 'shop.test;/;sid';

function entry(index: number, url: string, location?: string): TraceEntry {
  return {
    index,
    startedAt: index * 100,
    request: { method: index === 0 ? 'POST' : 'GET', url, headers: [] },
    ...(location
      ? { response: { status: 302, headers: [{ name: 'Location', value: location }] } }
      : { response: { status: 200, headers: [] } }),
  };
}

/** Lanes by key as the replay's: one lane whose IDs the test sets. */
function lanesHolding(...ids: [id: string, firstEntry: number][]): Map<string, SessionLane> {
  const laneIds: LaneId[] = ids.map(([id, firstEntry]) => ({
    id,
    firstEntry,
    lastEntry: firstEntry,
    source: 'set-cookie',
    carriedCount: 0,
    pagesCarried: 0,
    incidents: [],
  }));
  const lane: SessionLane = {
    key: KEY,
    cookie: 'sid',
    domain: 'shop.test',
    path: '/',
    origin: 'https://shop.test',
    identifiedBy: 'test',
    confidence: 'likely',
    evidence: ['test'],
    thirdParty: false,
    ids: laneIds,
    backendSwitches: [],
  };
  return new Map([[KEY, lane]]);
}

function login(at: TraceEntry): LoginFact {
  return {
    entry: at.index,
    signal: 'password-post',
    origin: 'https://shop.test',
    chain: [],
    lanes: [{ laneKey: KEY, before: 'old' }],
  };
}

describe('LoginChains', () => {
  it('follows a login through its redirect hops and closes it at the first request off the chain', () => {
    const chains = new LoginChains();
    const post = entry(0, 'https://shop.test/login', '/welcome');
    const lanes = lanesHolding(['old', 0]);
    chains.start(login(post), post, lanes);
    chains.closeIfNoChain(lanes);
    expect(chains.openEntry).toBe(0);
    expect(chains.openSignal).toBe('password-post');

    // The hop the login redirected to (written relative in Location, absolute here) extends the chain.
    const hop = entry(1, 'https://shop.test/welcome', 'https://shop.test/home');
    chains.follow(hop, lanes, 'https://shop.test');
    chains.follow(entry(2, 'https://SHOP.test/home'), lanes, 'https://shop.test');
    expect(chains.openEntry).toBe(0);

    // Rotated during the chain: the login left the new ID.
    const rotated = lanesHolding(['old', 0], ['new', 2]);
    chains.follow(entry(3, 'https://shop.test/account'), rotated, 'https://shop.test');
    expect(chains.openEntry).toBeUndefined();
    // A closed login keeps what its chain left, whatever the lanes hold later.
    expect(chains.snapshot(lanesHolding(['old', 0], ['new', 2], ['later', 7]))).toEqual([
      { ...login(post), chain: [1, 2], lanes: [{ laneKey: KEY, before: 'old', after: 'new', afterEntry: 2 }] },
    ]);
  });

  it('closes a login that did not redirect once its own request is done', () => {
    const chains = new LoginChains();
    const post = entry(0, 'https://shop.test/api/login');
    const lanes = lanesHolding(['old', 0], ['new', 0]);
    chains.start(login(post), post, lanes);
    chains.closeIfNoChain(lanes);
    expect(chains.openEntry).toBeUndefined();
    expect(chains.snapshot(new Map())[0]!.lanes).toEqual([
      { laneKey: KEY, before: 'old', after: 'new', afterEntry: 0 },
    ]);
  });

  it('closes the open login when another starts', () => {
    const chains = new LoginChains();
    const first = entry(0, 'https://shop.test/login', '/next');
    chains.start(login(first), first, lanesHolding(['old', 0]));
    const second = entry(4, 'https://shop.test/login');
    chains.start(login(second), second, lanesHolding(['old', 0], ['mid', 3]));
    expect(chains.openEntry).toBe(4);
    expect(chains.snapshot(new Map())[0]!.lanes[0]).toEqual({
      laneKey: KEY,
      before: 'old',
      after: 'mid',
      afterEntry: 3,
    });
  });

  it('closes the open login in a snapshot only, on the lanes given, leaving it open', () => {
    const chains = new LoginChains();
    const post = entry(0, 'https://shop.test/login', '/welcome');
    chains.start(login(post), post, lanesHolding(['old', 0]));
    const [closed] = chains.snapshot(lanesHolding(['old', 0], ['now', 1]));
    expect(closed!.lanes).toEqual([{ laneKey: KEY, before: 'old', after: 'now', afterEntry: 1 }]);
    expect(chains.openEntry).toBe(0);
    // The snapshot is a copy: following the chain on does not change it.
    chains.follow(entry(1, 'https://shop.test/welcome'), lanesHolding(['old', 0]), 'https://shop.test');
    expect(closed!.chain).toEqual([]);
  });
});
