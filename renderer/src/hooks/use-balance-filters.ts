import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { DEFAULT_SORT, type RowFilter, type KindFilter, type SortKey, type SortOrder } from '../model/balance-view.ts';

/** Numeric columns start largest first, names A to Z; a second click reverses. */
function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'name' ? 'asc' : 'desc' };
}

export interface BalanceFilters {
  readonly sort: SortOrder;
  readonly sortBy: (key: SortKey) => void;
  /** The search as typed (the field shows it at once; `filter` follows it when React has time). */
  readonly search: string;
  readonly setSearch: (text: string) => void;
  readonly kind: KindFilter;
  readonly setKind: (kind: KindFilter) => void;
  readonly unpricedOnly: boolean;
  /** Only the balances without a price, with the other filters cleared so none hides one. */
  readonly showUnpriced: () => void;
  readonly showAll: () => void;
  /** "Hide balances under" as it is being typed, or null to follow the saved setting. */
  readonly setTypedHideBelow: (threshold: string | null) => void;
  /** What the table applies: the deferred search, the kind, the threshold (typed or saved), unpriced only. */
  readonly filter: RowFilter;
}

/** The table's sort and filters, which hold for the session; only "Hide balances under" is a setting. */
export function useBalanceFilters(savedHideBelow: string): BalanceFilters {
  const [sort, setSort] = useState<SortOrder>(DEFAULT_SORT);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [unpricedOnly, setUnpricedOnly] = useState(false);
  // "Hide balances under" as it is being typed: the table follows each keystroke; the setting is saved
  // when the typing pauses or the field is left.
  const [typedHideBelow, setTypedHideBelow] = useState<string | null>(null);
  const hideBelow = typedHideBelow ?? savedHideBelow;
  const deferredSearch = useDeferredValue(search);
  const showUnpriced = useCallback(() => {
    setUnpricedOnly(true);
    setKind('all');
    setSearch('');
  }, []);
  const sortBy = useCallback((key: SortKey) => setSort((current) => nextSort(current, key)), []);
  const showAll = useCallback(() => setUnpricedOnly(false), []);
  const filter = useMemo(() => ({ search: deferredSearch, kind, hideBelow, unpricedOnly }), [deferredSearch, kind, hideBelow, unpricedOnly]);
  // One object while nothing in it changes, so the balances section (memoised) skips renders of the view
  // around it, e.g. when a history series arrives.
  return useMemo(
    () => ({ sort, sortBy, search, setSearch, kind, setKind, unpricedOnly, showUnpriced, showAll, setTypedHideBelow, filter }),
    [sort, sortBy, search, kind, unpricedOnly, showUnpriced, showAll, filter],
  );
}
