// session-backend-switch: an affinity cookie or a JSESSIONID route changed within one session. Beside a
// server-rejected reset it names the likely cause; alone it says what the server did with the session there
// (kept it, rotated it at a login, answered as logged out).
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

  it('inside a login chain: the JSESSIONID the login issued on node2 is replaced by node1 on the next hop', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '' })
      .post('https://shop.test/login', {
        cookie: '',
        form: { username: 'demo', password: 'pw' },
        location: '/account',
        setCookie: [`JSESSIONID=${ID.a}.node2; ${GOOD}`],
      })
      .get('https://shop.test/account', {
        cookie: `JSESSIONID=${ID.a}.node2`,
        location: '/login',
        setCookie: [`JSESSIONID=${ID.b}.node1; ${GOOD}`],
      })
      .analyze();
    expect(findingsOf(result, 'session-rotated')).toEqual([]);
    const [reset] = findingsOf(result, 'session-reset');
    expect(reset).toMatchObject({ entry: 2, cause: 'server-rejected' });
    const found = findingsOf(result, 'session-backend-switch');
    expect(found.map((f) => [f.entry, f.evidence.changes])).toEqual([[2, ['JSESSIONID route: node2 → node1']]]);
    expect(found[0]!.message).toContain('did not accept the session ID');
  });

  it('the affinity cookie changes and that server answers as logged out → the switch names the rejection', () => {
    const result = trace()
      .post('https://shop.test/login', {
        cookie: '',
        form: { username: 'demo', password: 'pw' },
        location: '/account',
        setCookie: [sid(ID.a), 'SERVERID=node2; Path=/'],
      })
      .get('https://shop.test/account', {
        cookie: `sid=${ID.a}; SERVERID=node2`,
        location: '/login',
        setCookie: ['SERVERID=node1; Path=/'],
      })
      .analyze();
    const [found] = findingsOf(result, 'session-backend-switch');
    expect(found).toMatchObject({ entry: 1, evidence: { changes: ['SERVERID: node2 → node1'] } });
    expect(found!.message).toContain('that server answered as logged out');
    expect(found!.related?.map((i) => result.findings[i]!.rule)).toEqual(['session-rejected']);
    expect(
      result.findings
        .filter((f) => f.severity === 'high' || f.severity === 'medium')
        .map((f) => `${f.rule}@${f.entry}`),
    ).toEqual(['session-rejected@1', 'session-backend-switch@1']);
  });

  it('a switch at the login’s rotation and another later on the new ID are two switches', () => {
    const result = trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}; SERVERID=node1`,
        form: { username: 'demo', password: 'pw' },
        setCookie: [sid(ID.b), 'SERVERID=node2; Path=/'],
      })
      .get('https://shop.test/cart', { cookie: `sid=${ID.b}; SERVERID=node2`, setCookie: ['SERVERID=node1; Path=/'] })
      .analyze();
    const found = findingsOf(result, 'session-backend-switch');
    expect(found.map((f) => [f.entry, f.message.includes('kept the session')])).toEqual([
      [1, false],
      [2, true],
    ]);
  });
});

describe('session-backend-switch at each move of a visitor ID between servers that do not share sessions', () => {
  it('the move that lost the session is raised; the later moves, each renewing a visitor ID, are told as info', () => {
    const nodes = ['node1', 'node2', 'node1', 'node2'];
    const ids = [ID.a, ID.b, ID.c, ID.d];
    let t = trace().get('https://shop.test/', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] });
    for (let i = 1; i < ids.length; i++) {
      t = t.get(`https://shop.test/p${i}`, {
        cookie: `sid=${ids[i - 1]}; SERVERID=${nodes[i - 1]}`,
        setCookie: [sid(ids[i]!), `SERVERID=${nodes[i]}; Path=/`],
      });
    }
    const switches = findingsOf(t.analyze(), 'session-backend-switch');
    expect(switches.map((f) => [f.entry, f.severity])).toEqual([
      [1, 'medium'],
      [2, 'info'],
      [3, 'info'],
    ]);
    expect(switches[2]!.message).toContain('renewed at this move as at the move that lost the session (entry 1)');
  });
});

describe('session-backend-switch at a rotation on another back-end', () => {
  const login = (then: 'lost' | 'kept') =>
    trace()
      .get('https://shop.test/login', { cookie: '', setCookie: [sid(ID.a), 'SERVERID=node1; Path=/'] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}; SERVERID=node1`,
        form: { username: 'ann', password: 'pw' },
        location: '/account',
        setCookie: [sid(ID.b), 'SERVERID=node2; Path=/'],
      })
      .get(
        'https://shop.test/account',
        then === 'lost'
          ? { cookie: `sid=${ID.b}; SERVERID=node2`, setCookie: [sid(ID.c), 'SERVERID=node1; Path=/'] }
          : { cookie: `sid=${ID.b}; SERVERID=node2` },
      )
      .analyze();

  it('is the only sign of the risk where no move cost the session: raised', () => {
    const switches = findingsOf(login('kept'), 'session-backend-switch');
    expect(switches.map((f) => [f.entry, f.severity])).toEqual([[1, 'medium']]);
  });

  it('is told as info where a later move cost the session, which is raised', () => {
    const switches = findingsOf(login('lost'), 'session-backend-switch');
    expect(switches.map((f) => [f.entry, f.severity])).toEqual([
      [1, 'info'],
      [2, 'medium'],
    ]);
  });
});
