import { describe, expect, it } from 'vitest';
import { groupRows } from '../model/balance-view.ts';
import { SAMPLE_ROWS } from '../testing/sample-data.ts';
import { allocationSlices, donutArcs } from './allocation.ts';
import { historyPolyline, summarizeHistory } from './history-line.ts';

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

  it('draws one closed path per slice', () => {
    const arcs = donutArcs([{ label: 'A', share: '1' }], 60, 20);
    expect(arcs).toHaveLength(1);
    expect(arcs[0]?.path).toMatch(/^M .* Z$/);
  });
});

describe('history', () => {
  const points = [
    { at: '2025-01-01T00:00:00.000Z', total: '100.5' },
    { at: '2025-01-02T00:00:00.000Z', total: '90.25' },
    { at: '2025-01-03T00:00:00.000Z', total: '120' },
  ];

  it('summarises ends and extremes with exact totals', () => {
    expect(summarizeHistory(points)).toEqual({ first: points[0], last: points[2], low: '90.25', high: '120' });
    expect(summarizeHistory([])).toBeNull();
  });

  it('spans the box from the first to the last point', () => {
    expect(historyPolyline(points, 300, 100)).toBe('0.00,65.55 150.00,100.00 300.00,0.00');
    expect(historyPolyline(points.slice(0, 1), 300, 100)).toBe('');
  });
});
