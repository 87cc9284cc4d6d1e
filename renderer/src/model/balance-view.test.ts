import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { BalanceRow } from '../../../ipc/contract.ts';
import { balanceRow, SAMPLE_ROWS } from '../../../shared/testing/sample-data.ts';
import { shortName } from '../../../shared/asset-names.ts';
import { arrangeGroups, arrangeRows, DEFAULT_SORT, filterRows, groupRows, type RowFilter, type SortOrder } from './balance-view.ts';
import { Decimal } from '../../../shared/decimal.ts';
import { tableEntries, widestFraction } from './row-view.ts';

// Counts the exact sums the view asks for (each one still the real sumDecimals, sumKnownDecimals or sumIfAllKnown).
const sums = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../shared/decimal.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/decimal.ts')>();
  return {
    ...actual,
    sumDecimals: (values: readonly string[]) => ((sums.count += 1), actual.sumDecimals(values)),
    sumKnownDecimals: (values: readonly (string | null)[]) => ((sums.count += 1), actual.sumKnownDecimals(values)),
    sumIfAllKnown: (values: readonly (string | null)[]) => ((sums.count += 1), actual.sumIfAllKnown(values)),
  };
});

const ALL: RowFilter = { search: '', kind: 'all', hideBelow: '0' };
const assets = (groups: ReturnType<typeof arrangeRows>) => groups.map((group) => [group.base, group.rows.map((row) => row.asset)]);

describe('groupRows', () => {
  it('puts extension balances under their base asset with exact sums', () => {
    const eth = groupRows(SAMPLE_ROWS).find((group) => group.base === 'ETH');
    expect(eth?.rows.map((row) => row.asset)).toEqual(['XETH', 'ETH2.S', 'ETH2']);
    expect(eth?.amount).toBe('1019.535637433');
    expect(eth?.value).toBe('3609706.1434');
    expect(eth?.share).toBe('0.0356');
  });

  it('leaves a group unpriced when any member is', () => {
    expect(groupRows(SAMPLE_ROWS).find((group) => group.base === 'FOO')?.value).toBeNull();
  });

  it('adds up a sum only when it is read, and once, whatever order the rows are then put in', () => {
    const rows = Array.from({ length: 40 }, (_, index) => [
      { ...balanceRow(`A${index}`, `A${index}`, '1.5', `${index}.25`, '0.01'), available: '1', held: '0.5' },
      { ...balanceRow(`A${index}.S`, `A${index}`, '2', '4', '0.02'), available: '2', held: '0' },
    ]).flat();
    sums.count = 0;
    const groups = arrangeRows(rows, ALL, DEFAULT_SORT);
    // Sorting by value adds nothing up (the values' doubles are far apart); the fraction width reads no group amount.
    expect(widestFraction(tableEntries(groups))).toBe(1);
    expect(sums.count).toBe(0);
    expect(groups.map((group) => group.base).slice(0, 2)).toEqual(['A39', 'A38']);
    expect([groups[0]?.amount, groups[0]?.available, groups[0]?.held, groups[0]?.value]).toEqual(['3.5', '3', '0.5', '43.25']);
    expect([groups[0]?.amount, groups[0]?.available, groups[0]?.held, groups[0]?.value]).toEqual(['3.5', '3', '0.5', '43.25']);
    expect(sums.count).toBe(4);
    // Sorting again by value, the other way, still adds nothing up.
    arrangeGroups(groups, ALL, { key: 'value', direction: 'asc' });
    expect(sums.count).toBe(4);
  });

  it('adds up the values of groups whose doubles cannot order them, and only those', () => {
    // 0.1 + 0.2 ties 0.3 exactly, though the doubles' sum is 0.30000000000000004; 1 + 2 against 3 and a hair.
    const rows = [
      balanceRow('P', 'P', '1', '0.1', '0.1'), balanceRow('P.S', 'P', '1', '0.2', '0.2'),
      balanceRow('Q', 'Q', '1', '0.3', '0.3'), balanceRow('Q.S', 'Q', '1', '0', '0'),
      balanceRow('R', 'R', '1', '1', '0.1'), balanceRow('R.S', 'R', '1', '2', '0.1'),
      balanceRow('S', 'S', '1', '3', '0.1'), balanceRow('S.S', 'S', '1', `0.${'0'.repeat(19)}1`, '0.1'),
      balanceRow('T', 'T', '1', '100', '0.1'), balanceRow('T.S', 'T', '1', '1', '0.1'),
    ];
    sums.count = 0;
    const groups = arrangeRows(rows, ALL, DEFAULT_SORT);
    // P ties Q (then by name), S is a hair above R; T's value is far from all of them, so it is never added up.
    expect(groups.map((group) => group.base)).toEqual(['T', 'S', 'R', 'P', 'Q']);
    expect(sums.count).toBe(4);
  });
});

