import { describe, expect, it } from 'vitest';
import { assetSeries, defaultQuote, MAX_SERIES_POINTS, totalSeries, valueIn, type SeriesQuery } from './series.ts';
import type { HistoryData, Snapshot } from './snapshot.ts';

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const snap = (minute: number, total: string, quote = 'USD', prices?: Record<string, string>, amounts: Record<string, string> = {}): Snapshot => ({
  at: T0 + minute * MINUTE,
  quote,
  total,
  amounts,
  ...(prices ? { prices } : {}),
});
const iso = (minute: number): string => new Date(T0 + minute * MINUTE).toISOString();
const query = (accounts: string[], quote = 'USD', extra: Partial<SeriesQuery> = {}): SeriesQuery => ({ accounts, quote, range: 'all', now: T0 + 10 * MINUTE, ...extra });
const totals = (data: HistoryData, q: SeriesQuery) => totalSeries(data, q).points.map((p) => [p.at, p.total, p.revalued ?? false]);

describe('totalSeries', () => {
  const data: HistoryData = new Map([
    ['a', [snap(0, '100.10'), snap(1, '100.20'), snap(3, '90', 'EUR'), snap(4, '100.40')]],
    ['b', [snap(2, '0.05'), snap(4, '0.15')]],
  ]);

  it('gives one account its totals in the quote asked for', () => {
    expect(totals(data, query(['a']))).toEqual([[iso(0), '100.10', false], [iso(1), '100.20', false], [iso(4), '100.40', false]]);
    expect(totals(data, query(['a'], 'EUR'))).toEqual([[iso(3), '90', false]]);
  });

  it('reports the points it could not convert and the other quotes recorded, never dropping them silently', () => {
    const series = totalSeries(data, query(['a']));
    expect(series.unconverted).toBe(1);
    expect(series.otherQuotes).toEqual(['EUR']);
  });

  it('adds an account from its first point on and says when it joined, instead of hiding the chart', () => {
    const series = totalSeries(data, query(['a', 'b']));
    expect(series.points.map((p) => [p.at, p.total])).toEqual([
      [iso(0), '100.1'],
      [iso(1), '100.2'],
      [iso(2), '100.25'],
      [iso(4), '100.55'],
    ]);
    expect(series.joins).toEqual([{ at: iso(2), accountId: 'b' }]);
  });

  it('converts points recorded in another quote at the rate recorded with them (the price of the new quote then)', () => {
    const switched: HistoryData = new Map([
      ['a', [snap(0, '1085.2', 'USD', { ZEUR: '1.0852', XXBT: '50000' }), snap(1, '2000', 'USD', { XXBT: '50000' }), snap(2, '1000', 'EUR', { ZUSD: '0.9' })]],
    ]);
    expect(totals(switched, query(['a'], 'EUR'))).toEqual([[iso(0), '1000', true], [iso(2), '1000', false]]);
    expect(totalSeries(switched, query(['a'], 'EUR')).unconverted).toBe(1);
    expect(valueIn(snap(0, '1', 'USD', { 'ZEUR.M': '2' }), 'EUR')).toBeNull();
  });

  it('shows a range from its start, carrying the last earlier point to the start of the range', () => {
    const long: HistoryData = new Map([['a', [snap(0, '1'), snap(5, '2'), snap(9, '3')]]]);
    const lastFive = totals(long, query(['a'], 'USD', { range: '24h', now: T0 + 24 * 60 * MINUTE + 6 * MINUTE }));
    expect(lastFive).toEqual([[iso(6), '2', false], [iso(9), '3', false]]);
    expect(totals(long, query(['a'], 'USD', { range: '7d' }))).toHaveLength(3);
  });

  it('combines only the accounts asked for (All accounts leaves a demo out beside real ones)', () => {
    const withDemo: HistoryData = new Map([...data, ['demo', [snap(0, '104502285.75'), snap(4, '104502285.75')]]]);
    expect(totalSeries(withDemo, query(['a', 'b']))).toEqual(totalSeries(data, query(['a', 'b'])));
    expect(totalSeries(withDemo, query(['demo'])).points.map((p) => p.total)).toEqual(['104502285.75', '104502285.75']);
  });

  it('is empty for unknown accounts, missing quotes and no data', () => {
    expect(totalSeries(data, query(['nope'])).points).toEqual([]);
    expect(totalSeries(data, query(['a', 'b'], 'GBP')).points).toEqual([]);
    expect(totalSeries(new Map(), query([])).points).toEqual([]);
  });

  it('caps long series at MAX_SERIES_POINTS, keeping the first and last point', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => snap(i, String(i)));
    const out = totalSeries(new Map([['a', long]]), query(['a'])).points;
    expect(out.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(out.length).toBeGreaterThan(MAX_SERIES_POINTS - 10);
    expect(out[0]?.at).toBe(iso(0));
    expect(out.at(-1)).toEqual({ at: iso(19_999), total: '19999' });
  });
});

describe('defaultQuote', () => {
  it('keeps the current quote once it has a line, else the recorded quote with most points', () => {
    const data: HistoryData = new Map([['a', [snap(0, '1'), snap(1, '2'), snap(2, '3', 'EUR')]]]);
    expect(defaultQuote(data, ['a'], 'EUR')).toBe('USD');
    expect(defaultQuote(new Map([['a', [...(data.get('a') ?? []), snap(3, '4', 'EUR')]]]), ['a'], 'EUR')).toBe('EUR');
    expect(defaultQuote(new Map(), ['a'], 'EUR')).toBe('EUR');
  });
});

describe('assetSeries', () => {
  const eth = { XETH: '1.5', 'ETH2.S': '2', ZUSD: '10' };
  const data: HistoryData = new Map([
    ['a', [
      snap(0, '0', 'USD', undefined, eth),
      snap(1, '0', 'USD', { XETH: '2000', 'ETH2.S': '2000', ZUSD: '1' }, eth),
      snap(2, '0', 'USD', { XETH: '2100', ZUSD: '1' }, { ...eth, XETH: '0.5' }),
    ]],
    ['b', [snap(1, '0', 'USD', { XETH: '2000' }, { XETH: '1' })]],
  ]);

  it('sums the amount of the codes asked for, exactly, and values it where every held code has a price', () => {
    const series = assetSeries(data, query(['a']), ['XETH', 'ETH2.S']);
    expect(series.points).toEqual([
      { at: iso(0), amount: '3.5', value: null },
      { at: iso(1), amount: '3.5', value: '7000' },
      { at: iso(2), amount: '2.5', value: null },
    ]);
  });

  it('combines accounts', () => {
    expect(assetSeries(data, query(['a', 'b']), ['XETH']).points.map((p) => [p.amount, p.value])).toEqual([
      ['1.5', null],
      ['2.5', '5000'],
      ['1.5', '3050'],
    ]);
  });
});
