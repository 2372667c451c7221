import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../core/analysis/analyze.ts';
import { storyText } from '../core/story/storyText.ts';
import type { Trace, TraceEntry } from '../core/trace/types.ts';
import {
  COLUMNS,
  DEFAULT_SORT,
  gridTemplate,
  newestLast,
  nextSort,
  resizeColumn,
  rowNumber,
  sortRows,
} from './columns.ts';
import { type RequestRow, traceView } from './model.ts';

function row(entryIndex: number, fields: Partial<RequestRow> = {}): RequestRow {
  return {
    seq: entryIndex,
    entryIndex,
    startedAt: 1000 + entryIndex,
    method: 'GET',
    url: `https://a.test/${entryIndex}`,
    origin: 'https://a.test',
    cookiesSent: [],
    cookiesSet: [],
    notSent: [],
    findings: [],
    markers: [],
    sessionRelevant: false,
    cookies: [],
    rules: [],
    severities: [],
    ...fields,
  };
}

const rows = [
  row(0, { method: 'POST', status: 302, severities: ['low'] }),
  row(1, { method: 'GET', status: 200, severities: ['high', 'info'] }),
  row(2, { method: 'GET', severities: [] }),
  row(3, { method: 'DELETE', status: 404, severities: ['high'] }),
];
const numbers = (list: readonly RequestRow[]) => list.map((r) => r.entryIndex);

describe('sorting the request list', () => {
  it('keeps recording order by default', () => {
    expect(numbers(sortRows(rows, DEFAULT_SORT))).toEqual([0, 1, 2, 3]);
  });

  it('a header click sorts ascending, a second click descending, another column ascending again', () => {
    const byMethod = nextSort(DEFAULT_SORT, 'method');
    expect(byMethod).toEqual({ column: 'method', direction: 'asc' });
    expect(numbers(sortRows(rows, byMethod))).toEqual([3, 1, 2, 0]);
    const back = nextSort(byMethod, 'method');
    expect(back.direction).toBe('desc');
    // Equal keys (the two GETs) stay in recording order in either direction.
    expect(numbers(sortRows(rows, back))).toEqual([0, 1, 2, 3]);
    expect(nextSort(back, 'status')).toEqual({ column: 'status', direction: 'asc' });
    // The list starts sorted by #: a click on # turns it to newest first.
    expect(numbers(sortRows(rows, nextSort(DEFAULT_SORT, 'number')))).toEqual([3, 2, 1, 0]);
    expect(numbers(sortRows(rows, nextSort(nextSort(DEFAULT_SORT, 'time'), 'time')))).toEqual([3, 2, 1, 0]);
  });

  it('puts failed requests before every status, and the worst findings last ascending', () => {
    expect(numbers(sortRows(rows, { column: 'status', direction: 'asc' }))).toEqual([2, 1, 0, 3]);
    expect(numbers(sortRows(rows, { column: 'marks', direction: 'desc' }))).toEqual([1, 3, 0, 2]);
  });
});

describe('following the live tail', () => {
  it('happens only in an order that puts new requests last', () => {
    expect(newestLast(DEFAULT_SORT)).toBe(true);
    expect(newestLast({ column: 'time', direction: 'asc' })).toBe(true);
    expect(newestLast({ column: 'number', direction: 'desc' })).toBe(false);
    expect(newestLast({ column: 'url', direction: 'asc' })).toBe(false);
  });
});

describe('column widths', () => {
  it('a dragged column gets exactly its width, never below its minimum; the others keep their default', () => {
    const widths = resizeColumn({}, 'method', 120.4);
    expect(widths).toEqual({ method: 120 });
    expect(resizeColumn(widths, 'status', 3)).toEqual({
      method: 120,
      status: COLUMNS.find((c) => c.id === 'status')!.min,
    });
    const template = gridTemplate(widths).split(' ');
    expect(template[COLUMNS.findIndex((c) => c.id === 'method')]).toBe('120px');
    expect(template[0]).toBe('48px');
    expect(gridTemplate({})).toContain('minmax(120px, 2fr)');
  });

  it('beside the detail only #, method, URL and status are laid out, the URL filling the rest', () => {
    expect(gridTemplate({ method: 90, cookies: 300 }, true)).toBe('48px 90px minmax(60px, 1fr) 68px');
  });

  it('gives every header room for its label and the sort arrow (no "Met…" at any width)', () => {
    // 7 px per character of the bold 12 px label, 8 px of padding, 14 px for the arrow: generous bounds.
    for (const c of COLUMNS) expect(c.min, c.label).toBeGreaterThanOrEqual(c.label.length * 7 + 8 + 14 - 16);
    for (const c of COLUMNS) expect(c.width, c.label).toBeGreaterThanOrEqual(c.min);
  });
});

describe('row numbers', () => {
  it('are the #N the story and the reports give the same request', () => {
    const entry = (index: number, url: string, cookie?: string, setCookie?: string): TraceEntry => ({
      index,
      startedAt: Date.UTC(2026, 0, 1, 10, 0, index),
      request: { method: 'GET', url, headers: cookie ? [{ name: 'Cookie', value: cookie }] : [] },
      response: { status: 200, headers: setCookie ? [{ name: 'Set-Cookie', value: setCookie }] : [] },
    });
    const trace: Trace = {
      source: { format: 'har' },
      events: [
        entry(0, 'https://shop.test/login', undefined, 'sid=8f3a9c2e4b1d7f6a0c5e3b9d1a2b; Path=/; Secure; HttpOnly'),
        entry(1, 'https://shop.test/cart', 'sid=8f3a9c2e4b1d7f6a0c5e3b9d1a2b'),
        entry(2, 'http://shop.test/offers'),
      ].map((e) => ({ kind: 'entry' as const, entry: e })),
      entryCount: 3,
    };
    const view = traceView(trace);
    const lost = analyzeTrace(trace, { values: 'raw' }).findings.find((f) => f.rule === 'session-not-sent');
    expect(lost?.entry).toBe(2);
    const shown = view.rows.find((r) => r.entryIndex === lost!.entry)!;
    expect(rowNumber(shown)).toBe('#2');
    expect(storyText(view.analysis.story).join('\n')).toContain(`(${rowNumber(shown)})`);
  });
});
