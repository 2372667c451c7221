// Screenshots of the DevTools window on the Sessions panel for `npm run demo`, checked before they are
// written: the panel frame must have the width asked for, and the view shot must be painted (not one flat
// colour) where its content is.
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

/** A painted view (text, badges, row lines) has hundreds of colours; a blank one has one or two. */
const MIN_VIEW_COLOURS = 16;
/** How far the panel frame may be from the width asked for (DevTools' own chrome does not scale evenly). */
export const WIDTH_TOLERANCE = 8;

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
 * checking that the panel frame is `width` px wide (± WIDTH_TOLERANCE) and that the view's `region` is
 * painted in the image. Throws BlankScreenshotError (and writes nothing) otherwise.
 */
export async function writePanelScreenshot(
  devtools: Page,
  panel: Frame,
  path: string,
  expect: { readonly width: number; readonly region: string },
): Promise<void> {
  const width = await panel.evaluate(() => window.innerWidth);
  if (Math.abs(width - expect.width) > WIDTH_TOLERANCE) {
    throw new BlankScreenshotError(`the Sessions panel is ${width} px wide, not ${expect.width} px`);
  }
  // Two animation frames: the last render of the panel has been painted, not only laid out.
  await panel.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  const region = await panel.$(expect.region);
  const box = await region?.boundingBox();
  await region?.dispose();
  if (box === undefined || box === null) throw new BlankScreenshotError(`the panel shows no ${expect.region}`);
  const bytes = await devtools.screenshot({ captureBeyondViewport: false });
  const colours = coloursIn(decodePng(bytes), box);
  if (colours < MIN_VIEW_COLOURS) {
    throw new BlankScreenshotError(
      `the screenshot's ${expect.region} area has ${colours} colour(s): the panel was not painted`,
    );
  }
  writeFileSync(path, bytes);
}

/**
 * Sizes the DevTools page so that the panel frame inside it is `width` px wide: a docked DevTools (~550 px)
 * or a wide one. DevTools' side parts do not shrink in proportion, so this adjusts a few times.
 */
export async function sizePanelTo(devtools: Page, panel: Frame, width: number, height: number): Promise<number> {
  const frameWidth = () => panel.evaluate(() => window.innerWidth);
  let pageWidth = width + ((await devtools.evaluate(() => window.innerWidth)) - (await frameWidth()));
  for (let attempt = 0; attempt < 4; attempt++) {
    await devtools.setViewport({ width: pageWidth, height });
    // The frame takes its new size on the next layout of DevTools.
    for (let wait = 0; wait < 10 && (await frameWidth()) > pageWidth; wait++) await sleep(100);
    await sleep(150);
    const off = (await frameWidth()) - width;
    if (Math.abs(off) <= WIDTH_TOLERANCE / 2) break;
    pageWidth -= off;
  }
  return frameWidth();
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
