import type { BalanceRow } from '../../../ipc/contract.ts';
import { shortName } from '../../../shared/asset-names.ts';
import { searchText } from '../../../shared/asset-search.ts';
import { sumIfAllKnown, sumKnownDecimals } from '../../../shared/decimal.ts';
import { compareDecimals, compareKeys, decimalKey, sumKey, type DecimalKey } from '../../../shared/decimal-string.ts';

/** 'change': the 24 h price change. */
export type SortKey = 'name' | 'amount' | 'change' | 'value' | 'share';
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
  /** Only the balances without a price (the ones the total leaves out). */
  readonly unpricedOnly?: boolean;
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
  /** The asset's unit price in the quote and its 24 h change: the same for every row of one base asset. */
  readonly price: string | null;
  readonly change24hPct: string | null;
  /** Sums over the rows that report them (BalanceEx); null when none does. */
  readonly available: string | null;
  readonly held: string | null;
}

export const DEFAULT_SORT: SortOrder = { key: 'value', direction: 'desc' };

function matchesSearch(row: BalanceRow, needle: string): boolean {
  return needle === '' || searchText(row).includes(needle);
}

function isSmall(row: BalanceRow, threshold: string): boolean {
  // Unpriced rows stay: their worth is unknown, not small.
  return row.value !== null && compareDecimals(row.value, threshold) < 0;
}

/** The filter as one test per row, with its settings read once. */
function rowPredicate(filter: RowFilter): (row: BalanceRow) => boolean {
  const needle = filter.search.trim().toLowerCase();
  const hiding = compareDecimals(filter.hideBelow, '0') > 0;
  return (row) =>
    (filter.kind === 'all' || (filter.kind === 'read-only') === row.readOnly) &&
    (filter.unpricedOnly !== true || row.value === null) &&
    matchesSearch(row, needle) &&
    !(hiding && isSmall(row, filter.hideBelow));
}

function keepsEverything(filter: RowFilter): boolean {
  return filter.kind === 'all' && filter.unpricedOnly !== true && filter.search.trim() === '' && compareDecimals(filter.hideBelow, '0') <= 0;
}

export function filterRows(rows: readonly BalanceRow[], filter: RowFilter): BalanceRow[] {
  return rows.filter(rowPredicate(filter));
}

type SummedField = 'amount' | 'value' | 'share' | 'available' | 'held';

/** The columns a group is sorted by, and the allocation chart picks its largest groups by (share). */
export type KeyedField = 'amount' | 'value' | 'share';

/**
 * A group of several balances whose sums are added up the first time each is read, then kept. Only the
 * groups whose lines are on screen are read: sorting and the allocation chart, which look at every group,
 * compare keys (keyOf), where the rows' doubles order all but near-ties and only those are added up
 * exactly. With thousands of balances the first render adds up a screenful of groups, not all of them.
 */
class SummedGroup implements AssetGroup {
  readonly base: string;
  readonly rows: readonly BalanceRow[];
  readonly price: string | null;
  readonly change24hPct: string | null;
  /** Shared by the same group with its rows in another order (inOrder): the sums do not depend on it. */
  readonly #sums: Map<SummedField, string | null>;
  readonly #keys: Map<KeyedField, DecimalKey | null>;

  constructor(base: string, rows: readonly BalanceRow[], sums = new Map<SummedField, string | null>(), keys = new Map<KeyedField, DecimalKey | null>()) {
    const priced = rows.find((row) => row.price !== null);
    this.base = base;
    this.rows = rows;
    this.price = priced?.price ?? null;
    this.change24hPct = priced?.change24hPct ?? null;
    this.#sums = sums;
    this.#keys = keys;
  }

