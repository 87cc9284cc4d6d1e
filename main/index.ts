import { app } from 'electron';
import { createHandlers } from './handlers.ts';
import { isTrustedSender } from './ipc/sender.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { log } from './log.ts';
import { denyAllPermissions, installSecurityGuards } from './security.ts';
import { applyUserDataOverride } from './user-data.ts';
import { createMainWindow, getMainWindow, showMainWindow } from './window.ts';

app.setName('Kraken Balances');
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
  app.on('activate', () => {
    if (!getMainWindow()) createMainWindow();
  });
  app
    .whenReady()
    .then(() => {
      denyAllPermissions();
      registerIpcHandlers(createHandlers(), isTrustedSender);
      createMainWindow();
      log.info(`started ${app.getName()} ${app.getVersion()}`);
    })
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      app.quit();
    });
}
