// Generates the extension's PNG icons (16/32/48/128) with Node alone: a magnifier lens over a cookie,
// drawn by a signed-distance test per pixel, encoded as PNG with node:zlib. Run: node assets/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

// CRC-32 (ISO 3309) for PNG chunks and zip entries comes from node:zlib (Node ≥ 20.15), not a copy of our own.

const SIZES = [16, 32, 48, 128];
const COOKIE = [196, 134, 62];
const CHIP = [92, 56, 26];
const LENS_RIM = [38, 84, 160];
const LENS_GLASS = [200, 225, 255];

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Colour (RGBA) of the icon at a point given in unit coordinates (0..1), before antialiasing. */
function colourAt(x, y) {
  const lens = { cx: 0.62, cy: 0.38, r: 0.26 };
  const dl = Math.hypot(x - lens.cx, y - lens.cy);
  // Handle: a thick segment leaving the lens rim along the down-right diagonal.
  const t = (x - lens.cx) * Math.SQRT1_2 + (y - lens.cy) * Math.SQRT1_2;
  const across = Math.abs((x - lens.cx) * Math.SQRT1_2 - (y - lens.cy) * Math.SQRT1_2);
  if (t > lens.r && t < lens.r + 0.3 && across < 0.07) return [...LENS_RIM, 255];
  if (dl < lens.r && dl > lens.r - 0.07) return [...LENS_RIM, 255];
  if (dl <= lens.r - 0.07) return [...LENS_GLASS, 235];
  const cookie = { cx: 0.4, cy: 0.58, r: 0.36 };
  const dc = Math.hypot(x - cookie.cx, y - cookie.cy);
  if (dc < cookie.r) {
    const chips = [
      [0.28, 0.48],
      [0.45, 0.72],
      [0.25, 0.7],
      [0.55, 0.85],
    ];
    for (const [cx, cy] of chips) if (Math.hypot(x - cx, y - cy) < 0.055) return [...CHIP, 255];
    return [...COOKIE, 255];
  }
  return [0, 0, 0, 0];
}

function renderPng(size) {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter type None
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          const a = c[3] / 255;
          acc[0] += c[0] * a;
          acc[1] += c[1] * a;
          acc[2] += c[2] * a;
          acc[3] += a;
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const alpha = acc[3] / (samples * samples);
      raw[o] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      raw[o + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      raw[o + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = new URL(`./icon-${size}.png`, import.meta.url);
  writeFileSync(file, renderPng(size));
  console.log(`wrote ${file.pathname}`);
}
