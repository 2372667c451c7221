// Importing into the panel: a native trace opens as its exporter saw it (its saved settings, and its saved
// findings and lanes when redacted), and so does our redacted HAR export, through the controller's own import; other
// HAR files and bad files as before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisSettings } from '../core/analysis/settings.ts';
import { exportHar, exportNativeTrace } from '../core/formats/index.ts';
import { parseTraceFile } from '../core/open/readTrace.ts';
import { PanelController } from './controller.ts';
import { importedView, importTraceText } from './importTrace.ts';
import { type TraceView, traceView } from './model.ts';
import { PanelStore } from './store.ts';
import type { Scheduler } from './throttle.ts';

const harText = (id: string) => readFileSync(`test/fixtures/demo-har/${id}.har`, 'utf8');
/** What the exporter's panel showed for a demo HAR, with the user's session-cookie settings. */
const exporterView = (id: string, settings: Partial<AnalysisSettings> = {}) =>
  traceView(parseTraceFile(harText(id), `${id}.har`), settings);

const findingKeys = (view: TraceView) =>
  view.analysis.findings.map((f) => `${f.rule} #${f.entry} ${f.cookie ?? ''} ${f.cause ?? ''} ${f.reason ?? ''}`);
const laneKeys = (view: TraceView) =>
  view.analysis.sessions.map((l) => `${l.origin} ${l.cookie} ${l.ids.map((i) => `${i.endedBy}:${i.cause}`)}`);

function imported(text: string, fileName: string): TraceView {
  const outcome = importTraceText(text, fileName);
  if (!outcome.ok) throw new Error(outcome.message);
  return importedView(outcome);
}

const immediate: Scheduler = { now: () => 0, later: (task) => task() };

describe('importing a native trace into the panel', () => {
  it('a redacted trace shows the findings its exporter saw, value-reading rules included', () => {
    const exporter = exporterView('insecure-attributes');
    const values = ['jwt-alg-none', 'jwt-no-expiry', 'session-client-side-data'];
    expect(exporter.analysis.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(values));
    const text = exportNativeTrace(exporter.trace, exporter.analysis, { values: 'redacted' });
    const view = imported(text, 'insecure-attributes.sessionscope.json');
    expect(findingKeys(view)).toEqual(findingKeys(exporter));
    expect(laneKeys(view)).toEqual(laneKeys(exporter));
    // The rows carry the saved findings too (the timeline's finding badges).
    expect(view.rows.flatMap((r) => r.findings.map((f) => f.rule))).toEqual(expect.arrayContaining(values));
  });

  it.each(['raw', 'redacted'] as const)(
    'a %s trace is analysed with the session-cookie settings it saved',
    (values) => {
      const settings = { notSessionCookies: ['sid'] };
      const exporter = exporterView('rotation', settings);
      expect(laneKeys(exporter).some((k) => k.includes(' sid '))).toBe(false);
      expect(laneKeys(exporterView('rotation')).some((k) => k.includes(' sid '))).toBe(true);
      const view = imported(exportNativeTrace(exporter.trace, exporter.analysis, { values }), 'rotation.json');
      expect(view.analysis.settings.notSessionCookies).toEqual(['sid']);
      expect(findingKeys(view)).toEqual(findingKeys(exporter));
      expect(laneKeys(view)).toEqual(laneKeys(exporter));
    },
  );

  it('our redacted HAR export opens as its exporter saw it, as a redacted native trace does', () => {
    const exporter = exporterView('insecure-attributes', { notSessionCookies: ['theme'] });
    const view = imported(exportHar(exporter.trace, exporter.analysis), 'insecure-attributes.har');
    expect(view.analysis.settings.notSessionCookies).toEqual(['theme']);
    expect(findingKeys(view)).toEqual(findingKeys(exporter));
    expect(laneKeys(view)).toEqual(laneKeys(exporter));
  });

  it('a HAR (ours when raw) carries no settings or saved analysis, and is analysed as it is', () => {
    const exporter = exporterView('load-balancer');
    const outcome = importTraceText(exportHar(exporter.trace, exporter.analysis, { values: 'raw' }), 'lb.har');
    expect(outcome.ok && outcome.settings === undefined && outcome.saved === undefined).toBe(true);
    expect(findingKeys(imported(harText('load-balancer'), 'lb.har'))).toEqual(findingKeys(exporter));
  });

  it('a file that is neither HAR nor trace is refused with the message that says so', () => {
    const outcome = importTraceText('{"entries": []}', 'odd.json');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/^odd\.json: neither a HAR file .* nor a Sessionscope trace/);
  });

  it('the controller’s import opens a redacted trace with its saved findings', async () => {
    const exporter = exporterView('insecure-attributes');
    const text = exportNativeTrace(exporter.trace, exporter.analysis, { values: 'redacted' });
    const controller = new PanelController(
      new PanelStore(),
      {
        send: () => undefined,
        storage: { get: async () => ({}), set: async () => undefined },
        download: () => undefined,
      },
      immediate,
    );
    await controller.importFile(new File([text], 'insecure-attributes.sessionscope.json'));
    expect(controller.ui.value.importError).toBeUndefined();
    const view = controller.currentView();
    expect(view && findingKeys(view)).toEqual(findingKeys(exporter));
  });
});

describe('the import notice', () => {
  /** A HAR of three entries: the second has no URL (skipped), the third a null method (repaired). */
  const bent = JSON.stringify({
    log: {
      entries: [
        { startedDateTime: '2024-05-01T10:00:00Z', request: { method: 'GET', url: 'https://a.test/' } },
        { startedDateTime: '2024-05-01T10:00:01Z', request: { method: 'GET' } },
        { startedDateTime: '2024-05-01T10:00:02Z', request: { method: null, url: 'https://a.test/b' } },
      ],
    },
  });

  it('names each skipped entry and counts the repaired fields; the file still opens', () => {
    const outcome = importTraceText(bent, 'bent.har');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.notice).toBe(
      '1 of 3 entries could not be read and are left out: #1 ("url" is missing). ' +
        '1 field(s) were repaired or ignored while reading (e.g. log.entries[2].request.method: "method" is null; read as GET).',
    );
    expect(importedView(outcome).rows.map((r) => r.entryIndex)).toEqual([0, 2]);
  });

  it('is absent for a file read without repairs', () => {
    const outcome = importTraceText(harText('rotation'), 'rotation.har');
    expect(outcome.ok && outcome.notice).toBeUndefined();
  });

  it('the controller keeps it with the imported trace on view', async () => {
    const controller = new PanelController(
      new PanelStore(),
      {
        send: () => undefined,
        storage: { get: async () => ({}), set: async () => undefined },
        download: () => undefined,
      },
      immediate,
    );
    await controller.importFile(new File([bent], 'bent.har'));
    const ui = controller.ui.value;
    expect(ui.imports.find((i) => i.id === ui.source)?.notice).toContain('#1 ("url" is missing)');
  });
});
