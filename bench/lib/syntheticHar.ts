// A deterministic generator of realistic HAR 1.2 entries for the big benchmark inputs: several origins
// (first-party app and API, an identity provider, a CDN, a plain-HTTP legacy host, a third party),
// ~20 request headers in Chrome's order, Cookie headers carrying 5–10 cookies drawn from a per-origin
// jar the generated Set-Cookie lines keep up to date, session rotations at logins, resets (logout with
// Max-Age=0, and the server handing out a fresh ID unasked), and a load balancer's affinity cookie.
// Entries are written one by one (streamed), so a 1 GB file never sits in memory.
import { closeSync, openSync, writeSync } from 'node:fs';

/** Bumped whenever the output changes, so cached files in bench/out/ are regenerated. */
export const GENERATOR_VERSION = 3;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface Origin {
  readonly base: string;
  readonly host: string;
  readonly secure: boolean;
  /** Share of requests going here. */
  readonly weight: number;
  /** Cookies this origin's server hands out on first contact: name → attributes. */
  readonly cookies: readonly { name: string; attrs: string; length: number }[];
  readonly session?: string;
  readonly paths: readonly string[];
  readonly kind: 'document' | 'xhr' | 'static';
}

const ORIGINS: readonly Origin[] = [
  {
    base: 'https://app.shop.test',
    host: 'app.shop.test',
    secure: true,
    weight: 0.3,
    session: 'SESSIONID',
    kind: 'document',
    paths: ['/', '/cart', '/account', '/products/{n}', '/search?q=item{n}', '/checkout'],
    cookies: [
      { name: 'SESSIONID', attrs: 'Path=/; Secure; HttpOnly; SameSite=Lax', length: 32 },
      { name: 'csrftoken', attrs: 'Path=/; Secure; SameSite=Strict', length: 24 },
      { name: 'theme', attrs: 'Path=/; Max-Age=31536000', length: 5 },
      { name: 'lang', attrs: 'Path=/; Max-Age=31536000', length: 5 },
      { name: 'consent', attrs: 'Domain=shop.test; Path=/; Max-Age=15552000; Secure', length: 12 },
      { name: '_ga', attrs: 'Domain=shop.test; Path=/; Max-Age=63072000', length: 26 },
      { name: '_gid', attrs: 'Domain=shop.test; Path=/; Max-Age=86400', length: 26 },
      { name: 'AWSALB', attrs: 'Path=/; Max-Age=604800', length: 40 },
    ],
  },
  {
    base: 'https://api.shop.test',
    host: 'api.shop.test',
    secure: true,
    weight: 0.35,
    session: 'JSESSIONID',
    kind: 'xhr',
    paths: ['/v1/cart', '/v1/products/{n}', '/v1/recommendations', '/v1/user', '/v1/stock/{n}'],
    cookies: [
      { name: 'JSESSIONID', attrs: 'Path=/; Secure; HttpOnly; SameSite=None', length: 32 },
      { name: 'AWSALBCORS', attrs: 'Path=/; Max-Age=604800; Secure; SameSite=None', length: 40 },
      { name: 'rl_bucket', attrs: 'Path=/v1; Secure', length: 8 },
    ],
  },
  {
    base: 'https://cdn.shop.test',
    host: 'cdn.shop.test',
    secure: true,
    weight: 0.2,
    kind: 'static',
    paths: ['/img/p{n}.webp', '/js/app.{n}.js', '/css/site.{n}.css', '/fonts/inter.woff2'],
    cookies: [],
  },
  {
    base: 'http://legacy.shop.test',
    host: 'legacy.shop.test',
    secure: false,
    weight: 0.05,
    session: 'PHPSESSID',
    kind: 'document',
    paths: ['/orders.php?id={n}', '/help.php'],
    cookies: [
      { name: 'PHPSESSID', attrs: 'Path=/', length: 26 },
      { name: 'tz', attrs: 'Path=/', length: 6 },
    ],
  },
  {
    base: 'https://login.idp.test',
    host: 'login.idp.test',
    secure: true,
    weight: 0.05,
    session: 'idp_session',
    kind: 'document',
    paths: ['/authorize?client_id=shop&state={n}', '/session/check'],
    cookies: [
      { name: 'idp_session', attrs: 'Path=/; Secure; HttpOnly; SameSite=None', length: 43 },
      { name: 'device_id', attrs: 'Path=/; Max-Age=31536000; Secure; HttpOnly', length: 22 },
    ],
  },
  {
    base: 'https://ads.tracker.test',
    host: 'ads.tracker.test',
    secure: true,
    weight: 0.05,
    kind: 'static',
    paths: ['/pixel.gif?u={n}', '/sync?partner=3'],
    cookies: [{ name: 'uid', attrs: 'Path=/; Max-Age=31536000; Secure; SameSite=None', length: 20 }],
  },
];

