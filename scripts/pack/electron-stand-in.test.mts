import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLinuxElectronStandIn, createMacElectronStandIn, ELECTRON_DEFAULT_FUSES } from './electron-stand-in.mts';
import { readFuses, REQUIRED_FUSES } from './fuses.mts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stand-in-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Electron stand-ins', () => {
  it('carry a fuse wire that @electron/fuses reads as Electron’s defaults', async () => {
    createLinuxElectronStandIn(dir);
    const wire: Record<string, unknown> = await getCurrentFuseWire(path.join(dir, 'electron'));
    const bytes = [...ELECTRON_DEFAULT_FUSES].map((c) => c.charCodeAt(0));
    expect(wire).toEqual({ version: '1', ...Object.fromEntries(bytes.map((b, i) => [i, b])) });
    expect(statSync(path.join(dir, 'electron')).mode & 0o111).not.toBe(0);
  });

  it('fail the fuse check untouched and pass it once the required fuses are flipped', async () => {
    createLinuxElectronStandIn(dir);
    const binary = path.join(dir, 'electron');
    expect((await readFuses(binary)).filter((r) => !r.ok).map((r) => r.name)).toEqual([
      'RunAsNode',
      'EnableCookieEncryption',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
      'EnableEmbeddedAsarIntegrityValidation',
      'OnlyLoadAppFromAsar',
      'GrantFileProtocolExtraPrivileges',
    ]);
    await flipFuses(binary, { version: FuseVersion.V1, ...Object.fromEntries(REQUIRED_FUSES.map((r) => [r.fuse, r.on])) });
    const rows = await readFuses(binary);
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(rows.find((r) => r.name === 'GrantFileProtocolExtraPrivileges')).toEqual({
      name: 'GrantFileProtocolExtraPrivileges',
      state: 'off',
      required: 'off',
      ok: true,
    });
  });

  it('put the macOS fuse wire in the Electron Framework, where @electron/fuses looks for an .app', async () => {
    createMacElectronStandIn(dir);
    const app = path.join(dir, 'Electron.app');
    await flipFuses(app, { version: FuseVersion.V1, [FuseV1Options.RunAsNode]: false });
    expect((await getCurrentFuseWire(app))[FuseV1Options.RunAsNode]).toBe('0'.charCodeAt(0));
    for (const helper of ['Electron Helper', 'Electron Helper (GPU)', 'Electron Helper (Plugin)', 'Electron Helper (Renderer)']) {
      expect(existsSync(path.join(app, 'Contents', 'Frameworks', `${helper}.app`, 'Contents', 'Info.plist'))).toBe(true);
    }
  });
});
