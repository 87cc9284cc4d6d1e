import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, readPngSize, type RgbaImage } from './png.mts';

/** A deterministic image with gradients, noise and transparency, so every PNG filter type gets chosen. */
function sampleImage(width: number, height: number): RgbaImage {
  const rgba = new Uint8Array(width * height * 4);
  let seed = 12345;
  for (let i = 0; i < rgba.length; i += 4) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const p = i / 4;
    rgba[i] = (p % width) * 7;
    rgba[i + 1] = Math.floor(p / width) * 5;
    rgba[i + 2] = seed >>> 24;
    rgba[i + 3] = p % 3 === 0 ? 0 : 255 - (p % 200);
  }
  return { width, height, rgba };
}

function pngWithHeader(bitDepth: number, colorType: number, raw: Buffer, width = 1, height = 1): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('png', () => {
  it('decodes exactly what it encodes', () => {
    const image = sampleImage(37, 23);
    const decoded = decodePng(encodePng(image));
    expect(decoded.width).toBe(37);
    expect(decoded.height).toBe(23);
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(image.rgba))).toBe(true);
  });

  it('reads the size from the header without decoding', () => {
    expect(readPngSize(encodePng(sampleImage(5, 9)))).toEqual({ width: 5, height: 9 });
    expect(() => readPngSize(Buffer.from('not a png at all, clearly not'))).toThrow('not a PNG file');
  });

  it('decodes 8-bit RGB as opaque RGBA', () => {
    const png = pngWithHeader(8, 2, Buffer.from([0, 10, 20, 30]));
    expect([...decodePng(png).rgba]).toEqual([10, 20, 30, 255]);
  });

  it('names what it cannot read', () => {
    const sixteenBit = pngWithHeader(16, 6, Buffer.alloc(9));
    expect(() => decodePng(sixteenBit)).toThrow('unsupported PNG (bit depth 16, colour type 6, interlace 0)');
  });

  it('rejects a rgba buffer of the wrong length', () => {
    expect(() => encodePng({ width: 2, height: 2, rgba: new Uint8Array(15) })).toThrow('expected 16 bytes, got 15');
  });
});
