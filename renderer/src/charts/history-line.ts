import type { HistoryPoint } from '../../../ipc/contract.ts';
import { Decimal } from '../../../shared/decimal.ts';

export interface HistorySummary {
  readonly first: HistoryPoint;
  readonly last: HistoryPoint;
  readonly low: string;
  readonly high: string;
}

export function summarizeHistory(points: readonly HistoryPoint[]): HistorySummary | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return null;
  let low = new Decimal(first.total);
  let high = low;
  for (const point of points) {
    if (low.gt(point.total)) low = new Decimal(point.total);
    if (high.lt(point.total)) high = new Decimal(point.total);
  }
  return { first, last, low: low.toFixed(), high: high.toFixed() };
}

/**
 * The polyline of the value over time in a width × height box. Coordinates are floats: drawing geometry
 * only, the labels beside the chart come from the exact totals.
 */
export function historyPolyline(points: readonly HistoryPoint[], width: number, height: number): string {
  if (points.length < 2) return '';
  const times = points.map((point) => Date.parse(point.at));
  const values = points.map((point) => Number(point.total));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const v0 = Math.min(...values);
  const v1 = Math.max(...values);
  const x = (t: number) => (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * width);
  // A flat series is drawn through the middle rather than along an edge.
  const y = (v: number) => (v1 === v0 ? height / 2 : height - ((v - v0) / (v1 - v0)) * height);
  return points.map((_, i) => `${x(times[i] ?? t0).toFixed(2)},${y(values[i] ?? v0).toFixed(2)}`).join(' ');
}
