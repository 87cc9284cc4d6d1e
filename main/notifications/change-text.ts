import type { BalanceRow } from '../../ipc/contract.ts';
import { fullName } from '../../shared/asset-names.ts';
import { amountText, unsignedPercentText } from '../../shared/money.ts';
import type { NumberLocale } from '../../shared/number-locale.ts';
import type { BalanceChange } from './balance-changes.ts';

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

/** More changes than this in one refresh make one summary instead of one notification each. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

/** What the user calls the asset and its unit, as the window names it: 'Staked ETH' in ETH for ETH2.S. */
function naming(asset: string, rows: readonly BalanceRow[]): { name: string; unit: string } {
  const row = rows.find((r) => r.asset === asset);
  return row === undefined ? { name: asset, unit: asset } : { name: fullName(row), unit: row.base };
}

/**
 * What to show for one refresh's changes, numbers written as the OS locale writes them (as the window and
 * tray do); privacy mode shows which assets moved, never amounts or percentages.
 */
export function changeNotifications(
  accountLabel: string,
  changes: readonly BalanceChange[],
  rows: readonly BalanceRow[],
  privacy: boolean,
  locale: NumberLocale,
): NotificationText[] {
  if (changes.length > MAX_SEPARATE_NOTIFICATIONS) {
    return [{
      title: `${changes.length} balances changed in ${accountLabel}`,
      body: changes.map((c) => `${naming(c.asset, rows).name} ${c.direction === 'up' ? '↑' : '↓'}`).join(', '),
    }];
  }
  return changes.map((change) => {
    const { name, unit } = naming(change.asset, rows);
    const verb = change.direction === 'up' ? 'increased' : 'decreased';
    if (privacy) return { title: `${name} balance ${verb}`, body: `${accountLabel}: amounts hidden (privacy mode)` };
    const title = change.percent === null ? `New ${name} balance` : `${name} balance ${verb} ${unsignedPercentText(change.percent, locale)}`;
    return { title, body: `${accountLabel}: ${amountText(change.before, locale)} → ${amountText(change.after, locale)} ${unit}` };
  });
}
