// Follows DevTools' theme, live: DevTools tells the panel its theme name (Chrome: "default" | "dark"; Firefox:
// "light" | "dark" | "firebug") and tells it again when the user switches (Chrome's
// `devtools.panels.setThemeChangeHandler`, Firefox's `devtools.panels.onThemeChanged`). When it names none
// (a panel page opened as a tab), the system's colour scheme (`prefers-color-scheme`) decides, and changes
// with it. The stylesheet has one block of colours per theme (`:root` light, `:root[data-theme="dark"]`).
export type PanelTheme = 'light' | 'dark' | 'system';

/** DevTools' theme names, in both browsers; any other name (or none) leaves it to the system. */
const DEVTOOLS_THEMES: Readonly<Record<string, PanelTheme>> = {
  dark: 'dark',
  default: 'light',
  light: 'light',
  firebug: 'light',
};

export function themeFromDevTools(themeName: string | undefined): PanelTheme {
  return (
    (themeName !== undefined && Object.hasOwn(DEVTOOLS_THEMES, themeName) && DEVTOOLS_THEMES[themeName]) || 'system'
  );
}

/** The slice of MediaQueryList used for `prefers-color-scheme: dark`. */
export interface DarkPreference {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
}

/** The slice of `devtools.panels` that knows the theme: Chrome's handler setter or Firefox's event. */
export interface DevToolsThemeSource {
  readonly themeName?: string;
  setThemeChangeHandler?(handler: (themeName: string) => void): void;
  readonly onThemeChanged?: { addListener(listener: (themeName: string) => void): void };
}

function systemDarkPreference(): DarkPreference | undefined {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
}

/** `data-theme` for a theme: `system` resolves to the preference as it is now. */
function resolved(theme: PanelTheme, prefersDark: DarkPreference | undefined): 'light' | 'dark' {
  return theme === 'system' ? (prefersDark?.matches ? 'dark' : 'light') : theme;
}

/**
 * Keeps `data-theme` on DevTools' theme as the user changes it, and on the system preference whenever DevTools
 * names no theme. Chrome's handler setter is preferred where both exist (one handler per page, set once here).
 */
export function followTheme(
  root: HTMLElement,
  source: DevToolsThemeSource | undefined,
  prefersDark: DarkPreference | undefined = systemDarkPreference(),
): void {
  let theme = themeFromDevTools(source?.themeName);
  const apply = () => {
    root.dataset.theme = resolved(theme, prefersDark);
  };
  const changed = (themeName: string) => {
    theme = themeFromDevTools(themeName);
    apply();
  };
  apply();
  prefersDark?.addEventListener('change', apply);
  if (typeof source?.setThemeChangeHandler === 'function') source.setThemeChangeHandler(changed);
  else source?.onThemeChanged?.addListener(changed);
}
