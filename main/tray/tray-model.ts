import type { AccountBalances, AccountSummary, BalanceRow, Settings } from '../../ipc/contract.ts';
import { fullName } from '../../shared/asset-names.ts';
import { combineBalances } from '../../shared/combine.ts';
import { compareDecimals, isZeroDecimal } from '../../shared/decimal-string.ts';
import { amountText, MASK, moneyText, quoteFormat, type QuoteFormat } from '../../shared/money.ts';
import type { NumberLocale } from '../../shared/number-locale.ts';
import { ageText } from '../../shared/time.ts';
import { updateModeText, type ScopeUpdates } from '../../shared/update-mode.ts';

export type TrayIconState = 'normal' | 'error';

export type TrayMenuItem =
  /** Text only (disabled): the total, the age, problems. */
  | { readonly kind: 'info'; readonly label: string }
  /** One of the top balances (disabled). */
  | { readonly kind: 'balance'; readonly asset: string; readonly label: string; readonly readOnly: boolean }
  | { readonly kind: 'separator' }
  | { readonly kind: 'action'; readonly id: 'refresh' | 'show' | 'quit' | 'installUpdate'; readonly label: string; readonly enabled: boolean }
  | { readonly kind: 'toggle'; readonly id: 'privacy'; readonly label: string; readonly checked: boolean };

/** Everything the tray shows; the Electron edge (app-tray.ts) only applies it. */
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
  /** How the OS writes numbers: the tray writes them as the window does. */
  readonly locale: NumberLocale;
  /** Epoch ms. */
  readonly now: number;
  readonly platform: NodeJS.Platform;
  readonly paused: 'suspended' | 'offline' | null;
  /** A downloaded, verified version waiting for "Restart to update" (main/update/). */
  readonly updateReady?: { readonly version: string } | null;
}

export const TOP_BALANCES = 5;
/** Windows cuts tray tooltips at 127 characters. */
const WINDOWS_TOOLTIP_MAX = 127;

/** The same texts the window writes: shared/money.ts with the OS locale, masked alike in privacy mode. */
interface Writer {
  readonly privacy: boolean;
  readonly money: (value: string) => string;
  readonly amount: (amount: string) => string;
}

function writer(locale: NumberLocale, format: QuoteFormat, privacy: boolean): Writer {
  return {
    privacy,
    money: (value) => (privacy ? MASK : moneyText(value, format, locale)),
    amount: (amount) => (privacy ? MASK : amountText(amount, locale)),
  };
}

export function trayModel(input: TrayInput): TrayModel {
  const { settings, accounts, balances, locale } = input;
  const quote = settings.quoteCurrency;
  const write = writer(locale, quoteFormat(quote, locale), settings.privacyMode);
  // "All accounts", combined by the window's own rule.
  const scope = combineBalances(balances, accounts, quote);
  const label = (id: string): string => accounts.find((a) => a.id === id)?.label ?? 'Account';
  const failed = balances.filter((b) => b.status === 'error' && b.error !== null);
  const refreshing = balances.some((b) => b.status === 'refreshing');
  // Right after a quote switch, until the first account is valued in the new currency, there is no total.
  const totalText = balances.some((b) => b.portfolio?.quote === quote) ? write.money(scope.total) : null;

  const headline = accounts.length === 0 ? 'No accounts yet' : totalText === null ? (refreshing ? 'Loading balances…' : 'No balances yet') : `Total ${totalText}`;
  const age = totalText === null ? null : ageLine(scope.fetchedAt, scope.updates, input, refreshing);
  const problems = [
    ...failed.map((b) => `⚠ ${label(b.accountId)}: ${b.error?.message ?? ''}`),
    ...(balances.some((b) => b.status === 'stale') ? ['Balances are out of date'] : []),
    ...(input.paused === 'offline' ? ['Offline: refresh paused until the connection is back'] : []),
  ];

  const tooltipLines = [`${input.appName} — ${headline}`, ...(age === null ? [] : [age]), ...problems];
  const tooltip = input.platform === 'win32' ? clip(tooltipLines.join('\n'), WINDOWS_TOOLTIP_MAX) : tooltipLines.join('\n');

  const top = totalText === null ? [] : topBalances(scope.rows, TOP_BALANCES);
  const menu: TrayMenuItem[] = [
    // Repeats the tooltip: some Linux trays never show tooltips.
    { kind: 'info', label: headline },
    ...(age === null ? [] : [{ kind: 'info' as const, label: age }]),
    ...problems.map((text) => ({ kind: 'info' as const, label: text })),
    ...(top.length === 0 ? [] : [{ kind: 'separator' as const }, ...top.map((row) => balanceItem(row, write))]),
    { kind: 'separator' },
    ...(input.updateReady ? [{ kind: 'action' as const, id: 'installUpdate' as const, label: `Restart to update to ${input.updateReady.version}`, enabled: true }, { kind: 'separator' as const }] : []),
    { kind: 'action', id: 'refresh', label: 'Refresh now', enabled: accounts.length > 0 },
    { kind: 'action', id: 'show', label: 'Show window', enabled: true },
    { kind: 'toggle', id: 'privacy', label: 'Privacy mode', checked: settings.privacyMode },
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

/**
 * The age of the oldest account's data, so the tray never claims to be fresher than it is; in whole
 * minutes, since the tray redraws only every 30 s. The window's words for the same age, then the
 * header's words for how it is kept current ("Live" or "Every 60 s").
 */
function ageLine(fetchedAt: string | null, updates: ScopeUpdates, input: TrayInput, refreshing: boolean): string | null {
  if (fetchedAt === null) return null;
  const minutes = Math.max(0, Math.floor((input.now - Date.parse(fetchedAt)) / 60_000));
  const age = ageText(minutes * 60_000, input.locale.locale);
  return refreshing ? `Updated ${age} · refreshing…` : `Updated ${age} · ${updateModeText(updates)}`;
}

/** The largest holdings of the combined view: priced by value, largest first, then unpriced ones by code. */
function topBalances(rows: readonly BalanceRow[], count: number): BalanceRow[] {
  const byCode = (a: BalanceRow, b: BalanceRow): number => (a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0);
  return rows
    .filter((row) => !isZeroDecimal(row.amount))
    .sort((a, b) => {
      if (a.value !== null && b.value !== null) return compareDecimals(b.value, a.value) || byCode(a, b);
      if (a.value !== null) return -1;
      if (b.value !== null) return 1;
      return byCode(a, b);
    })
    .slice(0, count);
}

function balanceItem(row: BalanceRow, write: Writer): TrayMenuItem {
  const name = row.readOnly ? `${fullName(row)} (read-only)` : fullName(row);
  const value = row.value === null ? ' · unpriced' : write.privacy ? '' : ` ≈ ${write.money(row.value)}`;
  return { kind: 'balance', asset: row.asset, label: `${name}  ${write.amount(row.amount)}${value}`, readOnly: row.readOnly };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
