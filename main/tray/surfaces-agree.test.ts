// Window, tray and notifications show the same balances in the same words and numbers, in every locale.
// Each surface's own code path runs (the window's table lines, the tray model, the notification texts);
// the expected strings are written out here, never produced by the shared formatter under test.
import { describe, expect, it } from 'vitest';
import type { AccountBalances, QuoteCurrency } from '../../ipc/contract.ts';
import { arrangeRows, DEFAULT_SORT } from '../../renderer/src/model/balance-view.ts';
import { tableLines, type TableLine } from '../../renderer/src/model/row-view.ts';
import { combineBalances } from '../../shared/combine.ts';
import { sumDecimals } from '../../shared/decimal.ts';
import { quoteFormat } from '../../shared/money.ts';
import { readNumberLocale } from '../../shared/number-locale.ts';
import { account, balanceRow } from '../../shared/testing/sample-data.ts';
import { changeNotifications } from '../notifications/change-text.ts';
import { trayModel } from './tray-model.ts';

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const accounts = [account('main', 'Main'), account('savings', 'Savings')];

/** Two accounts holding BTC and staked ETH (with and without the .S suffix), valued in `quote`. */
function holdings(quote: QuoteCurrency, [btc, staked, eth2]: readonly [string, string, string]): AccountBalances[] {
  const fresh = { status: 'fresh' as const, fetchedAt: new Date(NOW).toISOString(), nextRefreshAt: null, previousTotal: null, error: null, stale: false, fromHistory: false, updates: { live: false, intervalSec: 60, note: null } };
  return [
    { ...fresh, accountId: 'main', portfolio: { quote, total: '0', unpriced: [], change24h: null, earn: null, rows: [balanceRow('XXBT', 'BTC', '1011.1908877900', btc), balanceRow('ETH2.S', 'ETH', '198.3970800000', staked)] } },
    { ...fresh, accountId: 'savings', portfolio: { quote, total: '0', unpriced: [], change24h: null, earn: null, rows: [balanceRow('ETH2', 'ETH', '2.5885574330', eth2)] } },
  ].map((entry) => ({ ...entry, portfolio: { ...entry.portfolio, total: sumDecimals(entry.portfolio.rows.map((row) => row.value ?? '0')) } }));
}

function surfaces(locale: string, quote: QuoteCurrency, balances: AccountBalances[]) {
  const numbers = readNumberLocale(locale);
  const tray = trayModel({ appName: 'Kraken Balances', settings: { privacyMode: false, quoteCurrency: quote }, accounts, balances, locale: numbers, now: NOW, platform: 'linux', paused: null });
  const combined = combineBalances(balances, accounts, quote);
  const window = tableLines(arrangeRows(combined.rows, { search: '', kind: 'all', hideBelow: '0' }, DEFAULT_SORT), { locale: numbers, quote: quoteFormat(quote, numbers), privacy: false });
  const line = (key: string): Pick<TableLine, 'name' | 'badge' | 'amountText' | 'valueText' | 'label'> | undefined => {
    const found = window.find((entry) => entry.key === key);
    return found && { name: found.name, badge: found.badge, amountText: found.amountText, valueText: found.valueText, label: found.label };
  };
  const staked = { asset: 'ETH2.S', before: '176.3529600000', after: '198.3970800000', percent: '12.50', direction: 'up' as const };
  const [notification] = changeNotifications('Main', [staked], combined.rows, false, numbers);
  const menu = tray.menu.flatMap((item) => (item.kind === 'balance' ? [item.label] : []));
  return { tooltip: tray.tooltip.split('\n')[0], menu, staked: line('row:ETH2.S'), eth2: line('row:ETH2'), btc: line('row:XXBT'), notification };
}

/** One balance as every surface writes it: the amount, its value, and the value read aloud. */
interface Written {
  readonly amount: string;
  readonly money: string;
  readonly spoken: string;
}

