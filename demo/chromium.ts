// Launching Debian's Chromium with the flags proven on this machine (shared/design/TESTING.md), plus
// the two the demo needs: every *.test host mapped to 127.0.0.1 and the self-signed certificate accepted.
// The extension E2E tests and `npm run demo` import this; keep its signatures stable.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags without which Chromium fights the closed network, or the demo hosts do not resolve. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP *.test 127.0.0.1',
  '--ignore-certificate-errors',
  // Chrome upgrades typed and linked http:// navigations to https:// and falls back after a timeout when the
  // upgrade fails (the demo's http port speaks no TLS): that wait made http:// steps slow and flaky, and the
  // demo exists to show what happens on the http:// request itself.
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
];

export function findChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium`);
}

/**
 * A fresh profile whose cookie setting allows third-party cookies, as a regular Chrome profile's default
 * does (`profile.cookie_controls_mode` 0): Chromium 156 headless otherwise blocks them and reports every
 * Set-Cookie of a cross-site frame as UserPreferences, hiding its SameSite verdicts.
 */
function profileAllowingThirdPartyCookies(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sessionscope-chromium-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  return dir;
}

export async function launchChromium(
  opts: { extensionDir?: string; devtools?: boolean; headless?: boolean; allowThirdPartyCookies?: boolean } = {},
): Promise<Browser> {
  const args = [...CHROMIUM_ARGS];
  if (opts.extensionDir !== undefined) {
    args.push(`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`);
  }
  return puppeteer.launch({
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    devtools: opts.devtools ?? false,
    enableExtensions: opts.extensionDir !== undefined,
    acceptInsecureCerts: true,
    ...(opts.allowThirdPartyCookies ? { userDataDir: profileAllowingThirdPartyCookies() } : {}),
    args,
  });
}
