// `sessionscope analyze` as CLI.md specifies it: exit codes 0/1/2, one-line errors naming the file and the
// problem (never a stack), the text/json/sarif formats, --requests, --session-cookie, --now, every good corpus
// file, and the real bin/sessionscope.mjs in a child process.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { type CliRun, runCli } from '../../test/helpers/runCli.ts';
import { BROKEN_CORPUS_HARS, CORPORA } from '../../test/helpers/shared.ts';
import { RULES } from '../core/rules/registry.ts';

// Whole-file CLI runs: give a loaded shared machine room (an idle run takes well under a second each).
vi.setConfig({ testTimeout: 60_000 });

const CORPUS = `${CORPORA}har/`;
const GOOD_CORPUS = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.har') && !BROKEN_CORPUS_HARS.includes(f))
  .sort();
const DEMO = new URL('../../test/fixtures/demo-har/', import.meta.url).pathname;
const BIN = new URL('../../bin/sessionscope.mjs', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs main() in-process; `files` are in-memory inputs by name, everything else is read from disk. */
function run(args: readonly string[], files: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, { files: { ...files } });
}

const json = (r: CliRun) =>
  JSON.parse(r.stdout) as {
    findings: { rule: string; cause?: string; cookie?: string }[];
    input: { notes?: string[] };
  };

interface HarStep {
  readonly url: string;
  readonly at: string;
  readonly cookie?: string;
  readonly setCookie?: readonly string[];
  readonly userAgent?: string;
}

/** A minimal HAR 1.2 document from a few requests. */
function har(steps: readonly HarStep[]): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'main.test', version: '1' },
      entries: steps.map((s) => ({
        startedDateTime: s.at,
        time: 1,
        request: {
          method: 'GET',
          url: s.url,
          httpVersion: 'HTTP/1.1',
          headers: [
            ...(s.userAgent !== undefined ? [{ name: 'User-Agent', value: s.userAgent }] : []),
            ...(s.cookie !== undefined ? [{ name: 'Cookie', value: s.cookie }] : []),
          ],
          cookies: [],
          queryString: [],
          headersSize: -1,
          bodySize: 0,
        },
        response: {
          status: 200,
          statusText: 'OK',
          httpVersion: 'HTTP/1.1',
          headers: (s.setCookie ?? []).map((value) => ({ name: 'Set-Cookie', value })),
          cookies: [],
          content: { size: 0, mimeType: 'text/html' },
          redirectURL: '',
          headersSize: -1,
          bodySize: 0,
        },
        cache: {},
        timings: { send: 0, wait: 1, receive: 0 },
      })),
    },
  });
}

