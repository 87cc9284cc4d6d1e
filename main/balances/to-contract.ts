import type { Portfolio } from '../../ipc/contract.ts';
import type { Portfolio as KrakenPortfolio } from '../kraken/index.ts';

/** The protocol layer's portfolio as the IPC contract carries it (fresh arrays, no extra fields). */
export function toContractPortfolio(portfolio: KrakenPortfolio): Portfolio {
  return {
    quote: portfolio.quote,
    total: portfolio.total,
    unpriced: [...portfolio.unpriced],
    rows: portfolio.rows.map((row) => ({
      asset: row.asset,
      base: row.base,
      extension: row.extension,
      unbondingDays: row.unbondingDays,
      readOnly: row.readOnly,
      amount: row.amount,
      price: row.price,
      value: row.value,
      share: row.share,
    })),
  };
}
