import { describe, expect, it } from 'vitest';
import { hiddenEverywhere, hideSecretParameters, secretParametersInUrl } from './urlCredentials.ts';

/** The credentials of an address (not its session parameters), each as decoded and as written. */
const credentialsInUrl = (url: string) =>
  secretParametersInUrl(url)
    .filter((p) => p.kind === 'credential')
    .map(({ value, written }) => ({ value, written }));

describe('the credentials of an address', () => {
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
      'keys and secrets under compound names',
      'https://sdk.test/v1/update_check?deployment_key=dk_0e95b8a1c2&app_version=1.0&apiKey=AIzaSyA1b2c3&client_secret=s3cr3tv4lue',
      ['dk_0e95b8a1c2', 'AIzaSyA1b2c3', 's3cr3tv4lue'],
    ],
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
    ['an address without query or fragment', 'https://app.test/ticket=ST-1728572-2LbZ4S9CnvP01vSYfs5O'],
    ['ordinary parameters', 'https://shop.test/search?q=session+cookies&page=12345678'],
    [
      'a keyword, a monkey, keys as a word',
      'https://shop.test/search?keyword=abcdef123&monkey=abcdef123&keys=abcdef12',
    ],
  ])('finds nothing in %s', (_what, url) => {
    expect(credentialsInUrl(url)).toEqual([]);
  });

  it('finds a short credential too, which only its own place hides (it would occur elsewhere by chance)', () => {
    const [short] = credentialsInUrl('https://rp.test/cb?code=abc&state=xyz');
    expect(short?.value).toBe('abc');
    expect(hiddenEverywhere('abc')).toBe(false);
  });

  it('tells each as written in the address, for the redactors to find it there', () => {
    expect(credentialsInUrl('https://sp.test/ls?SAMLResponse=fZHJ%2basM+x&RelayState=x')).toEqual([
      { value: 'fZHJ+asM x', written: 'fZHJ%2basM+x' },
    ]);
  });
});

describe('secretParametersInUrl and hideSecretParameters', () => {
  const hide = (text: string) => hideSecretParameters(text, (p) => `[${p.kind}]`);

  it('finds a password of any length, session IDs under session names and session path parameters', () => {
    const url =
      'http://app.test/login.jsp;jsessionid=A1B2C3D4E5F6?username=user&password=pass&sessionID=c561b8f7222ab88f';
    expect(secretParametersInUrl(url).map((p) => [p.kind, p.name, p.value])).toEqual([
      ['credential', 'password', 'pass'],
      ['session', 'sessionID', 'c561b8f7222ab88f'],
      ['session', 'jsessionid', 'A1B2C3D4E5F6'],
    ]);
  });

  it('leaves a short value under a session name (a count, a flag) and ordinary parameters', () => {
    expect(secretParametersInUrl('https://slack.test/beacon?session_age=1446&sub_app_name=client&ver=16')).toEqual([]);
  });

  it('hides each where it stands, and keeps the punctuation that closes the address in a sentence', () => {
    expect(hide('The logout (GET /?_task=logout&_token=abcdefgh1234) left it; see /x?password=pass.')).toBe(
      'The logout (GET /?_task=logout&_token=[credential]) left it; see /x?password=[credential].',
    );
    expect(hide('https://ads.test/p?api_key=doubleclick&x=1 https://cm.g.doubleclick.net/pixel')).toBe(
      'https://ads.test/p?api_key=[credential]&x=1 https://cm.g.doubleclick.net/pixel',
    );
    expect(hide('no address here = none')).toBe('no address here = none');
  });

  it('hides everywhere only values that cannot be a word or a number met by chance', () => {
    expect(['doubleclick', '1643952221', 'pass', 'c561b8f7222ab88f'].map(hiddenEverywhere)).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });
});
