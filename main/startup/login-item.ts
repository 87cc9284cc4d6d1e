import path from 'node:path';

/** The argument a login launch carries, so the app starts in the tray instead of opening its window. */
export const HIDDEN_ARG = '--hidden';
export const AUTOSTART_FILE = 'kraken-balances.desktop';

export interface LoginItemDeps {
  readonly platform: NodeJS.Platform;
  /** Electron's app.setLoginItemSettings (Windows and macOS). */
  setLoginItemSettings(settings: { openAtLogin: boolean; path: string; args: string[] }): void;
  /** What starts the app (launchCommand below): the AppImage, the installed binary, or Electron plus the app folder. */
  readonly command: readonly string[];
  readonly appName: string;
  /** process.env, for XDG_CONFIG_HOME and HOME. */
  readonly env: NodeJS.ProcessEnv;
  readonly files: {
    write(file: string, text: string): void;
    remove(file: string): void;
    exists(file: string): boolean;
  };
}

/**
 * Launch at login (opt-in). Windows and macOS register a login item through Electron; Linux has no such
 * API, so an XDG autostart entry is written to (or removed from) ~/.config/autostart.
 */
export function applyLaunchAtLogin(enabled: boolean, deps: LoginItemDeps): void {
  if (deps.platform === 'win32' || deps.platform === 'darwin') {
    // path and args are Windows' (macOS reports a login launch itself); removing the item needs the same ones.
    const [exe = '', ...args] = deps.command;
    deps.setLoginItemSettings({ openAtLogin: enabled, path: exe, args: [...args, HIDDEN_ARG] });
    return;
  }
  const file = autostartPath(deps.env);
  if (enabled) deps.files.write(file, autostartEntry(deps.appName, [...deps.command, HIDDEN_ARG]));
  else if (deps.files.exists(file)) deps.files.remove(file);
}

/** This running copy of the app, as Electron reports it. */
export interface RunningApp {
  /** app.getPath('exe'): the installed binary, or Electron's in development. */
  readonly exe: string;
  /** app.getAppPath(): the app folder Electron was started with in development. */
  readonly appPath: string;
  readonly isPackaged: boolean;
  /** process.env, for the AppImage runtime's APPIMAGE and APPDIR. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The command that starts this copy again at login: the AppImage file when this process really runs from
 * one (its binary unpacked inside it lives in a temporary mount that is gone after logout), the installed
 * binary, or Electron plus the app folder in development. Never argv[1], which is whatever the launcher passed.
 */
export function launchCommand(running: RunningApp): string[] {
  if (!running.isPackaged) return [running.exe, running.appPath];
  return [runningAppImage(running) ?? running.exe];
}

/**
 * The AppImage file this process was started from, or null. Its runtime sets APPIMAGE (the file) and
 * APPDIR (where it is mounted) and starts the binary inside that mount. Both are inherited by whatever
 * the app starts in turn, so an APPIMAGE left by another AppImage (a terminal or launcher packaged that
 * way) names some other file: trusted only when this binary lies inside APPDIR.
 */
function runningAppImage({ exe, env }: RunningApp): string | null {
  const appImage = env['APPIMAGE'];
  const mount = env['APPDIR'];
  if (!appImage || !mount || !path.isAbsolute(appImage) || !path.isAbsolute(mount)) return null;
  const inside = path.relative(mount, exe);
  return inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside) ? appImage : null;
}

export function autostartPath(env: NodeJS.ProcessEnv): string {
  const configHome = env['XDG_CONFIG_HOME'] || path.join(env['HOME'] ?? '', '.config');
  return path.join(configHome, 'autostart', AUTOSTART_FILE);
}

/** A desktop entry per the freedesktop.org Desktop Entry and Autostart specifications. */
export function autostartEntry(appName: string, command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${oneLine(appName)}`,
    'Comment=Your Kraken balances in the system tray',
    `Exec=${execValue(command)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

// Exec is quoted for the shell-like argument rules of the spec (", `, $ and \ escaped inside quotes),
// then string-escaped as every desktop entry value is (\ doubled), and % doubled since %f etc. are codes.
function execValue(command: readonly string[]): string {
  const quoted = command.map((arg) => (/^[A-Za-z0-9_\-./=:@+,]+$/.test(arg) ? arg : `"${arg.replace(/(["`$\\])/g, '\\$1')}"`)).join(' ');
  return oneLine(quoted).replace(/\\/g, '\\\\').replace(/%/g, '%%');
}
