import type { BalanceRow, Portfolio, RowEarn } from '../../ipc/contract.ts';
import type { Portfolio as KrakenPortfolio, PortfolioRow } from '../kraken/index.ts';

/** Compiles only while a PortfolioRow has exactly a BalanceRow's fields, so a row copy sends nothing more. */
type SameFields<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const _rowsMatch: SameFields<PortfolioRow, BalanceRow> = true;

function earnCopy(earn: PortfolioRow['earn']): RowEarn | null {
  if (earn === null) return null;
  return { allocations: earn.allocations.map((allocation) => ({ ...allocation })), sharedWith: [...earn.sharedWith] };
}

/** The protocol layer's portfolio as the IPC contract carries it: fresh (unfrozen) arrays and rows. */
export function toContractPortfolio(portfolio: KrakenPortfolio): Portfolio {
  const { earn, change24h } = portfolio;
  return {
    quote: portfolio.quote,
    total: portfolio.total,
    unpriced: [...portfolio.unpriced],
    rows: portfolio.rows.map((row) => ({ ...row, earn: earnCopy(row.earn) })),
    change24h: change24h === null ? null : { ...change24h },
    earn: earn === null ? null : { ...earn, unpriced: [...earn.unpriced], unmatched: [...earn.unmatched] },
  };
}
