// Records one browse–login–logout in headless Chromium against each real web framework of test/frameworks/ and
// writes test/fixtures/framework-har/<id>.har: Django, Flask, aiohttp, PHP, Tomcat (alone, and two nodes behind
// nginx), Rails from Debian's packages; Fastify's, Koa's, Passport's and Mozilla's session libraries from npm. The
// tests read the recordings, so CI needs none of these; recording again needs them:
//   apt-get install python3-django python3-flask python3-aiohttp-session php-cli tomcat10 ruby-rails nginx-light
//   npm ci --prefix test/frameworks/node
// Run: node --import tsx scripts/record-framework-hars.ts [id…]
import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchChromium } from '../demo/chromium.ts';
import { CdpCapture } from '../demo/har/cdp-capture.ts';
import { chromiumVersion } from '../demo/har/record.ts';
import { toHar } from '../demo/har/to-har.ts';

const ROOT = join(import.meta.dirname, '..');
const APPS = join(ROOT, 'test', 'frameworks');
const OUT_DIR = join(ROOT, 'test', 'fixtures', 'framework-har');

interface Server {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
}

interface Framework {
  readonly id: string;
  /** Runs once before the server starts, in a scratch directory of its own (`work`). */
  readonly prepare?: (work: string) => Server | undefined;
  readonly server: (work: string, port: number) => Server;
  /** Servers behind `server` (a load balancer's nodes), each on its own port, started first. */
  readonly backends?: (work: string, port: number) => readonly (Server & { readonly port: number })[];
  /** How the user reaches the login form: its path, or the link on the home page (Tomcat's URL-rewritten link). */
  readonly login: { readonly path: string } | { readonly link: string };
  /**
   * A recording where the server loses the logged-in session instead of the user logging out: the server restarts
   * (a memory store), or its session files are removed (server-side expiry); then the user opens `after`.
   */
  readonly lose?: { readonly how: 'restart' | ((work: string) => void); readonly after: string };
}

const python = (work: string, args: string[], env: Record<string, string> = {}): Server => ({
  command: '/usr/bin/python3',
  args,
  cwd: work,
  env: { DJANGO_DB: join(work, 'db.sqlite3'), ...env },
});

const django = (id: string, engine: string): Framework => ({
  id,
  prepare: (work) => python(work, [join(APPS, 'django', 'app.py'), 'setup'], { SESSION_ENGINE: engine }),
  server: (work, port) =>
    python(work, [join(APPS, 'django', 'app.py'), 'runserver', `127.0.0.1:${port}`, '--noreload'], {
      SESSION_ENGINE: engine,
    }),
  login: { path: '/accounts/login/' },
});

const php = (id: string, env: Record<string, string>, settings: readonly string[] = []): Framework => ({
  id,
  server: (work, port) => {
    // Session files in the recording's own directory, where a recording that loses the session removes them.
    mkdirSync(join(work, 'sessions'), { recursive: true });
    const ini = [`session.save_path=${join(work, 'sessions')}`, ...settings].flatMap((setting) => ['-d', setting]);
    return { command: 'php', args: [...ini, '-S', `127.0.0.1:${port}`, 'index.php'], cwd: join(APPS, 'php'), env };
  },
  login: { path: '/login.php' },
});

/** PHP's session files removed, as its garbage collection does once they are older than gc_maxlifetime. */
const expirePhpSessions = (work: string) => {
  for (const file of readdirSync(join(work, 'sessions'))) rmSync(join(work, 'sessions', file));
};

/** A CATALINA_BASE of our own: Debian's configuration on our port (and node name), our webapp as ROOT. */
function tomcat(work: string, port: number, jvmRoute?: string): Server {
  cpSync('/etc/tomcat10', join(work, 'conf'), { recursive: true });
  const serverXml = join(work, 'conf', 'server.xml');
  let xml = readFileSync(serverXml, 'utf8').replace('port="8080"', `port="${port}"`);
  if (jvmRoute) {
    xml = xml.replace(
      '<Engine name="Catalina" defaultHost="localhost">',
      `<Engine name="Catalina" defaultHost="localhost" jvmRoute="${jvmRoute}">`,
    );
  }
  writeFileSync(serverXml, xml);
  for (const dir of ['logs', 'temp', 'work', 'webapps']) mkdirSync(join(work, dir), { recursive: true });
  symlinkSync(join(APPS, 'tomcat', 'ROOT'), join(work, 'webapps', 'ROOT'));
  return {
    command: '/usr/share/tomcat10/bin/catalina.sh',
    args: ['run'],
    cwd: work,
    env: { CATALINA_HOME: '/usr/share/tomcat10', CATALINA_BASE: work },
  };
}

