import { z } from 'zod';
import type { SettingsService } from '../../settings/settings-service.ts';
import { settingsPatchSchema } from '../../settings/settings-schema.ts';
import type { RoutesFor } from '../register.ts';

export function settingsRoutes(settings: SettingsService): RoutesFor<'settings:get' | 'settings:update'> {
  return {
    'settings:get': { schema: z.undefined(), handle: () => settings.get() },
    'settings:update': { schema: settingsPatchSchema, handle: (patch) => settings.update(patch) },
  };
}
