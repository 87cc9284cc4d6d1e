import { Decimal } from '../../../shared/decimal.ts';

/** One point of a line over time: the exact value as main sent it. */
export interface LinePoint {
  readonly at: string;
  readonly value: string;
}

export interface HistorySummary {
  readonly first: LinePoint;
  readonly last: LinePoint;
  readonly low: string;
  readonly high: string;
}

export function summarizeHistory(points: readonly LinePoint[]): HistorySummary | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return null;
  let low = new Decimal(first.value);
  let high = low;
  for (const point of points) {
    if (low.gt(point.value)) low = new Decimal(point.value);
    if (high.lt(point.value)) high = new Decimal(point.value);
  }
  return { first, last, low: low.toFixed(), high: high.toFixed() };
}

/** Where each point sits in a width × height box (x by time, y by value; a flat line runs through the middle). */
export interface LineGeometry {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

/**
 * Coordinates are floats: drawing geometry only, every label beside or on the chart comes from the exact
 * values.
 */
export function lineGeometry(points: readonly LinePoint[], width: number, height: number): LineGeometry {
  const times = points.map((point) => Date.parse(point.at));
  const values = points.map((point) => Number(point.value));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const v0 = Math.min(...values);
  const v1 = Math.max(...values);
  return {
    xs: times.map((t) => (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * width)),
    ys: values.map((v) => (v1 === v0 ? height / 2 : height - ((v - v0) / (v1 - v0)) * height)),
  };
}

/** The polyline of the value over time in a width × height box; '' for fewer than two points. */
export function historyPolyline(points: readonly LinePoint[], width: number, height: number): string {
  if (points.length < 2) return '';
  const { xs, ys } = lineGeometry(points, width, height);
  return xs.map((x, i) => `${x.toFixed(2)},${(ys[i] ?? 0).toFixed(2)}`).join(' ');
}

/** The index of the point nearest to `x` (in the same box units as the geometry's xs). */
export function nearestIndex(xs: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i += 1) {
    if (Math.abs((xs[i] ?? 0) - x) < Math.abs((xs[best] ?? 0) - x)) best = i;
  }
  return best;
}

/** Arrow keys step one point, Page keys a tenth of the line, Home/End to the ends; null for other keys. */
export function steppedIndex(key: string, index: number, count: number): number | null {
  const page = Math.max(1, Math.round(count / 10));
  const moves: Record<string, number> = { ArrowLeft: index - 1, ArrowDown: index - 1, ArrowRight: index + 1, ArrowUp: index + 1, PageDown: index - page, PageUp: index + page, Home: 0, End: count - 1 };
  const next = moves[key];
  return next === undefined ? null : Math.max(0, Math.min(count - 1, next));
}