const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

export interface HarGenOptions {
  readonly entries?: number;
  /** Stop once the file reaches this many bytes (for the 1 GB file) instead of a fixed entry count. */
  readonly targetBytes?: number;
  /** Bytes of response body text (JSON) on API responses; 0 leaves bodies out, as most exporters' "without content" mode. */
  readonly bodyBytes?: number;
  readonly seed?: number;
}

type HarHeader = { name: string; value: string };

/** Writes the HAR to `path`, entry by entry. Returns the entry count and bytes written. */
export function writeSyntheticHar(path: string, opts: HarGenOptions): { entries: number; bytes: number } {
  const random = prng(opts.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const token = (length: number) => {
    let s = '';
    for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return s;
  };
  const body = opts.bodyBytes
    ? `{"items":[${'{"sku":"A1","n":1},'.repeat(Math.max(1, Math.floor(opts.bodyBytes / 19)))}{}]}`
    : '';
  // What the browser holds per origin (the generator's own little jar; Domain=shop.test cookies go to every shop host).
  const jars = new Map<string, Map<string, string>>(ORIGINS.map((o) => [o.host, new Map()]));
  const shared = new Map<string, string>();
  const cumulative: number[] = [];
  let acc = 0;
  for (const o of ORIGINS) {
    acc += o.weight;
    cumulative.push(acc);
  }
  const chooseOrigin = () => {
    const r = random() * acc;
    return ORIGINS[cumulative.findIndex((c) => r < c)] ?? ORIGINS[0]!;
  };

  const fd = openSync(path, 'w');
  let bytes = 0;
  const out: string[] = [];
  let pending = 0;
  const write = (s: string) => {
    out.push(s);
    pending += s.length;
    if (pending > 1 << 20) flush();
  };
  const flush = () => {
    const chunk = out.join('');
    bytes += writeSync(fd, chunk);
    out.length = 0;
    pending = 0;
  };

  write('{"log":{"version":"1.2","creator":{"name":"sessionscope-bench","version":"1"},');
  write(
    '"pages":[{"startedDateTime":"2026-01-05T09:00:00.000Z","id":"page_1","title":"Shop","pageTimings":{}}],"entries":[\n',
  );
  let time = Date.UTC(2026, 0, 5, 9, 0, 0);
  let count = 0;
  let page = 'https://app.shop.test/';
  const limit = opts.entries ?? Number.POSITIVE_INFINITY;
  for (; count < limit; count++) {
    if (opts.targetBytes !== undefined && bytes + pending >= opts.targetBytes) break;
    time += 5 + Math.floor(random() * 120);
    const origin = chooseOrigin();
    const n = Math.floor(random() * 5000);
    let path = pick(origin.paths).replace('{n}', String(n));
    let method = 'GET';
    const jar = jars.get(origin.host)!;
    const setCookies: string[] = [];
    const setCookie = (name: string, value: string, attrs: string) => {
      setCookies.push(`${name}=${value}; ${attrs}`);
      if (/Max-Age=0\b/.test(attrs)) {
        jar.delete(name);
        shared.delete(name);
      } else if (attrs.includes('Domain=shop.test')) shared.set(name, value);
      else jar.set(name, value);
    };
    // Session life: a login every ~400 requests (rotation: a fresh ID right after the POST), a logout
    // every ~1,500 (reset by Max-Age=0), and now and then a server that hands out a new ID unasked.
    const roll = random();
    if (origin.session && origin.kind === 'document' && roll < 0.012) {
      method = 'POST';
      path = '/login';
      setCookie(origin.session, token(origin.cookies[0]!.length), origin.cookies[0]!.attrs);
    } else if (origin.session && roll < 0.0035) {
      path = '/logout';
      setCookie(origin.session, '', `${origin.cookies[0]!.attrs}; Max-Age=0`);
    } else if (origin.session && roll < 0.005) {
      setCookie(origin.session, token(origin.cookies[0]!.length), origin.cookies[0]!.attrs);
    }
    // First contact, and the odd refresh: the server sets the cookies the browser lacks.
    for (const c of origin.cookies) {
      const held = c.attrs.includes('Domain=shop.test') ? shared.has(c.name) : jar.has(c.name);
      if (!held && !setCookies.some((s) => s.startsWith(`${c.name}=`))) setCookie(c.name, token(c.length), c.attrs);
      else if (c.name.startsWith('AWSALB') && random() < 0.05) setCookie(c.name, token(c.length), c.attrs);
    }
    const url = `${origin.base}${path}`;
    const sent: [string, string][] = [];
    const shopHost = origin.host.endsWith('shop.test');
    for (const [k, v] of jar) {
      const attrs = origin.cookies.find((c) => c.name === k)?.attrs ?? '';
      if (!origin.secure && attrs.includes('Secure')) continue;
      sent.push([k, v]);
    }
    if (shopHost) for (const [k, v] of shared) if (origin.secure) sent.push([k, v]);
    const isDoc = origin.kind === 'document';
    const dest = isDoc ? 'document' : origin.kind === 'xhr' ? 'empty' : path.endsWith('.js') ? 'script' : 'image';
    const headers: HarHeader[] = [
      { name: ':authority', value: origin.host },
      { name: ':method', value: method },
      { name: ':path', value: path },
      { name: ':scheme', value: origin.secure ? 'https' : 'http' },
      { name: 'accept', value: isDoc ? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' : '*/*' },
      { name: 'accept-encoding', value: 'gzip, deflate, br, zstd' },
      { name: 'accept-language', value: 'en-GB,en;q=0.9,fr;q=0.8' },
      { name: 'cache-control', value: 'no-cache' },
      { name: 'pragma', value: 'no-cache' },
      { name: 'priority', value: isDoc ? 'u=0, i' : 'u=1, i' },
      { name: 'referer', value: page },
      { name: 'sec-ch-ua', value: '"Chromium";v="156", "Not)A;Brand";v="24"' },
      { name: 'sec-ch-ua-mobile', value: '?0' },
      { name: 'sec-ch-ua-platform', value: '"Linux"' },
      { name: 'sec-fetch-dest', value: dest },
      { name: 'sec-fetch-mode', value: isDoc ? 'navigate' : origin.kind === 'xhr' ? 'cors' : 'no-cors' },
      { name: 'sec-fetch-site', value: shopHost ? 'same-site' : 'cross-site' },
      { name: 'user-agent', value: USER_AGENT },
    ];
    if (isDoc) headers.push({ name: 'upgrade-insecure-requests', value: '1' }, { name: 'sec-fetch-user', value: '?1' });
    if (origin.kind === 'xhr')
      headers.push(
        { name: 'origin', value: 'https://app.shop.test' },
        { name: 'x-requested-with', value: 'XMLHttpRequest' },
      );
    if (sent.length > 0) headers.push({ name: 'cookie', value: sent.map(([k, v]) => `${k}=${v}`).join('; ') });
    const status = method === 'POST' ? 302 : random() < 0.02 ? 404 : 200;
    const mime = isDoc ? 'text/html' : origin.kind === 'xhr' ? 'application/json' : 'image/webp';
    const text = origin.kind === 'xhr' && body ? body : '';
    const responseHeaders: HarHeader[] = [
      { name: 'content-type', value: `${mime}; charset=utf-8` },
      { name: 'content-length', value: String(text.length || 1834) },
      { name: 'date', value: new Date(time).toUTCString() },
      { name: 'server', value: 'nginx/1.25.3' },
      { name: 'cache-control', value: origin.kind === 'static' ? 'public, max-age=31536000, immutable' : 'no-store' },
      { name: 'vary', value: 'Accept-Encoding, Origin' },
      { name: 'strict-transport-security', value: 'max-age=63072000; includeSubDomains' },
      { name: 'x-content-type-options', value: 'nosniff' },
      { name: 'etag', value: `W/"${n.toString(16)}-${count.toString(16)}"` },
      ...setCookies.map((value) => ({ name: 'set-cookie', value })),
    ];
    if (status === 302) responseHeaders.push({ name: 'location', value: '/account' });
    if (isDoc && status === 200) page = url;
    const entry = {
      startedDateTime: new Date(time).toISOString(),
      time: 40,
      request: {
        method,
        url,
        httpVersion: 'h2',
        cookies: sent.map(([name, value]) => ({ name, value })),
        headers,
        queryString: [],
        headersSize: -1,
        bodySize: 0,
        ...(method === 'POST'
          ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: 'user=alice&password=***' } }
          : {}),
      },
      response: {
        status,
        statusText: status === 200 ? 'OK' : status === 302 ? 'Found' : 'Not Found',
        httpVersion: 'h2',
        cookies: [],
        headers: responseHeaders,
        content: { size: text.length || 1834, mimeType: mime, ...(text ? { text } : {}) },
        redirectURL: status === 302 ? `${origin.base}/account` : '',
        headersSize: -1,
        bodySize: text.length || 1834,
      },
      cache: {},
      timings: { blocked: 1, dns: -1, connect: -1, send: 0, wait: 35, receive: 4, ssl: -1 },
      pageref: 'page_1',
    };
    write(`${count === 0 ? '' : ',\n'}${JSON.stringify(entry)}`);
  }
  write('\n]}}\n');
  flush();
  closeSync(fd);
  return { entries: count, bytes };
}
