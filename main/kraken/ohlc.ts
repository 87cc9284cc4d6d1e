import { Decimal, isDecimalString } from './decimal.ts';
import { KrakenError } from './errors.ts';
import { isRecord, ownEntries } from './safe-json.ts';

// GET /0/public/OHLC gives candles [time, open, high, low, close, vwap, volume, count] for one pair, oldest
// first, `time` being the candle's start in epoch seconds. The app reads one price from them: what the pair
// traded at a day ago, for the rolling 24 h change when the live ticker (which sends that change itself)
// is not delivering. REST Ticker's `o` is not it: that is the price at 00:00 UTC.

/** Candle length asked for: the day-ago price is the open of the 15-minute candle a day ago. */
export const DAY_AGO_INTERVAL_MIN = 15;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Candle {
  /** Start of the candle, epoch seconds. */
  readonly time: number;
  /** Opening price, exactly as sent. */
  readonly open: string;
}

function bad(message: string): KrakenError {
  return new KrakenError('bad-response', { message, retryable: false });
}

/** The candles of an OHLC answer (its one pair entry; `last` is the cursor, not a pair). */
export function parseOhlc(result: unknown): readonly Candle[] {
  if (!isRecord(result)) throw bad('Kraken\'s price history is not readable.');
  const entries = ownEntries(result).filter(([key]) => key !== 'last');
  const rows = entries[0]?.[1];
  if (entries.length !== 1 || !Array.isArray(rows)) throw bad('Kraken\'s price history names no single pair.');
  return rows.map((row: unknown) => {
    if (!Array.isArray(row)) throw bad('Kraken\'s price history contains an unreadable candle.');
    const [time, open]: unknown[] = row;
    if (typeof time !== 'number' || !Number.isSafeInteger(time) || !isDecimalString(open)) {
      throw bad('Kraken\'s price history contains an unreadable candle.');
    }
    return { time, open };
  });
}

/** The moment a day before `nowMs`, in epoch seconds as OHLC writes candle times. */
const aDayAgoSec = (nowMs: number): number => Math.floor((nowMs - DAY_MS) / 1000);

/** The `since` to ask for: one candle before a day ago, so the candle covering that moment is included. */
export function dayAgoSince(nowMs: number): number {
  return aDayAgoSec(nowMs) - DAY_AGO_INTERVAL_MIN * 60;
}

/**
 * The price a day ago: the open of the candle that covers that moment. Null when no candle does (a pair
 * younger than a day, or a gap in trading longer than a candle): no change is better than a wrong one.
 */
export function openADayAgo(candles: readonly Candle[], nowMs: number): string | null {
  const target = aDayAgoSec(nowMs);
  const length = DAY_AGO_INTERVAL_MIN * 60;
  const covering = candles.find((candle) => candle.time <= target && target < candle.time + length);
  return covering === undefined || !new Decimal(covering.open).gt('0') ? null : covering.open;
}
