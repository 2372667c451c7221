// session-reset's decisions, as tables of facts → end: how a held ID ends when a response changes it (idEndOf:
// an update or rotation as sessionRotated decides, else a reset with its cause), the browser's own removals,
// and client-side expiry. The scenarios through the whole engine are in sessionReset.test.ts.
import { describe, expect, it } from 'vitest';
import { AT, heldId, idChange, notSentHeld } from '../../../test/helpers/idChange.ts';
import { ID } from '../../../test/helpers/traceBuilder.ts';
import type { IdChange } from '../analysis/facts.ts';
import { expiryResetOf, idEndOf, resetAtRemoval, resetOf } from './sessionReset.ts';

/** The response deleted the cookie and issued nothing. */
function deleted(over: Partial<IdChange> = {}): IdChange {
  const { issued: _, ...rest } = idChange(over);
  return rest;
}

const LOGIN_AT_2 = { signal: 'password-post', entry: 2 } as const;

describe('idEndOf', () => {
  it.each<[string, IdChange, unknown]>([
    [
      'carried, replaced, nothing asked for a new ID → server-rejected',
      idChange(),
      { kind: 'reset', cause: 'server-rejected', atLogout: false },
    ],
    [
      'carried, replaced at a login that rotates it → rotated',
      idChange({ login: LOGIN_AT_2 }),
      { kind: 'rotated', afterLogin: 'password-post', periodic: false },
    ],
    [
      'carried, replaced at a logout → rotated at logout',
      idChange({ logout: true }),
      { kind: 'rotated', atLogout: true },
    ],
    [
      'carried, re-encoded in place → updated',
      idChange({ held: heldId({ id: 'uid=42&cart=1' }), issued: 'uid=42&cart=2' }),
      { kind: 'updated' },
    ],
    // The login request itself may rotate a client-side store: no update there.
    [
      're-encoded on the login request itself → rotated',
      idChange({
        held: heldId({ id: 'uid=42&cart=1' }),
        issued: 'uid=42&cart=2',
        login: { signal: 'password-post', entry: AT },
      }),
      { kind: 'rotated' },
    ],
    // An ID the login's chain had issued, replaced on the next hop: the hop rejected it.
    [
      'issued by the login, replaced on its chain → server-rejected naming the login',
      idChange({ held: heldId({ firstEntry: 3 }), login: { signal: 'password-post', entry: 3 } }),
      { kind: 'reset', cause: 'server-rejected', loginEntry: 3 },
    ],
    [
      'not carried, not sent (SecureOnly) → not-sent with the reason',
      idChange({ carried: false, notSent: notSentHeld('SecureOnly') }),
      { kind: 'reset', cause: 'not-sent', notSentReason: 'SecureOnly' },
    ],
    [
      'not carried, expired on the client → expired',
      idChange({ carried: false, notSent: notSentHeld('Expired') }),
      { kind: 'reset', cause: 'expired', notSentReason: 'Expired' },
    ],
    ['not carried, not missing → overwritten', idChange({ carried: false }), { kind: 'reset', cause: 'overwritten' }],
    [
      'deleted by the server → cleared-by-server',
      deleted(),
      { kind: 'reset', cause: 'cleared-by-server', atLogout: false },
    ],
    [
      'deleted at a logout → cleared-by-server at logout',
      deleted({ logout: true }),
      { kind: 'reset', cause: 'cleared-by-server', atLogout: true },
    ],
  ])('%s', (_, change, expected) => {
    expect(idEndOf(change)).toMatchObject({ entry: AT, ...(expected as object) });
  });

  it('a server-rejected reset carries the back-end switch that came with it', () => {
    const change = idChange({
      sent: [...idChange().sent, { name: 'SERVERID', value: 'node1', session: false }],
      affinitySet: new Map([['SERVERID', 'node2']]),
    });
    expect(idEndOf(change)).toEqual({
      kind: 'reset',
      entry: AT,
      cause: 'server-rejected',
      atLogout: false,
      backendSwitch: { entry: AT, changes: ['SERVERID: node1 → node2'] },
      // No login was seen to issue the held ID's session (IdChange.sessionLogin).
      anonymous: true,
    });
  });
});

describe('resetOf', () => {
  it('gives exactly the fields of its cause, in a stable order', () => {
    expect(Object.keys(resetOf(idChange({ carried: false, notSent: notSentHeld('NotOnPath') })))).toEqual([
      'kind',
      'entry',
      'cause',
      'notSentReason',
      'atLogout',
    ]);
    expect(resetOf(idChange({ carried: false }))).toEqual({
      kind: 'reset',
      entry: AT,
      cause: 'overwritten',
      atLogout: false,
    });
  });
});

describe('resetAtRemoval', () => {
  it.each([
    ['explicit', 'cleared-by-script'],
    ['evicted', 'evicted'],
    ['expired', 'expired'],
    // An overwrite is told by the Set-Cookie that made it.
    ['overwrite', undefined],
    // A deletion no response made (one that did is applied before its report, so the jar no longer holds the
    // cookie and the replay does not ask): a page script's document.cookie with Max-Age=0, or an extension's.
    ['expired_overwrite', 'cleared-by-script'],
  ] as const)('a browser removal caused %s → %s', (cause, expected) => {
    const end = resetAtRemoval(cause, 7);
    expect(end).toEqual(
      expected === undefined ? undefined : { kind: 'reset', entry: 7, cause: expected, atLogout: false },
    );
  });
});

describe('expiryResetOf', () => {
  it.each([
    ['Expired', { kind: 'reset', entry: AT, cause: 'expired', notSentReason: 'Expired', atLogout: false }],
    ['SecureOnly', undefined],
    ['Deleted', undefined],
    ['Unknown', undefined],
  ] as const)('held ID not sent for %s → %o', (reason, expected) => {
    expect(expiryResetOf(notSentHeld(reason), AT)).toEqual(expected);
  });

  it('reads the not-sent fact, not the cookie name', () => {
    expect(expiryResetOf({ ...notSentHeld('Expired'), name: 'other', value: ID.c }, 1)?.cause).toBe('expired');
  });
});
