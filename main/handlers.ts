import { app } from 'electron';
import type { Handlers } from './ipc/register.ts';
import { readStorageProtection } from './storage-protection.ts';

/** What each contract channel does: thin calls into the services that own the work. */
export function createHandlers(): Handlers {
  return {
    'app:get-info': async () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      storage: await readStorageProtection(false),
      startupNotices: [],
    }),
  };
}
