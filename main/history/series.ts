import type { AssetHistoryPoint, HistoryPoint, HistoryRange, HistorySeriesInfo } from '../../ipc/contract.ts';
import { isSpellingOf, parseAssetCode } from '../../shared/asset-code.ts';
import { Decimal, sumIfAllKnown } from '../../shared/decimal.ts';
import type { HistoryData, Snapshot } from './snapshot.ts';

/** A chart cannot show more than this; longer series keep the last point of evenly spaced time buckets. */
export const MAX_SERIES_POINTS = 5000;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
export const RANGE_MS: Readonly<Record<HistoryRange, number | null>> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '1y': 365 * DAY, all: null };

/** Which history to read: accounts (one, or several combined), the quote to show it in, the range. */
export interface SeriesQuery {
  readonly accounts: readonly string[];
  readonly quote: string;
  readonly range: HistoryRange;
  readonly now: number;
}

/** One point of a series before it is sent: the asset's amount (asset series only) and the value. */
interface Sample {
  readonly at: number;
  readonly amount: string | null;
  readonly value: string | null;
  readonly revalued: boolean;
}

/** A snapshot expressed in another quote currency: its total and its unit prices. */
interface Valued {
  readonly total: string;
  readonly prices: Readonly<Record<string, string>>;
  readonly revalued: boolean;
}

type Measure = (snapshot: Snapshot, valued: Valued | null) => Omit<Sample, 'at'> | null;

/**
 * Price of one unit of `quote` in the snapshot's own quote, as recorded with it: the price of a tradable
 * balance that is that currency (ZEUR in a USD snapshot). Null when the account held none then.
 */
function recordedRate(snapshot: Snapshot, quote: string): string | null {
  for (const [code, price] of Object.entries(snapshot.prices ?? {})) {
    if (parseAssetCode(code).extension === null && isSpellingOf(code, quote) && !new Decimal(price).eq('0')) return price;
  }
  return null;
}

/**
 * The snapshot in `quote`: as recorded, or converted at the rate recorded with it (never at today's rate,
 * which would redraw the past with the present's exchange rate). Null when no rate was recorded.
 */
export function valueIn(snapshot: Snapshot, quote: string): Valued | null {
  if (snapshot.quote === quote) return { total: snapshot.total, prices: snapshot.prices ?? {}, revalued: false };
  const rate = recordedRate(snapshot, quote);
  if (rate === null) return null;
  const convert = (value: string) => new Decimal(value).div(rate).toFixed();
  const prices = Object.fromEntries(Object.entries(snapshot.prices ?? {}).map(([code, price]) => [code, convert(price)]));
  return { total: convert(snapshot.total), prices, revalued: true };
}

const totalMeasure: Measure = (_snapshot, valued) => (valued === null ? null : { amount: null, value: valued.total, revalued: valued.revalued });

/** The summed amount of `codes`, and its value where every held code has a recorded price. */
function assetMeasure(codes: readonly string[]): Measure {
  return (snapshot, valued) => {
    let amount = new Decimal('0');
    let value: InstanceType<typeof Decimal> | null = new Decimal('0');
    for (const code of codes) {
      const held = snapshot.amounts[code];
      if (held === undefined || new Decimal(held).eq('0')) continue;
      amount = amount.plus(held);
      const price = valued?.prices[code];
      value = value === null || price === undefined ? null : value.plus(new Decimal(held).times(price));
    }
    return { amount: amount.toFixed(), value: value === null ? null : value.toFixed(), revalued: valued?.revalued ?? false };
  };
}

interface Combined {
  readonly samples: Sample[];
  readonly unconverted: number;
  readonly joins: { at: number; accountId: string }[];
}

/** Each account's samples, then the accounts added up over time (each from its first sample on). */
function combineAccounts(data: HistoryData, accounts: readonly string[], quote: string, measure: Measure, keepUnvalued: boolean): Combined {
  let unconverted = 0;
  const lists = accounts.map((id) =>
    (data.get(id) ?? []).flatMap((snapshot): Sample[] => {
      const valued = valueIn(snapshot, quote);
      if (valued === null) unconverted += 1;
      if (valued === null && !keepUnvalued) return [];
      const measured = measure(snapshot, valued);
      return measured === null ? [] : [{ at: snapshot.at, ...measured }];
    }),
  );
  const starts = lists.map((list) => list[0]?.at ?? Infinity);
  const first = Math.min(...starts);
  const joins = accounts.flatMap((accountId, index) => ((starts[index] ?? Infinity) > first && starts[index] !== Infinity ? [{ at: starts[index] ?? 0, accountId }] : []));
  return { samples: lists.length === 1 ? (lists[0] ?? []) : sumOverTime(lists), unconverted, joins };
}

