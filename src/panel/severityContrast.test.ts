// Every severity colour is readable in both themes (WCAG 2.x contrast ≥ 4.5:1 for normal text): as text on each
// background the panel draws it on, and as a pill under the pill text. Reads the colours from panel.css itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./panel.css', import.meta.url), 'utf8');

/** The custom properties of the first rule whose selector is exactly `selector`. */
function variables(selector: string): Record<string, string> {
  const at = css.indexOf(`${selector} {`);
  expect(at, `${selector} in panel.css`).toBeGreaterThanOrEqual(0);
  const body = css.slice(at, css.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1]!, m[2]!]));
}

/** WCAG 2.x relative luminance of a #rgb / #rrggbb colour. */
function luminance(hex: string): number {
  const h = hex.slice(1).length === 3 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const light = variables(':root');
const THEMES = { light, dark: { ...light, ...variables(':root[data-theme="dark"]') } };
const SEVERITIES = ['high', 'medium', 'low', 'info'];
const BACKGROUNDS = ['--bg', '--head-bg', '--row-alt', '--selected'];

describe.each(Object.entries(THEMES))('%s theme', (_name, colours) => {
  it.each(SEVERITIES)('%s: a pill and the text on every background reach 4.5:1', (severity) => {
    const colour = colours[`--${severity}`]!;
    expect(colour).toBeDefined();
    expect(contrast(colours['--pill-fg']!, colour), 'pill text on the pill').toBeGreaterThanOrEqual(4.5);
    for (const bg of BACKGROUNDS)
      expect(contrast(colour, colours[bg]!), `${severity} text on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe('contrast', () => {
  it('measures as WCAG does: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#f28b82', '#f28b82')).toBe(1);
    // The old dark-theme pill: white on salmon, which is what made them hard to read.
    expect(contrast('#fff', '#f28b82')).toBeLessThan(4.5);
  });
});
