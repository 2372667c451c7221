// @vitest-environment happy-dom
// The panel's theme: DevTools' theme name wins; without one the system preference decides and is followed.
import { describe, expect, it } from 'vitest';
import { type DarkPreference, followTheme, themeFromDevTools } from './theme.ts';

function preference(matches: boolean): DarkPreference & { flip(to: boolean): void } {
  const listeners: (() => void)[] = [];
  const pref = {
    matches,
    addEventListener: (_type: 'change', listener: () => void) => void listeners.push(listener),
    flip(to: boolean) {
      pref.matches = to;
      for (const l of listeners) l();
    },
  };
  return pref;
}

describe('the theme at start', () => {
  it('uses DevTools’ theme as given, whatever the system prefers', () => {
    const root = document.createElement('html');
    followTheme(root, { themeName: 'dark' }, preference(false));
    expect(root.dataset.theme).toBe('dark');
    followTheme(root, { themeName: 'default' }, preference(true));
    expect(root.dataset.theme).toBe('light');
  });

  it('follows the system preference when DevTools names no theme, and its changes', () => {
    const root = document.createElement('html');
    const pref = preference(true);
    followTheme(root, {}, pref);
    expect(root.dataset.theme).toBe('dark');
    pref.flip(false);
    expect(root.dataset.theme).toBe('light');
  });
});

describe('themeFromDevTools', () => {
  it("maps Chrome's and Firefox's theme names; an unknown or absent name leaves it to the system", () => {
    expect(['dark', 'default', 'light', 'firebug', 'solarized', undefined].map(themeFromDevTools)).toEqual([
      'dark',
      'light',
      'light',
      'light',
      'system',
      'system',
    ]);
  });
});

describe('followTheme', () => {
  it("switches live when Chrome's DevTools theme changes (setThemeChangeHandler)", () => {
    const root = document.createElement('html');
    let handler: ((name: string) => void) | undefined;
    followTheme(root, { themeName: 'default', setThemeChangeHandler: (h) => (handler = h) }, preference(true));
    expect(root.dataset.theme).toBe('light');
    handler?.('dark');
    expect(root.dataset.theme).toBe('dark');
    handler?.('default');
    expect(root.dataset.theme).toBe('light');
  });

  it("switches live on Firefox's onThemeChanged, and the system preference decides only without a DevTools theme", () => {
    const root = document.createElement('html');
    const listeners: ((name: string) => void)[] = [];
    const pref = preference(false);
    followTheme(root, { themeName: 'dark', onThemeChanged: { addListener: (l) => void listeners.push(l) } }, pref);
    expect(root.dataset.theme).toBe('dark');
    pref.flip(false);
    expect(root.dataset.theme).toBe('dark');
    for (const l of listeners) l('light');
    expect(root.dataset.theme).toBe('light');
    for (const l of listeners) l('unknown-theme');
    pref.flip(true);
    expect(root.dataset.theme).toBe('dark');
  });

  it('follows the system preference when there is no DevTools at all', () => {
    const root = document.createElement('html');
    const pref = preference(false);
    followTheme(root, undefined, pref);
    expect(root.dataset.theme).toBe('light');
    pref.flip(true);
    expect(root.dataset.theme).toBe('dark');
  });
});
