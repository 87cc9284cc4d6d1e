import type { BalanceRow } from '../../../ipc/contract.ts';
import { rowName, spokenName } from './asset-names.ts';
import { compareDecimals, Dec, type DecValue } from './decimal.ts';

export type SortKey = 'name' | 'amount' | 'value' | 'share';
export type SortDirection = 'asc' | 'desc';
export interface SortOrder {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

export type KindFilter = 'all' | 'tradable' | 'read-only';

export interface RowFilter {
  readonly search: string;
  readonly kind: KindFilter;
  /** Hide priced rows worth less than this (a decimal in the quote currency); "0" hides nothing. */
  readonly hideBelow: string;
}

/** All balances of one base asset: ETH with ETH2 and ETH2.S, USD with USD.M. */
export interface AssetGroup {
  readonly base: string;
  readonly rows: readonly BalanceRow[];
  /** Sum of the rows' amounts, all in units of the base asset. */
  readonly amount: string;
  /** Sum of the rows' values; null when any row is unpriced, so a partial sum never poses as the whole. */
  readonly value: string | null;
  readonly share: string | null;
}

export const DEFAULT_SORT: SortOrder = { key: 'value', direction: 'desc' };

function matchesSearch(row: BalanceRow, needle: string): boolean {
  if (needle === '') return true;
  const haystack = `${row.asset} ${row.base} ${rowName(row)} ${spokenName(row)}`.toLowerCase();
  return haystack.includes(needle);
}

function isSmall(row: BalanceRow, threshold: string): boolean {
  // Unpriced rows stay: their worth is unknown, not small.
  return row.value !== null && compareDecimals(row.value, threshold) < 0;
}

export function filterRows(rows: readonly BalanceRow[], filter: RowFilter): BalanceRow[] {
  const needle = filter.search.trim().toLowerCase();
  const hiding = compareDecimals(filter.hideBelow, '0') > 0;
  return rows.filter(
    (row) =>
      (filter.kind === 'all' || (filter.kind === 'read-only') === row.readOnly) &&
      matchesSearch(row, needle) &&
      !(hiding && isSmall(row, filter.hideBelow)),
  );
}

function sumOrNull(values: readonly (string | null)[]): string | null {
  let total = new Dec('0');
  for (const value of values) {
    if (value === null) return null;
    total = total.plus(value);
  }
  return total.toFixed();
}

/** Groups rows by base asset, in first-seen order; the tradable row of each group comes first. */
export function groupRows(rows: readonly BalanceRow[]): AssetGroup[] {
  const byBase = new Map<string, BalanceRow[]>();
  for (const row of rows) {
    const list = byBase.get(row.base);
    if (list) list.push(row);
    else byBase.set(row.base, [row]);
  }
  return [...byBase].map(([base, members]) => ({
    base,
    rows: members,
    amount: sumOrNull(members.map((row) => row.amount)) ?? '0',
    value: sumOrNull(members.map((row) => row.value)),
    share: sumOrNull(members.map((row) => row.share)),
  }));
}

/** A row or group with its sort keys parsed once, so sorting thousands of rows parses no decimal twice. */
interface Keyed<T> {
  readonly item: T;
  readonly name: string;
  readonly readOnly: boolean;
  readonly amount: DecValue;
  readonly value: DecValue | null;
  readonly share: DecValue | null;
}

function keyed<T>(item: T, name: string, readOnly: boolean, amount: string, value: string | null, share: string | null): Keyed<T> {
  return {
    item,
    name,
    readOnly,
    amount: new Dec(amount),
    value: value === null ? null : new Dec(value),
    share: share === null ? null : new Dec(share),
  };
}

/** Nulls (unpriced) sort last in both directions: an unknown value is neither large nor small. */
function compareNullable(a: DecValue | null, b: DecValue | null, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * a.cmp(b);
}

function compareBy(order: SortOrder): (a: Keyed<unknown>, b: Keyed<unknown>) => number {
  const sign = order.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const primary =
      order.key === 'name'
        ? sign * a.name.localeCompare(b.name)
        : order.key === 'amount'
          ? sign * a.amount.cmp(b.amount)
          : compareNullable(a[order.key], b[order.key], sign);
    return primary !== 0 ? primary : a.name.localeCompare(b.name);
  };
}

/**
 * The rows to show, filtered, grouped under their base asset and sorted by `order`: groups by their sums,
 * and rows within a group by the same column, with the plain (tradable) balances above the read-only ones.
 */
export function arrangeRows(rows: readonly BalanceRow[], filter: RowFilter, order: SortOrder): AssetGroup[] {
  const compare = compareBy(order);
  const compareRows = (a: Keyed<BalanceRow>, b: Keyed<BalanceRow>): number => Number(a.readOnly) - Number(b.readOnly) || compare(a, b);
  return groupRows(filterRows(rows, filter))
    .map((group) => keyed(group, group.base, false, group.amount, group.value, group.share))
    .sort(compare)
    .map(({ item: group }) => ({
      ...group,
      rows:
        group.rows.length === 1
          ? group.rows
          : group.rows
              .map((row) => keyed(row, rowName(row), row.readOnly, row.amount, row.value, row.share))
              .sort(compareRows)
              .map(({ item }) => item),
    }));
}
