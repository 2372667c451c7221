// The page-load benchmark's own tiny server (the demo has no 300-subresource page): plain HTTP on
// 127.0.0.1, reached as bench.test / static.bench.test / api.bench.test through Chromium's
// host-resolver rules. The page sets six cookies for bench.test, so each of its 300 subresources carries
// a Cookie header; every tenth subresource sets one more. Nothing is cached (no-store), so every load
// fetches all 301 resources again.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SUBRESOURCES = 300;
const HOSTS = ['bench.test', 'static.bench.test', 'api.bench.test'];
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

function page(port: number, run: string): string {
  const items: string[] = [];
  for (let i = 0; i < SUBRESOURCES; i++) {
    const host = HOSTS[i % HOSTS.length];
    items.push(`<img src="http://${host}:${port}/img/${i}.gif?run=${run}" width="1" height="1">`);
  }
  return `<!doctype html><html><head><title>300 subresources</title></head><body>${items.join('')}</body></html>`;
}

const PAGE_COOKIES = [
  'sid=3f9c1e7a5b2d4c6e8f0a1b2c3d4e5f60; Domain=bench.test; Path=/; HttpOnly; SameSite=Lax',
  'csrftoken=Yk3P9qLx2Vb7Rt0Wn5Zc8Hs1; Domain=bench.test; Path=/; SameSite=Lax',
  'theme=dark; Domain=bench.test; Path=/',
  'lang=en-GB; Domain=bench.test; Path=/',
  '_ga=GA1.2.1234567890.1767600000; Domain=bench.test; Path=/; Max-Age=63072000',
  'consent=analytics%3Dno; Domain=bench.test; Path=/; Max-Age=15552000',
];

export async function startPageServer(): Promise<{
  port: number;
  url: (run: string) => string;
  close(): Promise<void>;
}> {
  let port = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.test');
    if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store', 'set-cookie': PAGE_COOKIES });
      res.end(page(port, url.searchParams.get('run') ?? '0'));
      return;
    }
    const n = Number(/\/img\/(\d+)\.gif/.exec(url.pathname)?.[1] ?? -1);
    const headers: Record<string, string | string[]> = { 'content-type': 'image/gif', 'cache-control': 'no-store' };
    if (n % 10 === 0) headers['set-cookie'] = [`px${n % 30}=${url.searchParams.get('run')}; Domain=bench.test; Path=/`];
    res.writeHead(n >= 0 ? 200 : 404, headers);
    res.end(n >= 0 ? GIF : '');
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (run) => `http://bench.test:${port}/page?run=${run}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
