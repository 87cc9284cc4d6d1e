import { AppError } from './ipc/app-error.ts';
import type { Routes } from './ipc/register.ts';
import { accountRoutes } from './ipc/routes/accounts.ts';
import { appRoutes } from './ipc/routes/app.ts';
import { helpRoutes } from './ipc/routes/help.ts';
import { settingsRoutes } from './ipc/routes/settings.ts';
import { storageRoutes } from './ipc/routes/storage.ts';
import type { Services } from './services.ts';
import { z } from 'zod';

/** Every contract channel and the area file that answers it. */
export function createRoutes(services: Services): Routes {
  return {
    ...appRoutes({ storageProtection: () => services.vault.protection(), startupNotices: () => services.startupNotices }),
    ...settingsRoutes(services.settings),
    ...accountRoutes(services.vault),
    ...storageRoutes(services.vault),
    ...helpRoutes(),
    ...pendingRoutes(),
  };
}

// TODO(integration): replaced by the accounts, balances and history areas as they land.
function pendingRoutes() {
  const notYet = { schema: z.any(), handle: () => Promise.reject(new AppError('not-available', 'This is not available yet.')) };
  return {
    'balances:get': notYet,
    'balances:refresh': notYet,
    'history:get': notYet,
  } as Pick<Routes, 'balances:get' | 'balances:refresh' | 'history:get'>;
}
