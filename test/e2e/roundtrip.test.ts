// The round trip of issue 6, in headless Chromium's real DevTools: four demo scenarios (load-balancer,
// secure-lost-on-http, insecure-attributes, and consent-script, whose page script deletes the session: a cookie event
// only the extension hears) recorded in the Sessions panel, exported through the panel's own buttons as real
// downloads — native trace and HAR, redacted by default and raw once opted in —, then each file imported into a
// fresh panel and read by the CLI: the same findings and the same lanes as the live panel showed. A redacted
// export holds none of the session values the browser had, and the HAR exports are valid HAR 1.2.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCookies, runScenario } from '../../demo/drive.ts';
import { findScenario } from '../../demo/scenarios.ts';
import type { DemoServer } from '../../demo/server.ts';
import { main } from '../../src/cli/main.ts';
import { pageWithPanel, poll } from './helpers/devtools-panel.ts';
import { harSchemaErrors } from './helpers/har-schema.ts';
import { type ExtensionSession, launchWithExtension } from './helpers/launch.ts';
import {
  catchDownloads,
  clickInPanel,
  type Download,
  type DownloadCatcher,
  importIntoPanel,
  readShownFindings,
  readShownLanes,
  type ShownFinding,
  type ShownLane,
  shownRowCount,
} from './helpers/panel-files.ts';

const SCENARIOS = ['load-balancer', 'secure-lost-on-http', 'insecure-attributes', 'consent-script'].map(findScenario);
/**
 * Rules that read a cookie's value (docs/TRACE-FORMAT.md, "Redaction"): analysed again, hashes would lose what they
 * found, so a redacted export — native trace or HAR — keeps the analysis its exporter saw, and shows it.
 */
const VALUE_RULES = new Set([
  'jwt-alg-none',
  'jwt-no-expiry',
  'session-client-side-data',
  'session-id-low-entropy',
  'session-id-predictable',
]);

type ExportKind = 'trace' | 'har';
type Values = 'redacted' | 'raw';
interface Exported extends Download {
  readonly kind: ExportKind;
  readonly values: Values;
  readonly text: string;
}

/** The saved finding and lane shapes the native trace and the CLI's JSON share (docs/TRACE-FORMAT.md). */
interface SavedFinding {
  rule: string;
  severity: string;
  cookie?: string;
  entry: number;
  cause?: string;
  reason?: string;
}
interface SavedLane {
  origin: string;
  cookie: string;
  ids: { id: string; firstEntry: number; lastEntry: number; endedBy?: string; cause?: string; endEntry?: number }[];
}

let session: ExtensionSession;
let server: DemoServer;
let browser: Browser;
let extensionId: string;
let downloads: DownloadCatcher;
let dir: string;
let livePanel: Frame;
let liveFindings: ShownFinding[];
let liveLanes: ShownLane[];
let liveRows: number;
/** Every session cookie value the browser held at the end (CDP Network.getAllCookies). */
let browserValues: string[];
const exported: Exported[] = [];

const byPlace = <T extends { entry: number; rule: string; cookie?: string }>(a: T, b: T) =>
  a.entry - b.entry || a.rule.localeCompare(b.rule) || (a.cookie ?? '').localeCompare(b.cookie ?? '');
const sortedFindings = (list: readonly ShownFinding[]) => [...list].sort(byPlace);
/** A finding as the findings view shows it. */
const shown = (f: SavedFinding): ShownFinding => ({
  rule: f.rule,
  severity: f.severity,
  entry: f.entry,
  cookie: f.cookie ?? '',
});
/** What a finding says, without values: rule, severity, cookie, entry, cause and reason. */
const verdict = (f: SavedFinding) => ({
  rule: f.rule,
  severity: f.severity,
  cookie: f.cookie,
  entry: f.entry,
  cause: f.cause,
  reason: f.reason,
});
/** A lane without its IDs' values: where, which cookie, and how each ID ended, where and why. */
const laneShape = (l: SavedLane) => ({
  origin: l.origin,
  cookie: l.cookie,
  ids: l.ids.map((id) => ({
    firstEntry: id.firstEntry,
    lastEntry: id.lastEntry,
    endedBy: id.endedBy,
    endEntry: id.endEntry,
    cause: id.cause,
  })),
});
const byLane = (a: { origin: string; cookie: string }, b: { origin: string; cookie: string }) =>
  a.origin.localeCompare(b.origin) || a.cookie.localeCompare(b.cookie);
