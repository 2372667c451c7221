// @vitest-environment happy-dom
// The whole panel rendered from recorded demo HARs (test/fixtures/demo-har) through the real importer and
// engine: the timeline's findings, the lanes' ID change and cause, the findings view, the request detail's
// not-sent reason, import into a separate tab, and the session-cookie marks.
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario } from '../../demo/scenarios.ts';
import { sanitizedHar } from '../../test/helpers/sanitizedHar.ts';
import { NOT_SENT_REASONS } from '../core/cookie/reasons.ts';
import { parseTraceFile } from '../core/open/readTrace.ts';
import { ruleById } from '../core/rules/registry.ts';
import type { PanelMessage, RecordedEvent } from '../protocol/messages.ts';
import { App } from './App.tsx';
import { LIVE, PanelController } from './controller.ts';
import { overridesKey } from './sessionOverrides.ts';
import { PanelStore } from './store.ts';
import { inThreadWorker, READ_IN_MICROTASKS } from './testing/inThreadWorker.ts';
import type { Scheduler } from './throttle.ts';
import { type LiveAnalyser, workerAnalyser } from './workerProtocol.ts';

const harPath = (id: string) => `test/fixtures/demo-har/${id}.har`;
const harText = (id: string) => readFileSync(harPath(id), 'utf8');

function recorded(id: string): RecordedEvent[] {
  return parseTraceFile(harText(id), `${id}.har`).events.map((event, seq) => ({ seq, event }));
}

/** Runs scheduled work at once: the test decides when analysis happens. */
const immediate: Scheduler = { now: () => 0, later: (task) => task() };

function mountPanel(scenario: string, analyser?: LiveAnalyser) {
  const store = new PanelStore();
  store.addEvents(recorded(scenario));
  const sent: PanelMessage[] = [];
  const items: Record<string, unknown> = {};
  const downloads: { fileName: string; text: string }[] = [];
  const controller = new PanelController(
    store,
    {
      send: (m) => void sent.push(m),
      storage: {
        get: async (k) => (k in items ? { [k]: items[k] } : {}),
        set: async (more) => void Object.assign(items, more),
      },
      download: (fileName, text) => void downloads.push({ fileName, text }),
    },
    immediate,
    analyser,
  );
  controller.analyseNow();
  const screen = render(<App controller={controller} tabId={1} />);
  return { store, controller, screen, sent, items, downloads, root: screen.container as HTMLElement };
}

const all = (root: ParentNode, testId: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
const one = (root: ParentNode, testId: string) => {
  const found = root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`no [data-testid="${testId}"]`);
  return found;
};
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(cleanup);

