// History and export payloads of the contract (ipc/contract.ts re-exports them).

/** How far back a history chart reaches: the last day, week, 30 days, year, or everything recorded. */
export type HistoryRange = '24h' | '7d' | '30d' | '1y' | 'all';
export const HISTORY_RANGES = ['24h', '7d', '30d', '1y', 'all'] as const satisfies readonly HistoryRange[];

export interface HistoryPoint {
  at: string;
  total: string;
  /** Recorded in another quote currency and converted at the price of this one recorded with it. */
  revalued?: true;
}

/** One asset (one or more Kraken codes, e.g. ETH, ETH2 and ETH2.S) at one moment. */
export interface AssetHistoryPoint {
  at: string;
  /** Exact sum of the codes' amounts. */
  amount: string;
  /** Its value in the series' quote; null where a price was not recorded (history from before prices were kept). */
  value: string | null;
  revalued?: true;
}

/** What a history series is in, and what it leaves out, so nothing is ever dropped silently. */
export interface HistorySeriesInfo {
  range: HistoryRange;
  /** The quote currency the values are in: the current one, or (asked for, or when the current one has no history yet) one recorded earlier. */
  quote: string;
  /** The quote currency in the settings now. */
  currentQuote: string;
  /** Other quote currencies this scope's history was recorded in (each can be asked for as `quote`). */
  otherQuotes: string[];
  /** Points recorded in another quote with no recorded price to convert them: not in this series. */
  unconverted: number;
  /** Accounts counted from a later time than the series starts (added then, or first priced in this quote then). */
  joins: { at: string; accountId: string }[];
}

export interface HistorySeries extends HistorySeriesInfo {
  points: HistoryPoint[];
}

export interface AssetHistory extends HistorySeriesInfo {
  assets: string[];
  points: AssetHistoryPoint[];
}

export interface HistoryRequest {
  accountId?: string;
  range?: HistoryRange;
  /** A quote currency the history was recorded in; default the current one. */
  quote?: string;
}

export interface AssetHistoryRequest extends HistoryRequest {
  /** Kraken codes summed into one series (a table row's code, or every code of a group). */
  assets: string[];
}

/** A CSV export: the balances on screen now, or every recorded snapshot per asset. */
export interface ExportRequest {
  kind: 'balances' | 'history';
  /** One account; all accounts when absent. */
  accountId?: string;
}

/** Where the file went, or that the user cancelled (the save dialog, or the privacy-mode question). */
export type ExportResult = { saved: true; fileName: string; rows: number } | { saved: false };
