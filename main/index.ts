// The main process's entry and composition root, top to bottom: process-wide set-up (name, single
// instance, security guards), then, once Electron is ready, every service main runs (startApp below).
import path from 'node:path';
import { app } from 'electron';
import { registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { BalancesService } from './balances/balances-service.ts';
import { historyFileAt } from './history/history-file.ts';
import { HistoryService } from './history/history-service.ts';
import { broadcast } from './ipc/broadcast.ts';
import { registerRoutes } from './ipc/register.ts';
import { isTrustedSender } from './ipc/sender.ts';
import { describeServer, resolveBaseUrl } from './kraken/index.ts';
import { createWebSocketFactory, streamUrlsFor } from './kraken/ws/index.ts';
import { LiveUpdates } from './live/live-updates.ts';
import { collectDiagnostics } from './diagnostics/diagnostics.ts';
import { attachLogFile, log } from './log.ts';
import { RotatingLogFile } from './log-file.ts';
import { installAppMenu } from './menu/app-menu.ts';
import { confirmNatively } from './native-confirm.ts';
import { weakConsentQuestion } from './storage-protection.ts';
import { ChangeNotifier } from './notifications/change-notifier.ts';
import { NotificationFailures } from './notifications/notification-failures.ts';
import { showNativeNotification } from './notifications/notification-edge.ts';
import { openAppFiles } from './persistence/app-files.ts';
import { SYSTEM_CLOCK } from './refresh/clock.ts';
import { electronPowerSource } from './refresh/power-source.ts';
import { createRoutes } from './routes.ts';
import { electronFetch } from './net-fetch.ts';
import { denyAllPermissions, installSecurityGuards } from './security.ts';
import { SettingsService } from './settings/settings-service.ts';
import { startDesktopShell } from './startup/desktop-shell.ts';
import { onSystemEnding } from './startup/system-end.ts';
import { storedTrayConsent } from './startup/tray-hiding.ts';
import { applyUserDataOverride } from './user-data.ts';
import { createAccountClients, krakenClientFactory } from './vault/account-clients.ts';
import { createPersistentNonceStore } from './vault/nonce-store.ts';
import { createSafeStorageCipher } from './vault/safe-storage-cipher.ts';
import { Vault } from './vault/vault.ts';
import { systemNumberLocale } from './system-locale.ts';
import { createUpdateService } from './update/updater-edge.ts';
import type { UpdateService } from './update/update-service.ts';
import { showMainWindow } from './window.ts';

app.setName('Kraken Balances');
// Windows ties notifications and taskbar grouping to this id; it matches appId in build/electron-builder.yml.
if (process.platform === 'win32') app.setAppUserModelId('io.github.krakenbalances.app');
const userDataRefused = applyUserDataOverride(app);

if (userDataRefused !== null) {
  log.error(userDataRefused);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Another instance owns the keys and the tray; it will show its window (see 'second-instance').
  app.quit();
} else {
  // Only the instance that owns the data folder writes its log (Help → Open Logs Folder).
  attachLogFile(new RotatingLogFile({ dir: logsDir() }));
  installSecurityGuards();
  registerAppScheme();
  app.on('second-instance', () => showMainWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => {
      denyAllPermissions();
      serveAppScheme();
      startApp();
      log.info(`started ${app.getName()} ${app.getVersion()}`);
    })
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      app.quit();
    });
}

function logsDir(): string {
  return path.join(app.getPath('userData'), 'logs');
}

/**
 * The composition root: every service main runs is created here, once, after 'ready', each from what
 * the steps above it made. Files first, then what keeps them, then Kraken and the refresh engine, then
 * the window's API and the desktop; refreshing starts last, when everything that listens to it exists.
 */
function startApp(): void {
  const data = openData();
  const keys = openKeys(data);
  const { balances, live, notificationFailures } = keepBalancesFresh(data, keys);
  // 4. Automatic updates (installed builds only; main/update/update-feed.ts decides), with their off switch.
  const updates = createUpdateService(keys.settings, data.dir);
  serveWindow({ data, keys, balances, updates, notificationFailures });

  // 6. The desktop: the application menu (Help → diagnostics, folders, updates), tray, close to tray,
  //    launch at login, the window (or not, when starting minimised).
  const { settings, vault } = keys;
  installAppMenu({
    dataDir: data.dir,
    logsDir: logsDir(),
    updates,
    diagnostics: () => collectDiagnostics({ vault, balances, settings, updates, apiHost: new URL(data.krakenUrl).host }),
  });
  const desktop = startDesktopShell({ settings, vault, balances, updates, trayConsent: storedTrayConsent(data.files.settings) });
  balances.start();
  live.start();
  updates.start();
  app.on('will-quit', () => {
    live.dispose();
    updates.dispose();
    balances.dispose();
    data.history.dispose();
    desktop.dispose();
  });
  // A logoff or shutdown may end the process without will-quit (Windows never sends it): the journal is
  // folded into the history file first, so the next start reads one compact file.
  onSystemEnding(() => data.history.flush());
}

