import { AppError } from './ipc/app-error.ts';
import type { Routes } from './ipc/register.ts';
import { appRoutes } from './ipc/routes/app.ts';
import { helpRoutes } from './ipc/routes/help.ts';
import { settingsRoutes } from './ipc/routes/settings.ts';
import type { Services } from './services.ts';
import { readStorageProtection } from './storage-protection.ts';
import { z } from 'zod';

/** Every contract channel and the area file that answers it. */
export function createRoutes(services: Services): Routes {
  return {
    ...appRoutes({ storageProtection: () => readStorageProtection(false), startupNotices: () => services.startupNotices }),
    ...settingsRoutes(services.settings),
    ...helpRoutes(),
    ...pendingRoutes(),
  };
}

// TODO(integration): replaced by the accounts, balances and history areas as they land.
function pendingRoutes() {
  const notYet = { schema: z.any(), handle: () => Promise.reject(new AppError('not-available', 'This is not available yet.')) };
  return {
    'accounts:list': notYet,
    'accounts:add': notYet,
    'accounts:rename': notYet,
    'accounts:remove': notYet,
    'accounts:add-demo': notYet,
    'balances:get': notYet,
    'balances:refresh': notYet,
    'history:get': notYet,
    'storage:accept-weak': notYet,
  } as Omit<Routes, 'app:get-info' | 'settings:get' | 'settings:update' | 'shell:open-help'>;
}
