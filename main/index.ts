import { app } from 'electron';
import { isTrustedSender } from './ipc/sender.ts';
import { broadcast } from './ipc/broadcast.ts';
import { registerRoutes } from './ipc/register.ts';
import { createRoutes } from './routes.ts';
import { createServices } from './services.ts';
import { startDesktopShell } from './startup/desktop-shell.ts';
import { log } from './log.ts';
import { denyAllPermissions, installSecurityGuards } from './security.ts';
import { applyUserDataOverride } from './user-data.ts';
import { showMainWindow } from './window.ts';

app.setName('Kraken Balances');
// Windows ties notifications and taskbar grouping to this id; it matches appId in build/electron-builder.yml.
if (process.platform === 'win32') app.setAppUserModelId('io.github.krakenbalances.app');
applyUserDataOverride(app);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the keys and the tray; it will show its window (see 'second-instance').
  app.quit();
} else {
  installSecurityGuards();
  app.on('second-instance', () => showMainWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => {
      denyAllPermissions();
      const services = createServices();
      registerRoutes(createRoutes(services), isTrustedSender);
      services.settings.onChange((settings) => broadcast('settings:changed', settings));
      services.vault.onChange((accounts) => broadcast('accounts:changed', accounts));
      services.balances.onChange((balances) => broadcast('balances:changed', balances));
      // Tray, close-to-tray, launch at login, start minimised; creates the window and starts refreshing.
      startDesktopShell(services);
      log.info(`started ${app.getName()} ${app.getVersion()}`);
    })
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      app.quit();
    });
}
