import Big from 'big.js';
import { jsonNumber, rfc3339 } from './envelope.ts';
import type { FakeAsset } from './fixtures.ts';

// How the fake shows REST balances on the WebSocket v2 `balances` channel. Kraken's v2 uses normalised
// asset names (BTC, not XXBT or XBT) and earn wallets instead of the REST suffix codes (.S, .M, .F …).
// Kraken does not document which suffix maps to which earn wallet id; this mapping is the fake's choice.

export interface WsWallet {
  readonly asset: string;
  readonly type: 'spot' | 'earn';
  readonly id: string;
}

const EARN_WALLETS: Readonly<Record<string, string>> = { S: 'bonded', M: 'flexible', F: 'flex', B: 'liquid', P: 'locked', T: 'locked' };
const V2_NAMES: Readonly<Record<string, string>> = { XBT: 'BTC', XDG: 'DOGE' };
const DECIMAL_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** The v2 asset and wallet a REST balance code lands in: XXBT → BTC spot/main, DOT28.S → DOT earn/bonded. */
export function wsWalletFor(code: string, assets: Readonly<Record<string, FakeAsset>>): WsWallet {
  const [base = code, suffix] = code.split('.', 2);
  const altname = assets[base]?.altname ?? base;
  // Bonding-period variants (DOT28, SOL03) are the same asset in another wallet.
  const plain = suffix === undefined ? altname : altname.replace(/\d+$/, '');
  const asset = V2_NAMES[plain] ?? plain;
  if (suffix === undefined) return { asset, type: 'spot', id: 'main' };
  return { asset, type: 'earn', id: EARN_WALLETS[suffix] ?? 'locked' };
}

const amountOf = (value: string | undefined): Big => new Big(value !== undefined && DECIMAL_RE.test(value) ? value : '0');
const scaleOf = (value: string | undefined): number => (value !== undefined && DECIMAL_RE.test(value) ? value.split('.')[1]?.length ?? 0 : 0);

/** A sum that keeps the largest scale of its parts, as Kraken writes amounts (0.0100000000, not 0.01). */
interface ScaledSum {
  value: Big;
  scale: number;
}

const addTo = (sum: ScaledSum, value: string): void => {
  sum.value = sum.value.plus(value);
  sum.scale = Math.max(sum.scale, scaleOf(value));
};
const text = (sum: ScaledSum): string => sum.value.toFixed(sum.scale);

interface AssetTotals {
  readonly total: ScaledSum;
  readonly wallets: Map<string, { type: string; id: string; balance: ScaledSum }>;
}

function totalsByAsset(balances: Readonly<Record<string, string>>, assets: Readonly<Record<string, FakeAsset>>): Map<string, AssetTotals> {
  const totals = new Map<string, AssetTotals>();
  for (const [code, value] of Object.entries(balances)) {
    if (!DECIMAL_RE.test(value)) continue;
    const wallet = wsWalletFor(code, assets);
    const entry = totals.get(wallet.asset) ?? { total: { value: new Big(0), scale: 0 }, wallets: new Map() };
    totals.set(wallet.asset, entry);
    addTo(entry.total, value);
    const key = `${wallet.type}/${wallet.id}`;
    const walletEntry = entry.wallets.get(key) ?? { type: wallet.type, id: wallet.id, balance: { value: new Big(0), scale: 0 } };
    entry.wallets.set(key, walletEntry);
    addTo(walletEntry.balance, value);
  }
  return totals;
}

/** The snapshot's `data`: one entry per v2 asset with its wallets, numbers as JSON numbers. */
export function balancesSnapshotData(balances: Readonly<Record<string, string>>, assets: Readonly<Record<string, FakeAsset>>): unknown[] {
  return [...totalsByAsset(balances, assets)].map(([asset, totals]) => ({
    asset,
    asset_class: 'currency',
    balance: jsonNumber(text(totals.total)),
    wallets: [...totals.wallets.values()].map((w) => ({ type: w.type, id: w.id, balance: jsonNumber(text(w.balance)) })),
  }));
}

export interface LedgerIds {
  next(): { ledgerId: string; refId: string };
}

/** Ledger and reference ids shaped like Kraken's (XXXXXX-XXXXX-XXXXXX), from a counter. */
export function createLedgerIds(): LedgerIds {
  let n = 0;
  const id = (prefix: string, value: number): string => {
    const digits = value.toString(36).toUpperCase().padStart(11, '0');
    return `${prefix}${digits.slice(0, 5)}-${digits.slice(5, 10)}-${digits.slice(10)}FAKE0`;
  };
  return {
    next() {
      n += 1;
      return { ledgerId: id('L', n), refId: id('R', n) };
    },
  };
}

/**
 * One ledger entry per REST code whose amount changed (Kraken streams one update per ledger transaction),
 * each with the asset's new total across wallets as `balance`.
 */
export function balanceUpdateEntries(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  assets: Readonly<Record<string, FakeAsset>>,
  ids: LedgerIds,
  at: number,
): Array<Record<string, unknown>> {
  const totals = totalsByAsset(after, assets);
  const codes = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const entries: Array<Record<string, unknown>> = [];
  for (const code of codes) {
    const amount = amountOf(after[code]).minus(amountOf(before[code]));
    if (amount.eq(0)) continue;
    const scale = Math.max(scaleOf(after[code]), scaleOf(before[code]));
    const wallet = wsWalletFor(code, assets);
    const { ledgerId, refId } = ids.next();
    const credit = amount.gt(0);
    const kind = wallet.type === 'earn' ? 'staking' : credit ? 'deposit' : 'withdrawal';
    entries.push({
      ledger_id: ledgerId,
      ref_id: refId,
      timestamp: rfc3339(at),
      type: kind,
      asset: wallet.asset,
      asset_class: 'currency',
      category: wallet.type === 'earn' ? 'staking-rewards' : kind,
      wallet_type: wallet.type,
      wallet_id: wallet.id,
      amount: jsonNumber(amount.toFixed(scale)),
      fee: jsonNumber('0.0'),
      balance: jsonNumber(text(totals.get(wallet.asset)?.total ?? { value: new Big(0), scale })),
    });
  }
  return entries;
}
