import type { HistoryPoint } from '../../ipc/contract.ts';
import { Decimal } from '../../shared/decimal.ts';
import type { HistoryData, Snapshot } from './snapshot.ts';

/** A chart cannot show more than this; longer series keep the last point of evenly spaced time buckets. */
export const MAX_SERIES_POINTS = 5000;

/**
 * Total value over time in `quote`, for one account, some accounts combined, or (undefined) all combined. Points recorded in another quote
 * currency are left out: a total in EUR cannot be drawn on a USD axis. The combined series starts once
 * every account has a point (so adding an account is not drawn as a jump in value) and carries each
 * account's last total forward between its refreshes.
 */
export function totalSeries(data: HistoryData, quote: string, accounts?: string | readonly string[]): HistoryPoint[] {
  const ids = accounts === undefined ? [...data.keys()] : typeof accounts === 'string' ? [accounts] : accounts;
  const lists = ids.map((id) => (data.get(id) ?? []).filter((s) => s.quote === quote));
  if (lists.length === 0 || lists.some((list) => list.length === 0)) return [];
  const points = lists.length === 1 ? (lists[0] ?? []).map((s) => ({ at: s.at, total: s.total })) : combine(lists);
  return downsample(points, MAX_SERIES_POINTS).map((p) => ({ at: new Date(p.at).toISOString(), total: p.total }));
}

interface RawPoint {
  readonly at: number;
  readonly total: string;
}

function combine(lists: Snapshot[][]): RawPoint[] {
  const events = lists.flatMap((list, index) => list.map((s) => ({ index, at: s.at, total: s.total }))).sort((a, b) => a.at - b.at);
  const latest: (string | undefined)[] = lists.map(() => undefined);
  const out: RawPoint[] = [];
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i];
    if (event === undefined) continue;
    latest[event.index] = event.total;
    // Refreshes at the same instant make one point.
    if (events[i + 1]?.at === event.at) continue;
    if (latest.some((t) => t === undefined)) continue;
    const total = latest.reduce((sum, t) => sum.plus(t ?? '0'), new Decimal('0'));
    out.push({ at: event.at, total: total.toFixed() });
  }
  return out;
}

function downsample(points: RawPoint[], max: number): RawPoint[] {
  const first = points[0];
  const last = points.at(-1);
  if (points.length <= max || first === undefined || last === undefined) return points;
  const span = last.at - first.at + 1;
  const buckets = max - 1;
  // The very first point stays, so the chart starts where the history starts.
  const kept: RawPoint[] = [first];
  let lastBucket = -1;
  for (const point of points.slice(1)) {
    const bucket = Math.floor(((point.at - first.at) * buckets) / span);
    if (bucket === lastBucket) kept[kept.length - 1] = point;
    else kept.push(point);
    lastBucket = bucket;
  }
  return kept;
}