describe('exit codes', () => {
  it('0 when the file analyses (text report by default)', async () => {
    const r = await run(['analyze', `${DEMO}secure-lost-on-http.har`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('session-not-sent [SecureOnly]');
    expect(r.stdout).toContain('session-reset');
  });

  it('1 with --fail-on high when a high finding exists', async () => {
    const r = await run(['analyze', `${DEMO}secure-lost-on-http.har`, '--fail-on', 'high']);
    expect(r.code).toBe(1);
  });

  it('0 with --fail-on low when every finding is info (a clean rotation at login)', async () => {
    const r = await run(['analyze', `${DEMO}rotation.har`, '--format', 'json', '--fail-on', 'low']);
    expect(json(r).findings.every((f) => ['session-established', 'session-rotated'].includes(f.rule))).toBe(true);
    expect(r.code).toBe(0);
  });

  it('--fail-on medium fails on a medium finding that --fail-on high lets pass', async () => {
    const file = 'medium.har';
    // A session cookie without HttpOnly (medium) and nothing high.
    const input = har([
      {
        url: 'https://shop.test/',
        at: '2025-01-01T00:00:00Z',
        cookie: '',
        setCookie: ['sid=f3a91c07d2b84e6a9c51e0b7a4d2f886; Path=/; Secure; SameSite=Lax'],
      },
    ]);
    expect((await run(['analyze', file, '--fail-on', 'medium'], { [file]: input })).code).toBe(1);
    expect((await run(['analyze', file, '--fail-on', 'high'], { [file]: input })).code).toBe(0);
  });

  it.each(BROKEN_CORPUS_HARS)(
    '2 for the broken corpus file %s, with one line naming the file and the problem',
    async (name) => {
      const r = await run(['analyze', `${CORPUS}${name}`]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(name);
      expect(lines[0]).toMatch(/not JSON|not a HAR/);
      expect(r.stderr).not.toContain('    at ');
    },
  );

  it('2 for a recording with no entry at all, which would otherwise read as "no session was lost"', async () => {
    const file = 'empty.har';
    const input = JSON.stringify({
      log: { version: '1.2', creator: { name: 'Playwright', version: '1.37' }, entries: [] },
    });
    for (const args of [[], ['--fail-on', 'high'], ['--format', 'json']]) {
      const r = await run(['analyze', file, ...args], { [file]: input });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'sessionscope: empty.har: no readable entry: the recording holds no request (log.entries is empty), so there is nothing to analyse\n',
      );
    }
    // One request is enough to analyse.
    const one = har([{ url: 'https://shop.test/', at: '2025-01-01T00:00:00Z', cookie: '' }]);
    expect((await run(['analyze', 'one.har'], { 'one.har': one })).code).toBe(0);
  });

  it('2 for a missing file, saying so', async () => {
    const r = await run(['analyze', '/nonexistent/trace.har']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/nonexistent/trace.har');
    expect(r.stderr).toContain('no such file');
    expect(r.stderr).not.toContain('    at ');
  });

  it('2 when one of several files is unreadable, after analysing the others', async () => {
    const r = await run(['analyze', `${DEMO}rotation.har`, '/nonexistent/trace.har']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('rotation.har');
    expect(r.stderr).toContain('/nonexistent/trace.har');
  });

  it.each([
    [['analyze', 'x.har', '--bogus'], '--bogus'],
    [['analyze', 'x.har', '--format', 'xml'], '--format'],
    [['analyze', 'x.har', '--fail-on', 'info'], '--fail-on'],
    [['analyze', 'x.har', '--now', 'yesterday'], '--now'],
    [['analyze'], 'no FILE'],
    [['inspect', 'x.har'], 'unknown command'],
  ])('2 for bad usage %j, naming the problem and showing the usage', async (args, problem) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(problem);
    expect(r.stderr).toContain('Usage: sessionscope analyze');
    expect(r.stderr).not.toContain('    at ');
  });

  it('0 for --help and --version', async () => {
    expect((await run(['--help'])).stdout).toContain('Usage: sessionscope analyze');
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^sessionscope \d+\.\d+\.\d+\n$/);
  });
});

describe('formats and options', () => {
  it('--format sarif gives SARIF 2.1.0 with one result per finding, ruleId = rule ID', async () => {
    const file = `${DEMO}secure-lost-on-http.har`;
    const findings = json(await run(['analyze', file, '--format', 'json'])).findings;
    const r = await run(['analyze', file, '--format', 'sarif']);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const results = sarif.runs[0].results as { ruleId: string; ruleIndex: number }[];
    expect(results.map((x) => x.ruleId)).toEqual(findings.map((f) => f.rule));
    const rules = sarif.runs[0].tool.driver.rules as { id: string }[];
    expect(rules).toHaveLength(RULES.length);
    for (const result of results) expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('--format json follows CLI.md: tool, input, sessions, findings; requests only with --requests', async () => {
    const file = `${DEMO}secure-lost-on-http.har`;
    const plain = JSON.parse((await run(['analyze', file, '--format', 'json'])).stdout);
    expect(plain.tool.name).toBe('sessionscope');
    expect(plain.input).toMatchObject({ file, format: 'har' });
    expect(plain.input.entries).toBeGreaterThan(0);
    expect(Array.isArray(plain.sessions)).toBe(true);
    expect(plain.requests).toBeUndefined();
    const withRequests = JSON.parse((await run(['analyze', file, '--format', 'json', '--requests'])).stdout);
    expect(withRequests.requests).toHaveLength(plain.input.entries);
    const lost = withRequests.requests.find((r: { notSent: { reason: string }[] }) =>
      r.notSent.some((n) => n.reason === 'SecureOnly'),
    );
    expect(lost.notSent[0]).toMatchObject({ name: 'sid', domain: 'shop.test', path: '/', reason: 'SecureOnly' });
  });

  it('several files with --format json give an array of documents, one per file', async () => {
    const r = await run(['analyze', `${DEMO}rotation.har`, `${DEMO}logout.har`, '--format', 'json']);
    const docs = JSON.parse(r.stdout) as { input: { file: string } }[];
    expect(docs.map((d) => d.input.file)).toEqual([`${DEMO}rotation.har`, `${DEMO}logout.har`]);
  });

  it('--session-cookie NAME makes an unknown cookie a session cookie', async () => {
    const file = 'pref.har';
    const input = har([
      // A token under a name no list knows (a word would be no ID at all: a placeholder, even in a marked cookie).
      {
        url: 'https://shop.test/',
        at: '2025-01-01T00:00:00Z',
        cookie: '',
        setCookie: ['pref=q8Xv2LmN4pR7tY1w; Path=/; Secure'],
      },
      { url: 'https://shop.test/a', at: '2025-01-01T00:00:01Z', cookie: 'pref=q8Xv2LmN4pR7tY1w' },
    ]);
    const without = json(await run(['analyze', file, '--format', 'json'], { [file]: input }));
    expect(without.findings.filter((f) => f.cookie === 'pref')).toEqual([]);
    const marked = json(
      await run(['analyze', file, '--format', 'json', '--session-cookie', 'pref'], { [file]: input }),
    );
    const rules = marked.findings.filter((f) => f.cookie === 'pref').map((f) => f.rule);
    expect(rules).toContain('session-established');
    expect(rules).toContain('cookie-no-httponly');
  });

  it('--now changes expiry decisions: a sid whose Expires passed between two requests is not expired at an earlier --now', async () => {
    const file = 'expiry.har';
    const input = har([
      {
        url: 'https://shop.test/',
        at: '2025-01-01T00:00:00Z',
        cookie: 'theme=dark',
        setCookie: [
          'sid=f3a91c07d2b84e6a9c51e0b7a4d2f886; Expires=Wed, 01 Jan 2025 00:05:00 GMT; Path=/; Secure; HttpOnly',
        ],
      },
      {
        url: 'https://shop.test/again',
        at: '2025-01-01T00:10:00Z',
        cookie: 'theme=dark',
        setCookie: ['sid=6c0e8d4b1f7a39e2d5b80c4a7f16e93d; Path=/; Secure; HttpOnly'],
      },
    ]);
    const reset = (r: CliRun) => json(r).findings.find((f) => f.rule === 'session-reset');
    // By each entry's own clock the sid had expired at 00:10.
    expect(reset(await run(['analyze', file, '--format', 'json'], { [file]: input }))?.cause).toBe('expired');
    // Judged at 00:01 it is still valid, so the browser simply did not send it.
    const early = await run(['analyze', file, '--format', 'json', '--now', '2025-01-01T00:01:00Z'], { [file]: input });
    expect(reset(early)?.cause).toBe('not-sent');
    // Judged at 02:00, long after, it had expired too.
    const late = await run(['analyze', file, '--format', 'json', '--now', '2025-01-01T02:00:00Z'], { [file]: input });
    expect(reset(late)?.cause).toBe('expired');
    // Neither clock is a day from the recording: no note. Years after it, the reports say how far the clock is.
    expect(json(late).input.notes).toBeUndefined();
    const years = await run(['analyze', file, '--now', '2033-06-01T00:00:00Z'], { [file]: input });
    expect(years.stdout).toContain(
      "Note: Expiry is judged at 2033-06-01T00:00:00.000Z (--now), 8 years after this recording's last request (2025-01-01T00:10:00.000Z)",
    );
    const before = await run(['analyze', file, '--format', 'json', '--now', '2024-12-29T00:00:00Z'], { [file]: input });
    expect(json(before).input.notes).toEqual([expect.stringContaining("3 days before this recording's first request")]);
  });

  it('a file no browser made names no browser defaults, and says which requests came from another client', async () => {
    const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
    const steps = (first: string, second: string | undefined): HarStep[] => [
      {
        url: 'https://api.test/login',
        at: '2025-01-01T00:00:00Z',
        userAgent: first,
        setCookie: ['sid=f3a91c07d2b84e6a9c51e0b7a4d2f886; Path=/; Secure; HttpOnly'],
      },
      {
        url: 'https://api.test/me',
        at: '2025-01-01T00:00:01Z',
        ...(second === undefined ? {} : { userAgent: second }),
        cookie: 'sid=f3a91c07d2b84e6a9c51e0b7a4d2f886',
      },
    ];
    const report = async (first: string, second: string | undefined) => {
      const files = { 'client.har': har(steps(first, second)) };
      const text = (await run(['analyze', 'client.har'], files)).stdout;
      const doc = JSON.parse((await run(['analyze', 'client.har', '--format', 'json'], files)).stdout) as {
        input: { clientRequests?: number; notes?: string[] };
      };
      return { browser: text.split('\n').find((l) => l.startsWith('Browser: ')), text, doc };
    };
    // A test harness's HTTP library on every request: no browser, so no "taken as Lax"; the note says what it does.
    const harness = await report('python-requests/2.31.0', 'python-requests/2.31.0');
    expect(harness.browser).toBe(
      'Browser: none: no request came from a browser, so no browser cookie defaults apply (see the note).',
    );
    expect(harness.text).toContain('Note: every request came from a client that is no browser');
    expect(harness.doc.input.clientRequests).toBe(2);
    expect(harness.doc.input.notes).toEqual([
      expect.stringMatching(/^Every request came from a client that is no browser/),
    ]);
    // A browser's session, then one request from a library: the browser keeps its line, the note counts the other.
    const mixed = await report(CHROME, 'curl/8.4.0');
    expect(mixed.browser).toBe('Browser: Chrome 120 (from user-agent): a cookie without SameSite is treated as Lax.');
    expect(mixed.text).toContain('Note: 1 of 2 requests came from a client that is no browser');
    expect(mixed.doc.input.clientRequests).toBe(1);
    // An API client's export where one request went without a User-Agent (an Insomnia file, audit 19): the line no
    // longer reads as a browser's file beside the note that says the requests were a client's.
    const apiClient = await report('insomnia/2023.5.8', undefined);
    expect(apiClient.browser).toBe(
      'Browser: none named: 1 of 2 requests came from a client that is no browser (see the note), and no other names a browser; for those, a cookie without SameSite is taken as Lax, as Chrome 80 and later do.',
    );
    // A browser alone: neither.
    const browser = await report(CHROME, CHROME);
    expect(browser.text).not.toContain('no browser');
    expect(browser.doc.input.clientRequests).toBeUndefined();
    expect(browser.doc.input.notes).toBeUndefined();
  });

  it('a new browser read from the traffic (days later, a page with none of the cookies held) is noted, not lost', async () => {
    const SID = 'sid=f3a91c07d2b84e6a9c51e0b7a4d2f886';
    const files = {
      'days.har': har([
        // A browser-session cookie: no expiry, so the jar would still send it.
        { url: 'https://crm.test/', at: '2025-01-01T09:00:00Z', setCookie: [`${SID}; Path=/; HttpOnly`] },
        { url: 'https://crm.test/home', at: '2025-01-01T09:00:01Z', cookie: SID },
        {
          url: 'https://crm.test/',
          at: '2025-01-03T09:00:00Z',
          setCookie: ['sid=6c0e8d4b1f7a39e2d5b80c4a7f16e93d; Path=/; HttpOnly'],
        },
      ]),
    };
    const text = (await run(['analyze', 'days.har'], files)).stdout;
    expect(text).toContain('Note: A new browser from entry 2');
    expect(text).not.toContain('LOST');
    const doc = JSON.parse((await run(['analyze', 'days.har', '--format', 'json'], files)).stdout);
    expect(doc.input.freshBrowsers).toEqual([2]);
    expect(doc.findings.filter((f: { rule: string }) => f.rule === 'session-reset')).toEqual([]);
  });

  it('--include-values prints session IDs that are otherwise redacted', async () => {
    const file = `${DEMO}rotation.har`;
    const redacted = JSON.parse((await run(['analyze', file, '--format', 'json'])).stdout);
    const raw = JSON.parse((await run(['analyze', file, '--format', 'json', '--include-values'])).stdout);
    expect(redacted.sessions[0].ids[0].id).toMatch(/^h:[0-9a-f]{8}$/);
    expect(raw.sessions[0].ids[0].id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('the corpus', () => {
  it.each(GOOD_CORPUS)(
    '%s analyses with exit 0 in every format',
    async (name) => {
      for (const format of ['text', 'json', 'sarif']) {
        const r = await run(['analyze', `${CORPUS}${name}`, '--format', format]);
        // Warnings only (harviewer's issue-23 files hold addresses that are only paths), never an error.
        expect(r.stderr.split('\n').filter((line) => line !== '' && !line.includes(': warning: '))).toEqual([]);
        expect(r.code).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
      }
    },
    30_000,
  );
});

describe('bin/sessionscope.mjs', () => {
  it('runs as a child process on a fixture: exit 0 and the text report', () => {
    const child = spawnSync(process.execPath, [BIN, 'analyze', `${DEMO}secure-lost-on-http.har`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('Sessionscope — ');
    expect(child.stdout).toContain('session-not-sent [SecureOnly]');
  }, 60_000);

  it('stops quietly when its reader stops early (| head): no stack trace, the exit code it had', () => {
    // 370 KB of JSON, more than a pipe holds: the writes still pending when `head` exits fail with EPIPE.
    const file = new URL('../../test/fixtures/framework-har/phpmyadmin-login-again.har', import.meta.url).pathname;
    const child = spawnSync(
      'sh',
      [
        '-c',
        `("${process.execPath}" "${BIN}" analyze "${file}" --format json --requests; echo "exit $?" >&2) | head -c 100 >/dev/null`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.stderr).toBe('exit 0\n');
  }, 60_000);

  it('reads standard input for "-" and exits 2 on a broken one', () => {
    const child = spawnSync(process.execPath, [BIN, 'analyze', '-', '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: '{"log": ',
      timeout: 60_000,
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/^sessionscope: -: not JSON/);
    expect(child.stderr).not.toContain('    at ');
  }, 60_000);
});
