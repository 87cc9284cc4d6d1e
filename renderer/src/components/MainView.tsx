import { useCallback, useDeferredValue, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { AccountBalances, AccountSummary, HelpTopic, HistoryRange, IpcError, IpcResult, Settings } from '../../../ipc/contract.ts';
import { useBridge } from '../bridge.ts';
import { quoteFormat } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { useHistory } from '../hooks/use-history.ts';
import { useMediaQuery } from '../hooks/use-media-query.ts';
import { usePeriodChanges } from '../hooks/use-period-changes.ts';
import { arrangeGroups, DEFAULT_SORT, groupRows, type KindFilter, type SortKey, type SortOrder } from '../model/balance-view.ts';
import { combineBalances } from '../../../shared/combine.ts';
import { tableEntries, widestFraction, type TableLine } from '../model/row-view.ts';
import { thresholdChangeText, type ThresholdChange } from '../model/threshold.ts';
import { AllocationChart } from './AllocationChart.tsx';
import { AssetHistoryDialog, type AssetHistoryTarget } from './AssetHistoryDialog.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { BalanceTable } from './BalanceTable.tsx';
import { BalanceToolbar } from './BalanceToolbar.tsx';
import { HistoryChart } from './HistoryChart.tsx';
import { PortfolioHeader } from './PortfolioHeader.tsx';
import { ALL_ACCOUNTS } from './ScopeTabs.tsx';

interface MainViewProps {
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

/** Numeric columns start largest first, names A to Z; a second click reverses. */
function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'name' ? 'asc' : 'desc' };
}

