import { z } from 'zod';
import type { AccountSummary, AddAccountRequest, RenameAccountRequest, UpdateKeyRequest } from '../../../ipc/contract.ts';
import type { Confirm, Question } from '../../native-confirm.ts';
import type { Vault } from '../../vault/vault.ts';
import type { RoutesFor } from '../register.ts';

// Lengths here only bound what main will look at; the vault explains shape problems field by field.
const MAX_FIELD = 1024;

/** A key as the add and update-key forms send it (the 2FA password only where the key has one). */
const keyFields = {
  apiKey: z.string().max(MAX_FIELD),
  apiSecret: z.string().max(MAX_FIELD),
  otp: z.string().max(MAX_FIELD).optional(),
};

const addSchema = z.object({ label: z.string().max(MAX_FIELD), ...keyFields }).strict() satisfies z.ZodType<AddAccountRequest>;

const accountId = z.string().min(1).max(100);

const renameSchema = z.object({ id: accountId, label: z.string().max(MAX_FIELD) }).strict() satisfies z.ZodType<RenameAccountRequest>;

const updateKeySchema = z.object({ id: accountId, ...keyFields }).strict() satisfies z.ZodType<UpdateKeyRequest>;

/** What main asks before removing a key's account: the page only requests it; the user decides here. */
export function removalQuestion(account: AccountSummary): Question {
  return {
    message: `Remove “${account.label}”?`,
    detail: 'Its saved API key is deleted from this computer, with its balance history. The key itself stays valid on Kraken until you delete it there.',
    confirm: 'Remove',
    cancel: 'Keep it',
  };
}

export function accountRoutes(
  vault: Vault,
  confirm: Confirm,
): RoutesFor<'accounts:list' | 'accounts:add' | 'accounts:rename' | 'accounts:update-key' | 'accounts:remove' | 'accounts:add-demo'> {
  return {
    'accounts:list': { schema: z.undefined(), handle: () => vault.list() },
    'accounts:add': { schema: addSchema, handle: (request) => vault.add(request) },
    'accounts:rename': { schema: renameSchema, handle: (request) => vault.rename(request) },
    // The balances service and live updates follow vault.onKeyReplaced: the account refreshes at once.
    'accounts:update-key': { schema: updateKeySchema, handle: (request) => vault.replaceKey(request) },
    'accounts:remove': {
      schema: z.object({ id: accountId }).strict(),
      handle: async ({ id }) => {
        const account = vault.get(id);
        if (account === undefined) return { removed: false };
        // The demo holds no key and reopens at any time, so it goes without asking (the offer to remove it).
        if (!account.demo && !(await confirm(removalQuestion(account)))) return { removed: false };
        vault.remove(id); // throws account-not-found if it went while the dialog was open
        return { removed: true };
      },
    },
    'accounts:add-demo': { schema: z.undefined(), handle: () => vault.addDemo() },
  };
}
