// @vitest-environment happy-dom
// The panel's theme: DevTools' theme name wins; without one the system preference decides and is followed.
import { describe, expect, it } from 'vitest';
import { applyTheme, type DarkPreference, themeFromDevTools } from './theme.ts';

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

describe('applyTheme', () => {
  it('uses DevTools’ theme as given, whatever the system prefers', () => {
    const root = document.createElement('html');
    applyTheme(root, themeFromDevTools('dark'), preference(false));
    expect(root.dataset.theme).toBe('dark');
    applyTheme(root, themeFromDevTools('default'), preference(true));
    expect(root.dataset.theme).toBe('light');
  });

  it('follows the system preference when DevTools names no theme, and its changes', () => {
    const root = document.createElement('html');
    const pref = preference(true);
    applyTheme(root, themeFromDevTools(undefined), pref);
    expect(root.dataset.theme).toBe('dark');
    pref.flip(false);
    expect(root.dataset.theme).toBe('light');
  });
});
