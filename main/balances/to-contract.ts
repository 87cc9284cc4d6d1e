import type { BalanceRow, Portfolio } from '../../ipc/contract.ts';
import type { Portfolio as KrakenPortfolio, PortfolioRow } from '../kraken/index.ts';

/** Compiles only while a PortfolioRow has exactly a BalanceRow's fields, so a row copy sends nothing more. */
type SameFields<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const _rowsMatch: SameFields<PortfolioRow, BalanceRow> = true;

/** The protocol layer's portfolio as the IPC contract carries it: fresh (unfrozen) arrays and rows. */
export function toContractPortfolio(portfolio: KrakenPortfolio): Portfolio {
  return {
    quote: portfolio.quote,
    total: portfolio.total,
    unpriced: [...portfolio.unpriced],
    rows: portfolio.rows.map((row) => ({ ...row })),
  };
}
