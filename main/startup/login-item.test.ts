import { describe, expect, it } from 'vitest';
import { applyLaunchAtLogin, autostartEntry, autostartPath, type LoginItemDeps } from './login-item.ts';
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
      expect(loginItems).toEqual([{ openAtLogin: true, args: ['--hidden'] }, { openAtLogin: false, args: ['--hidden'] }]);
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

describe('shouldStartHidden', () => {
  const base = { argv: ['app'], startMinimized: false, openedAtLogin: false, hasTray: true };
  it('starts hidden for --hidden, the setting, or a macOS login launch, only with a tray', () => {
    expect(shouldStartHidden(base)).toBe(false);
    expect(shouldStartHidden({ ...base, argv: ['app', '--hidden'] })).toBe(true);
    expect(shouldStartHidden({ ...base, startMinimized: true })).toBe(true);
    expect(shouldStartHidden({ ...base, openedAtLogin: true })).toBe(true);
    expect(shouldStartHidden({ ...base, startMinimized: true, hasTray: false })).toBe(false);
  });
});
