// Worst-case inputs: how the parsers and the engine's time grows with hostile sizes (a 1 MB Set-Cookie value, a
// 1 MB line of attributes, 10,000 attributes, a 1 MB date, a 1 MB Cookie header, 10,000 Cookie pairs, a token past
// the decoder's size bound). Each case runs at full size and at a quarter of it, alternating (A B A B …); the
// ratio of medians says how the time grows: about 4 where it is linear, about 16 where it is quadratic, about 1
// where a bound stops the work. The figures were once wall-time assertions in the unit tests (fuzz.test.ts); a
// test asserts behaviour, so they live here. Alone: `node --import tsx bench/worst-case-inputs.ts [pairs]`.
import { analyzeTrace } from '../src/core/analysis/analyze.ts';
import { parseCookieDate } from '../src/core/cookie/cookieDate.ts';
import { parseSetCookie } from '../src/core/cookie/parseSetCookie.ts';
import { readClientSideData } from '../src/core/session/tokenData.ts';
import type { Trace } from '../src/core/trace/types.ts';
import { alternate, fmt, loadNow, machineLine, type RowResult, range, runRow, type Summary } from './lib/stats.ts';

const ID = 'worst-case-inputs';
const TITLE = 'Worst-case inputs (parsers and engine)';
const GOAL = 'time grows at most linearly with size (full/quarter ratio ≤ 6) and stays under each case’s budget';
/** Linear growth reads ~4; 6 leaves room for noise, while quadratic growth (~16) cannot pass. */
const MAX_GROWTH = 6;

interface Case {
  readonly name: string;
  /** Median wall time at full size this case must stay under (the budget the old unit tests asserted). */
  readonly budgetMs: number;
  /** Builds the input at `scale` (1 = full size, 0.25 = a quarter) and returns the work to time. */
  readonly at: (scale: number) => () => unknown;
}

const T0 = Date.parse('2026-12-01T00:00:00Z');

/** Two requests to one site, each carrying `cookie` and answered with `setCookie`, as the old fuzz test built. */
function twoRequests(setCookie: string, cookie: string): Trace {
  const entry = (index: number, path: string) => ({
    kind: 'entry' as const,
    entry: {
      index,
      startedAt: T0 + index * 1000,
      request: { method: 'GET', url: `https://shop.test${path}`, headers: [{ name: 'Cookie', value: cookie }] },
      response: { status: 200, headers: [{ name: 'Set-Cookie', value: setCookie }] },
    },
  });
  return {
    format: 'sessionscope',
    version: 1,
    source: { kind: 'har' },
    entryCount: 2,
    events: [entry(0, '/'), entry(1, '/x')],
  } as unknown as Trace;
}

const count = (full: number, scale: number) => Math.max(1, Math.round(full * scale));
const SID = 'sid=f3a91c07d2b84e6a9c51e0b7a4d2f886';

const CASES: readonly Case[] = [
  {
    name: 'parseSetCookie, a 1 MB value',
    budgetMs: 200,
    at: (s) => {
      const line = `a=${'x'.repeat(count(1024 * 1024, s))}; Path=/`;
      return () => parseSetCookie(line);
    },
  },
  {
    name: 'parseSetCookie, a 1 MB Expires attribute',
    budgetMs: 200,
    at: (s) => {
      const line = `a=b;${' Expires=1 Jan 2030 00:00:00 x'.repeat(count(35_000, s))}`;
      return () => parseSetCookie(line);
    },
  },
  {
    name: 'parseSetCookie, 10,000 attributes',
    budgetMs: 200,
    at: (s) => {
      const line = `a=b${'; Domain=example.com; Path=/x; SameSite=Weird; Max-Age=x'.repeat(count(2_500, s))}`;
      return () => parseSetCookie(line);
    },
  },
  {
    name: 'parseCookieDate, a 1 MB date',
    budgetMs: 200,
    at: (s) => {
      const text = '1'.repeat(count(1024 * 1024, s));
      return () => parseCookieDate(text);
    },
  },
  {
    name: 'analyzeTrace, a 1 MB Set-Cookie value and Cookie header',
    budgetMs: 1000,
    at: (s) => {
      const huge = 'a1'.repeat(count(512 * 1024, s));
      const trace = twoRequests(`sid=${huge}; Path=/; Secure; HttpOnly`, `sid=${huge}`);
      return () => analyzeTrace(trace);
    },
  },
  {
    name: 'analyzeTrace, a Set-Cookie with 10,000 attributes',
    budgetMs: 1000,
    at: (s) => {
      const attributes = Array.from({ length: count(10_000, s) }, (_, i) =>
        i % 3 === 0 ? 'Secure' : i % 3 === 1 ? `Path=/p${i}` : 'HttpOnly',
      ).join('; ');
      const trace = twoRequests(`${SID}; ${attributes}; Path=/`, SID);
      return () => analyzeTrace(trace);
    },
  },
  {
    name: 'analyzeTrace, a Cookie header with 10,000 pairs',
    budgetMs: 1000,
    at: (s) => {
      const pairs = Array.from({ length: count(10_000, s) }, (_, i) => `c${i}=v${i}`).join('; ');
      const trace = twoRequests(`${SID}; Path=/; Secure; HttpOnly`, pairs);
      return () => analyzeTrace(trace);
    },
  },
  {
    name: 'readClientSideData, a base64 JSON token past the size bound (80,000 characters)',
    budgetMs: 50,
    at: (s) => {
      const text = btoa(JSON.stringify({ user: 'x'.repeat(count(60_000, s)) }));
      return () => readClientSideData(text);
    },
  },
];

function timeMs(work: () => unknown): number {
  const t = performance.now();
  work();
  return performance.now() - t;
}

interface CaseResult {
  readonly name: string;
  readonly quarter: Summary;
  readonly full: Summary;
  readonly growth: number;
  readonly met: boolean;
}

runRow(ID, TITLE, GOAL, async (): Promise<RowResult> => {
  const loadStart = loadNow();
  const pairs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 7);
  const results: CaseResult[] = [];
  for (const c of CASES) {
    const quarter = c.at(0.25);
    const full = c.at(1);
    const { baseline, subject, ratio } = await alternate(
      pairs,
      () => timeMs(quarter),
      () => timeMs(full),
    );
    const met = ratio <= MAX_GROWTH && subject.median < c.budgetMs;
    results.push({ name: c.name, quarter: baseline, full: subject, growth: ratio, met });
    console.log(`${c.name}: full ${range(subject, ' ms', 3)}; quarter ${range(baseline, ' ms', 3)}; ×${fmt(ratio, 2)}`);
  }
  return {
    id: ID,
    title: TITLE,
    goal: GOAL,
    verdict: results.every((r) => r.met) ? 'met' : 'missed',
    figures: [
      ...results.map(
        (r) =>
          `${r.name}: full size median ${fmt(r.full.median, 3)} ms (${fmt(r.full.min, 3)}–${fmt(r.full.max, 3)}), ` +
          `quarter ${fmt(r.quarter.median, 3)} ms, growth ×${fmt(r.growth, 2)}${r.met ? '' : ' (MISSED)'}`,
      ),
      machineLine(loadStart),
    ],
    data: { results },
  };
});
