// Ghost 5 (node_modules/ghost, installed as Ghost-CLI installs it: see install.sh) in development mode on SQLite, in
// the current directory (the recording's): `node start.mjs setup` copies our config.development.json and Ghost's
// content directory there, boots Ghost once and sets up the owner as its setup screen does (alice@example.com);
// `node start.mjs <port>` serves it on 127.0.0.1:<port>. Ghost listens at once and answers 503 (maintenance) until it
// has booted: it runs on port + 50, and this process, listening on <port>, holds each connection until then and passes
// it through untouched.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const GHOST = join(HERE, 'node_modules', 'ghost');
const work = process.cwd();
const mode = process.argv[2];

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function ghost(url, port) {
  return spawn(process.execPath, [join(GHOST, 'index.js')], {
    cwd: work,
    env: { ...process.env, NODE_ENV: 'development', url, server__host: '127.0.0.1', server__port: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function booted(port, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`Ghost exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ghost/api/admin/authentication/setup/`);
      if (res.status === 200) return (await res.json()).setup[0].status;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('Ghost did not boot within 5 minutes');
}

if (mode === 'setup') {
  cpSync(join(HERE, 'config.development.json'), join(work, 'config.development.json'));
  if (!existsSync(join(work, 'content'))) cpSync(join(GHOST, 'content'), join(work, 'content'), { recursive: true });
  // Ghost-CLI's layout: the release under `current`, where Ghost looks for its package.json.
  if (!existsSync(join(work, 'current'))) symlinkSync(GHOST, join(work, 'current'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = ghost(url, port);
  try {
    if (!(await booted(port, child))) {
      const res = await fetch(`${url}/ghost/api/admin/authentication/setup/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: url },
        body: JSON.stringify({
          setup: [
            {
              name: 'Alice',
              email: 'alice@example.com',
              password: process.env.GHOST_PASSWORD,
              blogTitle: 'Sessionscope',
            },
          ],
        }),
      });
      if (res.status !== 201) throw new Error(`setup: ${res.status} ${await res.text()}`);
    }
  } finally {
    child.kill();
  }
} else {
  const port = Number(mode);
  const child = ghost(`http://127.0.0.1:${port}`, port + 50);
  const stop = () => {
    child.kill();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.on('exit', (code) => process.exit(code ?? 1));
  const ready = booted(port + 50, child);
  createServer(async (socket) => {
    socket.pause();
    socket.on('error', () => socket.destroy());
    await ready;
    if (socket.destroyed) return;
    const upstream = createConnection(port + 50, '127.0.0.1');
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    socket.pipe(upstream).pipe(socket);
  }).listen(port, '127.0.0.1');
}
