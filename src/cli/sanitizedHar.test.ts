// Sanitised HARs. Without any cookie: Chrome's DevTools exports HARs so by default since Chrome 130 (no Cookie,
// Set-Cookie or Authorization header); the reports say the file shows no cookie sent instead of "no session was lost", and
// tell a DevTools user how to export one that has them. With cookie values masked by a sanitiser (`REDACTED`): every
// ID reads the same, which once made a login that renews its ID a HIGH session-fixation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/runCli.ts';
import { sanitizedHar } from '../../test/helpers/sanitizedHar.ts';
import { trace } from '../../test/helpers/traceBuilder.ts';

const LOST = new URL('../../test/fixtures/demo-har/secure-lost-on-http.har', import.meta.url).pathname;
/** Django renews `sessionid` at its login and clears it at its logout; it keeps it 14 days (a LOW). */
const DJANGO = new URL('../../test/fixtures/framework-har/django-db.har', import.meta.url).pathname;

/** The demo's recording as "Export HAR (sanitized)" writes it, under the given creator. */
const sanitized = (creator: string) => sanitizedHar(readFileSync(LOST, 'utf8'), creator);

const analyse = (text: string, format = 'text') =>
  runCli(['analyze', 'in.har', '--format', format], { files: { 'in.har': text } });

describe('a HAR that holds no cookie', () => {
  it('text: says so instead of "no session was lost", and how to export one from DevTools', async () => {
    const { stdout } = await analyse(sanitized('WebInspector'));
    expect(stdout).toContain('Note: this file shows no cookie sent');
    expect(stdout).toContain('"Export HAR (with sensitive data)"');
    expect(stdout).toContain('What happened: no session ID to follow.');
    expect(stdout).not.toContain('no session was lost');
  });

  it('json: the note is in `input.notes`, for a CI job that reads only the findings', async () => {
    const doc = JSON.parse((await analyse(sanitized('WebInspector'), 'json')).stdout);
    expect(doc.findings).toEqual([]);
    expect(doc.input.notes).toEqual([expect.stringContaining('This file shows no cookie sent')]);
    const whole = JSON.parse((await analyse(readFileSync(LOST, 'utf8'), 'json')).stdout);
    expect(whole.input.notes).toBeUndefined();
  });

  it('from another tool: the fact alone, no DevTools advice', async () => {
    const { stdout } = await analyse(sanitized('Firefox'));
    expect(stdout).toContain('Note: this file shows no cookie sent');
    expect(stdout).not.toContain('DevTools');
  });

  it('html: the same note', async () => {
    const { stdout } = await analyse(sanitized('WebInspector'), 'html');
    expect(stdout).toContain('This file shows no cookie sent');
    expect(stdout).toContain('Export HAR (with sensitive data)');
  });

  it("a file whose only Set-Cookie is a third party's, seen once: the note claims no more than it checked", async () => {
    // Page loads recorded by proxies often hold one tracker's Set-Cookie that no later request goes back to.
    const entry = (url: string, headers: { name: string; value: string }[] = []) => ({
      startedDateTime: '2020-05-01T10:00:00.000Z',
      time: 10,
      request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [], cookies: [], queryString: [] },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers, cookies: [], content: {} },
    });
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'Alta Proxy', version: '1.0' },
        entries: [
          entry('https://news.test/'),
          entry('https://tracker.example/pixel.gif', [
            {
              name: 'Set-Cookie',
              value: 'NID=511=abc; Domain=.tracker.example; Path=/; Expires=Tue, 01 Dec 2020 10:00:00 GMT',
            },
          ]),
          entry('https://news.test/app.js'),
        ],
      },
    };
    const doc = JSON.parse((await analyse(JSON.stringify(har), 'json')).stdout);
    expect(doc.input.notes).toEqual([expect.stringContaining('This file shows no cookie sent')]);
    expect(doc.input.notes[0]).not.toMatch(/no response set/);
  });

  it('a file with its cookies gets no such note', async () => {
    const { stdout } = await analyse(readFileSync(LOST, 'utf8'));
    expect(stdout).not.toContain('shows no cookie sent');
    expect(stdout).toContain('What happened');
  });
});

interface HeaderedHar {
  log: {
    entries: {
      request: { headers: { name: string; value: string }[] };
      response: { headers: { name: string; value: string }[] };
    }[];
  };
}