  inOrder(rows: readonly BalanceRow[]): SummedGroup {
    return new SummedGroup(this.base, rows, this.#sums, this.#keys);
  }

  key(field: KeyedField): DecimalKey | null {
    if (!this.#keys.has(field)) this.#keys.set(field, sumKey(this.rows.map((row) => row[field]), () => this[field] ?? '0'));
    return this.#keys.get(field) ?? null;
  }

  #sum(field: SummedField, add: (values: readonly (string | null)[]) => string | null): string | null {
    if (!this.#sums.has(field)) this.#sums.set(field, add(this.rows.map((row) => row[field])));
    return this.#sums.get(field) ?? null;
  }

  get amount(): string {
    return this.#sum('amount', sumIfAllKnown) ?? '0';
  }
  get value(): string | null {
    return this.#sum('value', sumIfAllKnown);
  }
  get share(): string | null {
    return this.#sum('share', sumIfAllKnown);
  }
  get available(): string | null {
    return this.#sum('available', sumKnownDecimals);
  }
  get held(): string | null {
    return this.#sum('held', sumKnownDecimals);
  }
}

/** The group with its rows in `rows`' order, keeping any sums already added up. */
function inRowOrder(group: AssetGroup, rows: readonly BalanceRow[]): AssetGroup {
  return group instanceof SummedGroup ? group.inOrder(rows) : { ...group, rows };
}

/** Groups rows by base asset, in first-seen order. A group of one keeps its row's strings as they are. */
export function groupRows(rows: readonly BalanceRow[]): AssetGroup[] {
  const byBase = new Map<string, BalanceRow[]>();
  for (const row of rows) {
    const list = byBase.get(row.base);
    if (list) list.push(row);
    else byBase.set(row.base, [row]);
  }
  return [...byBase].map(([base, members]) => {
    const only = members.length === 1 ? members[0] : undefined;
    if (only === undefined) return new SummedGroup(base, members);
    const { amount, value, share, price, change24hPct, available, held } = only;
    return { base, rows: members, amount, value, share, price, change24hPct, available, held };
  });
}

/** An item with the column being sorted on prepared once, not once per comparison. */
interface SortKeyed<T> {
  readonly item: T;
  readonly name: string;
  readonly readOnly: boolean;
  readonly key: DecimalKey | null;
}

/** A group's or a balance's amount, value or share as a key to compare; null when unknown (unpriced). */
export function keyOf(item: Pick<AssetGroup, KeyedField>, field: KeyedField): DecimalKey | null {
  if (item instanceof SummedGroup) return item.key(field);
  const value = item[field];
  return value === null ? null : decimalKey(value);
}

function sortKeyed<T extends Pick<AssetGroup, KeyedField | 'change24hPct'>>(item: T, name: string, readOnly: boolean, order: SortOrder): SortKeyed<T> {
  if (order.key === 'name') return { item, name, readOnly, key: null };
  const change = item.change24hPct;
  const key = order.key === 'change' ? (change === null ? null : decimalKey(change)) : keyOf(item, order.key);
  return { item, name, readOnly, key };
}

function compareBy(order: SortOrder): (a: SortKeyed<unknown>, b: SortKeyed<unknown>) => number {
  const sign = order.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    let primary: number;
    if (order.key === 'name') primary = sign * compareNames(a.name, b.name);
    // Nulls (unpriced) sort last in both directions: an unknown value is neither large nor small.
    else if (a.key === null || b.key === null) primary = a.key === b.key ? 0 : a.key === null ? 1 : -1;
    else primary = sign * compareKeys(a.key, b.key);
    return primary !== 0 ? primary : compareNames(a.name, b.name);
  };
}

// Asset codes are ASCII; a plain comparison sorts them as users expect and costs far less than localeCompare.
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The rows to show, filtered, grouped under their base asset and sorted by `order`: groups by their sums,
 * and rows within a group by the same column, with the plain (tradable) balances above the read-only ones.
 */
export function arrangeRows(rows: readonly BalanceRow[], filter: RowFilter, order: SortOrder): AssetGroup[] {
  return arrangeGroups(groupRows(rows), filter, order);
}

/** Filters within groups; a group that keeps all its rows keeps its sums, so nothing is added up twice. */
function filterGroups(groups: readonly AssetGroup[], filter: RowFilter): readonly AssetGroup[] {
  if (keepsEverything(filter)) return groups;
  const keep = rowPredicate(filter);
  const kept: AssetGroup[] = [];
  for (const group of groups) {
    const rows = group.rows.filter(keep);
    if (rows.length === group.rows.length) kept.push(group);
    else if (rows.length > 0) kept.push(...groupRows(rows));
  }
  return kept;
}

/** arrangeRows for rows already grouped with groupRows (the view groups once for the chart and the table). */
export function arrangeGroups(groups: readonly AssetGroup[], filter: RowFilter, order: SortOrder): AssetGroup[] {
  const compare = compareBy(order);
  const compareRows = (a: SortKeyed<BalanceRow>, b: SortKeyed<BalanceRow>): number => Number(a.readOnly) - Number(b.readOnly) || compare(a, b);
  const sortRows = (members: readonly BalanceRow[]) =>
    members.length === 1
      ? members
      : members
          .map((row) => sortKeyed(row, shortName(row), row.readOnly, order))
          .sort(compareRows)
          .map(({ item }) => item);
  return filterGroups(groups, filter)
    .map((group) => sortKeyed(group, group.base, false, order))
    .sort(compare)
    .map(({ item: group }) => (group.rows.length === 1 ? group : inRowOrder(group, sortRows(group.rows))));
}