describe('the Sessions panel on the secure-lost-on-http recording', () => {
  const scenario = findScenario('secure-lost-on-http');
  const expectedNotSent = scenario.expected.find((e) => e.rule === 'session-not-sent')!;
  const expectedReset = scenario.expected.find((e) => e.rule === 'session-reset')!;

  it('lists every request with its findings', async () => {
    const { root } = mountPanel(scenario.id);
    await flush();
    const rows = all(root, 'request-row');
    const entries = parseTraceFile(harText(scenario.id), 'x').entryCount;
    expect(rows).toHaveLength(entries);
    const rules = all(root, 'finding').map((f) => f.dataset.rule);
    for (const e of scenario.expected) expect(rules).toContain(e.rule);
    const http = rows.find((r) => one(r, 'row-url').title.startsWith('http://'))!;
    expect(all(http, 'cookie-not-sent').map((n) => n.dataset.cookieName)).toContain(expectedNotSent.cookie);
  });

  it('draws the session lane with the reset and its cause, and jumps to the request from it', async () => {
    const { root } = mountPanel(scenario.id);
    fireEvent.click(one(root, 'tab-lanes'));
    await flush();
    const lane = all(root, 'lane').find((l) => l.dataset.cookie === expectedReset.cookie)!;
    expect(lane).toBeDefined();
    expect(all(lane, 'lane-segment').length).toBeGreaterThanOrEqual(1);
    // Each ID is named on its lane as in the timeline and the reports: its short hash.
    for (const segment of all(lane, 'lane-segment')) expect(segment.textContent).toMatch(/^h:[0-9a-f]{8}$/);
    const reset = all(lane, 'lane-event').find((e) => e.dataset.kind === 'reset')!;
    // The engine's code stays on the event for readers and on hover; the lane says it in words, as a loss.
    expect(reset.dataset.label).toContain(`reset: ${expectedReset.cause}`);
    expect(reset.title).toContain(`reset: ${expectedReset.cause}`);
    expect(reset.textContent).toContain('lost: the cookie was not sent (SecureOnly)');
    expect(reset.dataset.tone).toBe('loss');
    expect(all(root, 'lane-axis-tick').length).toBeGreaterThanOrEqual(2);
    expect(all(root, 'lane-legend-item').map((i) => i.dataset.tone)).toContain('loss');
    fireEvent.click(reset);
    await flush();
    const selected = all(root, 'request-row').find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected?.dataset.entry).toBe(reset.dataset.entry);
  });

  it('groups findings by severity then rule, with the rule’s explanation, fix and a link to the request', async () => {
    const { root } = mountPanel(scenario.id);
    fireEvent.click(one(root, 'tab-findings'));
    await flush();
    const groups = all(root, 'finding-group');
    const order = ['high', 'medium', 'low', 'info'];
    const ranks = groups.map((g) => order.indexOf(g.dataset.severity!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const notSent = groups.find((g) => g.dataset.rule === 'session-not-sent')!;
    expect(notSent.textContent).toContain(ruleById('session-not-sent')!.docs.explanation);
    expect(notSent.textContent).toContain('Fix:');
    const link = one(notSent, 'finding-entry-link');
    fireEvent.click(link);
    await flush();
    expect(all(root, 'request-row').find((r) => r.getAttribute('aria-selected') === 'true')?.dataset.entry).toBe(
      link.dataset.entry,
    );
  });

  it('opens the request detail with the not-sent cookie, its reason and what the reason means; Esc goes back', async () => {
    const { root } = mountPanel(scenario.id);
    await flush();
    const http = all(root, 'request-row').find((r) => one(r, 'row-url').title.startsWith('http://'))!;
    fireEvent.click(http);
    await flush();
    const detail = one(root, 'request-detail');
    const missing = all(detail, 'detail-not-sent').find((n) => n.dataset.cookieName === expectedNotSent.cookie)!;
    expect(one(missing, 'detail-not-sent-reason').textContent).toBe(expectedNotSent.reason);
    expect(missing.textContent).toContain(NOT_SENT_REASONS[expectedNotSent.reason as keyof typeof NOT_SENT_REASONS]);
    const rejected = scenario.expected.find((e) => e.rule === 'cookie-rejected')!;
    expect(
      all(root, 'detail-set-rejected')
        .map((r) => r.textContent)
        .join(' '),
    ).toContain(rejected.reason);
    fireEvent.keyDown(document, { key: 'Escape' });
    await flush();
    expect(root.querySelector('[data-testid="request-detail"]')).toBeNull();
    expect(all(root, 'request-row').length).toBeGreaterThan(0);
  });

  it('with the analysis in a worker, fetches the detail’s facts from it when the detail opens', async () => {
    const { root, controller } = mountPanel(scenario.id, workerAnalyser(inThreadWorker(), READ_IN_MICROTASKS));
    for (let i = 0; i < 5; i++) await flush();
    expect(controller.analysisRunsIn).toBe('worker');
    const http = all(root, 'request-row').find((r) => one(r, 'row-url').title.startsWith('http://'))!;
    fireEvent.click(http);
    // The row's facts stay in the worker until the detail asks for them (fireEvent renders at once).
    expect(root.querySelector('[data-testid="request-detail"]')).toBeNull();
    expect(root.querySelector('[data-testid="request-detail-loading"]')).not.toBeNull();
    for (let i = 0; i < 3; i++) await flush();
    const missing = all(one(root, 'request-detail'), 'detail-not-sent').find(
      (n) => n.dataset.cookieName === expectedNotSent.cookie,
    )!;
    expect(one(missing, 'detail-not-sent-reason').textContent).toBe(expectedNotSent.reason);
  });

  it('moves the selection with the arrow keys and opens it with Enter', async () => {
    const { root } = mountPanel(scenario.id);
    await flush();
    const list = one(root, 'timeline-scroller');
    fireEvent.keyDown(list, { key: 'Home' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    await flush();
    expect(all(root, 'request-row').find((r) => r.getAttribute('aria-selected') === 'true')?.dataset.entry).toBe('1');
    fireEvent.keyDown(one(root, 'timeline-scroller'), { key: 'Enter' });
    await flush();
    expect(one(root, 'request-detail').dataset.entry).toBe('1');
  });

  it('filters with the Network-panel syntax and the session-only toggle', async () => {
    const { root, controller } = mountPanel(scenario.id);
    await flush();
    const total = all(root, 'request-row').length;
    controller.setFilter(`rule:${expectedReset.rule}`);
    await flush();
    const shown = all(root, 'request-row');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(total);
    for (const row of shown) expect(all(row, 'finding').map((f) => f.dataset.rule)).toContain(expectedReset.rule);
    controller.setFilter(`-rule:${expectedReset.rule}`);
    await flush();
    expect(all(root, 'request-row').length).toBe(total - shown.length);
  });
});

describe('DevTools conventions: list and detail side by side, sorting, row numbers, severity filter', () => {
  const scenario = findScenario('secure-lost-on-http');
  const trace = () => parseTraceFile(harText(scenario.id), `${scenario.id}.har`);
  const httpRow = (root: HTMLElement) =>
    all(root, 'request-row').find((r) => one(r, 'row-url').title.startsWith('http://'))!;

  it('opens the detail beside the list, which stays; the close button brings the full list back', async () => {
    const { root } = mountPanel(scenario.id);
    await flush();
    const count = all(root, 'request-row').length;
    fireEvent.click(httpRow(root));
    await flush();
    expect(one(root, 'request-split').classList.contains('with-detail')).toBe(true);
    expect(one(root, 'request-detail')).toBeDefined();
    expect(all(root, 'request-row')).toHaveLength(count);
    expect(one(root, 'request-table').classList.contains('compact')).toBe(true);
    // Another row, with the detail open: the detail follows.
    const other = all(root, 'request-row').find((r) => r !== httpRow(root))!;
    fireEvent.click(other);
    await flush();
    expect(one(root, 'request-detail').dataset.entry).toBe(other.dataset.entry);
    fireEvent.click(one(root, 'detail-close'));
    await flush();
    expect(root.querySelector('[data-testid="request-detail"]')).toBeNull();
    expect(one(root, 'request-table').classList.contains('compact')).toBe(false);
    expect(all(root, 'request-row')).toHaveLength(count);
  });

  it('numbers rows with the entry index the CLI prints as #N, and the detail title says the same', async () => {
    const { root, controller } = mountPanel(scenario.id);
    await flush();
    const lost = controller.currentView()!.analysis.findings.find((f) => f.rule === 'session-not-sent')!;
    const row = httpRow(root);
    expect(one(row, 'row-number').textContent).toBe(String(lost.entry));
    fireEvent.click(row);
    await flush();
    expect(one(root, 'detail-number').textContent).toBe(`#${lost.entry}`);
  });

  it("shows the request's raw headers as recorded, Referer and Sec-Fetch-Site, timing and the findings' rule IDs", async () => {
    const { root } = mountPanel(scenario.id);
    await flush();
    const row = httpRow(root);
    fireEvent.click(row);
    await flush();
    const entry = trace().events.flatMap((e) => (e.kind === 'entry' ? [e.entry] : []))[Number(row.dataset.entry)]!;
    const shown = (testId: string) =>
      all(one(root, testId), 'detail-header').map(
        (h) => `${h.querySelector('th')?.textContent}: ${h.querySelector('td')?.textContent}`,
      );
    expect(shown('detail-request-headers')).toEqual(entry.request.headers.map((h) => `${h.name}: ${h.value}`));
    expect(shown('detail-response-headers')).toEqual(entry.response!.headers.map((h) => `${h.name}: ${h.value}`));
    const header = (name: string) => entry.request.headers.find((h) => h.name.toLowerCase() === name)?.value;
    const referer = one(root, 'detail-referer');
    expect(referer.dataset.present).toBe(String(header('referer') !== undefined));
    if (header('referer')) expect(referer.textContent).toBe(header('referer'));
    const fetchSite = one(root, 'detail-sec-fetch-site');
    expect(fetchSite.dataset.present).toBe(String(header('sec-fetch-site') !== undefined));
    expect(one(root, 'detail-started').textContent).toMatch(/^\d\d:\d\d:\d\d\.\d{3} /);
    const rules = all(root, 'detail-rule-id').map((r) => r.textContent);
    expect(rules).toContain('session-not-sent');
    for (const f of all(root, 'detail-finding')) expect(f.textContent).toContain(ruleById(f.dataset.rule!)!.title);
  });

  it('sorts by a column header click (again: the other way), recording order by default', async () => {
    const { root } = mountPanel(scenario.id);
    await flush();
    const order = () => all(root, 'request-row').map((r) => Number(r.dataset.entry));
    const initial = order();
    expect(initial).toEqual([...initial].sort((a, b) => a - b));
    const header = (column: string) =>
      all(root, 'column-header')
        .find((h) => h.dataset.column === column)!
        .querySelector('button')!;
    fireEvent.click(header('url'));
    await flush();
    const urls = () => all(root, 'request-row').map((r) => one(r, 'row-url').title);
    expect(urls()).toEqual([...urls()].sort((a, b) => a.localeCompare(b)));
    expect(order()).not.toEqual(initial);
    expect(header('url').textContent).toContain('▲');
    fireEvent.click(header('url'));
    await flush();
    expect(urls()).toEqual([...urls()].sort((a, b) => b.localeCompare(a)));
    expect(header('url').textContent).toContain('▼');
  });

  it('a severity count filters the list and the findings to that severity; pressed again, everything', async () => {
    const { root } = mountPanel(scenario.id);
    await flush();
    const total = all(root, 'request-row').length;
    const high = all(root, 'severity-count').find((b) => b.dataset.severity === 'high')!;
    expect(high.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(high);
    await flush();
    expect(high.getAttribute('aria-pressed')).toBe('true');
    const shown = all(root, 'request-row');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(total);
    for (const row of shown) expect(all(row, 'finding').map((f) => f.dataset.severity)).toContain('high');
    fireEvent.click(one(root, 'tab-findings'));
    await flush();
    expect(new Set(all(root, 'finding-group').map((g) => g.dataset.severity))).toEqual(new Set(['high']));
    fireEvent.click(high);
    fireEvent.click(one(root, 'tab-timeline'));
    await flush();
    expect(high.getAttribute('aria-pressed')).toBe('false');
    expect(all(root, 'request-row')).toHaveLength(total);
  });
});

describe('import, clear and session-cookie marks', () => {
  it('opens a HAR that Chrome exported sanitised (no cookie at all) and says so, with how to export one with them', async () => {
    const { root, controller } = mountPanel('logout');
    await flush();
    await controller.importFile(new File([sanitizedHar(harText('load-balancer'))], 'sanitized.har'));
    await flush();
    const notice = one(root, 'import-notice').textContent;
    expect(notice).toContain('This file shows no cookie sent');
    expect(notice).toContain('Export HAR (with sensitive data)');
    // The same file with its cookies: no notice.
    await controller.importFile(new File([harText('load-balancer')], 'whole.har'));
    await flush();
    expect(root.querySelector('[data-testid="import-notice"]')).toBeNull();
  });

  it('opens a HAR with an unreadable entry and shows an import notice naming it, on that tab only', async () => {
    const { root, controller } = mountPanel('logout');
    await flush();
    expect(root.querySelector('[data-testid="import-notice"]')).toBeNull();
    const har = JSON.parse(harText('load-balancer'));
    har.log.entries.splice(1, 0, 'not an entry');
    await controller.importFile(new File([JSON.stringify(har)], 'bent.har'));
    await flush();
    expect(root.querySelector('[data-testid="import-error"]')).toBeNull();
    expect(one(root, 'import-notice').textContent).toContain('#1 (an entry must be an object, not a string)');
    controller.showSource(LIVE);
    await flush();
    expect(root.querySelector('[data-testid="import-notice"]')).toBeNull();
  });

  it('opens an imported HAR in its own tab and leaves the live recording alone; a bad file changes nothing', async () => {
    const { root, controller, store } = mountPanel('logout');
    await flush();
    const liveRows = all(root, 'request-row').length;
    const liveEvents = store.state.events;
    await controller.importFile(new File(['{"log": {"entries": [tru'], 'broken.har'));
    await flush();
    expect(one(root, 'import-error').textContent).toContain('broken.har');
    expect(root.querySelector('[data-testid="source-tab"]')).toBeNull();
    expect(all(root, 'request-row')).toHaveLength(liveRows);

    await controller.importFile(new File([harText('load-balancer')], 'load-balancer.har'));
    await flush();
    expect(root.querySelector('[data-testid="import-error"]')).toBeNull();
    const tabs = all(root, 'source-tab').map((t) => t.textContent);
    expect(tabs.some((t) => t?.includes('Imported: load-balancer.har'))).toBe(true);
    const imported = all(root, 'finding').map((f) => f.dataset.rule);
    for (const e of findScenario('load-balancer').expected) expect(imported).toContain(e.rule);
    expect(store.state.events).toBe(liveEvents);
    controller.showSource('live');
    await flush();
    expect(all(root, 'request-row')).toHaveLength(liveRows);
  });

  it('Clear empties the live view and tells the background; Preserve log is sent too', async () => {
    const { root, sent } = mountPanel('logout');
    await flush();
    fireEvent.click(one(root, 'preserve-log'));
    fireEvent.click(one(root, 'clear'));
    await flush();
    expect(sent).toEqual([{ type: 'setPreserveLog', value: true }, { type: 'clear' }]);
    expect(all(root, 'request-row')).toHaveLength(0);
  });

  it.each([
    { box: 'record-from-start', setting: 'recordFromStart', message: 'setRecordFromStart' },
    { box: 'preserve-log', setting: 'preserveLog', message: 'setPreserveLog' },
  ] as const)(
    'the $box box shows the background’s setting, asks it to change, and changes with its answer',
    async ({ box, setting, message }) => {
      const { root, store, sent } = mountPanel('logout');
      const checked = () => (one(root, box) as HTMLInputElement).checked;
      store.setInfo({ [setting]: true });
      await flush();
      expect(checked()).toBe(true);
      fireEvent.click(one(root, box));
      await flush();
      expect(sent).toEqual([{ type: message, value: false }]);
      // Still what the background records by, until it answers with the new setting.
      expect(checked()).toBe(true);
      store.setInfo({ [setting]: false });
      await flush();
      expect(checked()).toBe(false);
    },
  );

  it('marks a cookie as not a session cookie, re-analyses and remembers it for the site', async () => {
    const { root, items, controller } = mountPanel('secure-lost-on-http');
    await flush();
    fireEvent.click(one(root, 'tab-cookies'));
    await flush();
    const sid = all(root, 'jar-cookie').find((c) => c.dataset.cookieName === 'sid')!;
    expect(one(sid, 'jar-session').textContent).toMatch(/^yes/);
    fireEvent.click(one(sid, 'toggle-session'));
    await flush();
    const after = all(root, 'jar-cookie').find((c) => c.dataset.cookieName === 'sid')!;
    expect(one(after, 'jar-session').textContent).toBe('no');
    const site = controller.ui.value.site!;
    expect(items[overridesKey(site)]).toEqual({ sessionCookies: [], notSessionCookies: ['sid'] });
  });

  it('shows the jar held at the end for the site, with attributes and expiry, and the cookies gone by then', async () => {
    const { root, controller } = mountPanel('load-balancer');
    await flush();
    fireEvent.click(one(root, 'tab-cookies'));
    await flush();
    const jar = controller.live.value!.analysis.jar;
    const held = all(root, 'jar-cookie');
    expect(held.map((c) => c.dataset.cookieName).sort()).toEqual(jar.map((c) => c.name).sort());
    const session = held.find((c) => c.dataset.cookieName === 'JSESSIONID')!;
    const model = jar.find((c) => c.name === 'JSESSIONID')!;
    expect(one(session, 'jar-session').textContent).toMatch(/^yes/);
    const attrs = one(session, 'jar-attributes').textContent!;
    expect(attrs).toContain(`SameSite=${model.sameSite}`);
    expect(attrs.includes('HttpOnly')).toBe(model.httpOnly);
    expect(one(session, 'jar-expires').textContent).toBe(
      model.expiresAt === undefined
        ? 'browser session'
        : expect.stringContaining(new Date(model.expiresAt).toISOString().slice(0, 16)),
    );
    expect(all(root, 'gone-cookie')).toHaveLength(0);
  });

  it('with the analysis in a worker, lists the cookies held and gone as the page would', async () => {
    const { root } = mountPanel('logout', workerAnalyser(inThreadWorker(), READ_IN_MICROTASKS));
    for (let i = 0; i < 5; i++) await flush();
    fireEvent.click(one(root, 'tab-cookies'));
    await flush();
    const local = mountPanel('logout');
    await flush();
    fireEvent.click(one(local.root, 'tab-cookies'));
    await flush();
    const gone = (r: HTMLElement) => all(r, 'gone-cookie').map((c) => c.textContent);
    const held = (r: HTMLElement) => all(r, 'jar-cookie').map((c) => c.textContent);
    expect(gone(root)).toEqual(gone(local.root));
    expect(held(root)).toEqual(held(local.root));
    expect(all(root, 'gone-cookie').map((c) => c.dataset.cookieName)).toContain('sid');
  });

  it('lists a cookie deleted during the recording under gone, still markable', async () => {
    const { root } = mountPanel('logout');
    await flush();
    fireEvent.click(one(root, 'tab-cookies'));
    await flush();
    expect(all(root, 'jar-cookie').map((c) => c.dataset.cookieName)).not.toContain('sid');
    const sid = all(root, 'gone-cookie').find((c) => c.dataset.cookieName === 'sid')!;
    expect(one(sid, 'gone-last').textContent).toMatch(/^deleted by #\d+/);
    expect(one(sid, 'jar-session').textContent).toMatch(/^yes/);
    fireEvent.click(one(sid, 'toggle-session'));
    await flush();
    const after = all(root, 'gone-cookie').find((c) => c.dataset.cookieName === 'sid')!;
    expect(one(after, 'jar-session').textContent).toBe('no');
  });

  it("limits the live jar to the inspected site: another site's cookies are left out", async () => {
    const { root, controller } = mountPanel('load-balancer');
    await flush();
    controller.ui.set({ ...controller.ui.value, site: 'example.org' });
    fireEvent.click(one(root, 'tab-cookies'));
    await flush();
    expect(all(root, 'jar-cookie')).toHaveLength(0);
    controller.ui.set({ ...controller.ui.value, site: 'lb.test' });
    await flush();
    expect(all(root, 'jar-cookie').length).toBe(controller.live.value!.analysis.jar.length);
  });
});

describe('export', () => {
  it('downloads a redacted trace and HAR by default, raw values only after opting in past a warning', async () => {
    const { root, controller, downloads } = mountPanel('logout');
    await flush();
    const ids = controller.live.value!.analysis.facts.lanes.flatMap((l) => l.ids.map((i) => i.id));
    expect(ids.length).toBeGreaterThan(0);
    fireEvent.click(one(root, 'export-trace'));
    fireEvent.click(one(root, 'export-har'));
    expect(downloads.map((d) => d.fileName)).toEqual([
      expect.stringMatching(/\.sessionscope\.json$/),
      expect.stringMatching(/\.har$/),
    ]);
    for (const d of downloads) for (const id of ids) expect(d.text).not.toContain(id);
    expect(JSON.parse(downloads[0]!.text).format).toBe('sessionscope-trace');
    expect(root.querySelector('[data-testid="export-raw-warning"]')).toBeNull();

    fireEvent.click(one(root, 'export-raw'));
    await flush();
    expect(one(root, 'export-raw-warning').textContent).toContain('session IDs');
    fireEvent.click(one(root, 'export-har'));
    expect(downloads[2]?.fileName).toMatch(/-RAW\.har$/);
    expect(downloads[2]?.text).toContain(ids[0]!);
  });

  it('renders only the rows in view for 100,000 requests', async () => {
    const { Timeline } = await import('./views/Timeline.tsx');
    const { controller } = mountPanel('logout');
    cleanup();
    const template = controller.live.value!.rows[0]!;
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ ...template, seq: i, entryIndex: i }));
    const screen = render(<Timeline rows={rows} selected={undefined} controller={controller} />);
    await flush();
    const rendered = screen.container.querySelectorAll('[data-testid="request-row"]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    const spacer = screen.container.querySelector<HTMLElement>('.tspacer');
    expect(spacer?.style.height).toBe(`${100_000 * 22}px`);
  });
});

describe('request detail: site for cookies and rejected Set-Cookie lines', () => {
  it('the cross-site widget iframe shows its context and every line it could not set, session cookie or not', async () => {
    const { root } = mountPanel('samesite-cross-site');
    await flush();
    const widget = all(root, 'request-row').find((r) => one(r, 'row-url').title.endsWith('/samesite/widget'))!;
    fireEvent.click(widget);
    await flush();
    const detail = one(root, 'request-detail');
    expect(one(detail, 'detail-site-context').dataset.kind).toBe('cross-site');
    const rejected = all(detail, 'detail-set-rejected').map((r) => r.textContent ?? '');
    const expected = findScenario('samesite-cross-site').expectedRejected ?? [];
    expect(rejected).toHaveLength(expected.length);
    for (const { reason } of expected) {
      expect(rejected.some((text) => text.includes(reason.replace(/^Schemeful/, '')))).toBe(true);
    }
  });
});
