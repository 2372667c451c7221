// The demo site: one node:http and one node:https listener on 127.0.0.1 serving every scenario app,
// routed by Host header (browsers map *.test to 127.0.0.1). Run it with
// `node --import tsx demo/server.ts` (ports 8080/8443, or DEMO_HTTP_PORT / DEMO_HTTPS_PORT).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { pathToFileURL } from 'node:url';
import { type DemoApp, type DemoRequest, type DemoResponse, escapeHtml, htmlPage, parseCookieHeader } from './app.ts';
import { createDemoApps } from './apps/index.ts';
import { createFrameworkApps } from './frameworks/index.ts';
import { DEMO_SCENARIOS, scenarioStart } from './scenarios.ts';
import { generateDemoCertificate } from './tls.ts';

export interface DemoServer {
  readonly httpPort: number;
  readonly httpsPort: number;
  /** e.g. url('https', 'shop.test', '/secure/') → https://shop.test:8443/secure/ */
  url(scheme: 'http' | 'https', host: string, path: string): string;
  /** Requests the server has seen, for tests that compare counts. */
  readonly requestLog: readonly { method: string; host: string; url: string; time: number; scheme: 'http' | 'https' }[];
  close(): Promise<void>;
}

/** Raised when a listener's port is taken; the script turns it into a one-line message and exit code 2. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly envVar: string,
  ) {
    super(`port ${port} is in use: set ${envVar}=<another port> (or stop what is using it)`);
    this.name = 'PortInUseError';
  }
}

/** Form bodies are tiny here; anything over this is refused rather than buffered. */
const MAX_BODY_BYTES = 64 * 1024;

function indexPage(url: DemoServer['url']): DemoResponse {
  const items = DEMO_SCENARIOS.map((s) => {
    const start = scenarioStart(s);
    const href = url(start.scheme, start.host, start.path);
    return `<li id="scenario-${escapeHtml(s.id)}"><strong>${escapeHtml(s.title)}</strong> <code>${escapeHtml(s.id)}</code><br>
${escapeHtml(s.sentence)}<br><a class="start" href="${escapeHtml(href)}">Start</a></li>`;
  }).join('\n');
  return htmlPage(
    'Sessionscope demo: session cookie bugs',
    'Each scenario reproduces one real way a web app loses, leaks or weakens its session; open DevTools, start one, and watch Sessionscope explain it.',
    `<p>Clear this site’s cookies between scenarios for a clean start.</p><ol>${items}</ol>`,
  );
}

function notFound(): DemoResponse {
  return htmlPage('Not found', 'No demo scenario serves this URL.', '', [], 404);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server, port: number, host: string, envVar: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, envVar) : err);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startDemoServer(
  opts: { httpPort?: number; httpsPort?: number; host?: string } = {},
): Promise<DemoServer> {
  const bindHost = opts.host ?? '127.0.0.1';
  const apps: DemoApp[] = createDemoApps();
  const frameworkApps = createFrameworkApps();
  const requestLog: { method: string; host: string; url: string; time: number; scheme: 'http' | 'https' }[] = [];
  let httpPort = opts.httpPort ?? 0;
  let httpsPort = opts.httpsPort ?? 0;
  const url = (scheme: 'http' | 'https', host: string, path: string) =>
    `${scheme}://${host}:${scheme === 'http' ? httpPort : httpsPort}${path}`;

  const handler = (scheme: 'http' | 'https') => async (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '').toLowerCase();
    requestLog.push({ method: req.method ?? 'GET', host, url: req.url ?? '/', time: Date.now(), scheme });
    // A framework app reads the request itself (its body too): hand it over before anything is consumed.
    const framework = frameworkApps.find((a) => a.host === host);
    if (framework) {
      framework.listener(req, res);
      return;
    }
    let answer: DemoResponse;
    try {
      const parsed = new URL(req.url ?? '/', `${scheme}://${host}`);
      const body = req.method === 'POST' ? await readBody(req) : '';
      const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      const demoReq: DemoRequest = {
        method: req.method ?? 'GET',
        scheme,
        host,
        path: parsed.pathname,
        query: parsed.searchParams,
        cookies: parseCookieHeader(req.headers.cookie),
        form: new URLSearchParams(isForm ? body : ''),
        url,
      };
      const app = apps.find((a) => a.owns(demoReq));
      answer = app ? app.handle(demoReq) : demoReq.path === '/' ? indexPage(url) : notFound();
    } catch (err) {
      answer = {
        status: 400,
        headers: [['Content-Type', 'text/plain']],
        body: `bad request: ${(err as Error).message}\n`,
      };
    }
    // writeHead with a flat [name, value, name, value…] array keeps each Set-Cookie its own line.
    const flat: string[] = answer.headers.flat();
    flat.push('Content-Length', String(Buffer.byteLength(answer.body)));
    res.writeHead(answer.status, flat);
    res.end(answer.body);
  };

  const { key, cert } = await generateDemoCertificate();
  const httpServer = createHttpServer(handler('http'));
  const httpsServer = createHttpsServer({ key, cert }, handler('https'));
  try {
    httpPort = await listen(httpServer, httpPort, bindHost, 'DEMO_HTTP_PORT');
    httpsPort = await listen(httpsServer, httpsPort, bindHost, 'DEMO_HTTPS_PORT');
  } catch (err) {
    await Promise.all([closeServer(httpServer), closeServer(httpsServer)]);
    throw err;
  }
  return {
    get httpPort() {
      return httpPort;
    },
    get httpsPort() {
      return httpsPort;
    },
    url,
    requestLog,
    close: () => Promise.all([closeServer(httpServer), closeServer(httpsServer)]).then(() => undefined),
  };
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name}=${raw} is not a port number (0-65535)`);
  return port;
}

async function main(): Promise<void> {
  try {
    const server = await startDemoServer({
      httpPort: portFromEnv('DEMO_HTTP_PORT', 8080),
      httpsPort: portFromEnv('DEMO_HTTPS_PORT', 8443),
    });
    process.stdout.write(
      `Sessionscope demo server on 127.0.0.1: http port ${server.httpPort}, https port ${server.httpsPort}\n` +
        `Index: ${server.url('https', 'shop.test', '/')}\n` +
        'Start Chromium with --host-resolver-rules="MAP *.test 127.0.0.1" --ignore-certificate-errors\n',
    );
    const stop = () => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
