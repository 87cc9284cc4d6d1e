import { app } from 'electron';
import { log } from '../log.ts';
import type { BalancesService } from '../balances/balances-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { startTray } from '../tray/app-tray.ts';
import type { Vault } from '../vault/vault.ts';
import { createMainWindow, showMainWindow } from '../window.ts';
import { installCloseToTray } from './close-to-tray.ts';
import { opensDemoAccount } from './demo-switch.ts';
import { syncLaunchAtLogin } from './login-item-edge.ts';
import { shouldStartHidden } from './start-hidden.ts';
import { mayHideWithoutAsking, type TrayConsent } from './tray-hiding.ts';

/** What the desktop shows and acts on. */
export interface DesktopServices {
  readonly settings: SettingsService;
  readonly vault: Vault;
  readonly balances: BalancesService;
  /** Whether the user confirmed hiding to the tray (asked on Linux only: tray-hiding.ts). */
  readonly trayConsent: TrayConsent;
}

/**
 * The desktop side of the app, after the services exist: the tray, hiding to it on close, launch at
 * login, starting minimised, and the window. dispose() removes the tray on quit.
 */
export function startDesktopShell(services: DesktopServices): { dispose(): void } {
  const tray = startTray(
    {
      appName: app.getName(),
      settings: services.settings,
      accounts: { list: () => services.vault.list(), onChange: (listener) => services.vault.onChange(listener) },
      balances: services.balances,
    },
    {
      refresh: () => void services.balances.refresh().catch((error: unknown) => log.warn('tray: refresh failed', error)),
      show: () => void showMainWindow(),
      togglePrivacy: () => void services.settings.update({ privacyMode: !services.settings.get().privacyMode }),
      quit: () => app.quit(),
    },
  );
  installCloseToTray({
    hasTray: tray !== null,
    closeToTray: () => services.settings.get().closeToTray,
    turnOffCloseToTray: () => void services.settings.update({ closeToTray: false }),
    consent: services.trayConsent,
  });

  const settings = services.settings.get();
  // Re-applied at every start so a moved or updated app (a new AppImage path) keeps starting at login.
  if (settings.launchAtLogin) syncLaunchAtLogin(true);
  services.settings.onChange((next, changed) => {
    if (changed.includes('launchAtLogin')) syncLaunchAtLogin(next.launchAtLogin);
  });

  const hidden = shouldStartHidden({
    argv: process.argv,
    startMinimized: settings.startMinimized,
    openedAtLogin: process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
    hasTray: tray !== null,
    mayHideWithoutAsking: mayHideWithoutAsking(process.platform, services.trayConsent),
  });
  // Before the window exists, so it opens on the demo's balances rather than on the first-run screen.
  if (opensDemoAccount(process.argv, app.isPackaged)) services.vault.addDemo();
  createMainWindow({ show: !hidden });
  // macOS: a click on the Dock icon brings back the window hidden to the tray, or a new one if it was
  // closed. Registered only now, so no window can appear before the services behind it exist.
  app.on('activate', () => void showMainWindow());
  return { dispose: () => tray?.destroy() };
}
