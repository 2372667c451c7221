// Follows DevTools' theme: DevTools tells the panel its theme name (Chrome: "default" | "dark"); when it
// does not (a panel page opened as a tab), the system's colour scheme decides, and changes with it.
// The stylesheet has one block of colours per theme (`:root` light, `:root[data-theme="dark"]`).
export type PanelTheme = 'light' | 'dark' | 'system';

export function themeFromDevTools(themeName: string | undefined): PanelTheme {
  if (themeName === 'dark') return 'dark';
  if (themeName === 'default' || themeName === 'light') return 'light';
  return 'system';
}

/** The slice of MediaQueryList used for `prefers-color-scheme: dark`. */
export interface DarkPreference {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
}

function systemDarkPreference(): DarkPreference | undefined {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
}

/** Sets `data-theme` to `light` or `dark`; `system` follows the preference as it changes. */
export function applyTheme(
  root: HTMLElement,
  theme: PanelTheme,
  prefersDark: DarkPreference | undefined = systemDarkPreference(),
): void {
  const apply = () => {
    root.dataset.theme = theme === 'system' ? (prefersDark?.matches ? 'dark' : 'light') : theme;
  };
  apply();
  if (theme === 'system') prefersDark?.addEventListener('change', apply);
}
