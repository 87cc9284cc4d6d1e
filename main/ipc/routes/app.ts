import { app } from 'electron';
import { z } from 'zod';
import type { RoutesFor } from '../register.ts';
import type { NotificationFailure, StorageProtection } from '../../../ipc/contract.ts';
import { systemNumberLocale } from '../../system-locale.ts';

export interface AppRouteDeps {
  storageProtection(): Promise<StorageProtection>;
  startupNotices(): string[];
  notificationFailure(): NotificationFailure | null;
  readonly krakenServer: string;
}

export function appRoutes(deps: AppRouteDeps): RoutesFor<'app:get-info'> {
  return {
    'app:get-info': {
      schema: z.undefined(),
      handle: async () => ({
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        storage: await deps.storageProtection(),
        startupNotices: deps.startupNotices(),
        numberLocale: systemNumberLocale(),
        notificationFailure: deps.notificationFailure(),
        krakenServer: deps.krakenServer,
      }),
    },
  };
}
