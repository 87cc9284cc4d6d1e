import { describe, expect, it } from 'vitest';
import { MAX_SERIES_POINTS, totalSeries } from './series.ts';
import type { HistoryData, Snapshot } from './snapshot.ts';

const T0 = Date.UTC(2026, 0, 1);
const snap = (minute: number, total: string, quote = 'USD'): Snapshot => ({ at: T0 + minute * 60_000, quote, total, amounts: {} });
const iso = (minute: number): string => new Date(T0 + minute * 60_000).toISOString();

describe('totalSeries', () => {
  const data: HistoryData = new Map([
    ['a', [snap(0, '100.10'), snap(1, '100.20'), snap(3, '90', 'EUR'), snap(4, '100.40')]],
    ['b', [snap(2, '0.05'), snap(4, '0.15')]],
  ]);

  it('gives one account its totals in the quote asked for', () => {
    expect(totalSeries(data, 'USD', 'a')).toEqual([
      { at: iso(0), total: '100.10' },
      { at: iso(1), total: '100.20' },
      { at: iso(4), total: '100.40' },
    ]);
    expect(totalSeries(data, 'EUR', 'a')).toEqual([{ at: iso(3), total: '90' }]);
  });

  it('combines accounts exactly once all have a point, carrying totals forward, one point per instant', () => {
    expect(totalSeries(data, 'USD')).toEqual([
      { at: iso(2), total: '100.25' },
      { at: iso(4), total: '100.55' },
    ]);
  });

  it('combines only the accounts asked for (All accounts leaves a demo out beside real ones)', () => {
    const withDemo: HistoryData = new Map([...data, ['demo', [snap(0, '104502285.75'), snap(4, '104502285.75')]]]);
    expect(totalSeries(withDemo, 'USD', ['a', 'b'])).toEqual(totalSeries(data, 'USD'));
    expect(totalSeries(withDemo, 'USD', ['demo'])).toEqual(totalSeries(withDemo, 'USD', 'demo'));
  });

  it('is empty for unknown accounts, missing quotes and no data', () => {
    expect(totalSeries(data, 'USD', 'nope')).toEqual([]);
    expect(totalSeries(data, 'GBP')).toEqual([]);
    expect(totalSeries(new Map(), 'USD')).toEqual([]);
  });

  it('caps long series at MAX_SERIES_POINTS, keeping the first and last point', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => snap(i, String(i)));
    const out = totalSeries(new Map([['a', long]]), 'USD', 'a');
    expect(out.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(out.length).toBeGreaterThan(MAX_SERIES_POINTS - 10);
    expect(out[0]?.at).toBe(iso(0));
    expect(out.at(-1)).toEqual({ at: iso(19_999), total: '19999' });
  });
});
