// @vitest-environment happy-dom
// "What happened" in the panel, from the recorded secure-lost-on-http demo through the real engine and the
// worker protocol: the banner tells the loss, its link selects the request's row, and the row names the ID
// by the same short hash the CLI report uses.
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeTrace } from '../core/analysis/analyze.ts';
import { parseTraceFile } from '../core/open/readTrace.ts';
import type { RecordedEvent } from '../protocol/messages.ts';
import { App } from './App.tsx';
import { PanelController } from './controller.ts';
import { PanelStore } from './store.ts';
import { inThreadWorker, READ_IN_MICROTASKS } from './testing/inThreadWorker.ts';
import type { Scheduler } from './throttle.ts';
import { workerAnalyser } from './workerProtocol.ts';

const HAR = readFileSync('test/fixtures/demo-har/secure-lost-on-http.har', 'utf8');
const immediate: Scheduler = { now: () => 0, later: (task) => task() };

function mount(viaWorker: boolean) {
  const store = new PanelStore();
  const events: RecordedEvent[] = parseTraceFile(HAR, 'x.har').events.map((event, seq) => ({ seq, event }));
  store.addEvents(events);
  const controller = new PanelController(
    store,
    {
      send: () => undefined,
      storage: { get: async () => ({}), set: async () => undefined },
      download: () => undefined,
    },
    immediate,
    viaWorker ? workerAnalyser(inThreadWorker(), READ_IN_MICROTASKS) : undefined,
  );
  controller.analyseNow();
  return render(<App controller={controller} tabId={1} />).container as HTMLElement;
}

const all = (root: ParentNode, id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

afterEach(cleanup);

describe('the story banner', () => {
  for (const viaWorker of [false, true]) {
    it(`tells the loss and its link selects the row (${viaWorker ? 'worker' : 'in thread'})`, async () => {
      const root = mount(viaWorker);
      await settle();
      const expected = analyzeTrace(parseTraceFile(HAR, 'x.har')).story!;
      const stories = all(root, 'story');
      expect(stories.map((s) => [s.dataset.kind, s.dataset.entry])).toEqual(
        expected.map((s) => [s.kind, String(s.entry)]),
      );
      const headline = all(root, 'story-headline')[0]!.textContent!;
      expect(headline).toBe(expected[0]!.headline);
      expect(headline).toContain('not sent over http://');
      const link = all(root, 'story-link')[0]!;
      fireEvent.click(link);
      await settle();
      const selected = all(root, 'request-row').filter((r) => r.getAttribute('aria-selected') === 'true');
      expect(selected.map((r) => r.dataset.entry)).toEqual([link.dataset.entry]);
    });
  }

  it('names the session ID in the list by the hash the CLI prints', async () => {
    const root = mount(false);
    await settle();
    const cli = analyzeTrace(parseTraceFile(HAR, 'x.har'));
    const reported = cli.findings.find((f) => f.rule === 'session-not-sent')!.evidence.id;
    const hashes = all(root, 'id-hash').map((h) => h.textContent);
    expect(hashes).toContain(reported);
  });
});
