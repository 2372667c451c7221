// session-established: the first session ID of a lane, once per lane, with how it was learnt.
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('session-established', () => {
  it('a sid set by the first response starts a lane at that entry', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .get('https://shop.test/cart', { cookie: `sid=${ID.a}` })
      .analyze();
    const found = findingsOf(result, 'session-established');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 0, origin: 'https://shop.test', severity: 'info' });
    expect(found[0]!.message).toContain('set by the server');
    expect(found[0]!.evidence).toMatchObject({ domain: 'shop.test', path: '/' });
  });

  it('a sid the browser already held when the trace began starts the lane at the first request carrying it', () => {
    const result = trace()
      .get('https://shop.test/a', { cookie: 'theme=dark' })
      .get('https://shop.test/b', { cookie: `sid=${ID.a}` })
      .analyze();
    const found = findingsOf(result, 'session-established');
    expect(found.map((f) => [f.cookie, f.entry])).toEqual([['sid', 1]]);
    expect(found[0]!.message).toContain('already held by the browser');
  });

  it('a rotation does not establish the session again', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=${ID.a}; ${GOOD}`] })
      .post('https://shop.test/login', {
        cookie: `sid=${ID.a}`,
        form: { user: 'ann', password: 'pw' },
        setCookie: [`sid=${ID.b}; ${GOOD}`],
      })
      .analyze();
    expect(findingsOf(result, 'session-established').map((f) => f.entry)).toEqual([0]);
  });

  it('a cookie that is not a session cookie establishes nothing', () => {
    const result = trace()
      .get('https://shop.test/', { cookie: '', setCookie: ['theme=dark; Path=/'] })
      .get('https://shop.test/x', { cookie: 'theme=dark' })
      .analyze();
    expect(findingsOf(result, 'session-established')).toEqual([]);
    expect(result.sessions).toEqual([]);
  });
});
