import Big from 'big.js';
import type { AccountBalances, AccountSummary, BalanceRow, Settings } from '../../ipc/contract.ts';
import { formatAmount, formatMoney, MASKED } from '../balances/display-format.ts';
import { describeExtension } from '../kraken/index.ts';

const Decimal = Big();
Decimal.strict = true;

export type TrayIconState = 'normal' | 'error';

export type TrayMenuItem =
  /** Text only (disabled): the total, the age, problems. */
  | { readonly kind: 'info'; readonly label: string }
  /** One of the top balances (disabled). */
  | { readonly kind: 'balance'; readonly asset: string; readonly label: string; readonly readOnly: boolean }
  | { readonly kind: 'separator' }
  | { readonly kind: 'action'; readonly id: 'refresh' | 'show' | 'quit'; readonly label: string; readonly enabled: boolean }
  | { readonly kind: 'toggle'; readonly id: 'privacy'; readonly label: string; readonly checked: boolean };

/** Everything the tray shows; the Electron edge (tray.ts) only applies it. */
export interface TrayModel {
  readonly icon: TrayIconState;
  readonly tooltip: string;
  /** Text beside the icon (macOS menu bar, some Linux trays); null where the OS has none (Windows). */
  readonly title: string | null;
  readonly menu: readonly TrayMenuItem[];
}

export interface TrayInput {
  readonly appName: string;
  readonly settings: Pick<Settings, 'privacyMode' | 'quoteCurrency'>;
  readonly accounts: readonly AccountSummary[];
  readonly balances: readonly AccountBalances[];
  /** Epoch ms. */
  readonly now: number;
  readonly platform: NodeJS.Platform;
  readonly paused: 'suspended' | 'offline' | null;
}

export const TOP_BALANCES = 5;
/** Windows cuts tray tooltips at 127 characters. */
const WINDOWS_TOOLTIP_MAX = 127;

export function trayModel(input: TrayInput): TrayModel {
  const { settings, accounts, balances } = input;
  const quote = settings.quoteCurrency;
  const privacy = settings.privacyMode;
  const label = (id: string): string => accounts.find((a) => a.id === id)?.label ?? 'Account';
  const inQuote = balances.filter((b) => b.portfolio !== null && b.portfolio.quote === quote);
  const failed = balances.filter((b) => b.status === 'error' && b.error !== null);
  const refreshing = balances.some((b) => b.status === 'refreshing');

  const totalText = inQuote.length === 0 ? null : `${privacy ? MASKED : formatMoney(sum(inQuote.map((b) => b.portfolio?.total ?? '0')), quote)} ${quote}`;
  const headline = accounts.length === 0 ? 'No accounts yet' : totalText === null ? (refreshing ? 'Loading balances…' : 'No balances yet') : `Total ${totalText}`;
  const age = ageLine(inQuote, input.now, refreshing);
  const problems = [
    ...failed.map((b) => `⚠ ${label(b.accountId)}: ${b.error?.message ?? ''}`),
    ...(balances.some((b) => b.status === 'stale') ? ['Balances are out of date'] : []),
    ...(input.paused === 'offline' ? ['Offline: refresh paused until the connection is back'] : []),
  ];

  const tooltipLines = [`${input.appName} — ${headline}`, ...(age === null ? [] : [age]), ...problems];
  const tooltip = input.platform === 'win32' ? clip(tooltipLines.join('\n'), WINDOWS_TOOLTIP_MAX) : tooltipLines.join('\n');

  const top = topBalances(inQuote.flatMap((b) => b.portfolio?.rows ?? []), TOP_BALANCES);
  const menu: TrayMenuItem[] = [
    // Repeats the tooltip: some Linux trays never show tooltips.
    { kind: 'info', label: headline },
    ...(age === null ? [] : [{ kind: 'info' as const, label: age }]),
    ...problems.map((text) => ({ kind: 'info' as const, label: text })),
    ...(top.length === 0 ? [] : [{ kind: 'separator' as const }, ...top.map((row) => balanceItem(row, quote, privacy))]),
    { kind: 'separator' },
    { kind: 'action', id: 'refresh', label: 'Refresh now', enabled: accounts.length > 0 },
    { kind: 'action', id: 'show', label: 'Show window', enabled: true },
    { kind: 'toggle', id: 'privacy', label: 'Privacy mode', checked: privacy },
    { kind: 'separator' },
    { kind: 'action', id: 'quit', label: `Quit ${input.appName}`, enabled: true },
  ];

  return {
    icon: failed.length > 0 ? 'error' : 'normal',
    tooltip,
    title: input.platform === 'win32' ? null : (totalText ?? ''),
    menu,
  };
}

function sum(values: readonly string[]): string {
  return values.reduce((acc, v) => acc.plus(v), new Decimal('0')).toFixed();
}

/** The age of the oldest account's data, so the tray never claims to be fresher than it is. */
function ageLine(withData: readonly AccountBalances[], now: number, refreshing: boolean): string | null {
  const times = withData.map((b) => (b.fetchedAt === null ? null : Date.parse(b.fetchedAt))).filter((t): t is number => t !== null);
  if (times.length === 0) return null;
  const age = describeAge(now - Math.min(...times));
  return refreshing ? `Updated ${age} · refreshing…` : `Updated ${age}`;
}

export function describeAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

interface MergedRow {
  readonly asset: string;
  readonly base: string;
  readonly extension: BalanceRow['extension'];
  readonly amount: string;
  readonly value: string | null;
}

/** The largest holdings across accounts, the same asset code merged; unpriced ones only after priced. */
function topBalances(rows: readonly BalanceRow[], count: number): MergedRow[] {
  const merged = new Map<string, MergedRow>();
  for (const row of rows) {
    const seen = merged.get(row.asset);
    merged.set(row.asset, {
      asset: row.asset,
      base: row.base,
      extension: row.extension,
      amount: seen === undefined ? row.amount : new Decimal(seen.amount).plus(row.amount).toFixed(),
      value: row.value === null || (seen !== undefined && seen.value === null) ? null : new Decimal(seen?.value ?? '0').plus(row.value).toFixed(),
    });
  }
  return [...merged.values()]
    .filter((row) => !new Decimal(row.amount).eq('0'))
    .sort((a, b) => {
      if (a.value !== null && b.value !== null) return new Decimal(b.value).cmp(a.value) || a.asset.localeCompare(b.asset);
      if (a.value !== null) return -1;
      if (b.value !== null) return 1;
      return a.asset.localeCompare(b.asset);
    })
    .slice(0, count);
}

function balanceItem(row: MergedRow, quote: string, privacy: boolean): TrayMenuItem {
  const name = row.extension === null ? row.base : `${row.base} (${describeExtension(row.extension)}, read-only)`;
  const amount = privacy ? MASKED : formatAmount(row.amount);
  const value = row.value === null ? ' · no price' : privacy ? '' : ` ≈ ${formatMoney(row.value, quote)} ${quote}`;
  return { kind: 'balance', asset: row.asset, label: `${name}  ${amount}${value}`, readOnly: row.extension !== null };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
