// Derives every app icon from the one source image, build/icon-source.png (square, at least 1024 px):
//   build/icons/<N>x<N>.png  Linux icon set, 16…1024 px
//   build/icon.ico           Windows (exe and NSIS installer)
//   build/icon.icns          macOS
// The outputs are committed, so packaging needs no image tools. Run after changing the source:
//   node scripts/make-icons.mjs          derive the icons from build/icon-source.png
//   node scripts/make-icons.mjs --draw   first redraw build/icon-source.png from scripts/pack/draw-mark.mts
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawMark } from './pack/draw-mark.mts';
import { encodeIcns, encodeIco } from './pack/icon-containers.mts';
import { decodePng, encodePng } from './pack/png.mts';
import { resize } from './pack/raster.mts';

const root = path.resolve(import.meta.dirname, '..');
const buildDir = path.join(root, 'build');
const sourcePath = path.join(buildDir, 'icon-source.png');
const SOURCE_SIZE = 1024;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

if (process.argv.includes('--draw')) {
  writeFileSync(sourcePath, encodePng(drawMark(SOURCE_SIZE)));
  console.info(`drew ${path.relative(root, sourcePath)} (${SOURCE_SIZE}×${SOURCE_SIZE})`);
}

let source;
try {
  source = decodePng(readFileSync(sourcePath));
} catch (error) {
  console.error(`Cannot read ${path.relative(root, sourcePath)}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (source.width !== source.height || source.width < SOURCE_SIZE) {
  console.error(`${path.relative(root, sourcePath)} is ${source.width}×${source.height}; it must be square and at least ${SOURCE_SIZE} px.`);
  process.exit(1);
}

/** @type {Map<number, { image: import('./pack/png.mts').RgbaImage, png: Buffer }>} */
const bySize = new Map();
for (const size of new Set([...LINUX_SIZES, ...ICO_SIZES])) {
  const image = size === source.width ? source : resize(source, size, size);
  bySize.set(size, { image, png: encodePng(image) });
}

const iconsDir = path.join(buildDir, 'icons');
rmSync(iconsDir, { recursive: true, force: true });
mkdirSync(iconsDir, { recursive: true });
const written = [];
for (const size of LINUX_SIZES) {
  const file = path.join(iconsDir, `${size}x${size}.png`);
  writeFileSync(file, bySize.get(size).png);
  written.push(file);
}

const ico = encodeIco(ICO_SIZES.map((size) => bySize.get(size)));
writeFileSync(path.join(buildDir, 'icon.ico'), ico);
written.push(path.join(buildDir, 'icon.ico'));

const icns = encodeIcns(new Map([...bySize].map(([size, { png }]) => [size, png])));
writeFileSync(path.join(buildDir, 'icon.icns'), icns);
written.push(path.join(buildDir, 'icon.icns'));

for (const file of written) console.info(`wrote ${path.relative(root, file)} (${readFileSync(file).length.toLocaleString('en')} bytes)`);
