import type { MenuItemConstructorOptions } from 'electron';

/** The only page the application menu opens in the browser: fixed here, never from the window. */
export const KRAKEN_STATUS_PAGE = 'https://status.kraken.com/';

export interface AppMenuActions {
  openStatusPage(): void;
  openDataFolder(): void;
  openLogsFolder(): void;
  copyDiagnostics(): void;
  /** Present only where the build updates itself. */
  checkForUpdates?: () => void;
  /** Windows and Linux: the app's own About box (macOS has the standard one in the app menu). */
  showAbout(): void;
}

/**
 * The application menu, in place of Electron's default one (whose View menu has Reload and Toggle
 * Developer Tools, and whose Help menu links to electronjs.org). Nothing here reloads the page or opens
 * developer tools, in any build. Roles give each OS its own wording, shortcuts and behaviour.
 */
export function appMenuTemplate(platform: NodeJS.Platform, appName: string, actions: AppMenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [
      { label: 'Kraken Status Page', click: () => actions.openStatusPage() },
      { type: 'separator' },
      { label: 'Copy Diagnostics', click: () => actions.copyDiagnostics() },
      { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      { label: 'Open Logs Folder', click: () => actions.openLogsFolder() },
      ...(actions.checkForUpdates ? [{ type: 'separator' as const }, { label: 'Check for Updates…', click: actions.checkForUpdates }] : []),
      ...(mac ? [] : [{ type: 'separator' as const }, { label: `About ${appName}`, click: () => actions.showAbout() }]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  if (mac) {
    // The standard macOS app menu (About, Services, Hide, Quit …) and Window menu, by role.
    return [{ role: 'appMenu' }, { role: 'fileMenu' }, edit, view, { role: 'windowMenu' }, help];
  }
  return [{ label: 'File', submenu: [{ role: 'close' }, { role: 'quit' }] }, edit, view, help];
}
