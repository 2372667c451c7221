// Load page for the hardening tests (not a scenario): `/burst/?n=5000&ms=5000` fires n fetches of
// `/burst/ping?i=<i>` spread evenly over ms milliseconds, and shows how many were answered. The page
// keeps its progress in `window.__burst` ({ sent, done, failed }) so a test can wait for the end.
import { type DemoApp, type DemoRequest, type DemoResponse, htmlPage } from '../app.ts';

const MAX_REQUESTS = 100_000;

function intParam(req: DemoRequest, name: string, fallback: number, max: number): number {
  const value = Number(req.query.get(name));
  return Number.isInteger(value) && value >= 0 ? Math.min(value, max) : fallback;
}

function burstPage(n: number, ms: number): DemoResponse {
  // Fires in 10 ms ticks; the numbers are integers checked above, so they go into the script as they are.
  const script = `<script>
(() => {
  const total = ${n}, duration = ${ms}, tick = 10, maxInFlight = 200, hosts = 16;
  const state = (window.__burst = { total, sent: 0, done: 0, failed: 0 });
  const out = document.getElementById('progress');
  const show = () => { out.textContent = state.done + ' answered, ' + state.failed + ' failed of ' + total; };
  const perTick = Math.max(1, Math.ceil(total / Math.max(1, duration / tick)));
  const timer = setInterval(() => {
    // Chromium fails fetches with ERR_INSUFFICIENT_RESOURCES past a few hundred pending: keep it bounded.
    for (let k = 0; k < perTick && state.sent < total && state.sent - state.done - state.failed < maxInFlight; k++) {
      const i = state.sent++;
      // Spread over several host names: a browser opens only 6 connections per host.
      const host = 'b' + (i % hosts) + '.' + location.host;
      fetch(location.protocol + '//' + host + '/burst/ping?i=' + i, { cache: 'no-store', mode: 'no-cors' })
        .then((r) => r.text())
        .then(() => { state.done++; }, () => { state.failed++; })
        .finally(() => { if (state.done + state.failed === total) show(); });
    }
    if (state.sent >= total) clearInterval(timer);
    show();
  }, tick);
})();
</script>`;
  return htmlPage(
    'Burst',
    `Fires ${n} requests in ${ms} ms, for load tests of the recorder.`,
    `<p id="progress">starting</p>${script}`,
  );
}

const PING: DemoResponse = {
  status: 200,
  headers: [
    ['Content-Type', 'text/plain'],
    ['Cache-Control', 'no-store'],
  ],
  body: 'ok\n',
};

export function burstApp(): DemoApp {
  return {
    scenarioId: 'burst',
    owns: (req) => req.path === '/burst/' || req.path === '/burst/ping',
    handle(req) {
      if (req.path === '/burst/ping') return PING;
      return burstPage(intParam(req, 'n', 5000, MAX_REQUESTS), intParam(req, 'ms', 5000, 600_000));
    },
  };
}
