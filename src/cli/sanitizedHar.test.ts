// A HAR without any cookie: Chrome's DevTools exports HARs sanitised by default since Chrome 130 (no Cookie,
// Set-Cookie or Authorization header). The reports say the file holds no cookie instead of "no session was lost",
// and tell a DevTools user how to export one that has them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/runCli.ts';

const LOST = new URL('../../test/fixtures/demo-har/secure-lost-on-http.har', import.meta.url).pathname;

interface Har {
  log: {
    creator: { name: string; version: string };
    entries: {
      request: { headers: { name: string }[]; cookies?: unknown[] };
      response: { headers: { name: string }[]; cookies?: unknown[] };
    }[];
  };
}

/** The demo's recording as "Export HAR (sanitized)" writes it, under the given creator. */
function sanitized(creator: string): string {
  const har = JSON.parse(readFileSync(LOST, 'utf8')) as Har;
  har.log.creator = { name: creator, version: '537.36' };
  for (const { request, response } of har.log.entries) {
    request.headers = request.headers.filter((h) => !/^(cookie|authorization)$/i.test(h.name));
    response.headers = response.headers.filter((h) => !/^set-cookie$/i.test(h.name));
    request.cookies = [];
    response.cookies = [];
  }
  return JSON.stringify(har);
}

const analyse = (text: string, format = 'text') =>
  runCli(['analyze', 'in.har', '--format', format], { files: { 'in.har': text } });

describe('a HAR that holds no cookie', () => {
  it('text: says so instead of "no session was lost", and how to export one from DevTools', async () => {
    const { stdout } = await analyse(sanitized('WebInspector'));
    expect(stdout).toContain('Note: this file holds no cookie');
    expect(stdout).toContain('"Export HAR (with sensitive data)"');
    expect(stdout).toContain('What happened: no session cookie to follow.');
    expect(stdout).not.toContain('no session was lost');
  });

  it('from another tool: the fact alone, no DevTools advice', async () => {
    const { stdout } = await analyse(sanitized('Firefox'));
    expect(stdout).toContain('Note: this file holds no cookie');
    expect(stdout).not.toContain('DevTools');
  });

  it('html: the same note', async () => {
    const { stdout } = await analyse(sanitized('WebInspector'), 'html');
    expect(stdout).toContain('This file holds no cookie');
    expect(stdout).toContain('Export HAR (with sensitive data)');
  });

  it('a file with its cookies gets no such note', async () => {
    const { stdout } = await analyse(readFileSync(LOST, 'utf8'));
    expect(stdout).not.toContain('holds no cookie');
    expect(stdout).toContain('What happened');
  });
});
