import { z } from 'zod';
import type { BalancesService } from '../../balances/balances-service.ts';
import type { RoutesFor } from '../register.ts';

export function balancesRoutes(balances: BalancesService): RoutesFor<'balances:get' | 'balances:refresh'> {
  return {
    'balances:get': { schema: z.undefined(), handle: () => balances.list() },
    // Resolves once the refresh (or the running one it joined) is done; its outcome arrives as balances:changed.
    'balances:refresh': {
      schema: z.object({ accountId: z.string().min(1).max(200).optional() }).strict(),
      handle: (request) => balances.refresh(request.accountId),
    },
  };
}
