// Reads what an Xvfb screen shows and judges it, with Node built-ins only: Xvfb started with
// `-fbdir DIR` keeps its framebuffer in DIR/Xvfb_screen0 as an XWD image, so no screenshot tool is needed.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

/** The screen as { width, height, rgb } (3 bytes a pixel), from a 24/32-bit TrueColor XWD file. */
export function readXwd(file) {
  const data = readFileSync(file);
  const field = (index) => data.readUInt32BE(index * 4);
  const [headerSize, version, format, width, height] = [field(0), field(1), field(2), field(4), field(5)];
  const [byteOrder, bitsPerPixel, bytesPerLine, colors] = [field(7), field(11), field(12), field(19)];
  if (version !== 7 || format !== 2 || bitsPerPixel !== 32) {
    throw new Error(`${file} is not a 32-bit ZPixmap XWD image (version ${version}, format ${format}, ${bitsPerPixel} bpp)`);
  }
  const [redMask, greenMask, blueMask] = [field(14), field(15), field(16)];
  const shift = (mask) => 31 - Math.clz32(mask & -mask);
  const start = headerSize + colors * 12;
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = start + y * bytesPerLine + x * 4;
      const pixel = byteOrder === 0 ? data.readUInt32LE(offset) : data.readUInt32BE(offset);
      const out = (y * width + x) * 3;
      rgb[out] = (pixel & redMask) >>> shift(redMask);
      rgb[out + 1] = (pixel & greenMask) >>> shift(greenMask);
      rgb[out + 2] = (pixel & blueMask) >>> shift(blueMask);
    }
  }
  return { width, height, rgb };
}

/** The part of the image inside rect ({ x, y, width, height }, clipped to the image). */
export function crop(image, rect) {
  const x = Math.max(0, Math.round(rect.x));
  const y = Math.max(0, Math.round(rect.y));
  const width = Math.min(image.width - x, Math.round(rect.width));
  const height = Math.min(image.height - y, Math.round(rect.height));
  if (width <= 0 || height <= 0) throw new Error(`the area ${JSON.stringify(rect)} is off the ${image.width}x${image.height} screen`);
  const rgb = Buffer.alloc(width * height * 3);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 3;
    image.rgb.copy(rgb, row * width * 3, from, from + width * 3);
  }
  return { width, height, rgb };
}

/** A PNG file's bytes for the image (8-bit RGB, no filtering: small code, fine for a CI artifact). */
export function encodePng({ width, height, rgb }) {
  const rows = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) rgb.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const chunk = (type, body) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), body])));
    return Buffer.concat([length, Buffer.from(type, 'ascii'), body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method extras, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * How much an image shows: distinct colours, and the share of pixels that differ from the most common
 * colour (a blank page's background). Text, icons and charts give hundreds of colours.
 */
export function screenContent({ width, height, rgb }) {
  const counts = new Map();
  for (let i = 0; i < rgb.length; i += 3) {
    const colour = (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const mostCommon = Math.max(...counts.values());
  return { colours: counts.size, painted: 1 - mostCommon / (width * height) };
}

/** Blank means a plain area: too few colours, or almost every pixel the same. */
export function isBlank(content, { minColours = 64, minPainted = 0.05 } = {}) {
  return content.colours < minColours || content.painted < minPainted;
}
