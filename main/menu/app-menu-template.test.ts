import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type AppMenuActions } from './app-menu-template.ts';

function actions(called: string[] = []): AppMenuActions {
  return {
    openStatusPage: () => called.push('status'),
    openDataFolder: () => called.push('data'),
    openLogsFolder: () => called.push('logs'),
    copyDiagnostics: () => called.push('diagnostics'),
    showAbout: () => called.push('about'),
  };
}

/** Every role and label in the menu, depth first. */
function entries(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [item.role ?? item.label ?? item.type ?? '?', ...(Array.isArray(item.submenu) ? entries(item.submenu) : [])]);
}

const submenu = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
  const found = items.find((item) => item.label === label)?.submenu;
  return Array.isArray(found) ? found : [];
};

describe('appMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux, with nothing that reloads or opens developer tools', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = appMenuTemplate(platform, 'Kraken Balances', actions());
      expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
      for (const forbidden of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'windowMenu']) expect(entries(template)).not.toContain(forbidden);
      expect(entries(submenu(template, 'Edit'))).toEqual(expect.arrayContaining(['copy', 'selectAll', 'paste', 'cut']));
    }
  });

  it('wires Help to fixed actions, with About on Windows and Linux', () => {
    const called: string[] = [];
    const help = submenu(appMenuTemplate('linux', 'Kraken Balances', actions(called)), 'Help');
    for (const item of help) item.click?.({} as never, undefined, {} as never);
    expect(called).toEqual(['status', 'diagnostics', 'data', 'logs', 'about']);
    expect(help.map((item) => item.label ?? item.type)).toEqual(['Kraken Status Page', 'separator', 'Copy Diagnostics', 'Open Data Folder', 'Open Logs Folder', 'separator', 'About Kraken Balances']);
  });

  it('offers Check for Updates only where the build updates itself', () => {
    const withUpdates = submenu(appMenuTemplate('win32', 'Kraken Balances', { ...actions(), checkForUpdates: () => undefined }), 'Help');
    expect(withUpdates.map((item) => item.label)).toContain('Check for Updates…');
    expect(submenu(appMenuTemplate('win32', 'Kraken Balances', actions()), 'Help').map((item) => item.label)).not.toContain('Check for Updates…');
  });

  it('uses the standard macOS app and window menus, and leaves About to the app menu', () => {
    const template = appMenuTemplate('darwin', 'Kraken Balances', actions());
    expect(template.map((item) => item.role ?? item.label)).toEqual(['appMenu', 'fileMenu', 'Edit', 'View', 'windowMenu', 'help']);
    expect(submenu(template, 'Help').map((item) => item.label)).not.toContain('About Kraken Balances');
    expect(entries(template)).not.toContain('toggleDevTools');
  });
});
