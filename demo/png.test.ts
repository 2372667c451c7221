// decodePng against PNGs built here with every row filter, so each unfilter path is checked against its
// forward filter (PNG spec 9.2), and distinctColours against images whose colours are known.
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodePng, distinctColours } from './png.ts';

function chunk(type: string, data: Uint8Array): Uint8Array {
  // The decoder skips CRCs, so zeros stand in for them.
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(
    [...type].map((ch) => ch.charCodeAt(0)),
    4,
  );
  out.set(data, 8);
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** An 8-bit PNG of `pixels` whose row y uses filter type `y % 5`. */
function encodePng(width: number, height: number, channels: 3 | 4, pixels: Uint8Array): Uint8Array {
  const stride = width * channels;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const at = (yy: number, xx: number) => (yy < 0 || xx < 0 ? 0 : (pixels[yy * stride + xx] ?? 0));
      const [a, b, c] = [at(y, x - channels), at(y - 1, x), at(y - 1, x - channels)];
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      raw[y * (stride + 1) + 1 + x] = (at(y, x) - predicted) & 0xff;
    }
  }
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, channels === 3 ? 2 : 6, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe('decodePng', () => {
  it('gives back the pixels of an RGB image whose rows use all five filters', () => {
    const [width, height] = [7, 10];
    const pixels = Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * 37 + (i >> 3) * 11) & 0xff);
    const png = decodePng(encodePng(width, height, 3, pixels));
    expect(png).toMatchObject({ width, height, channels: 3 });
    expect([...png.pixels]).toEqual([...pixels]);
  });

  it('gives back the pixels of an RGBA image', () => {
    const pixels = Uint8Array.from({ length: 4 * 5 * 4 }, (_, i) => (255 - i * 13) & 0xff);
    expect([...decodePng(encodePng(4, 5, 4, pixels)).pixels]).toEqual([...pixels]);
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => decodePng(new TextEncoder().encode('GIF89a not a png'))).toThrow(/signature/);
  });
});

describe('distinctColours', () => {
  it('counts one colour in a blank white image and every colour of a varied one', () => {
    const white = new Uint8Array(6 * 6 * 3).fill(255);
    expect(distinctColours(decodePng(encodePng(6, 6, 3, white)))).toBe(1);
    const stripes = Uint8Array.from({ length: 6 * 6 * 3 }, (_, i) => (Math.floor(i / 3) % 4 === 0 ? 0 : 255));
    expect(distinctColours(decodePng(encodePng(6, 6, 3, stripes)))).toBe(2);
  });
});
