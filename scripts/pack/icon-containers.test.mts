import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { encodeIcns, encodeIco, ICNS_TYPES, readIcns, readIco, type IconImage } from './icon-containers.mts';
import { encodePng, type RgbaImage } from './png.mts';

function solid(size: number, rgba: [number, number, number, number]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let p = 0; p < size * size; p++) pixels.set(rgba, p * 4);
  return { width: size, height: size, rgba: pixels };
}

function icon(size: number): IconImage {
  const image = solid(size, [10, 20, 30, 255]);
  return { image, png: encodePng(image) };
}

describe('.ico', () => {
  it('stores small sizes as BMP and 256 px as PNG, and reads its own directory back', () => {
    const ico = encodeIco([icon(256), icon(16), icon(32)]);
    expect(readIco(ico)).toEqual([
      { width: 16, height: 16, format: 'bmp', bytes: 40 + 16 * 16 * 4 + 4 * 16 },
      { width: 32, height: 32, format: 'bmp', bytes: 40 + 32 * 32 * 4 + 4 * 32 },
      { width: 256, height: 256, format: 'png', bytes: icon(256).png.length },
    ]);
  });

  it('writes BMP pixels bottom-up as BGRA and masks transparent pixels', () => {
    const image: RgbaImage = { width: 1, height: 2, rgba: Uint8Array.from([1, 2, 3, 255, 0, 0, 0, 0]) };
    const ico = encodeIco([{ image, png: encodePng(image) }]);
    const bmp = ico.subarray(ico.readUInt32LE(6 + 12));
    expect(bmp.readInt32LE(8)).toBe(4); // height doubled for the mask
    expect([...bmp.subarray(40, 48)]).toEqual([0, 0, 0, 0, 3, 2, 1, 255]); // bottom row first
    expect(bmp[48]).toBe(0x80); // mask row 0 (bottom, transparent pixel): bit set
    expect(bmp[52]).toBe(0x00); // mask row 1 (top, opaque pixel): clear
  });

  it('rejects an entry whose header lies about its size', () => {
    const ico = encodeIco([icon(16)]);
    ico[6] = 24;
    expect(() => readIco(ico)).toThrow('.ico entry 0 says 24×16 but holds 16×16');
  });
});

describe('.icns', () => {
  const pngs = new Map([16, 32, 64, 128, 256, 512, 1024].map((size) => [size, icon(size).png]));

  it('holds every retina and non-retina slot with the right pixel size', () => {
    const entries = readIcns(encodeIcns(pngs));
    expect(entries.map((e) => [e.type, e.width])).toEqual(ICNS_TYPES.map((t) => [t.type, t.pixels]));
  });

  it('refuses to write without every size', () => {
    expect(() => encodeIcns(new Map([[16, icon(16).png]]))).toThrow('no 32 px image');
  });

  it('rejects a file whose length field is wrong', () => {
    const icns = Buffer.from(encodeIcns(pngs));
    icns.writeUInt32BE(icns.length + 1, 4);
    expect(() => readIcns(icns)).toThrow('length field');
  });
});
