import { z } from 'zod';
import { AppError } from '../../app-error.ts';
import type { UpdateService } from '../../update/update-service.ts';
import type { RoutesFor } from '../register.ts';

export function updateRoutes(updates: UpdateService): RoutesFor<'update:get' | 'update:install'> {
  return {
    'update:get': { schema: z.undefined(), handle: () => updates.state() },
    'update:install': {
      schema: z.undefined(),
      handle: () => {
        if (!updates.install()) throw new AppError('no-update-ready', 'No downloaded update is waiting to be installed.');
      },
    },
  };
}
