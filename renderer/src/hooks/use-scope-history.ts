import { useCallback, useState } from 'react';
import type { AccountBalances, HistoryRange, HistorySeries, KrakenBridge } from '../../../ipc/contract.ts';
import { ALL_ACCOUNTS } from '../components/ScopeTabs.tsx';
import { useHistory } from './use-history.ts';

export interface ScopeHistory {
  /** The account of the scope, undefined for all accounts. */
  readonly accountId: string | undefined;
  /** Changes whenever an account in scope has refreshed or the quote currency changed: series are read again. */
  readonly historyVersion: string;
  readonly history: HistorySeries | null;
  readonly historyRange: HistoryRange;
  readonly setHistoryRange: (range: HistoryRange) => void;
  /** Shows the chart in another currency (one the history holds), for this scope and quote setting. */
  readonly pickQuote: (quote: string) => void;
}

/** The total-over-time series of the scope shown, in the range and currency picked for its chart. */
export function useScopeHistory(bridge: KrakenBridge, scope: string, quoteCurrency: string, inScope: readonly AccountBalances[]): ScopeHistory {
  const [historyRange, setHistoryRange] = useState<HistoryRange>('all');
  const [historyQuote, setHistoryQuote] = useState<{ scope: string; quote: string } | null>(null);
  // Read the series again whenever any account in scope has refreshed, or the quote currency changed.
  const historyVersion = `${inScope.map((entry) => entry.fetchedAt ?? '').join(',')}|${quoteCurrency}`;
  const accountId = scope === ALL_ACCOUNTS ? undefined : scope;
  // A currency picked for the chart holds for this scope until the quote currency setting changes.
  const pickedQuote = historyQuote?.scope === `${scope}|${quoteCurrency}` ? historyQuote.quote : undefined;
  const history = useHistory(bridge, { ...(accountId === undefined ? {} : { accountId }), range: historyRange, ...(pickedQuote === undefined ? {} : { quote: pickedQuote }) }, historyVersion);
  const pickQuote = useCallback((quote: string) => setHistoryQuote({ scope: `${scope}|${quoteCurrency}`, quote }), [scope, quoteCurrency]);
  return { accountId, historyVersion, history, historyRange, setHistoryRange, pickQuote };
}
