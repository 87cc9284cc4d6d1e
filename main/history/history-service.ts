import type { AssetHistory, HistoryRange, HistorySeries, Portfolio } from '../../ipc/contract.ts';
import { log } from '../log.ts';
import type { Clock, TimerHandle } from '../refresh/clock.ts';
import { decodeHistory, decodeJournalEntry, encodeHistory, encodeJournalEntry } from './history-codec.ts';
import type { HistoryFile } from './history-file.ts';
import { compactToFit, retainAll } from './retention.ts';
import { assetSeries, defaultQuote, totalSeries, type SeriesQuery } from './series.ts';
import { sameAmounts, type HistoryData, type Snapshot } from './snapshot.ts';

/** The compacted history file never grows past this; retention thins it first (see retention.ts). */
export const HISTORY_MAX_BYTES = 4 * 1024 * 1024;
/** The journal is folded into the base file this often, on quit, and whenever it passes JOURNAL_MAX_BYTES. */
export const HISTORY_COMPACT_EVERY_MS = 60 * 60 * 1000;
export const JOURNAL_MAX_BYTES = 512 * 1024;

/** Which part of the history a chart reads: the range, and a recorded quote to read it in (default: see defaultQuote). */
export interface SeriesView {
  readonly range?: HistoryRange;
  readonly quote?: string;
}

export interface HistoryServiceOptions {
  readonly file: HistoryFile;
  readonly clock: Clock;
  readonly maxBytes?: number;
  readonly compactEveryMs?: number;
}

/**
 * Balance history: one compact snapshot per successful refresh, per account, in memory and on disk in the
 * user data folder (a base file plus an append-only journal), so it survives restarts and crashes. A file
 * that cannot be read is set aside with a start-up notice, never fatal. Retention and the size bound
 * apply whenever the base file is rewritten.
 */
export class HistoryService {
  /** Set when the file could not be read at start; shown to the user once. */
  readonly notice: string | null;
  private readonly options: HistoryServiceOptions;
  private data: HistoryData;
  private compactTimer: TimerHandle | null = null;
  private dirty = false;
  private journalBytes = 0;

  constructor(options: HistoryServiceOptions) {
    this.options = options;
    const loaded = load(options.file);
    this.data = loaded.data;
    this.notice = loaded.notice;
    if (loaded.replayed > 0) this.changed();
  }

  record(accountId: string, portfolio: Portfolio, at: number): void {
    const list = this.data.get(accountId) ?? [];
    const previous = list.at(-1);
    const fresh: Record<string, string> = {};
    let prices: Record<string, string> | undefined;
    for (const row of portfolio.rows) {
      fresh[row.asset] = row.amount;
      if (row.price !== null) (prices ??= {})[row.asset] = row.price;
    }
    const unchanged = previous !== undefined && sameAmounts(previous.amounts, fresh);
    const snapshot: Snapshot = { at, quote: portfolio.quote, total: portfolio.total, amounts: unchanged ? previous.amounts : fresh, ...(prices ? { prices } : {}) };
    if (previous === undefined || previous.at <= at) list.push(snapshot);
    else list.splice(list.findIndex((s) => s.at > at), 0, snapshot); // the system clock went back
    this.data.set(accountId, list);
    const line = encodeJournalEntry({ accountId, at, total: snapshot.total, quote: snapshot.quote, amounts: unchanged ? null : fresh, ...(prices ? { prices } : {}) });
    try {
      this.options.file.append(line);
      this.journalBytes += line.length + 1;
    } catch (error) {
      log.warn('history: could not append to the history journal', error);
    }
    this.changed();
    if (this.journalBytes > JOURNAL_MAX_BYTES) this.flush();
  }

  latest(accountId: string): Snapshot | null {
    return this.data.get(accountId)?.at(-1) ?? null;
  }

  /** Total value over time of `accounts` combined (see series.ts: conversion, accounts joining, ranges). */
  series(accounts: readonly string[], currentQuote: string, view: SeriesView = {}): HistorySeries {
    return totalSeries(this.data, this.query(accounts, currentQuote, view), currentQuote);
  }

  /** Amount and value over time of the Kraken codes `codes` (one table row or group) in `accounts`. */
  assetSeries(accounts: readonly string[], codes: readonly string[], currentQuote: string, view: SeriesView = {}): AssetHistory {
    return { assets: [...codes], ...assetSeries(this.data, this.query(accounts, currentQuote, view), codes, currentQuote) };
  }

