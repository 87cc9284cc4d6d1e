import { z } from 'zod';
import { sameAmounts, type HistoryData, type Snapshot } from './snapshot.ts';

/**
 * The history file, compact: per account a list of points [time, total] with the quote currency and the
 * amounts only where they differ from the point before: [t, total], [t, total, quote] or
 * [t, total, quote | null, amounts]. About 35 bytes per refresh when nothing but prices moved.
 * Version 2 adds the unit prices a snapshot was valued at as a fifth element:
 * [t, total, quote | null, amounts | null, prices]. Version 1 files (no prices) are still read.
 */
export const HISTORY_FILE_VERSION = 2;

type Prices = Record<string, string>;
type EncodedPoint =
  | [number, string]
  | [number, string, string | null]
  | [number, string, string | null, Record<string, string>]
  | [number, string, string | null, Record<string, string> | null, Prices];

export interface EncodedHistory {
  version: typeof HISTORY_FILE_VERSION;
  accounts: Record<string, EncodedPoint[]>;
}

function hasEntries(record: Readonly<Record<string, string>>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

function encodePoint(s: Snapshot, previous: Snapshot | null): EncodedPoint {
  const quote = previous?.quote === s.quote ? null : s.quote;
  const amountsChanged = previous === null || !sameAmounts(previous.amounts, s.amounts);
  const amounts = amountsChanged ? { ...s.amounts } : null;
  if (s.prices !== undefined && hasEntries(s.prices)) return [s.at, s.total, quote, amounts, { ...s.prices }];
  if (amounts !== null) return [s.at, s.total, quote, amounts];
  return quote === null ? [s.at, s.total] : [s.at, s.total, quote];
}

export function encodeHistory(data: HistoryData): EncodedHistory {
  const accounts: Record<string, EncodedPoint[]> = {};
  for (const [id, snapshots] of data) {
    let previous = null as Snapshot | null;
    accounts[id] = snapshots.map((s): EncodedPoint => {
      const point = encodePoint(s, previous);
      previous = s;
      return point;
    });
  }
  return { version: HISTORY_FILE_VERSION, accounts };
}

const decimal = z.string().regex(/^-?\d{1,40}(\.\d{1,40})?$/);
const assetCode = z.string().min(1).max(40);
const amountsSchema = z.record(assetCode, decimal);
const time = z.number().int().nonnegative();
const v1Point = z.union([
  z.tuple([time, decimal]),
  z.tuple([time, decimal, assetCode.nullable()]),
  z.tuple([time, decimal, assetCode.nullable(), amountsSchema]),
]);
const v2Point = z.union([v1Point, z.tuple([time, decimal, assetCode.nullable(), amountsSchema.nullable(), amountsSchema])]);
const fileSchema = z.union([
  z.object({ version: z.literal(1), accounts: z.record(z.string().min(1).max(200), z.array(v1Point)) }),
  z.object({ version: z.literal(2), accounts: z.record(z.string().min(1).max(200), z.array(v2Point)) }),
]);

/** Throws on anything that is not a history file this version (or the one before) wrote. */
export function decodeHistory(raw: unknown): HistoryData {
  const parsed = fileSchema.parse(raw);
  const data: HistoryData = new Map();
  for (const [id, points] of Object.entries(parsed.accounts)) {
    const snapshots: Snapshot[] = [];
    let previous = null as Snapshot | null;
    for (const [at, total, quote, amounts, prices] of points) {
      const resolvedQuote: string | undefined = quote ?? previous?.quote;
      const resolvedAmounts: Readonly<Record<string, string>> | undefined = amounts ?? previous?.amounts;
      if (resolvedQuote === undefined || resolvedAmounts === undefined) throw new Error(`history of ${id} starts without a quote or amounts`);
      if (previous !== null && at < previous.at) throw new Error(`history of ${id} is out of order`);
      previous = { at, total, quote: resolvedQuote, amounts: resolvedAmounts, ...(prices === undefined ? {} : { prices }) };
      snapshots.push(previous);
    }
    data.set(id, snapshots);
  }
  return data;
}

/** One journal line: [account id, t, total, quote, amounts or null when unchanged, prices]. */
export interface JournalEntry {
  readonly accountId: string;
  readonly at: number;
  readonly total: string;
  readonly quote: string;
  readonly amounts: Record<string, string> | null;
  readonly prices?: Record<string, string>;
}

const journalHead = [z.string().min(1).max(200), time, decimal, assetCode, amountsSchema.nullable()] as const;
// Lines written before prices were kept have five elements.
const journalSchema = z.union([z.tuple(journalHead), z.tuple([...journalHead, amountsSchema])]);

export function encodeJournalEntry(entry: JournalEntry): string {
  const head = [entry.accountId, entry.at, entry.total, entry.quote, entry.amounts];
  return JSON.stringify(entry.prices === undefined ? head : [...head, entry.prices]);
}

/** null for a line that is not a journal entry (e.g. torn by a crash mid-write). */
export function decodeJournalEntry(line: string): JournalEntry | null {
  try {
    const parsed = journalSchema.safeParse(JSON.parse(line));
    if (!parsed.success) return null;
    const [accountId, at, total, quote, amounts, prices] = parsed.data;
    return { accountId, at, total, quote, amounts, ...(prices === undefined ? {} : { prices }) };
  } catch {
    return null;
  }
}
