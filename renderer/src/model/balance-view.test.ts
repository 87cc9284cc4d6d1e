import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../testing/sample-data.ts';
import { arrangeRows, DEFAULT_SORT, filterRows, groupRows, type RowFilter } from './balance-view.ts';

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
});

describe('filterRows', () => {
  it('shows only tradable or only read-only balances', () => {
    expect(filterRows(SAMPLE_ROWS, { ...ALL, kind: 'read-only' }).map((row) => row.asset)).toEqual(['USD.M', 'ETH2.S', 'USDT.F']);
    expect(filterRows(SAMPLE_ROWS, { ...ALL, kind: 'tradable' }).some((row) => row.readOnly)).toBe(false);
  });

  it('searches codes, display names and spoken names', () => {
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: 'btc' }).map((row) => row.asset)).toEqual(['XXBT']);
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: 'staked' }).map((row) => row.asset)).toEqual(['ETH2.S']);
    expect(filterRows(SAMPLE_ROWS, { ...ALL, search: ' xeth ' }).map((row) => row.asset)).toEqual(['XETH']);
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
      ['ETH', ['XETH', 'ETH2', 'ETH2.S']],
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

  it('keeps unpriced groups last when sorting by value ascending', () => {
    const groups = arrangeRows(SAMPLE_ROWS, ALL, { key: 'value', direction: 'asc' });
    expect(groups.map((group) => group.base)).toEqual(['DOT', 'USDT', 'EUR', 'USD', 'ETH', 'BTC', 'FOO']);
  });
});