/** Django's recording with every cookie value replaced by `mask(name, value)`, as HAR sanitisers write them. */
function masked(mask: (name: string, value: string) => string): string {
  const har = JSON.parse(readFileSync(DJANGO, 'utf8')) as HeaderedHar;
  const pair = (text: string) => {
    const eq = text.indexOf('=');
    return `${text.slice(0, eq)}=${mask(text.slice(0, eq), text.slice(eq + 1))}`;
  };
  for (const { request, response } of har.log.entries) {
    for (const h of request.headers) if (/^cookie$/i.test(h.name)) h.value = h.value.split(/;\s*/).map(pair).join('; ');
    for (const h of response.headers) {
      if (!/^set-cookie$/i.test(h.name)) continue;
      const semi = h.value.indexOf(';');
      h.value = `${pair(semi === -1 ? h.value : h.value.slice(0, semi))}${semi === -1 ? '' : h.value.slice(semi)}`;
    }
  }
  return JSON.stringify(har);
}

/** Eight hex digits of a value (FNV-1a), as a sanitiser that keeps values apart writes them. */
function hash8(value: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

describe('a HAR whose cookie values a sanitiser masked', () => {
  it.each([
    ['REDACTED', () => 'REDACTED'],
    ['[<name> redacted]', (name: string) => `[${name} redacted]`],
    ['****', () => '****'],
    ['--redacted--', () => '--redacted--'],
  ])('%s: no ID followed, no fixation; attributes still judged; the note says why', async (_style, mask) => {
    const { stdout } = await runCli(['analyze', 'in.har', '--format', 'json'], { files: { 'in.har': masked(mask) } });
    const doc = JSON.parse(stdout);
    const found = doc.findings.map((f: { rule: string; cookie?: string }) => `${f.rule} ${f.cookie ?? ''}`);
    expect(found).toEqual(['cookie-persistent-session sessionid']);
    const text = (await analyse(masked(mask))).stdout;
    expect(text).toContain("Note: this file's cookie values were masked");
    expect(text).toContain('What happened: no session ID to follow.');
    expect(doc.input.notes).toEqual([expect.stringContaining("This file's cookie values were masked")]);
  });

  it('a name no list knows, masked, that a login issued: a session by that behaviour, its attributes judged', () => {
    // A cable modem's login over http (solentlabs/cable_modem_monitor's Arris recording): `credential=[REDACTED]`.
    const login = (value: string) =>
      trace()
        .login('http://192.168.100.1/cgi-bin/login', [`credential=${value}; Path=/`], '/status')
        .get('http://192.168.100.1/status', { cookie: `credential=${value}` })
        .analyze();
    const found = (value: string) => login(value).findings.map((f) => `${f.rule} ${f.cookie} ${f.severity}`);
    expect(found('[REDACTED]')).toEqual([
      'cookie-set-over-http credential high',
      'cookie-no-httponly credential medium',
      'cookie-samesite-missing credential low',
    ]);
    // Still no ID followed: a masked value reads as every other.
    expect(login('[REDACTED]').sessions).toEqual([]);
    // A word is no ID, whatever the login did with it.
    expect(found('yes')).toEqual([]);
  });

  it("each value replaced by one label and its hash (COOKIE_<hex>): IDs followed, the placeholders' entropy not judged", async () => {
    // solentlabs/cable_modem_monitor's recordings: `sessionToken=COOKIE_6f5c89a0`, `SID=COOKIE_e846df63`.
    const placeholders = masked((_name, value) => (value === '' ? '' : `COOKIE_${hash8(value)}`));
    const doc = JSON.parse((await analyse(placeholders, 'json')).stdout);
    expect(doc.findings.map((f: { rule: string }) => f.rule).sort()).toEqual([
      'cookie-persistent-session',
      'session-established',
      'session-reset',
      'session-rotated',
    ]);
    expect(doc.input.notes).toEqual([
      expect.stringContaining("This file's cookie values were replaced by placeholders"),
    ]);
    const text = (await analyse(placeholders)).stdout;
    expect(text).not.toContain('no session ID to follow');
    // A label per cookie is no sanitiser's scheme: the values are judged as an application's.
    const perName = masked((name, value) => (value === '' ? '' : `${name.replace(/\W/g, '')}_${hash8(value)}`));
    const judged = JSON.parse((await analyse(perName, 'json')).stdout);
    expect(judged.input.notes).toBeUndefined();
    expect(judged.findings.map((f: { rule: string }) => f.rule)).toContain('session-id-low-entropy');
  });

  it('unmasked, the same recording follows the ID through the login and the logout', async () => {
    const doc = JSON.parse((await runCli(['analyze', DJANGO, '--format', 'json'])).stdout);
    expect(doc.findings.map((f: { rule: string }) => f.rule).sort()).toEqual([
      'cookie-persistent-session',
      'session-established',
      'session-reset',
      'session-rotated',
    ]);
    expect((await runCli(['analyze', DJANGO])).stdout).not.toContain('masked');
  });
});
