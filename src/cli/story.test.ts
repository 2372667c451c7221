// The story in the CLI's formats: it opens the text and HTML reports, it is JSON's `story`, and --requests
// shows per-request cookies in text and HTML (and says why not in SARIF) instead of being silently ignored.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/runCli.ts';

const DEMO = new URL('../../test/fixtures/demo-har/', import.meta.url).pathname;
const LOST = `${DEMO}secure-lost-on-http.har`;

const run = (args: readonly string[]) => runCli(args);

describe('the story in the CLI', () => {
  it('text: "What happened" comes before every lane and finding; lanes before the other findings', async () => {
    const { stdout } = await run(['analyze', LOST]);
    const story = stdout.indexOf('What happened');
    const lost = stdout.indexOf('1. LOST — Your session was lost');
    const lane = stdout.indexOf('  Session sid');
    const other = stdout.indexOf('Other findings');
    const httpFinding = stdout.indexOf('cookie-set-over-http —');
    expect(story).toBeGreaterThan(0);
    expect(lost).toBeGreaterThan(story);
    expect(lane).toBeGreaterThan(lost);
    expect(other).toBeGreaterThan(lane);
    expect(httpFinding).toBeGreaterThan(other);
    expect(stdout).toContain('Secure cookie `sid` is not sent over http://');
  });

  it('json: a top-level story with the entry, kind and cause; IDs hashed', async () => {
    const doc = JSON.parse((await run(['analyze', LOST, '--format', 'json'])).stdout);
    expect(doc.story).toHaveLength(1);
    const reset = doc.findings.find((f: { rule: string }) => f.rule === 'session-reset');
    expect(doc.story[0]).toMatchObject({ kind: 'lost', entry: reset.entry, cookie: 'sid' });
    expect(doc.story[0].headline).toContain('`sid`');
    expect(doc.story[0].steps.join('\n')).toContain(reset.evidence.lostId);
  });

  it('text --requests: every entry with its cookies sent and not sent', async () => {
    const plain = (await run(['analyze', LOST])).stdout;
    const { stdout } = await run(['analyze', LOST, '--requests']);
    expect(plain).not.toContain('\nRequests\n');
    const requests = stdout.slice(stdout.indexOf('\nRequests\n'));
    const entries = JSON.parse(readFileSync(LOST, 'utf8')).log.entries.length;
    expect(requests.match(/^ {2}#\d+ /gm)).toHaveLength(entries);
    expect(requests).toMatch(
      /#3 .*GET http:\/\/shop\.test:8080\/secure\/catalogue → 200\n\s+not sent: sid \(SecureOnly\)/,
    );
  });

  it('html: the story section first, a request table of the session requests; every request with --requests', async () => {
    const html = (await run(['analyze', LOST, '--format', 'html'])).stdout;
    const story = html.indexOf('<h3>What happened</h3>');
    expect(story).toBeGreaterThan(0);
    expect(story).toBeLessThan(html.indexOf('<h3>Session lanes</h3>'));
    expect(html).toContain('class="story lost" data-entry="3"');
    const table = html.slice(html.indexOf('<table class="requests">'));
    expect(table).toContain('<tr data-entry="3">');
    expect(table).toContain('not sent sid: SecureOnly');
    // Entry 0 carries no session cookie: only --requests lists it.
    expect(table).not.toContain('<tr data-entry="0">');
    const all = (await run(['analyze', LOST, '--format', 'html', '--requests'])).stdout;
    expect(all.slice(all.indexOf('<table class="requests">'))).toContain('<tr data-entry="0">');
  });

  it('sarif --requests says it is not shown there', async () => {
    const { stderr, code } = await run(['analyze', LOST, '--format', 'sarif', '--requests']);
    expect(code).toBe(0);
    expect(stderr).toContain('--requests is not part of SARIF output');
  });
});
