import { memo, useMemo, type ReactNode } from 'react';
import type { ScopeBalances } from '../../../shared/combine.ts';
import type { QuoteFormat } from '../../../shared/money.ts';
import type { BalanceFilters } from '../hooks/use-balance-filters.ts';
import { arrangeGroups, type AssetGroup } from '../model/balance-view.ts';
import { tableEntries, widestFraction, type TableLine } from '../model/row-view.ts';
import { thresholdChangeText } from '../model/threshold.ts';
import { BalanceTable } from './BalanceTable.tsx';
import { BalanceToolbar } from './BalanceToolbar.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import type { MainViewProps } from './MainView.tsx';

/** Handed through from the main view unchanged (documented there). */
type FromMainView = 'settings' | 'onUpdateSettings' | 'locale' | 'balancesError' | 'searchRef' | 'thresholdChange' | 'onDismissThresholdChange';

interface BalancesSectionProps extends Pick<MainViewProps, FromMainView> {
  /** The scope's balances, combined across its accounts. */
  combined: ScopeBalances;
  /** Its rows grouped by base asset, before the filters. */
  allGroups: readonly AssetGroup[];
  filters: BalanceFilters;
  quote: QuoteFormat;
  /** Names the table: "Balances of <title> in <quote>". */
  title: string;
  /** The account exported, undefined for all accounts. */
  accountId: string | undefined;
  onOpenHistory: (line: TableLine) => void;
}

/** The toolbar (search, filters, export) and the balances it lets through, or why there are none. */
function BalancesSectionView(props: BalancesSectionProps): ReactNode {
  const { combined, allGroups, filters, settings, onUpdateSettings, locale, quote, title, accountId, balancesError, searchRef, thresholdChange, onDismissThresholdChange, onOpenHistory } = props;
  const groups = useMemo(() => arrangeGroups(allGroups, filters.filter, filters.sort), [allGroups, filters.filter, filters.sort]);
  const entries = useMemo(() => tableEntries(groups), [groups]);
  const fractionDigits = useMemo(() => widestFraction(entries), [entries]);
  const lineContext = useMemo(() => ({ locale, quote, privacy: settings.privacyMode }), [locale, quote, settings.privacyMode]);
  const shownRows = groups.reduce((count, group) => count + group.rows.length, 0);

  return (
    <>
      <BalanceToolbar
        search={filters.search}
        onSearch={filters.setSearch}
        kind={filters.kind}
        onKind={filters.setKind}
        hideBelow={settings.hideSmallBelow}
        onHideBelow={(hideSmallBelow) => {
          filters.setTypedHideBelow(null);
          void onUpdateSettings({ hideSmallBelow });
        }}
        onTypeHideBelow={filters.setTypedHideBelow}
        unpricedOnly={filters.unpricedOnly}
        onShowAll={filters.showAll}
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
          <BalanceTable entries={entries} context={lineContext} sort={filters.sort} onSort={filters.sortBy} label={`Balances of ${title} in ${settings.quoteCurrency}`} stale={combined.stale} fractionDigits={fractionDigits} onOpenHistory={onOpenHistory} />
        ) : (
          <p className="table-empty">No balances match. Clear the search or the filters to see all {combined.rows.length}.</p>
        )
      ) : (
        <p className="table-empty">{combined.errors.length > 0 || balancesError ? 'No balances to show yet.' : 'Loading balances…'}</p>
      )}
    </>
  );
}

/** Renders again only when its own props change: not when a history series or the period changes arrive. */
export const BalancesSection = memo(BalancesSectionView);
