// session-backend-switch: an affinity cookie or a JSESSIONID route changed within one session. Beside a
// server-rejected reset it names the likely cause; alone it says the server kept the session this time.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

const sid = (id: string) => `sid=${id}; ${GOOD}`;

describe('session-backend-switch', () => {
  it('AWSALB changes and the server issues a new sid → backend switch related to the reset', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a), 'AWSALB=aaa111; Path=/'] })
      .get('https://shop.test/cart', {
        cookie: `sid=${ID.a}; AWSALB=aaa111`,
        setCookie: [sid(ID.b), 'AWSALB=bbb222; Path=/'],
      })
      .analyze();
    const found = findingsOf(result, 'session-backend-switch');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 1, severity: 'medium' });
    expect(found[0]!.evidence.changes).toEqual(['AWSALB: aaa111 → bbb222']);
    expect(found[0]!.message).toContain('did not accept the session ID');
    expect(found[0]!.related?.map((i) => result.findings[i]!.rule)).toEqual(['session-reset']);
  });

  it('the affinity cookie changes but the sid survives → a backend switch without a reset', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] })
      .get('https://shop.test/cart', { cookie: `sid=${ID.a}; SERVERID=node1`, setCookie: ['SERVERID=node2; Path=/'] })
      .get('https://shop.test/pay', { cookie: `sid=${ID.a}; SERVERID=node2` })
      .analyze();
    expect(findingsOf(result, 'session-reset')).toEqual([]);
    const found = findingsOf(result, 'session-backend-switch');
    expect(found.map((f) => [f.cookie, f.entry])).toEqual([['sid', 1]]);
    expect(found[0]!.message).toContain('kept the session');
    expect(found[0]!.related).toBeUndefined();
  });

  it('affinity cookies that stay the same → no backend switch', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] })
      .get('https://shop.test/cart', { cookie: `sid=${ID.a}; SERVERID=node1`, setCookie: ['SERVERID=node1; Path=/'] })
      .analyze();
    expect(findingsOf(result, 'session-backend-switch')).toEqual([]);
  });

  it('an affinity cookie set for the first time is not a switch', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a)] })
      .get('https://shop.test/cart', { cookie: `sid=${ID.a}`, setCookie: ['SERVERID=node1; Path=/'] })
      .analyze();
    expect(findingsOf(result, 'session-backend-switch')).toEqual([]);
  });

  it('affinity cookies are tracked as affinity, never as sessions', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`SERVERID=${ID.a}; Path=/`] })
      .get('https://shop.test/a', { cookie: `SERVERID=${ID.a}` })
      .get('https://shop.test/b', { cookie: `SERVERID=${ID.a}` })
      .analyze();
    expect(result.sessions).toEqual([]);
    expect(result.facts.sessionCookieNames.has('SERVERID')).toBe(false);
  });
});
