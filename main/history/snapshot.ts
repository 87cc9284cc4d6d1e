/**
 * One account's balances at one moment, as history keeps them: the total value in the quote currency of
 * the time, every asset's amount exactly as Kraken sent it, and the unit price each priced asset was
 * valued at. Consecutive snapshots with unchanged amounts share one `amounts` object, and the file stores
 * amounts only where they changed. Prices let history be read per asset (amount × price) and revalued in
 * another quote currency (see series.ts); snapshots written before prices were kept have none.
 */
export interface Snapshot {
  /** Epoch ms. */
  readonly at: number;
  readonly quote: string;
  readonly total: string;
  readonly amounts: Readonly<Record<string, string>>;
  /** Kraken code → unit price in `quote`, for the priced assets; absent in history from before prices were kept. */
  readonly prices?: Readonly<Record<string, string>>;
}

/** Snapshots per account id, each list oldest first. */
export type HistoryData = Map<string, Snapshot[]>;

export function sameAmounts(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}
