import { describe, expect, it } from 'vitest';
import { dayAgoSince, openADayAgo, parseOhlc } from './ohlc.ts';

const NOW = Date.UTC(2026, 10, 30, 12, 7, 30);
// 2026-11-29 12:07:30 UTC, a day before NOW, lies in the 15-minute candle that starts at 12:00:00.
const DAY_AGO_CANDLE = Date.UTC(2026, 10, 29, 12, 0, 0) / 1000;

const candle = (time: number, open: string): unknown[] => [time, open, open, open, open, open, '1.5', 3];

describe('openADayAgo', () => {
  it('is the open of the candle that covers the moment a day ago', () => {
    const candles = parseOhlc({
      XXBTZUSD: [candle(DAY_AGO_CANDLE - 900, '95000.1'), candle(DAY_AGO_CANDLE, '95010.4'), candle(DAY_AGO_CANDLE + 900, '95100')],
      last: DAY_AGO_CANDLE + 900,
    });
    expect(openADayAgo(candles, NOW)).toBe('95010.4');
  });

  it('is unknown for a pair younger than a day, or when trading paused for longer than a candle', () => {
    expect(openADayAgo(parseOhlc({ NEWUSD: [candle(DAY_AGO_CANDLE + 900, '1.2')], last: 0 }), NOW)).toBeNull();
    expect(openADayAgo(parseOhlc({ OLDUSD: [candle(DAY_AGO_CANDLE - 900, '1.2'), candle(DAY_AGO_CANDLE + 1800, '1.3')], last: 0 }), NOW)).toBeNull();
    expect(openADayAgo(parseOhlc({ ZEROUSD: [candle(DAY_AGO_CANDLE, '0.0')], last: 0 }), NOW)).toBeNull();
  });

  it('asks from one candle before a day ago', () => {
    expect(dayAgoSince(NOW)).toBe(DAY_AGO_CANDLE + 450 - 900);
  });
});

describe('parseOhlc', () => {
  it('refuses what is not one pair of readable candles', () => {
    const unreadable = [
      null,
      { last: 1 },
      { A: [], B: [], last: 1 },
      { A: [[1, 95010.4]] },
      { A: [['1', '95010.4']] },
      { A: [[1.5, '95010.4']] },
      { A: [[1, '9.5e4']] },
      { A: 'candles' },
    ];
    for (const result of unreadable) expect(() => parseOhlc(result), JSON.stringify(result)).toThrow(/price history/);
  });
});
