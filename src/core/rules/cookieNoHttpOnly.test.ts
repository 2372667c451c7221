// cookie-no-httponly: a session cookie set without HttpOnly (ZAP 10010).
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('cookie-no-httponly', () => {
  it('a sid without HttpOnly → cookie-no-httponly, once per cookie with a count', () => {
    const line = `sid=${ID.a}; Path=/; Secure; SameSite=Lax`;
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [line] })
      .get('https://shop.test/x', { cookie: `sid=${ID.a}`, setCookie: [line] })
      .analyze();
    const found = findingsOf(result, 'cookie-no-httponly');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 0, severity: 'medium', origin: 'https://shop.test' });
    expect(found[0]!.evidence.occurrences).toBe(2);
    // The evidence keeps the attributes and hides the value.
    expect(found[0]!.evidence.setCookie).not.toContain(ID.a);
    expect(found[0]!.evidence.setCookie).toContain('; Path=/; Secure; SameSite=Lax');
  });

  it('with --include-values (raw) the evidence shows the line as sent', () => {
    const line = `sid=${ID.a}; Path=/; Secure; SameSite=Lax`;
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [line] })
      .analyze({ values: 'raw' });
    expect(findingsOf(result, 'cookie-no-httponly')[0]!.evidence.setCookie).toBe(line);
  });

  it('a line whose cookie the same response deleted again is not where the cookie was set, nor counted', () => {
    // phpLDAPadmin's wrong password: its credentials cookies set, then deleted, in one answer; the right one sets them.
    const line = (id: string) => `sid=${id}; Path=/; Secure; SameSite=Lax`;
    const result = trace()
      .post('https://shop.test/login', {
        cookie: '',
        form: { user: 'ann', password: 'bad' },
        setCookie: [line(ID.a), 'sid=; Path=/; Max-Age=0'],
      })
      .post('https://shop.test/login', { cookie: '', form: { user: 'ann', password: 'pw' }, setCookie: [line(ID.b)] })
      .analyze();
    const found = findingsOf(result, 'cookie-no-httponly');
    expect(found.map((f) => [f.entry, f.evidence.occurrences])).toEqual([[1, undefined]]);
    // Replaced by a later line of the same response, it is not counted either.
    const twice = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [line(ID.a), line(ID.b)] })
      .analyze();
    expect(findingsOf(twice, 'cookie-no-httponly').map((f) => [f.entry, f.evidence.occurrences])).toEqual([
      [0, undefined],
    ]);
  });

  it('a sid with HttpOnly → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax`] })
      .analyze();
    expect(findingsOf(result, 'cookie-no-httponly')).toEqual([]);
  });

  it('a cookie that is not a session cookie → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: ['theme=dark; Path=/; Secure'] })
      .analyze();
    expect(findingsOf(result, 'cookie-no-httponly')).toEqual([]);
  });
});
