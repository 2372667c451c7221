// Probes inside the real Sessions panel frame: a requestAnimationFrame sampler (frame intervals while
// the panel works), the panel's event store found on its heap (how many events it holds: "no event
// lost"), its memory, and the DevTools protocol's Performance metrics (where the panel's time went).
import type { Frame } from 'puppeteer-core';
import { cdpOf } from './browser.ts';

export const PANEL_STORE_GLOBAL = '__sessionscopeBenchPanelStore';

/** Starts recording frame intervals in the frame (idempotent); `takeFrameIntervals` returns and resets them. */
export async function installFrameSampler(frame: Frame): Promise<void> {
  await frame.evaluate(`(() => {
    if (globalThis.__benchFrames) return;
    const state = { last: 0, intervals: [] };
    globalThis.__benchFrames = state;
    const loop = (now) => {
      if (state.last) state.intervals.push(now - state.last);
      state.last = now;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
}

/**
 * Starts recording the frame's long tasks (the Long Tasks API: tasks of 50 ms or more on its main thread);
 * `takeLongTasks` returns their durations and resets them.
 */
export async function installLongTaskSampler(frame: Frame): Promise<void> {
  await frame.evaluate(`(() => {
    if (globalThis.__benchLongTasks) return;
    const state = { durations: [] };
    globalThis.__benchLongTasks = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.durations.push(entry.duration);
    }).observe({ type: 'longtask' });
  })()`);
}

/**
 * Long animation frames (Chrome's LoAF entries, frames over 50 ms) with what ran in them: each script's invoker
 * (a timer, a port or worker message, an animation-frame callback) and function, and the frame's own rendering.
 */
export async function installLongFrameSampler(frame: Frame): Promise<void> {
  await frame.evaluate(`(() => {
    if (globalThis.__benchLongFrames) return;
    const state = { frames: [] };
    globalThis.__benchLongFrames = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.frames.push({
          duration: entry.duration,
          rendering: entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0,
          scripts: entry.scripts.map((s) => ({
            what: s.invokerType + ' ' + s.invoker + (s.sourceFunctionName ? ' → ' + s.sourceFunctionName : ''),
            duration: s.duration,
            layout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  })()`);
}

export interface LongFrame {
  readonly duration: number;
  /** From the start of the frame's rendering (rAF callbacks, style, layout, paint) to its end. */
  readonly rendering: number;
  readonly scripts: readonly { readonly what: string; readonly duration: number; readonly layout: number }[];
}

/** What a sampler installed in the frame collected since the last take (none when it is not installed), emptied. */
function takeCollected<T>(frame: Frame, global: string, field: string): Promise<T[]> {
  return frame.evaluate(`(() => {
    const state = globalThis.${global};
    const out = state ? state.${field} : [];
    if (state) state.${field} = [];
    return out;
  })()`) as Promise<T[]>;
}

export function takeLongFrames(frame: Frame): Promise<LongFrame[]> {
  return takeCollected(frame, '__benchLongFrames', 'frames');
}

/** Where the long frames' time went: script time per invoker and function, and rendering, largest first. */
export function longFrameShares(frames: readonly LongFrame[], top = 8): string[] {
  const by = new Map<string, { ms: number; count: number }>();
  const add = (what: string, ms: number) => {
    const known = by.get(what) ?? { ms: 0, count: 0 };
    known.ms += ms;
    known.count++;
    by.set(what, known);
  };
  let total = 0;
  for (const f of frames) {
    total += f.duration;
    let scripted = 0;
    for (const s of f.scripts) {
      add(s.what, s.duration);
      scripted += s.duration;
    }
    add('(rendering: style, layout, paint)', f.rendering);
    add(
      '(other: tasks under 5 ms each, GC, native, waiting for a core)',
      Math.max(0, f.duration - scripted - f.rendering),
    );
  }
  return [...by]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, top)
    .map(
      ([what, { ms, count }]) =>
        `${((100 * ms) / Math.max(total, 1)).toFixed(1).padStart(5)}% ${ms.toFixed(0).padStart(6)} ms ×${count} ${what}`,
    );
}

export function takeLongTasks(frame: Frame): Promise<number[]> {
  return takeCollected(frame, '__benchLongTasks', 'durations');
}

export async function takeFrameIntervals(frame: Frame): Promise<number[]> {
  return frame.evaluate(`(() => {
    const state = globalThis.__benchFrames;
    const out = state.intervals;
    state.intervals = [];
    return out;
  })()`) as Promise<number[]>;
}

/**
 * Finds the panel's event store on the panel's heap (an object with `addEvents` whose `state.events` is
 * an array) and exposes it; false when the panel keeps its events some other way. (With the analysis in a
 * worker the store holds no events, only their count, `state.eventCount`.)
 */
export async function exposePanelStore(frame: Frame): Promise<boolean> {
  const cdp = cdpOf(frame);
  const proto = await frame.evaluateHandle('Object.prototype');
  const protoId = proto.remoteObject().objectId;
  if (!protoId) return false;
  const all = await cdp.send('Runtime.queryObjects', { prototypeObjectId: protoId });
  const found = await cdp.send('Runtime.callFunctionOn', {
    objectId: all.objects.objectId!,
    returnByValue: true,
    functionDeclaration: `function () {
      const store = this.find((o) => { try {
        return o && typeof o.addEvents === 'function' && o.state && Array.isArray(o.state.events);
      } catch { return false; } });
      if (store) globalThis.${PANEL_STORE_GLOBAL} = store;
      return !!store;
    }`,
  });
  await cdp.send('Runtime.releaseObject', { objectId: all.objects.objectId! }).catch(() => undefined);
  await proto.dispose();
  return found.result.value === true;
}

/** Events the panel holds (its store), or the row count it shows when its store was not found. */
export async function panelEventCount(frame: Frame): Promise<{ events: number; lastSeq: number; source: string }> {
  return frame.evaluate(`(() => {
    const store = globalThis.${PANEL_STORE_GLOBAL};
    if (store) return { events: store.state.eventCount ?? store.state.events.length, lastSeq: store.lastSeq ?? -1, source: 'panel store' };
    const text = document.querySelector('[data-testid="row-count"]')?.textContent ?? '';
    const n = Number((text.match(/[\\d,]+/) ?? ['-1'])[0].replaceAll(',', ''));
    return { events: n, lastSeq: -1, source: 'row-count text' };
  })()`) as Promise<{ events: number; lastSeq: number; source: string }>;
}

/** performance.memory in the frame (precise with --enable-precise-memory-info). */
export async function panelMemory(frame: Frame): Promise<{ usedMB: number; totalMB: number }> {
  return frame.evaluate(`(() => {
    const m = performance.memory;
    return { usedMB: m.usedJSHeapSize / 1048576, totalMB: m.totalJSHeapSize / 1048576 };
  })()`) as Promise<{ usedMB: number; totalMB: number }>;
}

export type Metrics = Record<string, number>;

export async function performanceMetrics(frame: Frame): Promise<Metrics> {
  const cdp = cdpOf(frame);
  await cdp.send('Performance.enable').catch(() => undefined);
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/**
 * Seconds spent per activity, and the layouts and style recalculations counted, between two metric snapshots (the
 * renderer process of the frame).
 */
export function metricDelta(before: Metrics, after: Metrics): Record<string, number> {
  const keys = [
    'TaskDuration',
    'ScriptDuration',
    'LayoutDuration',
    'RecalcStyleDuration',
    'LayoutCount',
    'RecalcStyleCount',
  ];
  return Object.fromEntries(keys.map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));
}