describe('filterRows', () => {
  it('shows only tradable or only read-only balances', () => {
    expect(filterRows(SAMPLE_ROWS, { ...ALL, kind: 'read-only' }).map((row) => row.asset)).toEqual(['USD.M', 'ETH2.S', 'ETH2', 'USDT.F']);
    expect(filterRows(SAMPLE_ROWS, { ...ALL, kind: 'tradable' }).some((row) => row.readOnly)).toBe(false);
  });

  it('searches codes, display names and spoken names', () => {
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: 'btc' }).map((row) => row.asset)).toEqual(['XXBT']);
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: 'staked' }).map((row) => row.asset)).toEqual(['ETH2.S', 'ETH2']);
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: ' xeth ' }).map((row) => row.asset)).toEqual(['XETH']);
  });

  it('finds assets by their names and Kraken’s other codes', () => {
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: 'Bitcoin' }).map((row) => row.asset)).toEqual(['XXBT']);
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: 'xbt' }).map((row) => row.asset)).toEqual(['XXBT']);
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: 'polkadot' }).map((row) => row.asset)).toEqual(['DOT']);
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: 'tether' }).map((row) => row.asset)).toEqual(['USDT', 'USDT.F']);
  });

  it('shows only the unpriced balances on request', () => {
    expect(filterRows(SAMPLE_ROWS, { ...ALL, unpricedOnly: true }).map((row) => row.asset)).toEqual(['FOO']);
    expect(assets(arrangeRows(SAMPLE_ROWS, { ...ALL, unpricedOnly: true }, DEFAULT_SORT))).toEqual([['FOO', ['FOO']]]);
  });

  it('hides priced balances under the threshold but keeps unpriced ones', () => {
    expect(filterRows(SAMPLE_ROWS, { ...ALL, hideBelow: '100' }).map((row) => row.asset)).toEqual([
      'XXBT', 'XETH', 'USD.M', 'ETH2.S', 'ZEUR', 'USDT', 'ZUSD', 'ETH2', 'FOO',
    ]);
  });
});

describe('arrangeRows', () => {
  it('sorts groups by value, largest first, unpriced last, tradable rows first within a group', () => {
    expect(assets(arrangeRows(SAMPLE_ROWS, ALL, DEFAULT_SORT))).toEqual([
      ['BTC', ['XXBT']],
      ['ETH', ['XETH', 'ETH2.S', 'ETH2']],
      ['USD', ['ZUSD', 'USD.M']],
      ['EUR', ['ZEUR']],
      ['USDT', ['USDT', 'USDT.F']],
      ['DOT', ['DOT']],
      ['FOO', ['FOO']],
    ]);
  });

  it('sorts by name and by amount in either direction', () => {
    expect(arrangeRows(SAMPLE_ROWS, ALL, { key: 'name', direction: 'asc' }).map((group) => group.base)).toEqual(['BTC', 'DOT', 'ETH', 'EUR', 'FOO', 'USD', 'USDT']);
    expect(arrangeRows(SAMPLE_ROWS, ALL, { key: 'amount', direction: 'asc' }).map((group) => group.base)).toEqual(['DOT', 'FOO', 'BTC', 'ETH', 'USDT', 'EUR', 'USD']);
  });

  it('sorts by 24 h change, unknown changes last, and gives a group its price, change and held sums', () => {
    const changes: Record<string, string | null> = { XXBT: '2.5', XETH: '-1.2', 'ETH2.S': '-1.2', ETH2: '-1.2', ZUSD: '0', 'USD.M': '0', ZEUR: '0.1' };
    const rows = SAMPLE_ROWS.map((row) => ({ ...row, change24hPct: changes[row.asset] ?? null, held: row.asset === 'XETH' ? '1.5' : row.base === 'ETH' ? '0' : null }));
    const groups = arrangeRows(rows, ALL, { key: 'change', direction: 'desc' });
    expect(groups.map((group) => group.base)).toEqual(['BTC', 'EUR', 'USD', 'ETH', 'DOT', 'FOO', 'USDT']);
    expect(groups.find((group) => group.base === 'ETH')).toMatchObject({ price: '1', change24hPct: '-1.2', held: '1.5' });
    expect(groups.find((group) => group.base === 'USD')?.held).toBeNull();
  });

  it('keeps unpriced groups last when sorting by value ascending', () => {
    const groups = arrangeRows(SAMPLE_ROWS, ALL, { key: 'value', direction: 'asc' });
    expect(groups.map((group) => group.base)).toEqual(['DOT', 'USDT', 'EUR', 'USD', 'ETH', 'BTC', 'FOO']);
  });
});

