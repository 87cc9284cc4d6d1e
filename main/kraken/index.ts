// Public entry of the Kraken protocol layer: plain Node, no Electron.
export { createKrakenClient } from './client.ts';
export type {
  BalanceOptions,
  CallOptions,
  KrakenClient,
  KrakenClientOptions,
  RebaseMultiplier,
} from './client.ts';
export { DEFAULT_BASE_URL, describeServer, resolveBaseUrl } from './base-url.ts';
export { KrakenError, isKrakenError, toKrakenError } from './errors.ts';
export type { KrakenErrorCode, KrakenErrorInfo } from './errors.ts';
export { createMemoryNonceStore } from './nonce.ts';
export type { NonceStore } from './nonce.ts';
export { keyFingerprint } from './key-fingerprint.ts';
export { TIER_LIMITS } from './rate-limiter.ts';
export type { RateCounterSnapshot, Sleep, VerificationTier } from './rate-limiter.ts';
export type { Timers } from './transport.ts';
export { parseBalanceEx } from './balance-parse.ts';
export type { Balances, ExtendedBalance, ExtendedBalances } from './balance-parse.ts';
export { parseEarnAllocations } from './earn-parse.ts';
export type { EarnAllocationItem, EarnPayout, EarnPhase } from './earn-parse.ts';
export { balancesOf, withEarn, withFunds } from './earn-lines.ts';
export type { EarnAllocation, EarnSummary, RowEarn } from './earn-lines.ts';
export { createAssetDirectory } from './assets.ts';
export type { AssetDirectory, AssetInfo, AssetTable, ResolvedAsset } from './assets.ts';
export type { AssetPairInfo, AssetPairTable, TickerInfo, TickerTable } from './market-data.ts';
export { planValuation, valuePortfolio } from './portfolio.ts';
export type { DayChange, Portfolio, PortfolioRow, ValuationPlan } from './portfolio.ts';
export { signRequest } from './sign.ts';
