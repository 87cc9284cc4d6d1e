import { describe, expect, it } from 'vitest';
import { applyLaunchAtLogin, autostartEntry, autostartPath, launchCommand, type LoginItemDeps } from './login-item.ts';
import { shouldStartHidden } from './start-hidden.ts';

function deps(platform: NodeJS.Platform, existing: string[] = []) {
  const files = new Map(existing.map((f) => [f, 'old']));
  const loginItems: unknown[] = [];
  const d: LoginItemDeps = {
    platform,
    setLoginItemSettings: (s) => void loginItems.push(s),
    command: ['/opt/Kraken Balances/kraken-balances'],
    appName: 'Kraken Balances',
    env: { HOME: '/home/ada', XDG_CONFIG_HOME: '' },
    files: {
      write: (f, t) => void files.set(f, t),
      remove: (f) => void files.delete(f),
      exists: (f) => files.has(f),
    },
  };
  return { d, files, loginItems };
}

describe('applyLaunchAtLogin', () => {
  it('registers a login item that starts hidden on Windows and macOS', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const { d, loginItems, files } = deps(platform);
      applyLaunchAtLogin(true, d);
      applyLaunchAtLogin(false, d);
      const item = { path: '/opt/Kraken Balances/kraken-balances', args: ['--hidden'] };
      expect(loginItems).toEqual([{ openAtLogin: true, ...item }, { openAtLogin: false, ...item }]);
      expect(files.size).toBe(0);
    }
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const { d, files, loginItems } = deps('linux');
    applyLaunchAtLogin(true, d);
    const file = '/home/ada/.config/autostart/kraken-balances.desktop';
    expect(files.get(file)).toContain('Exec="/opt/Kraken Balances/kraken-balances" --hidden\n');
    applyLaunchAtLogin(false, d);
    expect(files.has(file)).toBe(false);
    applyLaunchAtLogin(false, d);
    expect(loginItems).toEqual([]);
  });

  it('honours XDG_CONFIG_HOME', () => {
    expect(autostartPath({ HOME: '/home/ada', XDG_CONFIG_HOME: '/tmp/cfg' })).toBe('/tmp/cfg/autostart/kraken-balances.desktop');
  });

  it('quotes and escapes Exec as the Desktop Entry spec says', () => {
    const entry = autostartEntry('Kraken\nBalances', ['/usr/bin/electron', '/home/ada/my "app"', '100%', 'C:\\x', '--hidden']);
    expect(entry).toContain('Name=Kraken Balances\n');
    expect(entry).toContain('Exec=/usr/bin/electron "/home/ada/my \\\\"app\\\\"" "100%%" "C:\\\\\\\\x" --hidden\n');
    expect(entry.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
  });
});

describe('launchCommand', () => {
  const installed = { exe: '/opt/Kraken Balances/kraken-balances', appPath: '/opt/Kraken Balances/resources/app.asar', isPackaged: true, env: {} };
  const mounted = { exe: '/tmp/.mount_KrakenAb12/kraken-balances', appPath: '/tmp/.mount_KrakenAb12/resources/app.asar', isPackaged: true };

  it('registers the installed binary, never argv[1]', () => {
    expect(launchCommand(installed)).toEqual(['/opt/Kraken Balances/kraken-balances']);
  });

  it('registers the AppImage file when this binary runs from its mount', () => {
    const env = { APPIMAGE: '/home/ada/Apps/Kraken-Balances.AppImage', APPDIR: '/tmp/.mount_KrakenAb12' };
    expect(launchCommand({ ...mounted, env })).toEqual(['/home/ada/Apps/Kraken-Balances.AppImage']);
  });

  it('ignores an APPIMAGE inherited from another AppImage, or one that is not absolute', () => {
    const inherited = { APPIMAGE: '/home/ada/Apps/Terminal.AppImage', APPDIR: '/tmp/.mount_TermXy' };
    expect(launchCommand({ ...installed, env: inherited })).toEqual([installed.exe]);
    expect(launchCommand({ ...mounted, env: { ...inherited, APPDIR: '/tmp/.mount_Kraken' } })).toEqual([mounted.exe]);
    expect(launchCommand({ ...mounted, env: { APPIMAGE: '/home/ada/K.AppImage' } })).toEqual([mounted.exe]);
    expect(launchCommand({ ...mounted, env: { APPIMAGE: 'K.AppImage', APPDIR: '/tmp/.mount_KrakenAb12' } })).toEqual([mounted.exe]);
  });

  it('registers Electron plus the app folder in development, whatever APPIMAGE says', () => {
    const env = { APPIMAGE: '/home/ada/Apps/Other.AppImage', APPDIR: '/usr/lib' };
    expect(launchCommand({ exe: '/usr/lib/electron/electron', appPath: '/home/ada/kraken-balances', isPackaged: false, env })).toEqual(['/usr/lib/electron/electron', '/home/ada/kraken-balances']);
  });
});

describe('shouldStartHidden', () => {
  const base = { argv: ['app'], startMinimized: false, openedAtLogin: false, hasTray: true, mayHideWithoutAsking: true };
  it('starts hidden for --hidden, the setting, or a macOS login launch, only with a tray', () => {
    expect(shouldStartHidden(base)).toBe(false);
    expect(shouldStartHidden({ ...base, argv: ['app', '--hidden'] })).toBe(true);
    expect(shouldStartHidden({ ...base, startMinimized: true })).toBe(true);
    expect(shouldStartHidden({ ...base, openedAtLogin: true })).toBe(true);
    expect(shouldStartHidden({ ...base, startMinimized: true, hasTray: false })).toBe(false);
  });

  it('never starts hidden where hiding to the tray was not confirmed (Linux): neither minimised nor at login', () => {
    const unconfirmed = { ...base, mayHideWithoutAsking: false };
    expect(shouldStartHidden({ ...unconfirmed, startMinimized: true })).toBe(false);
    expect(shouldStartHidden({ ...unconfirmed, argv: ['app', '--hidden'] })).toBe(false);
  });
});