function sumOverTime(lists: readonly Sample[][]): Sample[] {
  const events = lists.flatMap((list, index) => list.map((sample) => ({ index, sample }))).sort((a, b) => a.sample.at - b.sample.at);
  const latest = new Map<number, Sample>();
  const out: Sample[] = [];
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i];
    if (event === undefined) continue;
    latest.set(event.index, event.sample);
    // Refreshes at the same instant make one point.
    if (events[i + 1]?.sample.at === event.sample.at) continue;
    out.push(sumSamples(event.sample.at, [...latest.values()]));
  }
  return out;
}

function sumSamples(at: number, samples: readonly Sample[]): Sample {
  const amounts = samples.map((s) => s.amount);
  const values = samples.map((s) => s.value);
  return { at, amount: amounts.every((a) => a === null) ? null : sumIfAllKnown(amounts), value: sumIfAllKnown(values), revalued: samples.some((s) => s.revalued) };
}

/** The samples inside the range; the last one before it is carried to the range's start, so the line starts there. */
function inRange(samples: readonly Sample[], range: HistoryRange, now: number): Sample[] {
  const span = RANGE_MS[range];
  if (span === null) return [...samples];
  const start = now - span;
  const inside = samples.filter((s) => s.at >= start);
  const before = samples.filter((s) => s.at < start).at(-1);
  return before === undefined || inside[0]?.at === start ? inside : [{ ...before, at: start }, ...inside];
}

function downsample<T extends { at: number }>(points: readonly T[], max: number): T[] {
  const first = points[0];
  const last = points.at(-1);
  if (points.length <= max || first === undefined || last === undefined) return [...points];
  const span = last.at - first.at + 1;
  const buckets = max - 1;
  // The very first point stays, so the chart starts where the history starts.
  const kept: T[] = [first];
  let lastBucket = -1;
  for (const point of points.slice(1)) {
    const bucket = Math.floor(((point.at - first.at) * buckets) / span);
    if (bucket === lastBucket) kept[kept.length - 1] = point;
    else kept.push(point);
    lastBucket = bucket;
  }
  return kept;
}

function describe(data: HistoryData, query: SeriesQuery, currentQuote: string, combined: Combined): HistorySeriesInfo {
  const recorded = new Set(query.accounts.flatMap((id) => (data.get(id) ?? []).map((s) => s.quote)));
  recorded.delete(query.quote);
  return {
    range: query.range,
    quote: query.quote,
    currentQuote,
    otherQuotes: [...recorded].sort(),
    unconverted: combined.unconverted,
    joins: combined.joins.map((join) => ({ at: new Date(join.at).toISOString(), accountId: join.accountId })),
  };
}

const revaluedFlag = (sample: Sample): { revalued?: true } => (sample.revalued ? { revalued: true } : {});

/** Total value over time in `query.quote` (converted where a rate was recorded), accounts combined. */
export function totalSeries(data: HistoryData, query: SeriesQuery, currentQuote = query.quote): HistorySeriesInfo & { points: HistoryPoint[] } {
  const combined = combineAccounts(data, query.accounts, query.quote, totalMeasure, false);
  const samples = downsample(inRange(combined.samples, query.range, query.now), MAX_SERIES_POINTS);
  const points = samples.flatMap((s): HistoryPoint[] => (s.value === null ? [] : [{ at: new Date(s.at).toISOString(), total: s.value, ...revaluedFlag(s) }]));
  return { ...describe(data, query, currentQuote, combined), points };
}

/**
 * One asset's amount and value over time. Amounts do not depend on a quote, so every snapshot gives one;
 * the value is null where no price in `query.quote` was recorded or can be converted.
 */
export function assetSeries(data: HistoryData, query: SeriesQuery, codes: readonly string[], currentQuote = query.quote): HistorySeriesInfo & { points: AssetHistoryPoint[] } {
  const combined = combineAccounts(data, query.accounts, query.quote, assetMeasure(codes), true);
  const samples = downsample(inRange(combined.samples, query.range, query.now), MAX_SERIES_POINTS);
  const points = samples.map((s): AssetHistoryPoint => ({ at: new Date(s.at).toISOString(), amount: s.amount ?? '0', value: s.value, ...revaluedFlag(s) }));
  return { ...describe(data, query, currentQuote, combined), points };
}

/**
 * The quote to show a series in when none was asked for: the current one once it has two points (a line),
 * else the recorded quote with the most points, so a quote change never empties the chart.
 */
export function defaultQuote(data: HistoryData, accounts: readonly string[], currentQuote: string): string {
  const count = (quote: string) => accounts.reduce((n, id) => n + (data.get(id) ?? []).filter((s) => valueIn(s, quote) !== null).length, 0);
  if (count(currentQuote) >= 2) return currentQuote;
  const recorded = [...new Set(accounts.flatMap((id) => (data.get(id) ?? []).map((s) => s.quote)))];
  const best = recorded.map((quote) => ({ quote, points: count(quote) })).sort((a, b) => b.points - a.points)[0];
  return best !== undefined && best.points > count(currentQuote) ? best.quote : currentQuote;
}
