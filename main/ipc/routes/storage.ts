import { z } from 'zod';
import type { Vault } from '../../vault/vault.ts';
import type { RoutesFor } from '../register.ts';

export function storageRoutes(vault: Vault): RoutesFor<'storage:accept-weak'> {
  return {
    'storage:accept-weak': { schema: z.undefined(), handle: () => vault.acceptWeakProtection() },
  };
}
