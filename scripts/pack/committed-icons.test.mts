import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEntitlements, checkIcons } from './app-checks.mts';
import { readIcns } from './icon-containers.mts';
import { decodePng } from './png.mts';
import { resize } from './raster.mts';

// The committed packaging resources, checked the way pack:check does, plus: the icons must still be the
// ones scripts/make-icons.mjs derives from build/icon-source.png (rerun it after changing the source).
const root = path.resolve(import.meta.dirname, '..', '..');
const build = (...parts: string[]): string => path.join(root, 'build', ...parts);

describe('committed packaging resources', () => {
  it('has a complete, well-formed icon set and minimal entitlements', () => {
    expect(checkIcons(root).problems).toEqual([]);
    expect(checkEntitlements(root)).toMatchObject({ problems: [], lines: ['grants: com.apple.security.cs.allow-jit'] });
  });

  it('has icons derived from build/icon-source.png', () => {
    const source = decodePng(readFileSync(build('icon-source.png')));
    for (const size of [16, 256]) {
      const committed = decodePng(readFileSync(build('icons', `${size}x${size}.png`)));
      expect(Buffer.from(committed.rgba).equals(Buffer.from(resize(source, size, size).rgba)), `${size} px`).toBe(true);
    }
    const icns = readFileSync(build('icon.icns'));
    const ic10 = readIcns(icns).find((e) => e.type === 'ic10');
    expect(ic10?.width).toBe(1024);
    expect(icns.includes(readFileSync(build('icons', '1024x1024.png')))).toBe(true);
    expect(readFileSync(build('icon.ico')).includes(readFileSync(build('icons', '256x256.png')))).toBe(true);
  });
});
