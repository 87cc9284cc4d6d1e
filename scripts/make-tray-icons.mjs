// Draws the tray icons into build/tray/ with Node built-ins only (zlib for PNG), so they can be
// regenerated any time:  node scripts/make-tray-icons.mjs
//
// The glyph is a coin (a ring) holding a rising bar chart, drawn as vector shapes on a 16-unit grid and
// rasterised with 8×8 supersampling per pixel for smooth edges. Variants:
//   tray-light*.png        dark glyph for light taskbars/panels (Windows, Linux)
//   tray-dark*.png         light glyph for dark taskbars/panels
//   tray-error-*.png       the same with a red badge: the last refresh failed
//   trayTemplate*.png      black + alpha for the macOS menu bar (the OS tints it)
//   trayErrorTemplate*.png the template with a solid badge cut out of the coin
// Each at 16 px and 32 px (@2x).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { Buffer } from 'node:buffer';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/tray');

const GLYPH_DARK = [0x1f, 0x23, 0x28];
const GLYPH_LIGHT = [0xf0, 0xf3, 0xf6];
const BADGE_RED = [0xe5, 0x48, 0x4d];
const BLACK = [0, 0, 0];

// Shapes in the 16-unit grid; each is a point test.
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

const ring = (x, y) => circle(8, 8, 7.25)(x, y) && !circle(8, 8, 5.75)(x, y);
const bars = [rect(4.75, 8.5, 6.25, 11), rect(7.25, 6.5, 8.75, 11), rect(9.75, 4.5, 11.25, 11)];
const glyph = (x, y) => ring(x, y) || bars.some((bar) => bar(x, y));
const badge = circle(12.5, 12.5, 3.25);
// A transparent gap around the badge keeps it readable against the ring.
const badgeGap = circle(12.5, 12.5, 4.5);

/** Per pixel: [r, g, b, a] from the first layer that covers each sample, averaged over 8×8 samples. */
function render(size, layers) {
  const samples = 8;
  const scale = 16 / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          const layer = layers.find((l) => l.covers(x, y));
          if (layer === undefined || layer.color === null) continue;
          r += layer.color[0];
          g += layer.color[1];
          b += layer.color[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      // Colour averaged over covered samples only (straight alpha), coverage as alpha.
      pixels[offset] = a === 0 ? 0 : Math.round(r / a);
      pixels[offset + 1] = a === 0 ? 0 : Math.round(g / a);
      pixels[offset + 2] = a === 0 ? 0 : Math.round(b / a);
      pixels[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y += 1) rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const normal = (color) => [{ covers: glyph, color }];
const withBadge = (color, badgeColor) => [
  { covers: badge, color: badgeColor },
  { covers: badgeGap, color: null },
  { covers: glyph, color },
];

const variants = {
  'tray-light': normal(GLYPH_DARK),
  'tray-dark': normal(GLYPH_LIGHT),
  'tray-error-light': withBadge(GLYPH_DARK, BADGE_RED),
  'tray-error-dark': withBadge(GLYPH_LIGHT, BADGE_RED),
  trayTemplate: normal(BLACK),
  trayErrorTemplate: withBadge(BLACK, BLACK),
};

mkdirSync(outDir, { recursive: true });
for (const [name, layers] of Object.entries(variants)) {
  for (const [suffix, size] of [['', 16], ['@2x', 32]]) {
    const file = path.join(outDir, `${name}${suffix}.png`);
    writeFileSync(file, png(size, render(size, layers)));
    console.info(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}
