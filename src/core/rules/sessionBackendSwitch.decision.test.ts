// session-backend-switch's decisions, as tables of facts → switch: what changed on a request whose ID was
// replaced, what is recorded on the lane beside an ID's end, what changed on a request whose IDs survived, and
// one switch per ID. The scenarios through the whole engine are in sessionBackendSwitch.test.ts.
import { describe, expect, it } from 'vitest';
import { AT, heldId, idChange } from '../../../test/helpers/idChange.ts';
import { ID } from '../../../test/helpers/traceBuilder.ts';
import type { BackendSwitch, IdEnd, SentCookieFact } from '../analysis/facts.ts';
import { backendSwitchOf, isFirstSwitchOf, switchBesideEnd, switchWithoutResetOf } from './sessionBackendSwitch.ts';

const sent = (pairs: Record<string, string>): SentCookieFact[] =>
  Object.entries(pairs).map(([name, value]) => ({ name, value, session: name === 'sid' }));

describe('backendSwitchOf', () => {
  it.each([
    [
      'SERVERID changed',
      { sent: sent({ sid: ID.a, SERVERID: 'node1' }), affinitySet: new Map([['SERVERID', 'node2']]) },
      ['SERVERID: node1 → node2'],
    ],
    [
      'SERVERID set again to the same value',
      { sent: sent({ sid: ID.a, SERVERID: 'node1' }), affinitySet: new Map([['SERVERID', 'node1']]) },
      undefined,
    ],
    // Beside a new ID, the balancer dropping the affinity is part of the move.
    [
      'SERVERID deleted',
      { sent: sent({ sid: ID.a, SERVERID: 'node1' }), affinitySet: new Map([['SERVERID', '']]) },
      ['SERVERID: node1 → '],
    ],
    ['an affinity cookie set for the first time', { affinitySet: new Map([['SERVERID', 'node1']]) }, undefined],
    [
      'a JSESSIONID route .node1 → .node2',
      { cookie: 'JSESSIONID', held: heldId({ id: `${ID.a}.node1`, route: 'node1' }), issued: `${ID.b}.node2` },
      ['JSESSIONID route: node1 → node2'],
    ],
    [
      'a JSESSIONID route kept',
      { cookie: 'JSESSIONID', held: heldId({ id: `${ID.a}.node1`, route: 'node1' }), issued: `${ID.b}.node1` },
      undefined,
    ],
  ] as const)('%s → %o', (_, over, changes) => {
    expect(backendSwitchOf(idChange(over))).toEqual(changes === undefined ? undefined : { entry: AT, changes });
  });
});

describe('switchBesideEnd', () => {
  const moved = idChange({
    sent: sent({ sid: ID.a, SERVERID: 'node1' }),
    affinitySet: new Map([['SERVERID', 'node2']]),
  });
  it.each<[IdEnd, boolean]>([
    // The session went on under a new ID: the switch is told on its own.
    [{ kind: 'rotated', entry: AT, atLogout: false, periodic: false }, true],
    // The reset carries its switch itself.
    [{ kind: 'reset', entry: AT, cause: 'server-rejected', atLogout: false }, false],
    [{ kind: 'updated', entry: AT }, false],
  ])('beside %o → recorded on the lane: %s', (end, recorded) => {
    expect(switchBesideEnd(end, moved)).toEqual(
      recorded ? { entry: AT, changes: ['SERVERID: node1 → node2'] } : undefined,
    );
  });
});

describe('switchWithoutResetOf', () => {
  it.each([
    ['AWSALB changed', sent({ sid: ID.a, AWSALB: 'aaa' }), new Map([['AWSALB', 'bbb']]), ['AWSALB: aaa → bbb']],
    // Alone, a deleted affinity cookie is no move to another server.
    ['AWSALB deleted', sent({ sid: ID.a, AWSALB: 'aaa' }), new Map([['AWSALB', '']]), undefined],
    ['AWSALB the same', sent({ sid: ID.a, AWSALB: 'aaa' }), new Map([['AWSALB', 'aaa']]), undefined],
    ['no affinity cookie set', sent({ sid: ID.a, AWSALB: 'aaa' }), new Map<string, string>(), undefined],
  ] as const)('%s → %o', (_, carried, set, changes) => {
    expect(switchWithoutResetOf(3, carried, set)).toEqual(changes === undefined ? undefined : { entry: 3, changes });
  });
});

describe('isFirstSwitchOf', () => {
  const at = (entry: number): BackendSwitch => ({ entry, changes: ['x'] });
  it.each([
    ['no switch yet', heldId({ firstEntry: 4 }), [], true],
    ['a switch of an earlier ID', heldId({ firstEntry: 4 }), [at(2)], true],
    ['a switch already recorded for this ID', heldId({ firstEntry: 4 }), [at(6)], false],
    // The switch at the entry that issued this ID belongs to the ID before it (a login's rotation).
    ['a switch at the Set-Cookie that issued it', heldId({ firstEntry: 4, source: 'set-cookie' }), [at(4)], true],
    ['a switch at the request that first carried it', heldId({ firstEntry: 4, source: 'carried' }), [at(4)], false],
  ] as const)('%s → %s', (_, id, recorded, expected) => {
    expect(isFirstSwitchOf(id, recorded)).toBe(expected);
  });
});