describe('arrangeRows against exact sums', () => {
  // Values near a few shared heads, so that group sums often differ only past a double's precision or tie.
  const amount = fc.oneof(
    fc.stringMatching(/^(0|[1-9]\d{0,6})(\.\d{1,10})?$/),
    fc.tuple(fc.constantFrom('0.1', '1234.5', '7.25'), fc.stringMatching(/^\d{0,3}$/)).map(([head, tail]) => `${head}${'0'.repeat(17)}${tail}`),
    // 0.1 + 0.2 against 0.3 (doubles disagree with the exact tie), 1 + 2 against 3 and a hair (doubles cannot tell).
    fc.constantFrom('0.1', '0.2', '0.3'),
    fc.tuple(fc.constantFrom('1', '2', '3'), fc.constantFrom('', `.${'0'.repeat(18)}1`, `.${'0'.repeat(18)}2`)).map(([head, tail]) => head + tail),
  );
  const row = fc.record({ base: fc.constantFrom('AAA', 'BBB', 'CCC', 'DDD', 'EEE'), extension: fc.constantFrom(null, 'S', 'M'), amount, value: fc.option(amount, { nil: null, freq: 8 }) });
  const rowsOf = (drafts: readonly { base: string; extension: BalanceRow['extension']; amount: string; value: string | null }[]) => {
    const seen = new Set<string>();
    return drafts.flatMap((draft) => {
      const asset = draft.extension === null ? draft.base : `${draft.base}.${draft.extension}`;
      if (seen.has(asset)) return [];
      seen.add(asset);
      return [balanceRow(asset, draft.base, draft.amount, draft.value, draft.value)];
    });
  };
  const exactSum = (values: readonly (string | null)[]) => (values.includes(null) ? null : values.reduce((total, value) => total.plus(value ?? '0'), new Decimal('0')).toFixed());
  /** The same order computed the slow way: every sum added up with big.js, every comparison exact. */
  const reference = (rows: readonly BalanceRow[], order: SortOrder) => {
    const sign = order.direction === 'asc' ? 1 : -1;
    const bases = [...new Set(rows.map((entry) => entry.base))];
    // Sorting by 24 h change has its own test below.
    const column = (entry: { amount: string; value: string | null; share: string | null }) => (order.key === 'name' || order.key === 'change' ? null : entry[order.key]);
    const compare = (a: { name: string; key: string | null }, b: { name: string; key: string | null }) => {
      const byName = a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      if (order.key === 'name') return sign * byName;
      // Unpriced last in both directions.
      if (a.key === null || b.key === null) return (a.key === b.key ? 0 : a.key === null ? 1 : -1) || byName;
      return sign * new Decimal(a.key).cmp(b.key) || byName;
    };
    return bases
      .map((base) => {
        const members = rows.filter((entry) => entry.base === base);
        const only = members.length === 1 ? members[0] : undefined;
        // A group of one keeps its row's strings as they are.
        const sums = only
          ? { amount: only.amount, value: only.value, share: only.share }
          : { amount: exactSum(members.map((entry) => entry.amount)) ?? '0', value: exactSum(members.map((entry) => entry.value)), share: exactSum(members.map((entry) => entry.share)) };
        const sorted = [...members].sort((a, b) => Number(a.readOnly) - Number(b.readOnly) || compare({ name: shortName(a), key: column(a) }, { name: shortName(b), key: column(b) }));
        return { base, key: column(sums), sums, rows: sorted.map((entry) => entry.asset) };
      })
      .sort((a, b) => compare({ name: a.base, key: a.key }, { name: b.base, key: b.key }))
      .map(({ base, sums, rows: assets }) => ({ base, ...sums, rows: assets }));
  };
  const orders = fc.constantFrom<SortOrder>(DEFAULT_SORT, { key: 'value', direction: 'asc' }, { key: 'amount', direction: 'desc' }, { key: 'share', direction: 'asc' }, { key: 'name', direction: 'asc' });

  it('orders groups and rows and adds up their sums exactly as big.js would', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 14 }), orders, (drafts, order) => {
        const rows = rowsOf(drafts);
        const arranged = arrangeRows(rows, ALL, order).map((group) => ({ base: group.base, amount: group.amount, value: group.value, share: group.share, rows: group.rows.map((entry) => entry.asset) }));
        expect(arranged).toEqual(reference(rows, order));
      }),
      { numRuns: 1500 },
    );
  });
});

