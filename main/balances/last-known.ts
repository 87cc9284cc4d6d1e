import type { Portfolio } from '../../ipc/contract.ts';
import { valuePortfolio } from '../kraken/index.ts';
import { toContractPortfolio } from './to-contract.ts';

/** What history last recorded for an account (main/history/snapshot.ts): enough to show at start-up. */
export interface LastKnown {
  /** Epoch ms. */
  readonly at: number;
  readonly quote: string;
  readonly total: string;
  readonly amounts: Readonly<Record<string, string>>;
}

/**
 * The portfolio an account showed when history last recorded it, for the moments between launch and
 * Kraken's first answer: every amount exactly as it was, and the total of the time in the quote of the
 * time. History keeps no prices, so rows carry no price, value or share (none of them is "unpriced":
 * the total did include them). Names and badges come from the codes alone, as before Assets is loaded.
 */
export function lastKnownPortfolio(last: LastKnown): Portfolio {
  const named = toContractPortfolio(valuePortfolio(last.amounts, new Map(), new Map(), new Map(), last.quote));
  return {
    quote: last.quote,
    total: last.total,
    unpriced: [],
    rows: named.rows.map((row) => ({ ...row, price: null, value: null, share: null })),
    change24h: null,
    earn: null,
  };
}
