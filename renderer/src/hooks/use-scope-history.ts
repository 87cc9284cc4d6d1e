import { useCallback, useState } from 'react';
import type { AccountBalances, HistoryRange, HistorySeries, KrakenBridge } from '../../../ipc/contract.ts';
import { chartSeriesRequest, FIRST_RANGE, scopeAccount, seriesVersion } from '../model/scope-series.ts';
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
  const [historyRange, setHistoryRange] = useState<HistoryRange>(FIRST_RANGE);
  const [historyQuote, setHistoryQuote] = useState<{ scope: string; quote: string } | null>(null);
  const historyVersion = seriesVersion(inScope, quoteCurrency);
  const accountId = scopeAccount(scope);
  // A currency picked for the chart holds for this scope until the quote currency setting changes.
  const pickedQuote = historyQuote?.scope === `${scope}|${quoteCurrency}` ? historyQuote.quote : undefined;
  const history = useHistory(bridge, chartSeriesRequest(accountId, historyRange, pickedQuote), historyVersion);
  const pickQuote = useCallback((quote: string) => setHistoryQuote({ scope: `${scope}|${quoteCurrency}`, quote }), [scope, quoteCurrency]);
  return { accountId, historyVersion, history, historyRange, setHistoryRange, pickQuote };
}