/** A Node app of test/frameworks/node/, on its own npm packages (`npm ci --prefix test/frameworks/node`). */
const node = (id: string): Framework => ({
  id,
  server: (_work, port) => {
    if (!existsSync(join(APPS, 'node', 'node_modules'))) {
      throw new Error(`${id} needs its packages first: npm ci --prefix test/frameworks/node`);
    }
    return { command: process.execPath, args: [`${id}.mjs`, String(port)], cwd: join(APPS, 'node') };
  },
  login: { path: '/login' },
});

const FRAMEWORKS: readonly Framework[] = [
  php('php-native', {}),
  php('php-no-regenerate', { SKIP_REGENERATE: '1' }),
  django('django-db', 'django.contrib.sessions.backends.db'),
  django('django-signed-cookies', 'django.contrib.sessions.backends.signed_cookies'),
  {
    id: 'flask',
    server: (_work, port) => ({
      command: '/usr/bin/python3',
      args: ['-m', 'flask', '--app', 'app', 'run', '-p', String(port)],
      cwd: join(APPS, 'flask'),
    }),
    login: { path: '/login' },
  },
  {
    id: 'tomcat',
    server: (work, port) => tomcat(work, port),
    login: { link: '#login' },
  },
  // Two Tomcat nodes (jvmRoute node1, node2: the route suffix of JSESSIONID) that do not share sessions, behind
  // nginx balancing round robin without affinity: the session is lost wherever a request lands on the other node.
  {
    id: 'tomcat-cluster-no-affinity',
    backends: (work, port) =>
      [1, 2].map((n) => ({ ...tomcat(join(work, `node${n}`), port + 50 + n, `node${n}`), port: port + 50 + n })),
    server: (work, port) => {
      const conf = join(work, 'nginx.conf');
      const nginx = [
        `pid ${join(work, 'nginx.pid')};`,
        `error_log ${join(work, 'nginx-error.log')};`,
        'events {}',
        'http {',
        '  access_log off;',
        `  upstream nodes { server 127.0.0.1:${port + 51}; server 127.0.0.1:${port + 52}; }`,
        `  server { listen 127.0.0.1:${port}; location / { proxy_pass http://nodes; proxy_set_header Host $http_host; } }`,
        '}',
      ];
      writeFileSync(conf, `${nginx.join('\n')}\n`);
      return { command: '/usr/sbin/nginx', args: ['-c', conf, '-g', 'daemon off;'], cwd: work };
    },
    login: { link: '#login' },
  },
  {
    id: 'rails-cookie-store',
    server: (_work, port) => ({
      command: 'rackup',
      args: ['-p', String(port), '-o', '127.0.0.1', 'config.ru'],
      cwd: join(APPS, 'rails'),
    }),
    login: { path: '/session/new' },
  },
  {
    id: 'aiohttp-encrypted-cookie',
    server: (_work, port) => ({
      command: '/usr/bin/python3',
      args: [join(APPS, 'aiohttp', 'app.py'), String(port)],
      cwd: join(APPS, 'aiohttp'),
    }),
    login: { path: '/login' },
  },
  node('fastify-secure-session'),
  node('fastify-session'),
  node('koa-session'),
  node('express-passport'),
  node('client-sessions'),
  // The session lost on the server: PHP's expired session files (without strict mode PHP takes the unknown ID and
  // starts an empty session under it; with it, it issues a new ID); a memory store's restart.
  { ...php('php-session-expired', {}), lose: { how: expirePhpSessions, after: '/account.php' } },
  {
    ...php('php-session-expired-strict', {}, ['session.use_strict_mode=1']),
    lose: { how: expirePhpSessions, after: '/account.php' },
  },
  { ...node('fastify-session'), id: 'fastify-session-restart', lose: { how: 'restart', after: '/' } },
];

