import os from 'node:os';
import path from 'node:path';
import type { KeyringState } from './linux-keyring.ts';

/**
 * How the emulated desktop behaves, from environment variables set per launch (e2e/runtime/launch.ts maps
 * a spec's desktop options onto them). Each mode stands for a desktop people really run.
 */
export interface DesktopModes {
  /** ELECTRON_RUNTIME_KEYRING: does the keyring the password store names answer? Default: no keyring here. */
  keyring: KeyringState;
  /** ELECTRON_RUNTIME_KEYRING_DIR: where the emulated keyring keeps its items (outside the app's data). */
  keyringDir: string;
  /** ELECTRON_RUNTIME_SAFE_STORAGE=unavailable: no encryption at all (a runtime-only stand-in). */
  noEncryption: boolean;
  /** ELECTRON_RUNTIME_TRAY=none: no tray host (stock GNOME): Tray is built and never shown, no error. */
  trayHost: boolean;
  /** ELECTRON_RUNTIME_NOTIFICATIONS=failed: every notification emits 'failed' (an unsigned macOS build). */
  notificationsFail: boolean;
  /** ELECTRON_RUNTIME_ONLINE=0: net.isOnline() starts false (switchable later through the AppHandle). */
  online: boolean;
}

const KEYRING_STATES: readonly KeyringState[] = ['unlocked', 'locked', 'absent'];

export function desktopModes(env: NodeJS.ProcessEnv): DesktopModes {
  const keyring = (env['ELECTRON_RUNTIME_KEYRING'] ?? 'absent') as KeyringState;
  if (!KEYRING_STATES.includes(keyring)) throw new Error(`ELECTRON_RUNTIME_KEYRING must be one of ${KEYRING_STATES.join(', ')}`);
  const safeStorage = env['ELECTRON_RUNTIME_SAFE_STORAGE'];
  if (safeStorage !== undefined && safeStorage !== 'unavailable') {
    throw new Error('ELECTRON_RUNTIME_SAFE_STORAGE only takes "unavailable"; choose the backend with --password-store and ELECTRON_RUNTIME_KEYRING');
  }
  return {
    keyring,
    keyringDir: env['ELECTRON_RUNTIME_KEYRING_DIR'] ?? path.join(os.tmpdir(), 'electron-runtime-keyring'),
    noEncryption: safeStorage === 'unavailable',
    trayHost: env['ELECTRON_RUNTIME_TRAY'] !== 'none',
    notificationsFail: env['ELECTRON_RUNTIME_NOTIFICATIONS'] === 'failed',
    online: env['ELECTRON_RUNTIME_ONLINE'] !== '0',
  };
}

/** The value of a Chromium switch (`--name=value`) on the command line, '' when absent. */
export function switchValue(switches: readonly string[], name: string): string {
  const prefix = `--${name}=`;
  return switches.findLast((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? '';
}
