import type { BalanceRow } from '../../ipc/contract.ts';
import { describeExtension } from '../kraken/index.ts';
import { formatAmount } from '../balances/display-format.ts';
import type { BalanceChange } from './balance-changes.ts';

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

/** More changes than this in one refresh make one summary instead of one notification each. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

/** 'BTC', or 'ETH (staked)' for ETH2.S: what the user calls the asset. */
export function assetLabel(asset: string, rows: readonly BalanceRow[]): string {
  const row = rows.find((r) => r.asset === asset);
  if (row === undefined) return asset;
  return row.extension === null ? row.base : `${row.base} (${describeExtension(row.extension)})`;
}

/** What to show for one refresh's changes; privacy mode shows which assets moved, never amounts or percentages. */
export function changeNotifications(accountLabel: string, changes: readonly BalanceChange[], rows: readonly BalanceRow[], privacy: boolean): NotificationText[] {
  if (changes.length > MAX_SEPARATE_NOTIFICATIONS) {
    return [{
      title: `${changes.length} balances changed in ${accountLabel}`,
      body: changes.map((c) => `${assetLabel(c.asset, rows)} ${c.direction === 'up' ? '↑' : '↓'}`).join(', '),
    }];
  }
  return changes.map((change) => {
    const label = assetLabel(change.asset, rows);
    const verb = change.direction === 'up' ? 'increased' : 'decreased';
    if (privacy) return { title: `${label} balance ${verb}`, body: `${accountLabel}: amounts hidden (privacy mode)` };
    const title = change.percent === null
      ? `New ${label} balance`
      : `${label} balance ${verb} ${change.percent.replace('-', '')} %`;
    return { title, body: `${accountLabel}: ${formatAmount(change.before)} → ${formatAmount(change.after)} ${label}` };
  });
}
