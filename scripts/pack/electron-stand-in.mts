// Stand-ins for an unpacked Electron distribution, for electron-builder's `electronDist` where the real
// Electron zip cannot be downloaded. They hold exactly what electron-builder copies, renames and patches
// for a `dir` build, and each "binary" carries Electron's fuse wire so the fuse flipping is real:
//   sentinel "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX" | version byte (1) | length byte | one byte per fuse
// with fuse bytes "0" (off), "1" (on), "r" (removed), exactly as @electron/fuses reads and writes them.
// The binaries are shell scripts that refuse to run: they are never meant to start.
import { Buffer } from 'node:buffer';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;

/**
 * The fuse wire Electron ships with (electron/build/fuses/fuses.json5, schema version 1), in wire order:
 * RunAsNode 1, EnableCookieEncryption 0, EnableNodeOptionsEnvironmentVariable 1,
 * EnableNodeCliInspectArguments 1, EnableEmbeddedAsarIntegrityValidation 0, OnlyLoadAppFromAsar 0,
 * LoadBrowserProcessSpecificV8Snapshot 0, GrantFileProtocolExtraPrivileges 1, WasmTrapHandlers 1.
 * Starting from these defaults means every fuse the config sets must really be flipped to pass the check.
 */
export const ELECTRON_DEFAULT_FUSES = '101100011';

export function fuseWire(fuses: string = ELECTRON_DEFAULT_FUSES): Buffer {
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([FUSE_WIRE_VERSION, fuses.length]), Buffer.from(fuses, 'latin1')]);
}

function writeBinary(file: string, withFuseWire: boolean): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const script = Buffer.from(
    '#!/bin/sh\necho "This is the Electron stand-in used by npm run pack:check; it cannot run an app." >&2\nexit 1\n',
    'latin1',
  );
  writeFileSync(file, withFuseWire ? Buffer.concat([script, fuseWire(), Buffer.from('\n')]) : script);
  chmodSync(file, 0o755);
}

function writeText(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const LICENSE_TEXT = 'Stand-in for Electron’s LICENSE file (npm run pack:check); real builds ship Electron’s MIT licence here.\n';

/** Linux layout of electron-vX-linux-<arch>.zip, reduced to what a `dir` build touches. */
export function createLinuxElectronStandIn(dir: string): void {
  writeBinary(path.join(dir, 'electron'), true);
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeText(path.join(dir, 'LICENSE'), LICENSE_TEXT);
  writeText(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Stand-in for Chromium licences</title>\n');
}

function infoPlist(entries: Record<string, string>): string {
  const body = Object.entries(entries)
    .map(([key, value]) => `    <key>${key}</key>\n    <string>${value}</string>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
  <dict>
${body}
  </dict>
</plist>
`;
}

const MAC_HELPERS = ['Electron Helper', 'Electron Helper (GPU)', 'Electron Helper (Plugin)', 'Electron Helper (Renderer)'];

/**
 * macOS layout (Electron.app) as electron-builder expects it: the app's Info.plist, its executable, the
 * helper apps it renames, and the Electron Framework binary, which is where the fuse wire lives on macOS.
 */
export function createMacElectronStandIn(dir: string): void {
  const contents = path.join(dir, 'Electron.app', 'Contents');
  writeText(
    path.join(contents, 'Info.plist'),
    infoPlist({
      CFBundleExecutable: 'Electron',
      CFBundleIdentifier: 'com.github.Electron',
      CFBundleName: 'Electron',
      CFBundleDisplayName: 'Electron',
      CFBundleIconFile: 'electron.icns',
      CFBundlePackageType: 'APPL',
    }),
  );
  writeBinary(path.join(contents, 'MacOS', 'Electron'), false);
  writeText(path.join(contents, 'Resources', 'electron.icns'), 'stand-in icon\n');
  writeBinary(path.join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), true);
  for (const helper of MAC_HELPERS) {
    const helperContents = path.join(contents, 'Frameworks', `${helper}.app`, 'Contents');
    writeText(
      path.join(helperContents, 'Info.plist'),
      infoPlist({ CFBundleExecutable: helper, CFBundleIdentifier: 'com.github.Electron.helper', CFBundleName: helper }),
    );
    writeBinary(path.join(helperContents, 'MacOS', helper), false);
  }
}