const FIRST_PORT = 9201;

function start(server: Server): ChildProcess {
  return spawn(server.command, [...server.args], {
    cwd: server.cwd,
    env: { ...process.env, ...server.env },
    stdio: 'ignore',
  });
}

async function run(server: Server): Promise<void> {
  const child = start(server);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${server.command} ${server.args.join(' ')} exited with ${code}`);
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on port ${port} within 30 s`);
}

async function submit(page: Page, password: string): Promise<void> {
  await page.type('input[name=username]', 'alice');
  await page.type('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button')]);
}

/** Home twice, the login form, a wrong password, the right one, home, log out, home. */
async function browseLogInLogOut(page: Page, base: string, framework: Framework): Promise<void> {
  await page.goto(`${base}/`);
  if ('link' in framework.login) {
    await Promise.all([page.waitForNavigation(), page.click(framework.login.link)]);
  } else {
    await page.goto(`${base}/`);
    await page.goto(`${base}${framework.login.path}`);
  }
  await submit(page, 'wrong');
  await submit(page, 'secret');
  await page.goto(`${base}/`);
  await Promise.all([page.waitForNavigation(), page.click('#logout')]);
  await page.goto(`${base}/`);
}

/** Home, the login form, the right password, home; the server loses the session; the page `after`. */
async function logInAndLose(page: Page, base: string, framework: Framework, lose: () => Promise<void>): Promise<void> {
  await page.goto(`${base}/`);
  await page.goto(`${base}${'path' in framework.login ? framework.login.path : '/'}`);
  await submit(page, 'secret');
  await page.goto(`${base}/`);
  await lose();
  await page.goto(`${base}${framework.lose?.after ?? '/'}`);
}

/** The framework's server (behind its back-ends, if any), started; stopped by calling what it gives back. */
async function startServers(framework: Framework, work: string, port: number): Promise<() => void> {
  const backends = (framework.backends?.(work, port) ?? []).map((b) => ({ port: b.port, child: start(b) }));
  const server = start(framework.server(work, port));
  const stop = () => {
    server.kill();
    for (const backend of backends) backend.child.kill();
  };
  try {
    for (const backend of backends) await waitForPort(backend.port, backend.child);
    await waitForPort(port, server);
  } catch (err) {
    stop();
    throw err;
  }
  return stop;
}

async function main(): Promise<void> {
  const ids = process.argv.slice(2);
  const chosen = ids.length > 0 ? FRAMEWORKS.filter((f) => ids.includes(f.id)) : FRAMEWORKS;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await launchChromium({ headless: true, allowThirdPartyCookies: true });
  try {
    for (const [i, framework] of chosen.entries()) {
      const port = FIRST_PORT + i;
      const work = mkdtempSync(join(tmpdir(), `sessionscope-${framework.id}-`));
      const setup = framework.prepare?.(work);
      if (setup) await run(setup);
      let stop = await startServers(framework, work, port);
      try {
        const page = await browser.defaultBrowserContext().newPage();
        const storage = await page.createCDPSession();
        await storage.send('Network.clearBrowserCookies');
        await storage.detach();
        const capture = await CdpCapture.attach(page);
        const base = `http://127.0.0.1:${port}`;
        const lose = framework.lose;
        if (lose === undefined) await browseLogInLogOut(page, base, framework);
        else {
          await logInAndLose(page, base, framework, async () => {
            if (lose.how !== 'restart') return lose.how(work);
            stop();
            await new Promise((r) => setTimeout(r, 500));
            stop = await startServers(framework, work, port);
          });
        }
        await capture.stop();
        await page.close();
        const har = toHar(capture.hops, capture.pageLoads, {
          creatorVersion: pkg.version,
          browserVersion: await chromiumVersion(browser),
        });
        const file = join(OUT_DIR, `${framework.id}.har`);
        writeFileSync(file, `${JSON.stringify(har, null, 2)}\n`);
        process.stdout.write(`${framework.id}: ${har.log.entries.length} entries → ${file}\n`);
      } finally {
        stop();
        rmSync(work, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`record-framework-hars: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
