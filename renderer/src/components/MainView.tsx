import { useCallback, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { AccountBalances, AccountSummary, HelpTopic, IpcError, IpcResult, Settings } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';
import { quoteFormat } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { useBalanceFilters } from '../hooks/use-balance-filters.ts';
import { useMediaQuery } from '../hooks/use-media-query.ts';
import { usePeriodChanges } from '../hooks/use-period-changes.ts';
import { useScopeHistory, type ScopeHistory } from '../hooks/use-scope-history.ts';
import { groupRows, type AssetGroup } from '../model/balance-view.ts';
import { balancesInScope } from '../model/scope-series.ts';
import { combineBalances } from '../../../shared/combine.ts';
import type { TableLine } from '../model/row-view.ts';
import type { ThresholdChange } from '../model/threshold.ts';
import { AllocationChart } from './AllocationChart.tsx';
import { AssetHistoryDialog, type AssetHistoryTarget } from './AssetHistoryDialog.tsx';
import { BalancesSection } from './BalancesSection.tsx';
import { HistoryChart } from './HistoryChart.tsx';
import { PortfolioHeader } from './PortfolioHeader.tsx';
export interface MainViewProps {
  accounts: readonly AccountSummary[];
  balances: readonly AccountBalances[];
  balancesError: IpcError | null;
  settings: Settings;
  locale: NumberLocale;
  scope: string;
  /** The id of this panel, which the account tabs (in the title bar) control. */
  panelId: string;
  onUpdateSettings: (patch: Partial<Settings>) => Promise<IpcResult<Settings>>;
  searchRef: RefObject<HTMLInputElement | null>;
  /** What the last quote change did to "Hide balances under", until dismissed or set again. */
  thresholdChange: ThresholdChange | null;
  onDismissThresholdChange: () => void;
  /** Opens "Update key" for an account whose saved key is the problem. */
  onUpdateKey: (accountId: string) => void;
}

/**
 * Room for the charts beside the total and still a long table below: the default window (1120×760) has it,
 * the smallest (720×520) does not, so there the charts wait behind "Show charts".
 */
const ROOM_FOR_CHARTS = '(min-width: 960px) and (min-height: 680px)';

interface SummaryChartsProps {
  id: string;
  allGroups: readonly AssetGroup[];
  scopeHistory: ScopeHistory;
  locale: NumberLocale;
  privacy: boolean;
  accountLabel: (id: string) => string;
}

/** Beside the total: where the value is (allocation) and how it moved (history). */
function SummaryCharts({ id, allGroups, scopeHistory, locale, privacy, accountLabel }: SummaryChartsProps): ReactNode {
  return (
    <div className="charts" id={id}>
      <AllocationChart groups={allGroups} locale={locale} />
      <HistoryChart series={scopeHistory.history} range={scopeHistory.historyRange} onRange={scopeHistory.setHistoryRange} onQuote={scopeHistory.pickQuote} locale={locale} privacy={privacy} accountLabel={accountLabel} />
    </div>
  );
}

/** The asset whose history dialog is open, and how a table line opens it (all codes of a group's line). */
function useAssetHistoryTarget(allGroups: readonly AssetGroup[]): [target: AssetHistoryTarget | null, open: (line: TableLine) => void, close: () => void] {
  const [historyLine, setHistoryLine] = useState<Pick<TableLine, 'key' | 'name' | 'unit'> | null>(null);
  // Stable across balance updates (the table's lines are memoised on it): the codes are read at render.
  const openHistory = useCallback((line: TableLine) => setHistoryLine({ key: line.key, name: line.name, unit: line.unit }), []);
  const assetTarget = useMemo((): AssetHistoryTarget | null => {
    if (historyLine === null) return null;
    const [kind, code = ''] = historyLine.key.split(/:(.*)/s);
    const codes = kind === 'group' ? (allGroups.find((group) => group.base === code)?.rows.map((row) => row.asset) ?? []) : [code];
    return codes.length > 0 ? { name: historyLine.name, unit: historyLine.unit, codes } : null;
  }, [historyLine, allGroups]);
  return [assetTarget, openHistory, () => setHistoryLine(null)];
}

export function MainView(props: MainViewProps): ReactNode {
  const { accounts, balances, balancesError, settings, locale, scope, panelId, onUpdateSettings, onUpdateKey } = props;
  const bridge = useBridge();
  const roomForCharts = useMediaQuery(ROOM_FOR_CHARTS);
  const chartsShown = settings.charts === 'auto' ? roomForCharts : settings.charts === 'shown';
  const filters = useBalanceFilters(settings.hideSmallBelow);

  const account = accounts.find((entry) => entry.id === scope);
  const title = account?.label ?? 'All accounts';
  const quote = useMemo(() => quoteFormat(settings.quoteCurrency, locale), [settings.quoteCurrency, locale]);
  const inScope = useMemo(() => balancesInScope(balances, scope), [balances, scope]);
  const combined = useMemo(() => combineBalances(inScope, accounts, settings.quoteCurrency), [inScope, accounts, settings.quoteCurrency]);
  const allGroups = useMemo(() => groupRows(combined.rows), [combined.rows]);
  const scopeHistory = useScopeHistory(bridge, scope, settings.quoteCurrency, inScope);
  const { accountId, historyVersion } = scopeHistory;
  const accountLabel = useCallback((id: string) => accounts.find((entry) => entry.id === id)?.label ?? 'An account', [accounts]);
  const [assetTarget, openHistory, closeHistory] = useAssetHistoryTarget(allGroups);
  const changes = usePeriodChanges(bridge, combined, { accountId, quote: settings.quoteCurrency }, historyVersion);

  const refresh = useCallback(() => void bridge.balances.refresh(accountId), [bridge, accountId]);
  const removeAccount = useCallback((id: string) => void bridge.accounts.remove(id), [bridge]);
  const openHelp = useCallback((topic: HelpTopic) => void bridge.help.open(topic), [bridge]);
  const toggleCharts = () => void onUpdateSettings({ charts: chartsShown ? 'hidden' : 'shown' });

  return (
    <main className="main-view">
      <div id={panelId} role="tabpanel" aria-label={title} className="scope-panel">
        <div className={`summary${chartsShown ? ' with-charts' : ''}`}>
          <PortfolioHeader scope={combined} changes={changes} title={title} locale={locale} quote={quote} privacy={settings.privacyMode} loadError={balancesError} chartsShown={chartsShown}
            onRefresh={refresh} onHelp={openHelp} onToggleCharts={toggleCharts} onRemoveDemo={removeAccount} onShowUnpriced={filters.showUnpriced} onUpdateKey={onUpdateKey} />
          {chartsShown && <SummaryCharts id={`${panelId}-charts`} allGroups={allGroups} scopeHistory={scopeHistory} locale={locale} privacy={settings.privacyMode} accountLabel={accountLabel} />}
        </div>
        <BalancesSection settings={settings} onUpdateSettings={onUpdateSettings} locale={locale} balancesError={balancesError} searchRef={props.searchRef} thresholdChange={props.thresholdChange}
          onDismissThresholdChange={props.onDismissThresholdChange} combined={combined} allGroups={allGroups} filters={filters} quote={quote} title={title} accountId={accountId} onOpenHistory={openHistory} />
      </div>
      {assetTarget !== null && (
        <AssetHistoryDialog target={assetTarget} accountId={accountId} version={historyVersion} locale={locale} privacy={settings.privacyMode} accountLabel={accountLabel} onClose={closeHistory} />
      )}
    </main>
  );
}
