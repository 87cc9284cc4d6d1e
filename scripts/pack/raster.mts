// Resizing for the icon set: every size is an area average of the source (a box filter with fractional
// edges), done on premultiplied alpha so transparent pixels never bleed their colour into the edges.
import type { RgbaImage } from './png.mts';

type Tap = { index: number; weight: number };

/** For each target pixel along one axis, the source pixels it covers and what share of it each covers. */
function areaTaps(sourceSize: number, targetSize: number): Tap[][] {
  const scale = sourceSize / targetSize;
  const taps: Tap[][] = [];
  for (let t = 0; t < targetSize; t++) {
    const start = t * scale;
    const end = start + scale;
    const row: Tap[] = [];
    for (let s = Math.floor(start); s < Math.min(Math.ceil(end), sourceSize); s++) {
      const covered = Math.min(end, s + 1) - Math.max(start, s);
      if (covered > 0) row.push({ index: s, weight: covered / scale });
    }
    taps.push(row);
  }
  return taps;
}

function toPremultiplied({ width, height, rgba }: RgbaImage): Float64Array {
  const out = new Float64Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const alpha = (rgba[p * 4 + 3] ?? 0) / 255;
    for (let c = 0; c < 3; c++) out[p * 4 + c] = (rgba[p * 4 + c] ?? 0) * alpha;
    out[p * 4 + 3] = alpha;
  }
  return out;
}

/** Scales an image to width × height (meant for shrinking; enlarging gives blocky pixels). */
export function resize(image: RgbaImage, width: number, height: number): RgbaImage {
  const sourceWidth = image.width;
  const source = toPremultiplied(image);
  const columns = areaTaps(sourceWidth, width);
  const rows = areaTaps(image.height, height);
  const sum = new Float64Array(4);

  const horizontal = new Float64Array(width * image.height * 4);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < width; x++) {
      sum.fill(0);
      for (const { index, weight } of columns[x] ?? []) {
        for (let c = 0; c < 4; c++) sum[c] = (sum[c] ?? 0) + (source[(y * sourceWidth + index) * 4 + c] ?? 0) * weight;
      }
      horizontal.set(sum, (y * width + x) * 4);
    }
  }

  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      sum.fill(0);
      for (const { index, weight } of rows[y] ?? []) {
        for (let c = 0; c < 4; c++) sum[c] = (sum[c] ?? 0) + (horizontal[(index * width + x) * 4 + c] ?? 0) * weight;
      }
      const alpha = Math.min(1, sum[3] ?? 0);
      const at = (y * width + x) * 4;
      out[at + 3] = Math.round(alpha * 255);
      for (let c = 0; c < 3; c++) out[at + c] = alpha > 0 ? Math.round(Math.min(255, (sum[c] ?? 0) / alpha)) : 0;
    }
  }
  return { width, height, rgba: out };
}
