import type { Routes } from './ipc/register.ts';
import { accountRoutes } from './ipc/routes/accounts.ts';
import { appRoutes } from './ipc/routes/app.ts';
import { balancesRoutes } from './ipc/routes/balances.ts';
import { helpRoutes } from './ipc/routes/help.ts';
import { historyRoutes } from './ipc/routes/history.ts';
import { settingsRoutes } from './ipc/routes/settings.ts';
import { storageRoutes } from './ipc/routes/storage.ts';
import type { Services } from './services.ts';

/** Every contract channel and the area file that answers it. */
export function createRoutes(services: Services): Routes {
  return {
    ...appRoutes({ storageProtection: () => services.vault.protection(), startupNotices: () => services.startupNotices }),
    ...settingsRoutes(services.settings),
    ...accountRoutes(services.vault),
    ...storageRoutes(services.vault),
    ...helpRoutes(),
    ...balancesRoutes(services.balances),
    ...historyRoutes({ history: services.history, settings: services.settings, accountExists: (id) => services.vault.get(id) !== undefined }),
  };
}
