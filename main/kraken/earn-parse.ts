import { KrakenError } from './errors.ts';
import { isDecimalString } from './decimal.ts';
import { isRecord, ownValue, type JsonRecord } from './safe-json.ts';

// POST /0/private/Earn/Allocations (Funds permissions – Query): the Earn positions behind read-only
// balances. Only what the app shows is kept, in the asset's own units; amounts stay Kraken's strings.

/** Part of an allocation that is bonding or unbonding, and when the last of it is done (ISO), if Kraken says. */
export interface EarnPhase {
  readonly amount: string;
  readonly endsAt: string | null;
}

/** The current payout period: rewards so far in it, the estimate until payout, and the payout date. */
export interface EarnPayout {
  readonly accumulated: string;
  readonly estimated: string;
  readonly at: string;
}

export interface EarnAllocationItem {
  readonly strategyId: string;
  /** Kraken's code of the asset earning, as Earn writes it (e.g. 'DOT', 'ETH'). */
  readonly nativeAsset: string;
  readonly allocated: string;
  readonly bonding: EarnPhase | null;
  readonly unbonding: EarnPhase | null;
  /** Rewards received so far, in the native asset. */
  readonly rewarded: string;
  readonly payout: EarnPayout | null;
}

const MAX_ITEMS = 1_000;
const MAX_DATED = 1_000;
const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9.]{0,39}$/;
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

function badResponse(message: string): KrakenError {
  return new KrakenError('bad-response', { message, retryable: false });
}

/** A {native, converted} amount's native part. */
function native(record: JsonRecord, field: string, required: boolean): string | null {
  const entry = ownValue(record, field);
  if (entry === undefined && !required) return null;
  const amount = isRecord(entry) ? ownValue(entry, 'native') : undefined;
  if (!isDecimalString(amount)) throw badResponse(`Kraken's Earn allocations have an unreadable ${field}.`);
  return amount;
}

/** An ISO time as Kraken writes it, or null when missing or unreadable (a date is shown, never computed with). */
function isoTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** Bonding or unbonding: the amount, and the latest `expires` among its allocations. */
function phase(amounts: JsonRecord, field: string): EarnPhase | null {
  const entry = ownValue(amounts, field);
  if (entry === undefined) return null;
  const amount = native(amounts, field, true) ?? '0';
  const dated = isRecord(entry) ? ownValue(entry, 'allocations') : undefined;
  let endsAt: string | null = null;
  if (Array.isArray(dated)) {
    for (const allocation of dated.slice(0, MAX_DATED)) {
      const expires = isRecord(allocation) ? isoTime(ownValue(allocation, 'expires')) : null;
      if (expires !== null && (endsAt === null || expires > endsAt)) endsAt = expires;
    }
  }
  return { amount, endsAt };
}

function payout(item: JsonRecord): EarnPayout | null {
  const entry = ownValue(item, 'payout');
  if (!isRecord(entry)) return null;
  const at = isoTime(ownValue(entry, 'period_end'));
  if (at === null) return null;
  return { accumulated: native(entry, 'accumulated_reward', true) ?? '0', estimated: native(entry, 'estimated_reward', true) ?? '0', at };
}

function item(entry: unknown): EarnAllocationItem {
  if (!isRecord(entry)) throw badResponse("Kraken's Earn allocations contain an unreadable item.");
  const strategyId = ownValue(entry, 'strategy_id');
  const nativeAsset = ownValue(entry, 'native_asset');
  const amounts = ownValue(entry, 'amount_allocated');
  if (typeof strategyId !== 'string' || !ID_RE.test(strategyId) || typeof nativeAsset !== 'string' || !CODE_RE.test(nativeAsset) || !isRecord(amounts)) {
    throw badResponse("Kraken's Earn allocations contain an unreadable item.");
  }
  return Object.freeze({
    strategyId,
    nativeAsset,
    allocated: native(amounts, 'total', true) ?? '0',
    bonding: phase(amounts, 'bonding'),
    unbonding: phase(amounts, 'unbonding'),
    rewarded: native(entry, 'total_rewarded', false) ?? '0',
    payout: payout(entry),
  });
}

export function parseEarnAllocations(result: unknown): readonly EarnAllocationItem[] {
  const items = isRecord(result) ? ownValue(result, 'items') : undefined;
  if (!Array.isArray(items)) throw badResponse("Kraken's Earn allocations are not a list.");
  if (items.length > MAX_ITEMS) throw badResponse("Kraken's Earn allocations list too many items.");
  return Object.freeze(items.map(item));
}
