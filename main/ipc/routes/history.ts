import { z } from 'zod';
import { HISTORY_RANGES, type AssetHistoryRequest, type HistoryRequest } from '../../../ipc/contract.ts';
import type { HistoryService } from '../../history/history-service.ts';
import type { SettingsService } from '../../settings/settings-service.ts';
import { AppError } from '../../app-error.ts';
import type { RoutesFor } from '../register.ts';

export interface HistoryRouteDeps {
  history: HistoryService;
  settings: Pick<SettingsService, 'get'>;
  accountExists(id: string): boolean;
  /** The accounts "All accounts" adds up (shared/combine.ts: the demo only when it is alone). */
  countedAccountIds(): string[];
}

const code = z.string().min(1).max(40);
const view = {
  accountId: z.string().min(1).max(200).optional(),
  range: z.enum(HISTORY_RANGES).optional(),
  quote: code.optional(),
};
const historySchema = z.object(view).strict() satisfies z.ZodType<HistoryRequest>;
// A group has a handful of codes (ETH, ETH2, ETH2.S, ETH.F …); 50 bounds what main will sum.
const assetSchema = z.object({ ...view, assets: z.array(code).min(1).max(50) }).strict() satisfies z.ZodType<AssetHistoryRequest>;

export function historyRoutes(deps: HistoryRouteDeps): RoutesFor<'history:get' | 'history:asset'> {
  const accountsFor = (accountId: string | undefined): string[] => {
    if (accountId === undefined) return deps.countedAccountIds();
    if (!deps.accountExists(accountId)) {
      throw new AppError('unknown-account', 'That account no longer exists.', { hint: 'Reopen the account list and try again.' });
    }
    return [accountId];
  };
  const viewOf = (request: HistoryRequest) => ({ ...(request.range ? { range: request.range } : {}), ...(request.quote ? { quote: request.quote } : {}) });
  return {
    // Total value over time for one account or all counted accounts combined, in the current quote currency
    // (or the one it was recorded in, labelled, when the current one has no history yet).
    'history:get': {
      schema: historySchema,
      handle: (request) => deps.history.series(accountsFor(request.accountId), deps.settings.get().quoteCurrency, viewOf(request)),
    },
    // One asset's amount and value over time (the per-asset view opened from a table row).
    'history:asset': {
      schema: assetSchema,
      handle: (request) => deps.history.assetSeries(accountsFor(request.accountId), request.assets, deps.settings.get().quoteCurrency, viewOf(request)),
    },
  };
}
