import { describe, expect, it } from 'vitest';
import { credentialsInUrl } from './urlCredentials.ts';

describe('credentialsInUrl', () => {
  it.each([
    [
      'an authorization response: code beside state',
      'https://rp.test/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz',
      ['SplxlOBeZQQYbYS6WxSbIA'],
    ],
    [
      'an authorization response: code beside iss (RFC 9207)',
      'https://rp.test/cb?iss=https%3A%2F%2Fidp&code=SplxlOBeZQQY',
      ['SplxlOBeZQQY'],
    ],
    [
      'an implicit flow, in the fragment',
      'https://rp.test/cb#access_token=2YotnFZFEjr1zCsicMWpAA&token_type=example&id_token=eyJhbGciOi.x.y',
      ['2YotnFZFEjr1zCsicMWpAA', 'eyJhbGciOi.x.y'],
    ],
    [
      'a CAS service ticket',
      'https://app.test/?ticket=ST-1728572-2LbZ4S9CnvP01vSYfs5O-cas',
      ['ST-1728572-2LbZ4S9CnvP01vSYfs5O-cas'],
    ],
    ['a SAML redirect, decoded', 'https://sp.test/ls?SAMLResponse=fZHJ%2BasM&RelayState=x', ['fZHJ+asM']],
    [
      'an S3 signed address',
      'https://b.s3.test/o?X-Amz-Date=20260101&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
      ['aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'],
    ],
    [
      'a key in a hash route',
      'https://blog.test/ghost/#/resources/?limit=1&key=b30afc1721f5d8d021ec3450ef',
      ['b30afc1721f5d8d021ec3450ef'],
    ],
    ['a password in a GET form', 'https://old.test/login?user=alice&password=hunter2222', ['hunter2222']],
    [
      'a token under its own name',
      'https://api.test/x?authToken=abcdef123456&csrf_token=zyxwvu987654',
      ['abcdef123456', 'zyxwvu987654'],
    ],
    ['a header-style token name', 'https://api.test/x?X-Auth-Token=abcdef123456', ['abcdef123456']],
    [
      'each of a repeated parameter',
      'https://rp.test/cb?code=first12345&code=second1234&state=xyz',
      ['first12345', 'second1234'],
    ],
  ])('finds %s', (_what, url, expected) => {
    expect(credentialsInUrl(url).map((c) => c.value)).toEqual(expected);
  });

  it.each([
    ['a code without state or iss (a promotion, an ad)', 'https://ad.test/ads.js?pub=5622371&code=56896651234'],
    ["next-auth's error code", 'https://app.test/auth/signin?error=CredentialsSignin&code=credentials'],
    ['a credential too short to be anything but chance', 'https://rp.test/cb?code=abc&state=xyz'],
    ['an address without query or fragment', 'https://app.test/ticket=ST-1728572-2LbZ4S9CnvP01vSYfs5O'],
    ['ordinary parameters', 'https://shop.test/search?q=session+cookies&page=12345678'],
  ])('finds nothing in %s', (_what, url) => {
    expect(credentialsInUrl(url)).toEqual([]);
  });

  it('tells each as written in the address, for the redactors to find it there', () => {
    expect(credentialsInUrl('https://sp.test/ls?SAMLResponse=fZHJ%2basM+x&RelayState=x')).toEqual([
      { value: 'fZHJ+asM x', written: 'fZHJ%2basM+x' },
    ]);
  });
});
