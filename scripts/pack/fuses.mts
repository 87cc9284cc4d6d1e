// The fuse states the packaged app must have (the security baseline from Electron's own checklist), and
// reading them back from a packaged Electron binary with @electron/fuses.
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** Required states; electronFuses in build/electron-builder.yml sets them, pack:check holds it to them. */
export const REQUIRED_FUSES: ReadonlyArray<{ fuse: FuseV1Options; name: string; on: boolean }> = [
  { fuse: FuseV1Options.RunAsNode, name: 'RunAsNode', on: false },
  { fuse: FuseV1Options.EnableNodeOptionsEnvironmentVariable, name: 'EnableNodeOptionsEnvironmentVariable', on: false },
  { fuse: FuseV1Options.EnableNodeCliInspectArguments, name: 'EnableNodeCliInspectArguments', on: false },
  { fuse: FuseV1Options.EnableCookieEncryption, name: 'EnableCookieEncryption', on: true },
  { fuse: FuseV1Options.EnableEmbeddedAsarIntegrityValidation, name: 'EnableEmbeddedAsarIntegrityValidation', on: true },
  { fuse: FuseV1Options.OnlyLoadAppFromAsar, name: 'OnlyLoadAppFromAsar', on: true },
  // The renderer comes from the app:// scheme, so file:// needs none of the privileges Electron grants it by default.
  { fuse: FuseV1Options.GrantFileProtocolExtraPrivileges, name: 'GrantFileProtocolExtraPrivileges', on: false },
];

export type FuseRow = { name: string; state: 'on' | 'off' | 'removed' | 'unknown'; required: 'on' | 'off' | null; ok: boolean };

function describe(byte: number | undefined): FuseRow['state'] {
  if (byte === FuseState.ENABLE) return 'on';
  if (byte === FuseState.DISABLE) return 'off';
  if (byte === FuseState.REMOVED) return 'removed';
  return 'unknown';
}

/** Every fuse in the binary's wire, with the required state where there is one. */
export async function readFuses(binaryPath: string): Promise<FuseRow[]> {
  const wire: Record<string, unknown> = await getCurrentFuseWire(binaryPath);
  const rows: FuseRow[] = [];
  for (let index = 0; wire[index] !== undefined; index++) {
    const state = describe(typeof wire[index] === 'number' ? (wire[index] as number) : undefined);
    const requirement = REQUIRED_FUSES.find((r) => r.fuse === index);
    const required = requirement ? (requirement.on ? 'on' : 'off') : null;
    rows.push({ name: FuseV1Options[index] ?? `fuse ${index}`, state, required, ok: required === null || state === required });
  }
  for (const requirement of REQUIRED_FUSES) {
    if (requirement.fuse >= rows.length) rows.push({ name: requirement.name, state: 'unknown', required: requirement.on ? 'on' : 'off', ok: false });
  }
  return rows;
}
