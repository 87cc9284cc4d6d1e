import type { HistoryData, Snapshot } from './snapshot.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Every refresh is kept for a week, then one per hour for three months, then one per day for five years. */
export const FULL_DETAIL_MS = 7 * DAY;
export const HOURLY_UNTIL_MS = 90 * DAY;
export const DAILY_UNTIL_MS = 5 * 365 * DAY;

/** The most recent day always keeps every refresh, even when the size bound thins older detail. */
const ALWAYS_FULL_MS = DAY;

export interface RetentionOptions {
  /** Thins the full-detail week (beyond its last day) to one point per this many ms; 0 keeps all. */
  readonly detailBucketMs?: number;
  /** Drops everything older than this. Default DAILY_UNTIL_MS. */
  readonly maxAgeMs?: number;
}

/** One account's snapshots (oldest first) after retention: the last snapshot of each bucket survives. */
export function applyRetention(snapshots: readonly Snapshot[], now: number, options: RetentionOptions = {}): Snapshot[] {
  const detailBucket = options.detailBucketMs ?? 0;
  const maxAge = options.maxAgeMs ?? DAILY_UNTIL_MS;
  const bucketOf = (age: number): number => {
    if (age <= ALWAYS_FULL_MS) return 0;
    if (age <= FULL_DETAIL_MS) return detailBucket;
    return age <= HOURLY_UNTIL_MS ? HOUR : DAY;
  };
  const kept: Snapshot[] = [];
  let lastKey: string | null = null;
  for (const snapshot of snapshots) {
    const age = now - snapshot.at;
    if (age > maxAge) continue;
    const size = bucketOf(age);
    // Buckets are aligned to UTC (hours and days), so retention gives the same answer on every run.
    const key = size === 0 ? null : `${size}:${Math.floor(snapshot.at / size)}`;
    if (key !== null && key === lastKey) kept[kept.length - 1] = snapshot;
    else kept.push(snapshot);
    lastKey = key;
  }
  return kept;
}

export function retainAll(data: HistoryData, now: number, options: RetentionOptions = {}): HistoryData {
  return new Map([...data].map(([id, snapshots]) => [id, applyRetention(snapshots, now, options)]));
}

/**
 * Retention, then as much thinning as it takes to fit `maxBytes` when encoded: older detail first
 * (1, 5, 15, 60 min buckets), then the oldest history, never the last day.
 */
export function compactToFit(data: HistoryData, now: number, maxBytes: number, sizeOf: (data: HistoryData) => number): HistoryData {
  const steps: RetentionOptions[] = [
    {},
    { detailBucketMs: 60_000 },
    { detailBucketMs: 5 * 60_000 },
    { detailBucketMs: 15 * 60_000 },
    { detailBucketMs: HOUR },
    ...[2 * 365, 365, 180, 90, 30, 7, 1].map((days) => ({ detailBucketMs: HOUR, maxAgeMs: days * DAY })),
  ];
  let result = data;
  for (const step of steps) {
    result = retainAll(data, now, step);
    if (sizeOf(result) <= maxBytes) return result;
  }
  // Only reachable with extreme input (dozens of accounts at the shortest interval, or hundreds of assets
  // whose amounts change on every refresh): keep fewer and fewer of the newest points until they fit.
  const longest = Math.max(...[...result.values()].map((list) => list.length));
  for (let keep = Math.floor(longest / 2); keep >= 1; keep = Math.floor(keep / 2)) {
    const newest = new Map([...result].map(([id, snapshots]) => [id, snapshots.slice(-keep)]));
    if (sizeOf(newest) <= maxBytes || keep === 1) return newest;
  }
  return result;
}