  /** Every snapshot kept for one account, oldest first (for export). */
  snapshots(accountId: string): readonly Snapshot[] {
    return this.data.get(accountId) ?? [];
  }

  private query(accounts: readonly string[], currentQuote: string, view: SeriesView): SeriesQuery {
    const quote = view.quote ?? defaultQuote(this.data, accounts, currentQuote);
    return { accounts, quote, range: view.range ?? 'all', now: this.options.clock.now() };
  }

  /** Drops the history of accounts that no longer exist, on disk too. */
  retainAccounts(ids: Iterable<string>): void {
    const keep = new Set(ids);
    const gone = [...this.data.keys()].filter((id) => !keep.has(id));
    if (gone.length === 0) return;
    for (const id of gone) this.data.delete(id);
    this.dirty = true;
    this.flush();
  }

  /** Rewrites the base file (retention, size bound) and empties the journal. Never throws. */
  flush(): void {
    this.clearTimer();
    if (!this.dirty) return;
    const now = this.options.clock.now();
    const maxBytes = this.options.maxBytes ?? HISTORY_MAX_BYTES;
    this.data = retainAll(this.data, now);
    let text = JSON.stringify(encodeHistory(this.data));
    if (text.length > maxBytes) {
      this.data = compactToFit(this.data, now, maxBytes, (data) => JSON.stringify(encodeHistory(data)).length);
      text = JSON.stringify(encodeHistory(this.data));
    }
    try {
      this.options.file.writeBase(text);
      this.dirty = false;
      this.journalBytes = 0;
    } catch (error) {
      // A full disk or a read-only folder must not stop refreshing; the next compaction tries again.
      log.warn('history: could not write the history file', error);
      this.schedule();
    }
  }

  dispose(): void {
    this.flush();
    this.clearTimer();
  }

  private changed(): void {
    this.dirty = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.compactTimer !== null) return;
    this.compactTimer = this.options.clock.setTimeout(() => {
      this.compactTimer = null;
      this.flush();
    }, this.options.compactEveryMs ?? HISTORY_COMPACT_EVERY_MS);
  }

  private clearTimer(): void {
    if (this.compactTimer !== null) this.options.clock.clearTimeout(this.compactTimer);
    this.compactTimer = null;
  }
}

interface Loaded {
  data: HistoryData;
  notice: string | null;
  replayed: number;
}

function load(file: HistoryFile): Loaded {
  const setAsideNotice = (name: string): string =>
    `Your balance history could not be read, so it was set aside as ${name} in the app's data folder and a new history was started.`;
  try {
    const read = file.read();
    if (read.kind === 'unreadable') return { data: new Map(), notice: setAsideNotice(read.setAsideAs), replayed: 0 };
    let data: HistoryData = new Map();
    if (read.kind === 'ok') {
      try {
        data = decodeHistory(read.json);
      } catch (error) {
        log.warn('history: the history file does not have the expected shape', error);
        return { data: new Map(), notice: setAsideNotice(file.setAside()), replayed: 0 };
      }
    }
    return { data, notice: null, replayed: replayJournal(data, file.readJournal()) };
  } catch (error) {
    log.error('history: could not read the history file', error);
    return { data: new Map(), notice: 'Your balance history could not be read; a new history was started. Details are in the log.', replayed: 0 };
  }
}

/** Adds journal entries newer than the base's last point per account; returns how many were added. */
function replayJournal(data: HistoryData, lines: string[]): number {
  let replayed = 0;
  let skipped = 0;
  for (const line of lines) {
    const entry = decodeJournalEntry(line);
    const list = entry === null ? undefined : (data.get(entry.accountId) ?? []);
    const previous = list?.at(-1);
    const amounts = entry?.amounts ?? previous?.amounts;
    if (entry === null || list === undefined || amounts === undefined) {
      skipped += 1;
      continue;
    }
    // A crash between rewriting the base and deleting the journal leaves entries the base already has.
    if (previous !== undefined && entry.at <= previous.at) continue;
    list.push({ at: entry.at, total: entry.total, quote: entry.quote, amounts, ...(entry.prices === undefined ? {} : { prices: entry.prices }) });
    data.set(entry.accountId, list);
    replayed += 1;
  }
  if (skipped > 0) log.warn(`history: skipped ${skipped} unreadable journal line(s)`);
  return replayed;
}