/** A lane as drawn, without the short IDs a redacted file cannot share with the live panel. */
const drawnShape = (l: ShownLane) => ({ origin: l.origin, cookie: l.cookie, segments: l.ids.length, events: l.events });

function file(kind: ExportKind, values: Values): Exported {
  const found = exported.find((e) => e.kind === kind && e.values === values);
  if (!found) throw new Error(`no ${values} ${kind} export`);
  return found;
}
const nativeOf = (values: Values) =>
  JSON.parse(file('trace', values).text) as {
    values: string;
    analysis: { findings: SavedFinding[]; sessions: SavedLane[] };
  };

async function cliJson(path: string): Promise<{ findings: SavedFinding[]; sessions: SavedLane[] }> {
  let out = '';
  let err = '';
  const code = await main(['analyze', path, '--format', 'json'], {
    readFile: (p) => readFileSync(p, 'utf8'),
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
  });
  expect(err, `CLI stderr for ${path}`).toBe('');
  expect(code, `CLI exit code for ${path}`).toBeLessThan(2);
  return JSON.parse(out);
}

beforeAll(async () => {
  const started = Date.now();
  dir = mkdtempSync(join(tmpdir(), 'sessionscope-roundtrip-'));
  session = await launchWithExtension();
  ({ server, browser, extensionId } = session);
  downloads = await catchDownloads(browser, dir);
  const live = await pageWithPanel(browser, extensionId);
  livePanel = live.panel;

  await clearCookies(live.page);
  // A fresh DevTools window can take longer than clickInPanel's 10 s to lay out the panel on a loaded machine.
  await livePanel.waitForSelector('[data-testid="clear"]', { visible: true, timeout: 60_000 });
  await clickInPanel(livePanel, '[data-testid="clear"]');
  for (const s of SCENARIOS) await runScenario(live.page, server, s);

  // The worker re-analyses every 250 ms: wait until every expected finding shows and two reads agree.
  let previous = '';
  await poll('the live findings and lanes to settle', 20_000, async () => {
    const findings = await readShownFindings(livePanel);
    const lanes = await readShownLanes(livePanel);
    const rows = await shownRowCount(livePanel);
    const allThere = SCENARIOS.every((s) =>
      [...s.expected, ...(s.expectedBy?.panel ?? [])].every((e) =>
        findings.some((f) => f.rule === e.rule && (e.cookie === undefined || f.cookie === e.cookie)),
      ),
    );
    const now = JSON.stringify([findings, lanes, rows]);
    const settled = allThere && now === previous;
    previous = now;
    if (!settled) return undefined;
    liveFindings = findings;
    liveLanes = lanes;
    liveRows = rows;
    return true;
  });

  const cdp = await live.page.createCDPSession();
  const { cookies } = await cdp.send('Network.getAllCookies');
  await cdp.detach();
  const laneCookies = new Set(liveLanes.map((l) => l.cookie));
  browserValues = cookies.filter((c) => laneCookies.has(c.name)).map((c) => c.value);

  // Default first (redacted), then with "raw values" ticked past its warning, then unticked again.
  const exportAs = async (kind: ExportKind, values: Values) => {
    const download = await downloads.expectDownload(() => clickInPanel(livePanel, `[data-testid="export-${kind}"]`));
    exported.push({ ...download, kind, values, text: readFileSync(download.path, 'utf8') });
  };
  await exportAs('trace', 'redacted');
  await exportAs('har', 'redacted');
  await clickInPanel(livePanel, '[data-testid="export-raw"]');
  await livePanel.waitForSelector('[data-testid="export-raw-warning"]', { timeout: 5_000 });
  await exportAs('trace', 'raw');
  await exportAs('har', 'raw');
  await clickInPanel(livePanel, '[data-testid="export-raw"]');
  console.log(`roundtrip setup: recorded ${liveRows} requests and exported 4 files in ${Date.now() - started} ms`);
}, 110_000);

