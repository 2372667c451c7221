// Browser plumbing shared by the browser rows: a private build of the extension (the tree as it is now,
// into bench/out/ext-chrome, so other people's rebuilds of dist/ cannot change it mid-run), Chromium
// launched with the proven flags (demo/chromium.ts) plus precise memory figures, and the one seam the
// benchmarks use to feed the background: its RecorderStore, found on the service worker's heap.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Frame, type WebWorker } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../demo/chromium.ts';
import { OUT_DIR, REPO_DIR } from './stats.ts';

export const EXTENSION_DIR = join(OUT_DIR, 'ext-chrome');

/** Builds the Chrome extension from the working tree once per process (BENCH_NO_BUILD=1 reuses the last build). */
let built = false;
export function buildExtension(): string {
  if (built || (process.env.BENCH_NO_BUILD === '1' && existsSync(join(EXTENSION_DIR, 'manifest.json')))) {
    return EXTENSION_DIR;
  }
  execFileSync(
    'npx',
    ['vite', 'build', '--mode', 'chrome', '--outDir', EXTENSION_DIR, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: REPO_DIR,
      stdio: 'inherit',
    },
  );
  built = true;
  return EXTENSION_DIR;
}

export async function launch(opts: { extensionDir?: string; devtools?: boolean } = {}): Promise<Browser> {
  const args = [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--window-size=1400,1000'];
  if (opts.extensionDir)
    args.push(`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`);
  return puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    devtools: opts.devtools ?? false,
    enableExtensions: opts.extensionDir !== undefined,
    acceptInsecureCerts: true,
    defaultViewport: null,
    protocolTimeout: 300_000,
    args,
  });
}

/** The CDP session of a worker or frame (puppeteer keeps it as `client`). */
export function cdpOf(target: WebWorker | Frame): CDPSession {
  const client = (target as unknown as { client?: CDPSession }).client;
  if (!client) throw new Error('no CDP session on this target (puppeteer internals changed?)');
  return client;
}

export const STORE_GLOBAL = '__sessionscopeBenchStore';

/**
 * Finds the background's RecorderStore on the service worker's heap (CDP Runtime.queryObjects over every
 * object, picking the one with the store's methods and its own `settings` field) and exposes it as
 * `globalThis.__sessionscopeBenchStore`, so events can be appended through the store exactly as the
 * webRequest listeners do: store → storage.session mirror → PanelHub → the panel's port.
 */
export async function exposeRecorderStore(worker: WebWorker, timeoutMs = 15_000): Promise<void> {
  // The worker target shows up before its module has run: retry until the store exists.
  const deadline = Date.now() + timeoutMs;
  while (!(await findRecorderStore(worker))) {
    if (Date.now() > deadline) throw new Error('could not find the RecorderStore on the service worker heap');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function findRecorderStore(worker: WebWorker): Promise<boolean> {
  const cdp = cdpOf(worker);
  const proto = await cdp.send('Runtime.evaluate', { expression: 'Object.prototype' });
  const all = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId! });
  const found = await cdp.send('Runtime.callFunctionOn', {
    objectId: all.objects.objectId!,
    returnByValue: true,
    functionDeclaration: `function () {
      const store = this.find((o) => { try {
        return o && typeof o.appendEntry === 'function' && typeof o.durableSeq === 'function' &&
          typeof o.recorder === 'function' && Object.prototype.hasOwnProperty.call(o, 'settings');
      } catch { return false; } });
      if (store) globalThis.${STORE_GLOBAL} = store;
      return !!store;
    }`,
  });
  await cdp.send('Runtime.releaseObject', { objectId: all.objects.objectId! }).catch(() => undefined);
  return found.result.value === true;
}

/** Retained JS heap of a target after a full GC (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage). */
export async function retainedHeap(target: WebWorker | Frame): Promise<{ usedBytes: number; totalBytes: number }> {
  const cdp = cdpOf(target);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
}

export function chromiumVersion(): string {
  try {
    return execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
