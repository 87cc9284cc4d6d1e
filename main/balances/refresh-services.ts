import type { AccountSummary } from '../../ipc/contract.ts';
import type { KrakenClient } from '../kraken/index.ts';
import { historyFileAt } from '../history/history-file.ts';
import { HistoryService } from '../history/history-service.ts';
import { ChangeNotifier } from '../notifications/change-notifier.ts';
import { showNativeNotification } from '../notifications/notification-edge.ts';
import { SYSTEM_CLOCK } from '../refresh/clock.ts';
import { systemNumberLocale } from '../system-locale.ts';
import { electronPowerSource } from '../refresh/power-source.ts';
import { showMainWindow } from '../window.ts';
import { BalancesService, type SettingsSource } from './balances-service.ts';

export interface RefreshServicesDeps {
  dataDir: string;
  settings: SettingsSource;
  vault: { list(): AccountSummary[]; onChange(listener: (accounts: AccountSummary[]) => void): () => void };
  accountClients: { clientFor(accountId: string): Promise<KrakenClient> };
  /** Start-up notices for the user (a history file set aside). */
  notices: string[];
}

export interface RefreshServices {
  balances: BalancesService;
  history: HistoryService;
  notifier: ChangeNotifier;
}

/**
 * Balances, history and change notifications, wired together: every successful refresh is first compared
 * with the one before (notifications), then recorded (history). Refreshing starts with balances.start().
 */
export function createRefreshServices(deps: RefreshServicesDeps): RefreshServices {
  const history = new HistoryService({ file: historyFileAt(deps.dataDir), clock: SYSTEM_CLOCK });
  if (history.notice !== null) deps.notices.push(history.notice);
  const balances = new BalancesService({
    accounts: {
      list: () => deps.vault.list(),
      onChanged: (listener) => deps.vault.onChange(listener),
      clientFor: (id) => deps.accountClients.clientFor(id),
    },
    settings: deps.settings,
    clock: SYSTEM_CLOCK,
    power: electronPowerSource(),
    lastKnownTotal: (id) => history.latest(id),
  });
  const notifier = new ChangeNotifier({
    settings: deps.settings,
    baseline: (id) => history.latest(id)?.amounts ?? null,
    show: (text) => showNativeNotification(text, () => void showMainWindow()),
    locale: systemNumberLocale,
  });
  // Order matters: the notifier compares with the history's latest snapshot before this one is added.
  balances.onRefreshed((event) => {
    notifier.consider(event);
    history.record(event.account.id, event.portfolio, event.at);
  });
  deps.vault.onChange((accounts) => history.retainAccounts(accounts.map((account) => account.id)));
  return { balances, history, notifier };
}
