import { describe, expect, it } from 'vitest';
import { applyRetention, compactToFit, DAILY_UNTIL_MS } from './retention.ts';
import type { HistoryData, Snapshot } from './snapshot.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const AMOUNTS = { XXBT: '1' };

/** One snapshot every `step` ms over the last `span` ms, totals counting up. */
function series(span: number, step: number): Snapshot[] {
  const out: Snapshot[] = [];
  for (let at = NOW - span; at <= NOW; at += step) out.push({ at, quote: 'USD', total: String(out.length), amounts: AMOUNTS });
  return out;
}

describe('applyRetention', () => {
  it('keeps every refresh for 7 days, one per hour to 90 days, one per day beyond, nothing past 5 years', () => {
    const kept = applyRetention(series(6 * 365 * DAY, 10 * MINUTE), NOW);
    const ages = kept.map((s) => NOW - s.at);
    const within = (from: number, to: number) => ages.filter((a) => a > from && a <= to).length;
    expect(within(-1, 7 * DAY)).toBe(7 * 24 * 6 + 1);
    expect(within(7 * DAY, 90 * DAY)).toBeGreaterThanOrEqual(83 * 24 - 1);
    expect(within(7 * DAY, 90 * DAY)).toBeLessThanOrEqual(83 * 24 + 1);
    expect(within(90 * DAY, DAILY_UNTIL_MS)).toBeGreaterThanOrEqual(5 * 365 - 90 - 1);
    expect(within(90 * DAY, DAILY_UNTIL_MS)).toBeLessThanOrEqual(5 * 365 - 90 + 1);
    expect(Math.max(...ages)).toBeLessThanOrEqual(DAILY_UNTIL_MS);
  });

  it('keeps the last snapshot of each hour and day, and the order', () => {
    const kept = applyRetention(series(30 * DAY, 10 * MINUTE), NOW);
    const hourly = kept.filter((s) => NOW - s.at > 7 * DAY);
    for (const s of hourly) expect(new Date(s.at).getUTCMinutes()).toBe(50);
    expect(kept.map((s) => s.at)).toEqual([...kept.map((s) => s.at)].sort((a, b) => a - b));
  });

  it('is stable: retaining twice changes nothing', () => {
    const once = applyRetention(series(200 * DAY, 30 * MINUTE), NOW);
    expect(applyRetention(once, NOW)).toEqual(once);
  });
});

describe('compactToFit', () => {
  const sizeOf = (data: HistoryData): number => [...data.values()].reduce((n, list) => n + list.length * 40, 0);

  it('leaves history alone when it fits', () => {
    const data: HistoryData = new Map([['a', series(3 * DAY, MINUTE)]]);
    expect(compactToFit(data, NOW, 10_000_000, sizeOf).get('a')).toHaveLength(3 * 24 * 60 + 1);
  });

  it('thins older detail before anything else and never touches the last day', () => {
    const data: HistoryData = new Map([['a', series(7 * DAY, 30_000)], ['b', series(7 * DAY, 30_000)]]);
    const fitted = compactToFit(data, NOW, 300_000, sizeOf);
    expect(sizeOf(fitted)).toBeLessThanOrEqual(300_000);
    const a = fitted.get('a') ?? [];
    expect(a.filter((s) => NOW - s.at <= DAY)).toHaveLength(2 * 24 * 60 + 1);
    expect(a[0]?.at).toBeLessThan(NOW - 6 * DAY);
  });

  it('drops the oldest history when thinning is not enough', () => {
    const data: HistoryData = new Map([['a', series(1000 * DAY, HOUR)]]);
    const fitted = compactToFit(data, NOW, 40 * 400, sizeOf);
    expect(sizeOf(fitted)).toBeLessThanOrEqual(40 * 400);
    expect(fitted.get('a')?.at(-1)?.at).toBe(NOW);
  });
});