export function MainView(props: MainViewProps): ReactNode {
  const { accounts, balances, balancesError, settings, locale, scope, panelId, onUpdateSettings, searchRef, thresholdChange, onDismissThresholdChange, onUpdateKey } = props;
  const bridge = useBridge();
  const roomForCharts = useMediaQuery(ROOM_FOR_CHARTS);
  const chartsShown = settings.charts === 'auto' ? roomForCharts : settings.charts === 'shown';
  const [sort, setSort] = useState<SortOrder>(DEFAULT_SORT);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [unpricedOnly, setUnpricedOnly] = useState(false);
  // "Hide balances under" as it is being typed: the table follows each keystroke; the setting is saved
  // when the typing pauses or the field is left.
  const [typedHideBelow, setTypedHideBelow] = useState<string | null>(null);
  const hideBelow = typedHideBelow ?? settings.hideSmallBelow;
  const deferredSearch = useDeferredValue(search);
  const [historyRange, setHistoryRange] = useState<HistoryRange>('all');
  const [historyQuote, setHistoryQuote] = useState<{ scope: string; quote: string } | null>(null);
  const [historyLine, setHistoryLine] = useState<Pick<TableLine, 'key' | 'name' | 'unit'> | null>(null);

  const account = accounts.find((entry) => entry.id === scope);
  const title = account?.label ?? 'All accounts';
  const quote = useMemo(() => quoteFormat(settings.quoteCurrency, locale), [settings.quoteCurrency, locale]);
  const inScope = useMemo(() => (scope === ALL_ACCOUNTS ? balances : balances.filter((entry) => entry.accountId === scope)), [balances, scope]);
  const combined = useMemo(() => combineBalances(inScope, accounts, settings.quoteCurrency), [inScope, accounts, settings.quoteCurrency]);
  const allGroups = useMemo(() => groupRows(combined.rows), [combined.rows]);
  const groups = useMemo(
    () => arrangeGroups(allGroups, { search: deferredSearch, kind, hideBelow, unpricedOnly }, sort),
    [allGroups, deferredSearch, kind, hideBelow, unpricedOnly, sort],
  );
  const entries = useMemo(() => tableEntries(groups), [groups]);
  const fractionDigits = useMemo(() => widestFraction(entries), [entries]);
  const lineContext = useMemo(() => ({ locale, quote, privacy: settings.privacyMode }), [locale, quote, settings.privacyMode]);
  const shownRows = groups.reduce((count, group) => count + group.rows.length, 0);

  // Read the series again whenever any account in scope has refreshed, or the quote currency changed.
  const historyVersion = `${inScope.map((entry) => entry.fetchedAt ?? '').join(',')}|${settings.quoteCurrency}`;
  const accountId = scope === ALL_ACCOUNTS ? undefined : scope;
  // A currency picked for the chart holds for this scope until the quote currency setting changes.
  const pickedQuote = historyQuote?.scope === `${scope}|${settings.quoteCurrency}` ? historyQuote.quote : undefined;
  const history = useHistory(bridge, { ...(accountId === undefined ? {} : { accountId }), range: historyRange, ...(pickedQuote === undefined ? {} : { quote: pickedQuote }) }, historyVersion);
  const pickQuote = useCallback((quote: string) => setHistoryQuote({ scope: `${scope}|${settings.quoteCurrency}`, quote }), [scope, settings.quoteCurrency]);
  const accountLabel = useCallback((id: string) => accounts.find((entry) => entry.id === id)?.label ?? 'An account', [accounts]);
  // Stable across balance updates (the table's lines are memoised on it): the codes are read at render.
  const openHistory = useCallback((line: TableLine) => setHistoryLine({ key: line.key, name: line.name, unit: line.unit }), []);
  const assetTarget = useMemo((): AssetHistoryTarget | null => {
    if (historyLine === null) return null;
    const [kind, code = ''] = historyLine.key.split(/:(.*)/s);
    const codes = kind === 'group' ? (allGroups.find((group) => group.base === code)?.rows.map((row) => row.asset) ?? []) : [code];
    return codes.length > 0 ? { name: historyLine.name, unit: historyLine.unit, codes } : null;
  }, [historyLine, allGroups]);
  const changes = usePeriodChanges(bridge, combined, { accountId, quote: settings.quoteCurrency }, historyVersion);

  const refresh = useCallback(() => void bridge.balances.refresh(scope === ALL_ACCOUNTS ? undefined : scope), [bridge, scope]);
  const showUnpriced = useCallback(() => {
    setUnpricedOnly(true);
    setKind('all');
    setSearch('');
  }, []);
  const removeAccount = useCallback((id: string) => void bridge.accounts.remove(id), [bridge]);
  const openHelp = useCallback((topic: HelpTopic) => void bridge.help.open(topic), [bridge]);
  const sortBy = useCallback((key: SortKey) => setSort((current) => nextSort(current, key)), []);
  const toggleCharts = () => void onUpdateSettings({ charts: chartsShown ? 'hidden' : 'shown' });

  return (
    <main className="main-view">
      <div id={panelId} role="tabpanel" aria-label={title} className="scope-panel">
        <div className={`summary${chartsShown ? ' with-charts' : ''}`}>
          <PortfolioHeader
            scope={combined}
            changes={changes}
            title={title}
            locale={locale}
            quote={quote}
            privacy={settings.privacyMode}
            loadError={balancesError}
            onRefresh={refresh}
            onHelp={openHelp}
            chartsShown={chartsShown}
            onToggleCharts={toggleCharts}
            onRemoveDemo={removeAccount}
            onShowUnpriced={showUnpriced}
            onUpdateKey={onUpdateKey}
          />
          {chartsShown && (
            <div className="charts" id={`${panelId}-charts`}>
              <AllocationChart groups={allGroups} locale={locale} />
              <HistoryChart
                series={history}
                range={historyRange}
                onRange={setHistoryRange}
                onQuote={pickQuote}
                locale={locale}
                privacy={settings.privacyMode}
                accountLabel={accountLabel}
              />
            </div>
          )}
        </div>
        <BalanceToolbar
          search={search}
          onSearch={setSearch}
          kind={kind}
          onKind={setKind}
          hideBelow={settings.hideSmallBelow}
          onHideBelow={(hideSmallBelow) => {
            setTypedHideBelow(null);
            void onUpdateSettings({ hideSmallBelow });
          }}
          onTypeHideBelow={setTypedHideBelow}
          unpricedOnly={unpricedOnly}
          onShowAll={() => setUnpricedOnly(false)}
          quote={settings.quoteCurrency}
          locale={locale}
          shown={shownRows}
          total={combined.rows.length}
          searchRef={searchRef}
        >
          <ExportMenu accountId={accountId} />
        </BalanceToolbar>
        {thresholdChange !== null && (
          <p className="toolbar-notice" role="status" data-testid="threshold-change">
            {thresholdChangeText(thresholdChange, locale)}
            <button type="button" className="icon-button icon-button-small" aria-label="Dismiss" onClick={onDismissThresholdChange}>
              ✕
            </button>
          </p>
        )}
        {combined.hasData ? (
          entries.length > 0 ? (
            <BalanceTable entries={entries} context={lineContext} sort={sort} onSort={sortBy} label={`Balances of ${title} in ${settings.quoteCurrency}`} stale={combined.stale} fractionDigits={fractionDigits} onOpenHistory={openHistory} />
          ) : (
            <p className="table-empty">No balances match. Clear the search or the filters to see all {combined.rows.length}.</p>
          )
        ) : (
          <p className="table-empty">{combined.errors.length > 0 || balancesError ? 'No balances to show yet.' : 'Loading balances…'}</p>
        )}
      </div>
      {assetTarget !== null && (
        <AssetHistoryDialog
          target={assetTarget}
          accountId={accountId}
          version={historyVersion}
          locale={locale}
          privacy={settings.privacyMode}
          accountLabel={accountLabel}
          onClose={() => setHistoryLine(null)}
        />
      )}
    </main>
  );
}
