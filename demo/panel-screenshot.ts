// Screenshots of the DevTools window on the Sessions panel for `npm run demo`, checked before they are
// written: the window must be wide enough to read the columns, and the panel's timeline must be painted
// (not one flat colour) where its rows are.
//
// Why not `elementHandle.screenshot()` of the panel's <main>, as the demo once did: puppeteer takes element
// screenshots with `captureBeyondViewport: true`, which has Chromium re-render the page into a new surface
// for the capture. The panel is an out-of-process iframe (chrome-extension:// inside devtools://), and its
// content was often missing from that surface: 4 to 6 of the 11 demo screenshots came out pure white, a
// different set each run. Measured on the same 11 panels, shot one after the other: the element screenshot
// was blank (1 or 2 colours) in 7 of 22 shots, the same clip with `captureBeyondViewport: false` in 0 of 11,
// a plain screenshot of the DevTools window in 0 of 11. So this shoots the window as it is on screen.
import { writeFileSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { type DecodedPng, decodePng, distinctColours } from './png.ts';

/** Narrower than this, the timeline's headers shrink to "M…" and "S…" and the not-sent reasons are cut. */
export const MIN_PANEL_WIDTH = 1280;
/** A painted timeline (text, badges, row lines) has hundreds of colours; a blank one has one or two. */
const MIN_TIMELINE_COLOURS = 16;

export class BlankScreenshotError extends Error {}

/** Colours in the `box` part of `png` (CSS pixels at device scale 1, as puppeteer's boxes are). */
function coloursIn(png: DecodedPng, box: { x: number; y: number; width: number; height: number }): number {
  const left = Math.max(0, Math.floor(box.x));
  const top = Math.max(0, Math.floor(box.y));
  const right = Math.min(png.width, Math.ceil(box.x + box.width));
  const bottom = Math.min(png.height, Math.ceil(box.y + box.height));
  if (right <= left || bottom <= top) return 0;
  const rowBytes = (right - left) * png.channels;
  const crop = new Uint8Array((bottom - top) * rowBytes);
  for (let y = top; y < bottom; y++) {
    const start = (y * png.width + left) * png.channels;
    crop.set(png.pixels.subarray(start, start + rowBytes), (y - top) * rowBytes);
  }
  return distinctColours({ width: right - left, height: bottom - top, channels: png.channels, pixels: crop });
}

/**
 * Shoots the DevTools window `devtools` whose Sessions panel is `panel` and writes it to `path`, after
 * checking that the panel is at least MIN_PANEL_WIDTH wide and that its timeline is painted in the image.
 * Throws BlankScreenshotError (and writes nothing) otherwise.
 */
export async function writePanelScreenshot(devtools: Page, panel: Frame, path: string): Promise<void> {
  const width = await panel.evaluate(() => window.innerWidth);
  if (width < MIN_PANEL_WIDTH) {
    throw new BlankScreenshotError(`the Sessions panel is ${width} px wide; at least ${MIN_PANEL_WIDTH} px are needed`);
  }
  // Two animation frames: the last render of the panel has been painted, not only laid out.
  await panel.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  const timeline = await panel.$('[data-testid="timeline-scroller"]');
  const box = await timeline?.boundingBox();
  await timeline?.dispose();
  if (box === undefined || box === null) throw new BlankScreenshotError('the panel shows no timeline');
  const bytes = await devtools.screenshot({ captureBeyondViewport: false });
  const colours = coloursIn(decodePng(bytes), box);
  if (colours < MIN_TIMELINE_COLOURS) {
    throw new BlankScreenshotError(
      `the screenshot's timeline area has ${colours} colour(s): the panel's rows were not painted`,
    );
  }
  writeFileSync(path, bytes);
}
