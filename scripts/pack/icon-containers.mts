// Windows .ico and macOS .icns containers, written and read back. Both can embed PNG images; the .ico
// keeps its small sizes as classic 32-bit BMP entries because some Windows tools (NSIS among them) read
// only those, and uses PNG for 256 px as Windows Vista and later expect.
import { Buffer } from 'node:buffer';
import { readPngSize, type RgbaImage } from './png.mts';

export type IconImage = { image: RgbaImage; png: Buffer };

const PNG_IN_ICO_FROM = 256;

/** A BMP icon entry: BITMAPINFOHEADER, bottom-up BGRA pixels, then the 1-bit AND mask (set where transparent). */
function bmpEntry({ width, height, rgba }: RgbaImage): Buffer {
  const maskStride = Math.ceil(width / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8); // colour rows + mask rows, as the ICO format requires
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(width * height * 4 + maskStride * height, 20);
  const pixels = Buffer.alloc(width * height * 4);
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = (row * width + x) * 4;
      pixels[to] = rgba[from + 2] ?? 0;
      pixels[to + 1] = rgba[from + 1] ?? 0;
      pixels[to + 2] = rgba[from] ?? 0;
      pixels[to + 3] = rgba[from + 3] ?? 0;
      if (rgba[from + 3] === 0) {
        const byte = row * maskStride + (x >> 3);
        mask[byte] = (mask[byte] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

export function encodeIco(images: IconImage[]): Buffer {
  const sorted = [...images].sort((a, b) => a.image.width - b.image.width);
  const bodies = sorted.map(({ image, png }) => (image.width >= PNG_IN_ICO_FROM ? png : bmpEntry(image)));
  const header = Buffer.alloc(6 + 16 * sorted.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sorted.length, 4);
  let offset = header.length;
  sorted.forEach(({ image }, i) => {
    const at = 6 + i * 16;
    const body = bodies[i] ?? Buffer.alloc(0);
    header[at] = image.width >= 256 ? 0 : image.width; // 0 means 256
    header[at + 1] = image.height >= 256 ? 0 : image.height;
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(body.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += body.length;
  });
  return Buffer.concat([header, ...bodies]);
}

export type IcoEntry = { width: number; height: number; format: 'png' | 'bmp'; bytes: number };

/** The directory of an .ico file, with each entry's real format and size checked against its data. */
export function readIco(ico: Buffer): IcoEntry[] {
  if (ico.length < 6 || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const entries: IcoEntry[] = [];
  for (let i = 0; i < ico.readUInt16LE(4); i++) {
    const at = 6 + i * 16;
    const width = ico[at] || 256;
    const height = ico[at + 1] || 256;
    const bytes = ico.readUInt32LE(at + 8);
    const data = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + bytes);
    if (data.length !== bytes) throw new Error(`.ico entry ${i} runs past the end of the file`);
    const isPng = data.readUInt32BE(0) === 0x89504e47;
    const real = isPng ? readPngSize(data) : { width: data.readInt32LE(4), height: data.readInt32LE(8) / 2 };
    if (real.width !== width || real.height !== height) {
      throw new Error(`.ico entry ${i} says ${width}×${height} but holds ${real.width}×${real.height}`);
    }
    entries.push({ width, height, format: isPng ? 'png' : 'bmp', bytes });
  }
  return entries;
}

/** icns element types that hold PNG data, by pixel size (the @2x types share sizes with 1x ones). */
export const ICNS_TYPES: ReadonlyArray<{ type: string; pixels: number }> = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'ic11', pixels: 32 }, // 16@2x
  { type: 'ic12', pixels: 64 }, // 32@2x
  { type: 'ic07', pixels: 128 },
  { type: 'ic13', pixels: 256 }, // 128@2x
  { type: 'ic08', pixels: 256 },
  { type: 'ic14', pixels: 512 }, // 256@2x
  { type: 'ic09', pixels: 512 },
  { type: 'ic10', pixels: 1024 }, // 512@2x
];

export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const elements = ICNS_TYPES.map(({ type, pixels }) => {
    const png = pngBySize.get(pixels);
    if (!png) throw new Error(`encodeIcns: no ${pixels} px image`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + elements.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

export type IcnsEntry = { type: string; width: number; height: number; bytes: number };

/** The PNG elements of an .icns file, with the pixel size of each read from its PNG header. */
export function readIcns(icns: Buffer): IcnsEntry[] {
  if (icns.length < 8 || icns.toString('latin1', 0, 4) !== 'icns') throw new Error('not an .icns file');
  if (icns.readUInt32BE(4) !== icns.length) throw new Error('.icns length field does not match the file size');
  const entries: IcnsEntry[] = [];
  for (let at = 8; at < icns.length; ) {
    const type = icns.toString('latin1', at, at + 4);
    const length = icns.readUInt32BE(at + 4);
    if (length < 8 || at + length > icns.length) throw new Error(`.icns element ${type} has a bad length`);
    const { width, height } = readPngSize(icns.subarray(at + 8, at + length));
    entries.push({ type, width, height, bytes: length - 8 });
    at += length;
  }
  return entries;
}
