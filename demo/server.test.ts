// The demo server without a browser: routing by Host header, the index, real Set-Cookie lines, the
// request log, and the balancer's round-robin.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from './scenarios.ts';
import { type DemoServer, startDemoServer } from './server.ts';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server.close();
});

/** A plain-http request with a chosen Host header, as a browser mapping *.test to 127.0.0.1 sends. */
function get(
  host: string,
  path: string,
  cookie?: string,
): Promise<{ status: number; setCookies: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.httpPort,
        path,
        headers: { Host: `${host}:${server.httpPort}`, ...(cookie ? { Cookie: cookie } : {}) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          body += d;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, setCookies: res.headers['set-cookie'] ?? [], body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('demo server', () => {
  it('lists every scenario on the index with its sentence and a start link on the right host', async () => {
    const index = await get('shop.test', '/');
    expect(index.status).toBe(200);
    for (const s of DEMO_SCENARIOS) {
      expect(index.body).toContain(`id="scenario-${s.id}"`);
      expect(index.body).toContain(s.title.replace(/&/g, '&#38;'));
    }
    expect(index.body).toContain(`href="${server.url('https', 'lb.test', '/lb/')}"`);
  });

  it('answers 404 for a URL no scenario serves, and logs every request', async () => {
    const before = server.requestLog.length;
    expect((await get('nowhere.test', '/x')).status).toBe(404);
    expect(server.requestLog.slice(before)).toEqual([
      expect.objectContaining({ method: 'GET', host: 'nowhere.test', url: '/x', scheme: 'http' }),
    ]);
  });

  it('balances round-robin and each node issues its own JSESSIONID with its route', async () => {
    const first = await get('lb.test', '/lb/');
    const jsession = first.setCookies.find((l) => l.startsWith('JSESSIONID='))?.split(';')[0] ?? '';
    expect(jsession).toMatch(/\.node1$/);
    expect(first.setCookies).toContain('SERVERID=node1; Path=/');
    const second = await get('lb.test', '/lb/cart', `${jsession}; SERVERID=node1`);
    expect(second.setCookies.find((l) => l.startsWith('JSESSIONID='))).toMatch(/^JSESSIONID=[0-9a-f]{32}\.node2;/);
    expect(second.setCookies).toContain('SERVERID=node2; Path=/');
    // Back on node1 the original ID is known again: no new JSESSIONID.
    const third = await get('lb.test', '/lb/cart', `${jsession}; SERVERID=node2`);
    expect(third.setCookies).toEqual(['SERVERID=node1; Path=/']);
  });

  it('keeps the same sid through a fixation login and replaces it through a rotation login', async () => {
    for (const [prefix, keeps] of [
      ['/fixation', true],
      ['/rotation', false],
    ] as const) {
      const start = await get('shop.test', `${prefix}/`);
      const sid = start.setCookies[0]?.split(';')[0] ?? '';
      expect(sid).toMatch(/^sid=[0-9a-f]{32}$/);
      const login = await new Promise<string[]>((resolve, reject) => {
        const body = 'username=demo&password=pw';
        const req = request(
          {
            host: '127.0.0.1',
            port: server.httpPort,
            path: `${prefix}/login`,
            method: 'POST',
            headers: {
              Host: 'shop.test',
              Cookie: sid,
              'Content-Type': 'application/x-www-form-urlencoded',
              'Content-Length': body.length,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.headers['set-cookie'] ?? []));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      if (keeps) expect(login).toEqual([]);
      else {
        expect(login).toHaveLength(1);
        expect(login[0]?.split(';')[0]).toMatch(/^sid=[0-9a-f]{32}$/);
        expect(login[0]?.split(';')[0]).not.toBe(sid);
      }
    }
  });

  it('hands a framework host node’s own request: express reads the login body; express-session sends no cookie over http', async () => {
    const post = (host: string, path: string) =>
      new Promise<{ status: number; location?: string; setCookies: string[] }>((resolve, reject) => {
        const body = 'username=demo&password=pw';
        const req = request(
          {
            host: '127.0.0.1',
            port: server.httpPort,
            path,
            method: 'POST',
            headers: {
              Host: `${host}:${server.httpPort}`,
              'Content-Type': 'application/x-www-form-urlencoded',
              'Content-Length': body.length,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                ...(res.headers.location ? { location: res.headers.location } : {}),
                setCookies: res.headers['set-cookie'] ?? [],
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    // express-session with cookie.secure on http://: the login is accepted, and no Set-Cookie at all.
    expect(await post('plain.test', '/login')).toEqual({ status: 302, location: '/account', setCookies: [] });
    expect((await get('plain.test', '/account')).status).toBe(302);
    // The hand-written express login sends its Secure sid anyway (the browser is what refuses it).
    const legacy = await post('legacy.test', '/login');
    expect(legacy.status).toBe(302);
    expect(legacy.setCookies).toEqual([
      expect.stringMatching(/^sid=[0-9a-f]{32}; Path=\/; HttpOnly; Secure; SameSite=Lax$/),
    ]);
  });
});