interface Expected {
  readonly locale: string;
  readonly quote: QuoteCurrency;
  /** How the window writes the unit price main sends (1 in the quote) in the row's spoken label. */
  readonly price: string;
  /** Values of BTC, ETH2.S and ETH2 in `quote`, as main sends them. */
  readonly values: readonly [string, string, string];
  readonly total: string;
  readonly btc: Written;
  readonly staked: Written;
  readonly eth2: Written;
  readonly notification: { readonly title: string; readonly body: string };
}

// One locale per entry: the values main sends, then what each surface must write for them.
const LOCALES: readonly Expected[] = [
  { locale: 'en-US', quote: 'USD', price: '$1.00', values: ['98338414.956666279', '724198.94127', '9448.88176980825'], total: '$99,072,062.78',
    btc: { amount: '1,011.19088779', money: '$98,338,414.96', spoken: '98,338,414.96 US dollars' }, staked: { amount: '198.39708', money: '$724,198.94', spoken: '724,198.94 US dollars' },
    eth2: { amount: '2.588557433', money: '$9,448.88', spoken: '9,448.88 US dollars' },
    notification: { title: 'Staked ETH balance increased 12.50%', body: 'Main: 176.35296 → 198.39708 ETH' } },
  { locale: 'de-DE', quote: 'EUR', price: '1,00\u00a0€', values: ['90615242.312992596', '667229.219748', '8705.5775029223'], total: '91.291.177,11\u00a0€',
    btc: { amount: '1.011,19088779', money: '90.615.242,31\u00a0€', spoken: '90.615.242,31 Euro' }, staked: { amount: '198,39708', money: '667.229,22\u00a0€', spoken: '667.229,22 Euro' },
    eth2: { amount: '2,588557433', money: '8.705,58\u00a0€', spoken: '8.705,58 Euro' },
    notification: { title: 'Staked ETH balance increased 12,50\u00a0%', body: 'Main: 176,35296 → 198,39708 ETH' } },
  // Yen have no decimals; 106,700,000.5 rounds half to even, to 106,700,000, on every surface.
  { locale: 'ja-JP', quote: 'JPY', price: '￥1', values: ['14456000000.25', '106700000.5', '1392000'], total: '￥14,564,092,001',
    btc: { amount: '1,011.19088779', money: '￥14,456,000,000', spoken: '14,456,000,000 円' }, staked: { amount: '198.39708', money: '￥106,700,000', spoken: '106,700,000 円' },
    eth2: { amount: '2.588557433', money: '￥1,392,000', spoken: '1,392,000 円' },
    notification: { title: 'Staked ETH balance increased 12.50%', body: 'Main: 176.35296 → 198.39708 ETH' } },
];

describe('tray, notifications and window agree', () => {
  it.each(LOCALES)('in $locale', ({ locale, quote, price, values, total, btc, staked, eth2, notification }) => {
    const seen = surfaces(locale, quote, holdings(quote, values));
    expect(seen.tooltip).toBe(`Kraken Balances — Total ${total}`);
    expect(seen.menu).toEqual([
      `BTC  ${btc.amount} ≈ ${btc.money}`,
      `Staked ETH (read-only)  ${staked.amount} ≈ ${staked.money}`,
      `Staked ETH (read-only)  ${eth2.amount} ≈ ${eth2.money}`,
    ]);
    expect(seen.btc).toEqual({ name: 'BTC', badge: null, amountText: btc.amount, valueText: btc.money, label: `BTC, ${btc.amount} BTC, price ${price}, ${btc.spoken}` });
    expect(seen.staked).toEqual({ name: 'ETH', badge: 'Staked', amountText: staked.amount, valueText: staked.money, label: `Staked ETH, read-only, ${staked.amount} ETH, price ${price}, ${staked.spoken}` });
    expect(seen.eth2).toEqual({ name: 'ETH', badge: 'Staked', amountText: eth2.amount, valueText: eth2.money, label: `Staked ETH, read-only, ${eth2.amount} ETH, price ${price}, ${eth2.spoken}` });
    expect(seen.notification).toEqual(notification);
  });
});
