// The reason vocabularies: a name a browser reported for a cookie it did not send is read as ours only when
// it is one of ours that a browser can give (not Expired, Deleted or Unknown, which only the model says).
import { describe, expect, it } from 'vitest';
import { isBrowserNotSentReason, NOT_SENT_REASON_NAMES } from './reasons.ts';

describe('isBrowserNotSentReason', () => {
  it.each([
    ['SecureOnly', true],
    ['NotOnPath', true],
    ['SameSiteUnspecifiedTreatedAsLax', true],
    ['ThirdPartyBlocked', true],
    ['UserPreferences', true],
    // Only the model gives these: Chrome has no CookieBlockedReason for them.
    ['Expired', false],
    ['Deleted', false],
    ['Unknown', false],
    // Chrome names the model does not use as they are, and names from the object prototype.
    ['SchemefulSameSiteLax', false],
    ['ThirdPartyPhaseout', false],
    ['toString', false],
    ['', false],
  ])('%s → %s', (name, expected) => {
    expect(isBrowserNotSentReason(name)).toBe(expected);
  });

  it('accepts every reason of the vocabulary but the three only the model gives', () => {
    expect(NOT_SENT_REASON_NAMES.filter((r) => !isBrowserNotSentReason(r))).toEqual(['Expired', 'Deleted', 'Unknown']);
  });
});
