import { z } from 'zod';
import type { AddAccountRequest, RenameAccountRequest } from '../../../ipc/contract.ts';
import type { Vault } from '../../vault/vault.ts';
import type { RoutesFor } from '../register.ts';

// Lengths here only bound what main will look at; the vault explains shape problems field by field.
const MAX_FIELD = 1024;

const addSchema = z.object({
  label: z.string().max(MAX_FIELD),
  apiKey: z.string().max(MAX_FIELD),
  apiSecret: z.string().max(MAX_FIELD),
  otp: z.string().max(MAX_FIELD).optional(),
  acceptWeakProtection: z.boolean().optional(),
}).strict() satisfies z.ZodType<AddAccountRequest>;

const accountId = z.string().min(1).max(100);

const renameSchema = z.object({ id: accountId, label: z.string().max(MAX_FIELD) }).strict() satisfies z.ZodType<RenameAccountRequest>;

export function accountRoutes(
  vault: Vault,
): RoutesFor<'accounts:list' | 'accounts:add' | 'accounts:rename' | 'accounts:remove' | 'accounts:add-demo'> {
  return {
    'accounts:list': { schema: z.undefined(), handle: () => vault.list() },
    'accounts:add': { schema: addSchema, handle: (request) => vault.add(request) },
    'accounts:rename': { schema: renameSchema, handle: (request) => vault.rename(request) },
    'accounts:remove': { schema: z.object({ id: accountId }).strict(), handle: ({ id }) => vault.remove(id) },
    'accounts:add-demo': { schema: z.undefined(), handle: () => vault.addDemo() },
  };
}
