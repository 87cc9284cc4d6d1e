import { useEffect, useState } from 'react';
import type { HistoryPoint, KrakenBridge } from '../../../ipc/contract.ts';

/**
 * The value-over-time series for a scope (undefined = all accounts), read again whenever `version`
 * changes (a refresh landed or the quote currency changed). Empty while unavailable.
 */
export function useHistory(bridge: KrakenBridge, accountId: string | undefined, version: string): readonly HistoryPoint[] {
  const [points, setPoints] = useState<readonly HistoryPoint[]>([]);
  useEffect(() => {
    let live = true;
    bridge.history
      .get(accountId)
      .then((result) => {
        if (live) setPoints(result.ok ? result.value : []);
      })
      .catch(() => {
        if (live) setPoints([]);
      });
    return () => {
      live = false;
    };
  }, [bridge, accountId, version]);
  return points;
}
