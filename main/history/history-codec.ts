import { z } from 'zod';
import { sameAmounts, type HistoryData, type Snapshot } from './snapshot.ts';

/**
 * The history file, compact: per account a list of points [time, total] with the quote currency and the
 * amounts only where they differ from the point before: [t, total], [t, total, quote] or
 * [t, total, quote | null, amounts]. About 35 bytes per refresh when nothing but prices moved.
 */
export const HISTORY_FILE_VERSION = 1;

type EncodedPoint = [number, string] | [number, string, string | null] | [number, string, string | null, Record<string, string>];

export interface EncodedHistory {
  version: typeof HISTORY_FILE_VERSION;
  accounts: Record<string, EncodedPoint[]>;
}

export function encodeHistory(data: HistoryData): EncodedHistory {
  const accounts: Record<string, EncodedPoint[]> = {};
  for (const [id, snapshots] of data) {
    let previous = null as Snapshot | null;
    accounts[id] = snapshots.map((s): EncodedPoint => {
      const quote = previous?.quote === s.quote ? null : s.quote;
      const amountsChanged = previous === null || !sameAmounts(previous.amounts, s.amounts);
      previous = s;
      if (amountsChanged) return [s.at, s.total, quote, { ...s.amounts }];
      return quote === null ? [s.at, s.total] : [s.at, s.total, quote];
    });
  }
  return { version: HISTORY_FILE_VERSION, accounts };
}

const decimal = z.string().regex(/^-?\d{1,40}(\.\d{1,40})?$/);
const assetCode = z.string().min(1).max(40);
const point = z.union([
  z.tuple([z.number().int().nonnegative(), decimal]),
  z.tuple([z.number().int().nonnegative(), decimal, assetCode.nullable()]),
  z.tuple([z.number().int().nonnegative(), decimal, assetCode.nullable(), z.record(assetCode, decimal)]),
]);
const fileSchema = z.object({
  version: z.literal(HISTORY_FILE_VERSION),
  accounts: z.record(z.string().min(1).max(200), z.array(point)),
});

/** Throws on anything that is not a history file this version wrote. */
export function decodeHistory(raw: unknown): HistoryData {
  const parsed = fileSchema.parse(raw);
  const data: HistoryData = new Map();
  for (const [id, points] of Object.entries(parsed.accounts)) {
    const snapshots: Snapshot[] = [];
    let previous = null as Snapshot | null;
    for (const [at, total, quote, amounts] of points) {
      const resolvedQuote: string | undefined = quote ?? previous?.quote;
      const resolvedAmounts: Readonly<Record<string, string>> | undefined = amounts ?? previous?.amounts;
      if (resolvedQuote === undefined || resolvedAmounts === undefined) throw new Error(`history of ${id} starts without a quote or amounts`);
      if (previous !== null && at < previous.at) throw new Error(`history of ${id} is out of order`);
      previous = { at, total, quote: resolvedQuote, amounts: resolvedAmounts };
      snapshots.push(previous);
    }
    data.set(id, snapshots);
  }
  return data;
}

/** One journal line: [account id, t, total, quote, amounts or null when unchanged]. */
export interface JournalEntry {
  readonly accountId: string;
  readonly at: number;
  readonly total: string;
  readonly quote: string;
  readonly amounts: Record<string, string> | null;
}

const journalSchema = z.tuple([z.string().min(1).max(200), z.number().int().nonnegative(), decimal, assetCode, z.record(assetCode, decimal).nullable()]);

export function encodeJournalEntry(entry: JournalEntry): string {
  return JSON.stringify([entry.accountId, entry.at, entry.total, entry.quote, entry.amounts]);
}

/** null for a line that is not a journal entry (e.g. torn by a crash mid-write). */
export function decodeJournalEntry(line: string): JournalEntry | null {
  try {
    const parsed = journalSchema.safeParse(JSON.parse(line));
    if (!parsed.success) return null;
    const [accountId, at, total, quote, amounts] = parsed.data;
    return { accountId, at, total, quote, amounts };
  } catch {
    return null;
  }
}
