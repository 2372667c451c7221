// Follows DevTools' theme: DevTools tells the panel its theme name (Chrome: "default" | "dark"); when it
// does not (a panel page opened as a tab), the CSS falls back to prefers-color-scheme.
export type PanelTheme = 'light' | 'dark' | 'system';

export function themeFromDevTools(themeName: string | undefined): PanelTheme {
  if (themeName === 'dark') return 'dark';
  if (themeName === 'default' || themeName === 'light') return 'light';
  return 'system';
}

export function applyTheme(root: HTMLElement, theme: PanelTheme): void {
  root.dataset.theme = theme;
}
