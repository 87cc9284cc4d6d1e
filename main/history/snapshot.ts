/**
 * One account's balances at one moment, as history keeps them: the total value in the quote currency of
 * the time, and every asset's amount exactly as Kraken sent it. Consecutive snapshots with unchanged
 * amounts share one `amounts` object, and the file stores amounts only where they changed.
 */
export interface Snapshot {
  /** Epoch ms. */
  readonly at: number;
  readonly quote: string;
  readonly total: string;
  readonly amounts: Readonly<Record<string, string>>;
}

/** Snapshots per account id, each list oldest first. */
export type HistoryData = Map<string, Snapshot[]>;

export function sameAmounts(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}