/** 1. The data folder: store files (damaged ones set aside, salvaged and reported) and balance history. */
function openData() {
  const dir = app.getPath('userData');
  const files = openAppFiles(dir);
  return { dir, files, krakenUrl: resolveBaseUrl(process.env, app.isPackaged), history: new HistoryService({ file: historyFileAt(dir), clock: SYSTEM_CLOCK }) };
}
type AppData = ReturnType<typeof openData>;

/**
 * 2. Settings, the saved keys (sealed by the OS), and one long-lived Kraken client per account. The vault
 *    proves a new key with the client that will serve it; a client needs the vault's decrypted key.
 */
function openKeys(data: AppData) {
  const settings = new SettingsService(data.files.settings);
  const vault = new Vault({
    store: data.files.accounts,
    cipher: createSafeStorageCipher(),
    checkKey: (credentials) => clients.checkKey(credentials),
    askWeakConsent: (backend) => confirmNatively(weakConsentQuestion(backend)),
  });
  const clients = createAccountClients({
    vault,
    makeClient: krakenClientFactory({ nonceStore: createPersistentNonceStore(data.files.nonces), baseUrl: data.krakenUrl, fetch: electronFetch }),
    tier: () => settings.get().tier,
  });
  return { settings, vault, clients };
}
type AppKeys = ReturnType<typeof openKeys>;

/**
 * 3. Balances, kept fresh by the refresh scheduler and, while Kraken's WebSocket streams are healthy, by
 *    live updates (main/live/). After each refresh the notifier compares it with the refresh before (the
 *    history's latest snapshot after a restart), then history records it.
 */
function keepBalancesFresh({ history, krakenUrl }: AppData, { settings, vault, clients }: AppKeys) {
  const power = electronPowerSource();
  const balances = new BalancesService({
    accounts: {
      list: () => vault.list(),
      onChanged: (listener) => vault.onChange(listener),
      clientFor: (id) => clients.clientFor(id),
      recordCheck: (id, check) => vault.recordCheck(id, check),
      onKeyReplaced: (listener) => vault.onKeyReplaced(listener),
    },
    settings,
    clock: SYSTEM_CLOCK,
    power,
    lastKnown: (id) => history.latest(id),
    // Pushed prices can come many times a second; window and tray hear of them at most 4 times a second.
    announceEveryMs: 250,
  });
  const live = new LiveUpdates({
    balances,
    accounts: { list: () => vault.list(), onChanged: (listener) => vault.onChange(listener), onKeyReplaced: (listener) => vault.onKeyReplaced(listener) },
    clientFor: (id) => clients.clientFor(id),
    urls: streamUrlsFor(krakenUrl),
    socketFactory: createWebSocketFactory(),
    clock: SYSTEM_CLOCK,
    power,
  });
  // Notifications the OS would not show, for the window to show instead.
  const notificationFailures = new NotificationFailures();
  const notifier = new ChangeNotifier({
    settings,
    baseline: (id) => history.latest(id)?.amounts ?? null,
    show: (text) => showNativeNotification(text, () => void showMainWindow(), (reason) => notificationFailures.failed(text, reason)),
    locale: systemNumberLocale,
  });
  balances.onRefreshed((event) => {
    notifier.consider(event);
    history.record(event.account.id, event.portfolio, event.at);
  });
  vault.onChange((accounts) => history.retainAccounts(accounts.map((account) => account.id)));
  return { balances, live, notificationFailures };
}

interface WindowServices {
  data: AppData;
  keys: AppKeys;
  balances: BalancesService;
  updates: UpdateService;
  notificationFailures: NotificationFailures;
}

/** 5. The window's API: one route per contract channel, and the pushes. */
function serveWindow({ data, keys, balances, updates, notificationFailures }: WindowServices): void {
  const { settings, vault } = keys;
  const startupNotices = [...data.files.notices, vault.notice, data.history.notice].filter((notice) => notice !== null);
  registerRoutes(createRoutes({
    settings, vault, balances, history: data.history, updates, startupNotices, notificationFailures, krakenServer: describeServer(data.krakenUrl), confirm: confirmNatively,
  }), isTrustedSender);
  settings.onChange((next) => broadcast('settings:changed', next));
  vault.onChange((accounts) => broadcast('accounts:changed', accounts));
  balances.onChange((next) => broadcast('balances:changed', next));
  notificationFailures.onChange((failure) => broadcast('notifications:failed', failure));
  updates.onChange((next) => broadcast('update:changed', next));
}
