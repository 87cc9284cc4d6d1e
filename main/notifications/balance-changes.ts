import { changePercent, Decimal } from '../../shared/decimal.ts';
import { roundDecimal } from '../../shared/decimal-string.ts';

export interface BalanceChange {
  /** Raw Kraken code, e.g. XXBT. */
  readonly asset: string;
  readonly before: string;
  readonly after: string;
  /** Change in percent of the amount before, 2 decimals (halves to even, as the window rounds), signed; null when there was nothing before. */
  readonly percent: string | null;
  readonly direction: 'up' | 'down';
}

/**
 * Assets whose amount moved by more than `thresholdPercent` of what it was (a deposit arrived, a
 * withdrawal left, an order filled), at most one entry per asset. Amounts, not values: a price move is
 * not a balance change. With no earlier amounts there is nothing to compare, so nothing is reported.
 */
export function significantChanges(
  before: Readonly<Record<string, string>> | null,
  after: Readonly<Record<string, string>>,
  thresholdPercent: string,
): BalanceChange[] {
  if (before === null) return [];
  const threshold = new Decimal(thresholdPercent);
  const assets = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: BalanceChange[] = [];
  for (const asset of assets) {
    const was = new Decimal(before[asset] ?? '0');
    const now = new Decimal(after[asset] ?? '0');
    if (was.eq(now)) continue;
    const direction = now.gt(was) ? 'up' : 'down';
    if (was.eq('0')) {
      changes.push({ asset, before: before[asset] ?? '0', after: after[asset] ?? '0', percent: null, direction });
      continue;
    }
    const delta = now.minus(was);
    // |Δ| · 100 > threshold · |before|, by multiplication: exact however small the change.
    if (delta.abs().times('100').lte(threshold.times(was.abs()))) continue;
    const percent = roundDecimal(changePercent(now.toFixed(), was.toFixed()) ?? '0', 2);
    changes.push({ asset, before: before[asset] ?? '0', after: after[asset] ?? '0', percent, direction });
  }
  return changes;
}
