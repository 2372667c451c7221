// cookie-set-over-http: a session cookie issued on a plain http:// response.
import { describe, expect, it } from 'vitest';
import { findingsOf, ID, trace } from '../../../test/helpers/traceBuilder.ts';

describe('cookie-set-over-http', () => {
  it('PHPSESSID issued on an http:// response → cookie-set-over-http', () => {
    const result = trace()
      .get('http://shop.test/', { cookie: '', setCookie: [`PHPSESSID=${ID.a}; Path=/; HttpOnly; SameSite=Lax`] })
      .analyze();
    const found = findingsOf(result, 'cookie-set-over-http');
    expect(found.map((f) => [f.cookie, f.entry, f.severity])).toEqual([['PHPSESSID', 0, 'medium']]); // a name alone makes the cookie `likely`: at most medium (RULES.md)
    expect(found[0]!.message).toContain('http://shop.test/');
  });

  it('the same cookie issued over https → nothing', () => {
    const result = trace()
      .get('https://shop.test/', {
        cookie: '',
        setCookie: [`PHPSESSID=${ID.a}; Path=/; Secure; HttpOnly; SameSite=Lax`],
      })
      .analyze();
    expect(findingsOf(result, 'cookie-set-over-http')).toEqual([]);
  });

  it.each(['localhost:3000', '127.0.0.1:8000', 'app.localhost:5173', '[::1]:4000'])(
    'issued over http on a loopback host (%s, a local development server) → nothing',
    (host) => {
      const result = trace()
        .get(`http://${host}/`, { cookie: '', setCookie: [`PHPSESSID=${ID.a}; Path=/; HttpOnly; SameSite=Lax`] })
        .get(`http://${host}/a`, { cookie: `PHPSESSID=${ID.a}` })
        .analyze();
      expect(result.sessions.map((s) => s.cookie)).toEqual(['PHPSESSID']);
      expect(findingsOf(result, 'cookie-set-over-http')).toEqual([]);
    },
  );

  it('an http host that only looks local (localhost.example.com, 10.0.0.5) → cookie-set-over-http', () => {
    for (const host of ['localhost.example.com', '10.0.0.5', '127.example.com']) {
      const result = trace()
        .get(`http://${host}/`, { cookie: '', setCookie: [`PHPSESSID=${ID.a}; Path=/; HttpOnly; SameSite=Lax`] })
        .analyze();
      expect(
        findingsOf(result, 'cookie-set-over-http').map((f) => f.cookie),
        host,
      ).toEqual(['PHPSESSID']);
    }
  });

  it('a non-session cookie over http → nothing', () => {
    const result = trace()
      .get('http://shop.test/', { cookie: '', setCookie: ['lang=en; Path=/'] })
      .analyze();
    expect(findingsOf(result, 'cookie-set-over-http')).toEqual([]);
  });

  it("a WebSocket's handshake over ws:// sets it in clear text too; over wss:// or to a loopback host, nothing", () => {
    const told = (url: string) =>
      findingsOf(
        trace()
          .get(url, { cookie: '', setCookie: [`PHPSESSID=${ID.a}; Path=/; HttpOnly; SameSite=Lax`] })
          .analyze(),
        'cookie-set-over-http',
      ).map((f) => f.message);
    const [message, ...more] = told('ws://chat.example/socket');
    expect(more).toEqual([]);
    expect(message).toContain('issued on a plain ws:// WebSocket handshake (ws://chat.example/socket)');
    expect(told('wss://chat.example/socket')).toEqual([]);
    expect(told('ws://localhost:3000/socket')).toEqual([]);
  });
});
