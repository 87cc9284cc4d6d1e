import { useMemo } from 'react';
import type { HistoryPoint, KrakenBridge } from '../../../ipc/contract.ts';
import { periodChanges, type PeriodChange, type PeriodInput } from '../model/period-change.ts';
import { yearSeriesRequest } from '../model/scope-series.ts';
import { useHistory } from './use-history.ts';

const NO_POINTS: readonly HistoryPoint[] = [];

/**
 * The total's change over 24 h, 7 d, 30 d and 1 y for the scope on screen. The longer periods (and 24 h
 * without prices a day ago) compare with a year of history in the quote on screen, whatever range or
 * currency the chart shows; they end when the balances on screen were read (`fetchedAt`).
 */
export function usePeriodChanges(
  bridge: KrakenBridge,
  scope: PeriodInput & { readonly fetchedAt: string | null },
  request: { readonly accountId: string | undefined; readonly quote: string },
  version: string,
): PeriodChange[] {
  const { accountId, quote } = request;
  const year = useHistory(bridge, yearSeriesRequest(accountId, quote), version);
  const points = year !== null && year.quote === quote ? year.points : NO_POINTS;
  return useMemo(() => periodChanges(scope, points, scope.fetchedAt === null ? Number.NaN : Date.parse(scope.fetchedAt)), [scope, points]);
}
