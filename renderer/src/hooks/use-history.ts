import { useEffect, useState } from 'react';
import type { HistoryPoint, KrakenBridge } from '../../../ipc/contract.ts';

const NONE: readonly HistoryPoint[] = [];

function samePoints(a: readonly HistoryPoint[], b: readonly HistoryPoint[]): boolean {
  return a.length === b.length && a.every((point, index) => point.at === b[index]?.at && point.total === b[index]?.total);
}

/**
 * The value-over-time series for a scope (undefined = all accounts), read again whenever `version`
 * changes (a refresh landed or the quote currency changed). Empty while unavailable.
 * An answer equal to the series already held keeps the held one, so the view does not render again for
 * nothing (the first answer, often empty, lands just after the balances are first shown).
 */
export function useHistory(bridge: KrakenBridge, accountId: string | undefined, version: string): readonly HistoryPoint[] {
  const [points, setPoints] = useState<readonly HistoryPoint[]>(NONE);
  useEffect(() => {
    let live = true;
    const keep = (next: readonly HistoryPoint[]) => {
      if (live) setPoints((current) => (samePoints(current, next) ? current : next));
    };
    bridge.history
      .get(accountId)
      .then((result) => keep(result.ok ? result.value : NONE))
      .catch(() => keep(NONE));
    return () => {
      live = false;
    };
  }, [bridge, accountId, version]);
  return points;
}
