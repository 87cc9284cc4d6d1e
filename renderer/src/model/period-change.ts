import type { HistoryPoint } from '../../../ipc/contract.ts';
import { changePercent, Decimal } from '../../../shared/decimal.ts';

// The total's change over 24 h, 7 d, 30 d and 1 y. 24 h comes from prices (the balances held now, valued
// now and at prices a day ago: market movement only) wherever Kraken's ticker gave a price a day ago; the
// rest, and 24 h without those prices, come from the totals this app recorded (history), so deposits and
// withdrawals count too. A period the history does not reach back to is unknown, never 0.

export type PeriodLabel = '24 h' | '7 d' | '30 d' | '1 y';

export interface PeriodChange {
  readonly label: PeriodLabel;
  /** Null when nothing reaches back that far. */
  readonly delta: string | null;
  /** Percent; null when unknown or the earlier total was 0. */
  readonly percent: string | null;
  /** 'prices': market movement of today's balances; 'history': recorded total then vs now. */
  readonly source: 'prices' | 'history';
  /** When the recorded total compared with was taken (ISO); null for 'prices' and unknown periods. */
  readonly since: string | null;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const PERIODS: readonly { readonly label: PeriodLabel; readonly ms: number }[] = [
  { label: '24 h', ms: DAY_MS },
  { label: '7 d', ms: 7 * DAY_MS },
  { label: '30 d', ms: 30 * DAY_MS },
  { label: '1 y', ms: 365 * DAY_MS },
];

/**
 * History is kept per refresh for a week, hourly to 90 days and daily after that (main/history/retention.ts),
 * so the point nearest a period's start can lie a little after it; up to this share of the period counts.
 */
const SLACK = 0.05;

/** The recorded point closest to `target`, within `slackMs` of it; points are in time order (binary search). */
function pointNear(points: readonly HistoryPoint[], target: number, slackMs: number): HistoryPoint | null {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const point = points[middle];
    if (point !== undefined && Date.parse(point.at) < target) low = middle + 1;
    else high = middle;
  }
  let best: HistoryPoint | null = null;
  let bestDistance = Infinity;
  for (const point of [points[low - 1], points[low]]) {
    if (point === undefined) continue;
    const distance = Math.abs(Date.parse(point.at) - target);
    if (distance <= slackMs && distance < bestDistance) {
      best = point;
      bestDistance = distance;
    }
  }
  return best;
}

/** The exact difference and its percentage (null against 0). */
function difference(current: string, before: string): Pick<PeriodChange, 'delta' | 'percent'> {
  return { delta: new Decimal(current).minus(before).toFixed(), percent: changePercent(current, before) };
}

function fromHistory(label: PeriodLabel, ms: number, total: string, points: readonly HistoryPoint[], now: number): PeriodChange {
  const then = pointNear(points, now - ms, ms * SLACK);
  if (then === null) return { label, delta: null, percent: null, source: 'history', since: null };
  return { label, ...difference(total, then.total), source: 'history', since: then.at };
}

export interface PeriodInput {
  readonly total: string;
  /** The priced balances with a price a day ago, valued now and then (main's valuation); null when none. */
  readonly change24h: { readonly now: string; readonly before: string } | null;
}

export function periodChanges(scope: PeriodInput, points: readonly HistoryPoint[], now: number): PeriodChange[] {
  return PERIODS.map(({ label, ms }) => {
    if (label === '24 h' && scope.change24h !== null) {
      return { label, ...difference(scope.change24h.now, scope.change24h.before), source: 'prices', since: null };
    }
    return fromHistory(label, ms, scope.total, points, now);
  });
}
