import { useEffect, useState } from 'react';
import type { AssetHistory, AssetHistoryRequest, HistoryRequest, HistorySeries, IpcResult, KrakenBridge } from '../../../ipc/contract.ts';
import { earlyAnswer, seriesReadId, takeEarlyRead } from '../early-series-reads.ts';

/**
 * The answer of one history read, read again whenever `version` changes (a refresh landed, the quote
 * currency changed) or the request does. null while unavailable. An answer equal to the one held keeps
 * the held one, so the view does not render again for nothing.
 */
function useSeries<T>(read: () => Promise<IpcResult<T>>, key: string, version: string, early: KrakenBridge | null): T | null {
  // A read app-data-store.ts started before this first rendered (early-series-reads.ts): its answer, if in,
  // is the first state, and the effect below waits on that read instead of asking main again.
  const [state, setState] = useState<{ text: string; value: T } | null>(() => {
    const answer = early === null ? undefined : earlyAnswer<T>(early, seriesReadId(key, version));
    return answer?.ok ? { text: JSON.stringify(answer.value), value: answer.value } : null;
  });
  useEffect(() => {
    let live = true;
    ((early === null ? undefined : takeEarlyRead<T>(early, seriesReadId(key, version))) ?? read())
      .then((result) => {
        if (!live) return;
        if (!result.ok) return setState(null);
        const text = JSON.stringify(result.value);
        setState((current) => (current?.text === text ? current : { text, value: result.value }));
      })
      .catch(() => {
        if (live) setState(null);
      });
    return () => {
      live = false;
    };
    // `read` is rebuilt every render; `key` says what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
  return state?.value ?? null;
}

/** The value-over-time series for a scope (no accountId = all accounts), range and quote. */
export function useHistory(bridge: KrakenBridge, request: HistoryRequest, version: string): HistorySeries | null {
  return useSeries(() => bridge.history.get(request), JSON.stringify(request), version, bridge);
}

/** One asset's amount and value over time (the per-asset view). */
export function useAssetHistory(bridge: KrakenBridge, request: AssetHistoryRequest, version: string): AssetHistory | null {
  return useSeries(() => bridge.history.asset(request), JSON.stringify(request), version, null);
}
