import { countedAccounts } from '../shared/combine.ts';
import type { BalancesService } from './balances/balances-service.ts';
import type { HistoryService } from './history/history-service.ts';
import type { Routes } from './ipc/register.ts';
import { accountRoutes } from './ipc/routes/accounts.ts';
import type { Confirm } from './native-confirm.ts';
import { appRoutes } from './ipc/routes/app.ts';
import { balancesRoutes } from './ipc/routes/balances.ts';
import { exportRoutes } from './ipc/routes/export.ts';
import { chooseCsvPath, writeCsvFile } from './export/export-dialogs.ts';
import { helpRoutes } from './ipc/routes/help.ts';
import { historyRoutes } from './ipc/routes/history.ts';
import { settingsRoutes } from './ipc/routes/settings.ts';
import { storageRoutes } from './ipc/routes/storage.ts';
import type { NotificationFailures } from './notifications/notification-failures.ts';
import { updateRoutes } from './ipc/routes/update.ts';
import type { SettingsService } from './settings/settings-service.ts';
import type { UpdateService } from './update/update-service.ts';
import type { Vault } from './vault/vault.ts';

/** The services the window's API answers from (made in main/app.ts). */
export interface RouteServices {
  readonly settings: SettingsService;
  readonly vault: Vault;
  readonly balances: BalancesService;
  readonly history: HistoryService;
  readonly updates: UpdateService;
  /** Problems found at start-up (a damaged file set aside), shown to the user once. */
  readonly startupNotices: string[];
  /** Notifications the OS would not show, for the window to show instead. */
  readonly notificationFailures: Pick<NotificationFailures, 'current'>;
  /** The Kraken server the app talks to, shown in About (an override is visible there). */
  readonly krakenServer: string;
  /** Asks the user in a native dialog (removing an account). */
  readonly confirm: Confirm;
}

/** Every contract channel and the area file that answers it. */
export function createRoutes(services: RouteServices): Routes {
  return {
    ...appRoutes({ storageProtection: () => services.vault.protection(), startupNotices: () => services.startupNotices, notificationFailure: () => services.notificationFailures.current(), krakenServer: services.krakenServer }),
    ...settingsRoutes(services.settings),
    ...accountRoutes(services.vault, services.confirm),
    ...storageRoutes(services.vault, services.confirm),
    ...helpRoutes(),
    ...updateRoutes(services.updates),
    ...balancesRoutes(services.balances),
    ...historyRoutes({
      history: services.history,
      settings: services.settings,
      accountExists: (id) => services.vault.get(id) !== undefined,
      countedAccountIds: () => countedAccounts(services.vault.list()).map((account) => account.id),
    }),
    ...exportRoutes({
      accounts: () => services.vault.list(),
      balances: () => services.balances.list(),
      snapshots: (id) => services.history.snapshots(id),
      privacyMode: () => services.settings.get().privacyMode,
      choosePath: chooseCsvPath,
      writeFile: writeCsvFile,
      now: () => Date.now(),
    }),
  };
}
