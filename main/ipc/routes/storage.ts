import { z } from 'zod';
import type { Confirm } from '../../native-confirm.ts';
import { withdrawConsentQuestion } from '../../storage-protection.ts';
import type { Vault } from '../../vault/vault.ts';
import type { RoutesFor } from '../register.ts';

/**
 * The page can only ask to withdraw the consent to weak protection; main says what it will do in a native
 * dialog and acts only on the user's answer there. Giving the consent happens in main too, while adding a key.
 */
export function storageRoutes(vault: Vault, confirm: Confirm): RoutesFor<'storage:withdraw-weak'> {
  return {
    'storage:withdraw-weak': {
      schema: z.undefined(),
      handle: async () => {
        const impact = await vault.weakProtectionImpact();
        const nothing = { withdrawn: false, removed: 0, resealed: 0 };
        if (impact.consent === null) return nothing;
        if (!(await confirm(withdrawConsentQuestion({ action: impact.action, labels: impact.accounts.map((a) => a.label) })))) return nothing;
        return { withdrawn: true, ...(await vault.withdrawWeakProtection()) };
      },
    },
  };
}
