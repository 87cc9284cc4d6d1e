// The app's mark, described as shapes on a 1024-unit canvas and drawn with signed distances, which gives
// exact anti-aliased edges at any size without an SVG renderer. A calm indigo tile holding a white coin
// with three ledger lines (the last one green): "your balances". Deliberately not Kraken's logo.
import type { RgbaImage } from './png.mts';

type Rgb = readonly [number, number, number];
type Layer = { distance: (x: number, y: number) => number; color: (x: number, y: number) => Rgb };

const CANVAS = 1024;
const TILE_TOP: Rgb = [0x5b, 0x50, 0xe6];
const TILE_BOTTOM: Rgb = [0x2d, 0x27, 0x89];
const COIN: Rgb = [0xff, 0xff, 0xff];
const COIN_RIM: Rgb = [0xd9, 0xd6, 0xfa];
const INK: Rgb = [0x3b, 0x34, 0xb0];
const GAIN: Rgb = [0x1f, 0xb0, 0x84];

function roundedSquare(cx: number, cy: number, half: number, radius: number) {
  return (x: number, y: number): number => {
    const qx = Math.abs(x - cx) - half + radius;
    const qy = Math.abs(y - cy) - half + radius;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

function circle(cx: number, cy: number, r: number) {
  return (x: number, y: number): number => Math.hypot(x - cx, y - cy) - r;
}

function ring(cx: number, cy: number, r: number, thickness: number) {
  return (x: number, y: number): number => Math.abs(Math.hypot(x - cx, y - cy) - r) - thickness / 2;
}

/** A horizontal bar with round ends, from x0 to x1 (outer extent) at height y. */
function bar(x0: number, x1: number, y: number, thickness: number) {
  const r = thickness / 2;
  return (x: number, py: number): number => Math.hypot(x - Math.min(Math.max(x, x0 + r), x1 - r), py - y) - r;
}

const solid = (rgb: Rgb) => (): Rgb => rgb;

const mix = (from: number, to: number, t: number): number => from + (to - from) * t;

const verticalGradient = (top: Rgb, bottom: Rgb, y0: number, y1: number) => (_x: number, y: number): Rgb => {
  const t = Math.min(1, Math.max(0, (y - y0) / (y1 - y0)));
  return [mix(top[0], bottom[0], t), mix(top[1], bottom[1], t), mix(top[2], bottom[2], t)];
};

const LAYERS: Layer[] = [
  { distance: roundedSquare(512, 512, 448, 200), color: verticalGradient(TILE_TOP, TILE_BOTTOM, 64, 960) },
  { distance: circle(512, 512, 300), color: solid(COIN) },
  { distance: ring(512, 512, 254, 16), color: solid(COIN_RIM) },
  { distance: bar(382, 682, 420, 56), color: solid(INK) },
  { distance: bar(382, 612, 512, 56), color: solid(INK) },
  { distance: bar(382, 532, 604, 56), color: solid(GAIN) },
];

/** Renders the mark at size × size pixels, transparent outside the tile. */
export function drawMark(size: number): RgbaImage {
  const unitsPerPixel = CANVAS / size;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) * unitsPerPixel;
      const y = (py + 0.5) * unitsPerPixel;
      // Premultiplied "over" compositing, bottom layer first.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of LAYERS) {
        const coverage = Math.min(1, Math.max(0, 0.5 - layer.distance(x, y) / unitsPerPixel));
        if (coverage === 0) continue;
        const [lr, lg, lb] = layer.color(x, y);
        r = lr * coverage + r * (1 - coverage);
        g = lg * coverage + g * (1 - coverage);
        b = lb * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const at = (py * size + px) * 4;
      rgba[at] = a > 0 ? Math.round(r / a) : 0;
      rgba[at + 1] = a > 0 ? Math.round(g / a) : 0;
      rgba[at + 2] = a > 0 ? Math.round(b / a) : 0;
      rgba[at + 3] = Math.round(a * 255);
    }
  }
  return { width: size, height: size, rgba };
}
