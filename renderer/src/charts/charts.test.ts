import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupRows, type AssetGroup } from '../model/balance-view.ts';
import { Decimal } from '../../../shared/decimal.ts';
import { balanceRow, SAMPLE_ROWS } from '../../../shared/testing/sample-data.ts';
import { allocationSlices, donutArcs } from './allocation.ts';
import { historyPolyline, nearestIndex, steppedIndex, summarizeHistory } from './history-line.ts';

describe('allocationSlices', () => {
  it('keeps the largest assets and folds the rest into Other, exactly', () => {
    const slices = allocationSlices(groupRows(SAMPLE_ROWS), 4);
    expect(slices).toEqual([
      { label: 'BTC', share: '0.9411997' },
      { label: 'ETH', share: '0.0356' },
      { label: 'USD', share: '0.0132' },
      { label: 'Other', share: '0.0100003' },
    ]);
  });

  it('picks the same slices as sorting every group by its exact share would, however close the shares', () => {
    // Shares that differ only past a double's precision, ties and zeros included.
    const share = fc.oneof(
      fc.constantFrom('0', '0.000', '0.5', '0.25'),
      fc.tuple(fc.constantFrom('0.1', '0.0001', '0.3'), fc.stringMatching(/^\d{0,4}$/)).map(([head, tail]) => `${head}${'0'.repeat(18)}${tail}`),
      fc.stringMatching(/^0\.\d{1,12}$/),
    );
    const asGroups = (shares: readonly (string | null)[]): AssetGroup[] =>
      shares.map((value, index) => ({ base: `A${index}`, rows: [], amount: '1', value: value === null ? null : '1', share: value, price: null, change24hPct: null, available: null, held: null }));
    const bySorting = (groups: readonly AssetGroup[], max: number) => {
      const priced = groups.filter((group): group is AssetGroup & { share: string } => group.share !== null && !new Decimal(group.share).eq('0'));
      const sorted = [...priced].sort((a, b) => new Decimal(b.share).cmp(a.share));
      if (sorted.length <= max) return sorted.map((group) => group.base);
      return [...sorted.slice(0, max - 1).map((group) => group.base), 'Other'];
    };
    fc.assert(
      fc.property(fc.array(fc.option(share, { nil: null }), { maxLength: 30 }), fc.integer({ min: 2, max: 7 }), (shares, max) => {
        const groups = asGroups(shares);
        expect(allocationSlices(groups, max).map((slice) => slice.label)).toEqual(bySorting(groups, max));
      }),
      { numRuns: 1000 },
    );
    // Groups of several balances, whose shares are exact sums (0.1 + 0.2 ties with 0.3, which doubles would miss).
    const member = fc.record({ base: fc.integer({ min: 0, max: 9 }), share: fc.oneof(share, fc.constantFrom('0.1', '0.2', '0.3')) });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 24 }), fc.integer({ min: 2, max: 7 }), (members, max) => {
        const groups = groupRows(members.map((entry, index) => balanceRow(`X${index}`, `B${entry.base}`, '1', '1', entry.share)));
        const slices = allocationSlices(groups, max);
        expect(slices.map((slice) => slice.label)).toEqual(bySorting(groups, max));
        for (const slice of slices) if (slice.label !== 'Other') expect(slice.share).toBe(groups.find((group) => group.base === slice.label)?.share);
      }),
      { numRuns: 1000 },
    );
  });

  it('draws one closed path per slice', () => {
    const arcs = donutArcs([{ label: 'A', share: '1' }], 60, 20);
    expect(arcs).toHaveLength(1);
    expect(arcs[0]?.path).toMatch(/^M .* Z$/);
  });
});

describe('history', () => {
  const points = [
    { at: '2025-01-01T00:00:00.000Z', value: '100.5' },
    { at: '2025-01-02T00:00:00.000Z', value: '90.25' },
    { at: '2025-01-03T00:00:00.000Z', value: '120' },
  ];

  it('summarises ends and extremes with exact totals', () => {
    expect(summarizeHistory(points)).toEqual({ first: points[0], last: points[2], low: '90.25', high: '120' });
    expect(summarizeHistory([])).toBeNull();
  });

  it('spans the box from the first to the last point', () => {
    expect(historyPolyline(points, 300, 100)).toBe('0.00,65.55 150.00,100.00 300.00,0.00');
    expect(historyPolyline(points.slice(0, 1), 300, 100)).toBe('');
  });

  it('finds the point under the pointer and steps through points by key', () => {
    expect(nearestIndex([0, 150, 300], 80)).toBe(1);
    expect(nearestIndex([0, 150, 300], 10)).toBe(0);
    expect(steppedIndex('ArrowLeft', 0, 3)).toBe(0);
    expect(steppedIndex('ArrowRight', 1, 3)).toBe(2);
    expect(steppedIndex('End', 0, 30)).toBe(29);
    expect(steppedIndex('PageDown', 29, 30)).toBe(26);
    expect(steppedIndex('a', 0, 3)).toBeNull();
  });
});