afterAll(async () => {
  await downloads?.close();
  await session?.close();
  if (dir && !process.env.ROUNDTRIP_KEEP) rmSync(dir, { recursive: true, force: true });
});

describe('Chrome: round trip through the panel’s export and import, and the CLI', () => {
  it('the live panel shows the four scenarios: findings, and lanes on two origins with ended IDs', () => {
    const rules = liveFindings.map((f) => `${f.rule} ${f.cookie}`);
    for (const s of SCENARIOS)
      for (const e of [...s.expected, ...(s.expectedBy?.panel ?? [])]) expect(rules).toContain(`${e.rule} ${e.cookie}`);
    expect(new Set(liveLanes.map((l) => l.origin)).size).toBeGreaterThanOrEqual(2);
    const jsession = liveLanes.find((l) => l.cookie === 'JSESSIONID');
    expect(jsession?.ids.length).toBeGreaterThanOrEqual(2);
    expect(jsession?.events.map((e) => e.label)).toContain('reset: server-rejected');
    expect(liveLanes.find((l) => l.cookie === 'sid')?.events.map((e) => e.label)).toEqual(
      expect.arrayContaining(['not sent: SecureOnly']),
    );
  });

  it('exports are real downloads: redacted by default, raw only once opted in, named so', () => {
    expect(exported.map((e) => [e.kind, e.values])).toEqual([
      ['trace', 'redacted'],
      ['har', 'redacted'],
      ['trace', 'raw'],
      ['har', 'raw'],
    ]);
    for (const e of exported) {
      const suffix = e.kind === 'trace' ? '.sessionscope.json' : '.har';
      expect(e.fileName.endsWith(`${e.values === 'raw' ? '-RAW' : ''}${suffix}`), e.fileName).toBe(true);
      expect(e.fileName).toMatch(/^sessionscope-/);
      const doc = JSON.parse(e.text);
      expect(e.kind === 'trace' ? doc.values : doc.log._sessionscope.values).toBe(e.values);
    }
  });

  it('each native export saves the findings and lanes the live panel showed', () => {
    for (const values of ['redacted', 'raw'] as const) {
      const native = nativeOf(values);
      expect(sortedFindings(native.analysis.findings.map(shown)), values).toEqual(sortedFindings(liveFindings));
      expect(
        native.analysis.sessions.map((l) => ({ origin: l.origin, cookie: l.cookie, ids: l.ids.length })).sort(byLane),
      ).toEqual(liveLanes.map((l) => ({ origin: l.origin, cookie: l.cookie, ids: l.ids.length })).sort(byLane));
      // The two files' saved analyses say the same thing; only the values differ.
    }
    expect(nativeOf('redacted').analysis.findings.map(verdict)).toEqual(nativeOf('raw').analysis.findings.map(verdict));
    expect(nativeOf('redacted').analysis.sessions.map(laneShape)).toEqual(
      nativeOf('raw').analysis.sessions.map(laneShape),
    );
  });

  it('each HAR export carries the live findings per entry and validates against HAR 1.2 (har-schema)', () => {
    for (const values of ['redacted', 'raw'] as const) {
      const har = JSON.parse(file('har', values).text);
      const errors = harSchemaErrors(har);
      expect(errors, JSON.stringify(errors.slice(0, 3))).toEqual([]);
      expect(har.log.entries).toHaveLength(liveRows);
      const perEntry = (
        har.log.entries as { _sessionscope?: { findings?: { rule: string; severity: string; cookie?: string }[] } }[]
      ).flatMap((e, entry) =>
        (e._sessionscope?.findings ?? []).map((f) => ({ ...shown({ ...f, entry }), cookie: f.cookie ?? '' })),
      );
      expect(sortedFindings(perEntry), values).toEqual(sortedFindings(liveFindings));
    }
  });

  it('a redacted export holds none of the session values the demo produced; a raw one holds them all', () => {
    const rawNative = JSON.parse(file('trace', 'raw').text) as {
      events: { kind: string; entry?: { response?: { headers: { name: string; value: string }[] } } }[];
    } & ReturnType<typeof nativeOf>;
    const laneCookies = new Set(rawNative.analysis.sessions.map((l) => l.cookie));
    // Every value a lane's cookie was given by a Set-Cookie (the http:// sid the browser refused too), every ID
    // the lanes went through, and what the browser's jar held at the end.
    const setValues = rawNative.events.flatMap((ev) =>
      (ev.entry?.response?.headers ?? [])
        .filter((h) => h.name.toLowerCase() === 'set-cookie')
        .map((h) => /^\s*([^=;]+)=([^;]*)/.exec(h.value))
        .filter((m): m is RegExpExecArray => m !== null && laneCookies.has(m[1]!.trim()) && m[2]!.length >= 8)
        .map((m) => m[2]!),
    );
    const laneIds = rawNative.analysis.sessions.flatMap((l) => l.ids.map((id) => id.id));
    const secrets = [...new Set([...setValues, ...laneIds, ...browserValues])];
    // Tomcat's route suffix (.node1) stays visible after the hash: look for the ID part too.
    const idParts = secrets.map((v) => v.replace(/\.node\d$/, '')).filter((v) => v.length >= 8);
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    expect(browserValues.every((v) => secrets.includes(v))).toBe(true);
    for (const e of exported) {
      for (const value of [...secrets, ...idParts]) {
        const holds = e.text.includes(value) || e.text.includes(encodeURIComponent(value));
        expect(holds, `${e.values} ${e.kind} export holding ${value}`).toBe(e.values === 'raw');
      }
    }
  });

  it('a fresh panel imports each export and shows the live panel’s findings and lanes', async () => {
    const fresh = await pageWithPanel(browser, extensionId);
    try {
      for (const e of exported) {
        const result = await importIntoPanel(fresh.panel, e.path);
        expect(result.error, e.fileName).toBeUndefined();
        expect(await shownRowCount(fresh.panel), e.fileName).toBe(liveRows);
        expect(sortedFindings(await readShownFindings(fresh.panel)), e.fileName).toEqual(sortedFindings(liveFindings));
        const lanes = await readShownLanes(fresh.panel);
        if (e.values === 'raw') expect(lanes, e.fileName).toEqual(liveLanes);
        else expect(lanes.map(drawnShape), e.fileName).toEqual(liveLanes.map(drawnShape));
      }
    } finally {
      await fresh.page.close();
      await fresh.devtools.close().catch(() => undefined);
    }
  });

  it('the CLI reads each export to the same findings and lanes', async () => {
    const saved = nativeOf('raw').analysis;
    for (const e of exported) {
      const report = await cliJson(e.path);
      expect(report.findings.map(verdict), e.fileName).toEqual(saved.findings.map(verdict));
      expect(report.sessions.map(laneShape), e.fileName).toEqual(saved.sessions.map(laneShape));
      expect(sortedFindings(report.findings.map(shown)), e.fileName).toEqual(sortedFindings(liveFindings));
    }
  });

  it('a page script’s removal of the session, heard only by the extension, stays “cleared by script” in every export', async () => {
    const cleared = (findings: readonly SavedFinding[]) =>
      findings.filter((f) => f.rule === 'session-reset' && f.cookie === 'connect.sid').map((f) => f.cause);
    expect(cleared(nativeOf('raw').analysis.findings)).toEqual(['cleared-by-script']);
    for (const e of exported) {
      const report = await cliJson(e.path);
      expect(cleared(report.findings), e.fileName).toEqual(['cleared-by-script']);
      expect(report.findings.filter((f) => f.rule === 'session-not-sent' && f.cookie === 'connect.sid')).toEqual([]);
    }
  });

  it('the live panel had value-reading findings for the redacted exports to keep (the checks above are not vacuous)', () => {
    expect(liveFindings.filter((f) => VALUE_RULES.has(f.rule)).map((f) => f.rule)).toEqual(
      expect.arrayContaining(['jwt-alg-none', 'jwt-no-expiry', 'session-client-side-data']),
    );
  });
});
