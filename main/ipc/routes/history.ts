import { z } from 'zod';
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

export function historyRoutes(deps: HistoryRouteDeps): RoutesFor<'history:get'> {
  return {
    // Total value over time in the current quote currency, for one account or all counted accounts combined.
    'history:get': {
      schema: z.object({ accountId: z.string().min(1).max(200).optional() }).strict(),
      handle: ({ accountId }) => {
        if (accountId !== undefined && !deps.accountExists(accountId)) {
          throw new AppError('unknown-account', 'That account no longer exists.', { hint: 'Reopen the account list and try again.' });
        }
        return deps.history.series(deps.settings.get().quoteCurrency, accountId ?? deps.countedAccountIds());
      },
    },
  };
}
