import { describe, expect, it } from 'vitest';
import type { RgbaImage } from './png.mts';
import { resize } from './raster.mts';

function image(width: number, height: number, pixels: number[][]): RgbaImage {
  return { width, height, rgba: Uint8Array.from(pixels.flat()) };
}

describe('resize', () => {
  it('keeps a uniform image uniform at any ratio', () => {
    const source = image(5, 5, Array.from({ length: 25 }, () => [40, 80, 120, 255]));
    const out = resize(source, 3, 3);
    for (let p = 0; p < 9; p++) expect([...out.rgba.subarray(p * 4, p * 4 + 4)]).toEqual([40, 80, 120, 255]);
  });

  it('averages area, and a transparent pixel does not darken its neighbours', () => {
    const source = image(2, 2, [
      [255, 0, 0, 255],
      [0, 0, 0, 0],
      [255, 0, 0, 255],
      [0, 0, 0, 0],
    ]);
    expect([...resize(source, 1, 1).rgba]).toEqual([255, 0, 0, 128]);
  });

  it('weights partly covered pixels by the share they cover (3 → 2)', () => {
    const source = image(3, 1, [
      [0, 0, 0, 255],
      [90, 90, 90, 255],
      [180, 180, 180, 255],
    ]);
    // Each output pixel covers 1.5 source pixels: (0 + 0.5·90)/1.5 = 30 and (0.5·90 + 180)/1.5 = 150.
    expect([...resize(source, 2, 1).rgba]).toEqual([30, 30, 30, 255, 150, 150, 150, 255]);
  });
});
