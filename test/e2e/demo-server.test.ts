// The demo site in real Chromium: each scenario's cookie behaviour happens in the browser as the
// scenario says (seen through the recorder's HAR and Chrome's own verdicts), and the server script
// fails cleanly when its port is taken.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../demo/chromium.ts';
import { clearCookies } from '../../demo/drive.ts';
import { recordScenarioHar } from '../../demo/har/record.ts';
import type { HarEntry, HarLog } from '../../demo/har/to-har.ts';
import { findScenario } from '../../demo/scenarios.ts';
import { type DemoServer, startDemoServer } from '../../demo/server.ts';
import { modelReasonName } from '../../src/core/analysis/browserVerdicts.ts';

const ROOT = join(import.meta.dirname, '..', '..');

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium({ headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function cookieNamed(entry: HarEntry, name: string): string[] {
  return entry.request.cookies.filter((c) => c.name === name).map((c) => c.value);
}

function setCookieNamed(entry: HarEntry, name: string): string[] {
  return entry.response.cookies.filter((c) => c.name === name).map((c) => c.value);
}

function entryFor(har: HarLog, method: string, urlEnd: string): HarEntry {
  const entry = har.log.entries.find((e) => e.request.method === method && e.request.url.endsWith(urlEnd));
  if (entry === undefined)
    throw new Error(`no ${method} …${urlEnd} in ${har.log.entries.map((e) => e.request.url).join(', ')}`);
  return entry;
}

async function record(id: string): Promise<HarLog> {
  const before = server.requestLog.length;
  const har = await recordScenarioHar(browser, server, findScenario(id), 'test');
  // Every request the browser made reached the server and is an entry; nothing else was requested.
  expect(har.log.entries.length).toBe(server.requestLog.length - before);
  return har;
}

describe('demo scenarios in Chromium', () => {
  it('secure-lost-on-http: the http:// request carries no sid (SecureOnly) and the server issues a new one', async () => {
    const har = await record('secure-lost-on-http');
    const login = entryFor(har, 'POST', '/secure/login');
    const [loginSid] = setCookieNamed(login, 'sid');
    expect(loginSid).toMatch(/^[0-9a-f]{32}$/);
    expect(cookieNamed(entryFor(har, 'GET', '/secure/account'), 'sid')).toEqual([loginSid]);

    const overHttp = entryFor(har, 'GET', '/secure/catalogue');
    expect(overHttp.request.url.startsWith(server.url('http', 'shop.test', '/'))).toBe(true);
    expect(overHttp.request.headers.some((h) => h.name.toLowerCase() === 'cookie' && h.value.includes('sid='))).toBe(
      false,
    );
    const [newSid] = setCookieNamed(overHttp, 'sid');
    expect(newSid).toMatch(/^[0-9a-f]{32}$/);
    expect(newSid).not.toBe(loginSid);
    const report = overHttp._sessionscope.browserReport;
    expect(report?.blockedRequestCookies).toContainEqual({
      name: 'sid',
      domain: 'shop.test',
      path: '/',
      reasons: ['SecureOnly'],
    });
    // Chromium also refuses to let the http:// cookie overwrite the Secure one.
    expect(report?.blockedResponseCookies.map((b) => b.reasons)).toContainEqual(['OverwriteSecure']);
    expect(overHttp._sessionscope.initiatorUrl).toBe(server.url('https', 'shop.test', '/secure/account'));
  });

  it('load-balancer: node2 does not know node1’s JSESSIONID and issues its own', async () => {
    const har = await record('load-balancer');
    const [first, second] = har.log.entries;
    if (first === undefined || second === undefined) throw new Error('expected two entries');
    const [node1Id] = setCookieNamed(first, 'JSESSIONID');
    expect(node1Id).toMatch(/^[0-9a-f]{32}\.node1$/);
    expect(setCookieNamed(first, 'SERVERID')).toEqual(['node1']);
    expect(cookieNamed(second, 'JSESSIONID')).toEqual([node1Id]);
    expect(cookieNamed(second, 'SERVERID')).toEqual(['node1']);
    const [node2Id] = setCookieNamed(second, 'JSESSIONID');
    expect(node2Id).toMatch(/^[0-9a-f]{32}\.node2$/);
    expect(setCookieNamed(second, 'SERVERID')).toEqual(['node2']);
  });

  it('samesite-cross-site: from other.test the GET lacks the Strict sid and the POST lacks both', async () => {
    const har = await record('samesite-cross-site');
    const setter = entryFor(har, 'GET', '/samesite/');
    expect(setter.response.cookies.map((c) => [c.name, c.sameSite])).toEqual([
      ['sid', 'Strict'],
      ['sessionid', 'Lax'],
    ]);
    const crossGet = entryFor(har, 'GET', '/samesite/landing');
    expect(crossGet._sessionscope.initiatorUrl).toBe(server.url('https', 'other.test', '/samesite/'));
    expect(cookieNamed(crossGet, 'sid')).toEqual([]);
    expect(cookieNamed(crossGet, 'sessionid')).toEqual(setCookieNamed(setter, 'sessionid'));
    const crossPost = entryFor(har, 'POST', '/samesite/order');
    expect(crossPost.request.cookies).toEqual([]);
    expect(crossPost.request.postData?.params).toEqual([{ name: 'item', value: 'book' }]);
    // Chrome's own reasons, in the model's words (modelReasonName): Chromium 156 names them `Schemeful…` even for a
    // same-scheme cross-site request, Chromium 150 does not.
    const reasons = (e: HarEntry) =>
      Object.fromEntries(
        (e._sessionscope.browserReport?.blockedRequestCookies ?? []).map((b) => [
          b.name,
          b.reasons.map(modelReasonName),
        ]),
      );
    expect(reasons(crossGet)).toEqual({ sid: ['SameSiteStrict'] });
    expect(reasons(crossPost)).toEqual({ sid: ['SameSiteStrict'], sessionid: ['SameSiteLax'] });
  });

  it('shadowed-paths: the request under /shadow/app carries both sid cookies, longest path first', async () => {
    const har = await record('shadowed-paths');
    const siteSid = setCookieNamed(entryFor(har, 'GET', '/shadow/'), 'sid')[0];
    const appSid = setCookieNamed(entryFor(har, 'GET', '/shadow/app/'), 'sid')[0];
    expect(siteSid).toBeDefined();
    expect(appSid).toBeDefined();
    expect(cookieNamed(entryFor(har, 'GET', '/shadow/app/cart'), 'sid')).toEqual([appSid, siteSid]);
  });
});

describe('clearCookies', () => {
  it('empties the page’s cookie jar', async () => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url('https', 'lb.test', '/lb/'));
      expect((await context.cookies()).map((c) => c.name).sort()).toEqual(['JSESSIONID', 'SERVERID']);
      await clearCookies(page);
      expect(await context.cookies()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('demo server script', () => {
  it('finds Debian’s Chromium', () => {
    expect(findChromium()).toBe('/usr/bin/chromium');
  });

  it('exits 2 with one clear line when its port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
        cwd: ROOT,
        env: { ...process.env, DEMO_HTTP_PORT: String(port), DEMO_HTTPS_PORT: '0' },
      });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(2);
      expect(stderr.trim()).toBe(
        `port ${port} is in use: set DEMO_HTTP_PORT=<another port> (or stop what is using it)`,
      );
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stdout).toBe('');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
