import type { RuntimeName } from './launch.ts';

/** The desktop a spec wants the app launched on; each maps to real Electron where that is possible. */
export interface DesktopOptions {
  /** Chromium's --password-store, which selects the reported safeStorage backend on both runtimes. */
  passwordStore?: 'basic' | 'gnome-libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6';
  /** Whether that keyring answers. Real Electron: 'unlocked' is the CI machine's keyring (see the GitHub
   * workflow); 'absent' points D-Bus nowhere; 'locked' has no real form here. Default: the machine's own. */
  keyring?: 'unlocked' | 'locked' | 'absent';
  /** Test runtime only: no encryption at all. */
  noEncryption?: boolean;
  /** false: a desktop without a tray host (stock GNOME). Real Electron under xvfb has none anyway. */
  trayHost?: boolean;
  /** Every notification fails, as from an unsigned macOS build. Test runtime only. */
  notificationsFail?: boolean;
  /** false: net.isOnline() starts false. Test runtime only. */
  online?: boolean;
}

/** Thrown when a desktop cannot be had on this runtime; the fixtures turn it into a skip with this reason. */
export class NotOnThisRuntime extends Error {
  override readonly name = 'NotOnThisRuntime';
}

/** The switches and environment that give a launch this desktop on this runtime. */
export function desktopLaunch(options: DesktopOptions, runtime: RuntimeName): { args: string[]; env: Record<string, string> } {
  const args = options.passwordStore ? [`--password-store=${options.passwordStore}`] : [];
  const env: Record<string, string> = {};
  if (runtime === 'electron') {
    const refuse = (what: string, why: string): never => {
      throw new NotOnThisRuntime(`real Electron: ${what} cannot be set up here (${why})`);
    };
    if (options.keyring === 'locked') refuse('a locked keyring', 'its unlock prompt needs a person');
    if (options.noEncryption) refuse('"no encryption at all"', 'Electron on Linux always has the hard-coded key');
    if (options.notificationsFail) refuse('failing notifications', 'they fail only in unsigned macOS builds');
    if (options.online === false) refuse('an offline machine', 'net.isOnline() reads the OS');
    if (options.trayHost === true && process.platform === 'linux') refuse('a tray host', 'xvfb has no tray');
    // No session bus: no Secret Service or KWallet answers, as on a desktop without a keyring.
    if (options.keyring === 'absent') env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/electron-e2e-no-keyring';
    return { args, env };
  }
  if (options.keyring) env['ELECTRON_RUNTIME_KEYRING'] = options.keyring;
  if (options.noEncryption) env['ELECTRON_RUNTIME_SAFE_STORAGE'] = 'unavailable';
  if (options.trayHost === false) env['ELECTRON_RUNTIME_TRAY'] = 'none';
  if (options.notificationsFail) env['ELECTRON_RUNTIME_NOTIFICATIONS'] = 'failed';
  if (options.online === false) env['ELECTRON_RUNTIME_ONLINE'] = '0';
  return { args, env };
}
