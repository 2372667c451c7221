// session-shadowed: one request carries two cookies with the same session cookie name (different Path or Domain).
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('session-shadowed', () => {
  it('sid on Path=/ and sid on Path=/app both sent to /app/… → session-shadowed', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/app/', {
        cookie: `sid=${ID.a}`,
        setCookie: [`sid=${ID.b}; Path=/app; Secure; HttpOnly; SameSite=Lax`],
      })
      .get('https://shop.test/app/cart', { cookie: `sid=${ID.b}; sid=${ID.a}` })
      .analyze();
    const found = findingsOf(result, 'session-shadowed');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 2, severity: 'medium' });
    expect(found[0]!.evidence.paths).toEqual(['/app', '/']);
  });

  it('the same two copies on later requests are reported once', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/app/', {
        cookie: `sid=${ID.a}`,
        setCookie: [`sid=${ID.b}; Path=/app; Secure; HttpOnly; SameSite=Lax`],
      })
      .get('https://shop.test/app/a', { cookie: `sid=${ID.b}; sid=${ID.a}` })
      .get('https://shop.test/app/b', { cookie: `sid=${ID.b}; sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'session-shadowed').map((f) => f.entry)).toEqual([2]);
  });

  it('one sid per request → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/app/', { cookie: `sid=${ID.a}` })
      .analyze();
    expect(findingsOf(result, 'session-shadowed')).toEqual([]);
  });

  it('two cookies of one name that is not a session cookie → nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: ['theme=dark; Path=/'] })
      .get('https://shop.test/app/', { cookie: 'theme=dark', setCookie: ['theme=light; Path=/app'] })
      .get('https://shop.test/app/x', { cookie: 'theme=light; theme=dark' })
      .analyze();
    expect(findingsOf(result, 'session-shadowed')).toEqual([]);
  });
});
