import { describe, expect, it } from 'vitest';
import { endWords, incidentWords, LEGEND, reasonHelp } from './laneWords.ts';

describe('endWords', () => {
  it('says in words how an ID ended, red (loss) only when the session was lost', () => {
    const table = [
      ['rotated', undefined],
      ['updated', undefined],
      ['changed', undefined],
      ['cleared', 'cleared-by-server'],
      ['reset', 'not-sent'],
      ['reset', 'server-rejected'],
      ['expired', 'expired'],
      ['cleared', 'cleared-by-script'],
      ['reset', 'something-new'],
    ] as const;
    expect(table.map(([kind, cause]) => [kind, cause, endWords(kind, cause)])).toEqual([
      ['rotated', undefined, { words: 'rotated: the server replaced the ID', tone: 'rotated' }],
      ['updated', undefined, { words: 'updated: new value, same session', tone: 'updated' }],
      ['changed', undefined, { words: 'changed: a new value arrived without a Set-Cookie', tone: 'warning' }],
      ['cleared', 'cleared-by-server', { words: 'ended: the server deleted the cookie (logout)', tone: 'ended' }],
      [
        'reset',
        'not-sent',
        { words: 'lost: the cookie was not sent, so the server started a new session', tone: 'loss' },
      ],
      [
        'reset',
        'server-rejected',
        { words: 'lost: the server did not accept the ID and issued a new one', tone: 'loss' },
      ],
      ['expired', 'expired', { words: 'lost: the cookie expired in the browser', tone: 'loss' }],
      [
        'cleared',
        'cleared-by-script',
        { words: 'lost: a script or another extension deleted the cookie', tone: 'loss' },
      ],
      ['reset', 'something-new', { words: 'lost: the session was reset (cause unknown)', tone: 'loss' }],
    ]);
  });
});

describe('incidentWords', () => {
  it('words each finding drawn on a lane, naming the reason the user searches for', () => {
    expect(incidentWords('session-reset', { cause: 'not-sent', reason: 'SecureOnly' })).toEqual({
      words: 'lost: the cookie was not sent (SecureOnly); its new ID was refused, the old one kept',
      tone: 'loss',
    });
    expect(incidentWords('session-not-sent', { reason: 'SameSiteLax' })).toEqual({
      words: 'not sent (SameSiteLax)',
      tone: 'warning',
    });
    expect(incidentWords('session-backend-switch', {})).toEqual({
      words: 'moved to another back-end server',
      tone: 'switch',
    });
    expect(incidentWords('session-rejected', {})?.tone).toBe('loss');
    expect(incidentWords('cookie-rejected', { reason: 'SecureOnly' })).toEqual({
      words: 'Set-Cookie refused by the browser (SecureOnly)',
      tone: 'warning',
    });
    expect(incidentWords('cookie-no-httponly', {})).toBeUndefined();
  });

  it('explains a reason from the core’s vocabulary of the rule (not sent vs Set-Cookie refused)', () => {
    expect(reasonHelp('session-not-sent', 'SecureOnly')).toMatch(/request URL is not secure/);
    expect(reasonHelp('cookie-rejected', 'SecureOnly')).toMatch(/set from an insecure/);
    expect(reasonHelp('session-not-sent', undefined)).toBeUndefined();
  });
});

describe('LEGEND', () => {
  it('explains every tone once', () => {
    expect(LEGEND.map((l) => l.tone).sort()).toEqual(['ended', 'loss', 'rotated', 'switch', 'updated', 'warning']);
  });
});
