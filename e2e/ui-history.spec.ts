// Issue 13, points 6 and 13: history survives a quote change (converted at the rate recorded with each
// point, or shown in the quote it was recorded in, labelled) and an added account (counted from when it
// joined); ranges 24 h … All, the value of any point on hover and keyboard focus, and a per-asset view.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Big from 'big.js';
import type { KrakenBridge, Settings } from '../ipc/contract.ts';
import { DEFAULT_BALANCES } from './fake-kraken/index.ts';
import { addAccount, appReady, expect, listAccounts, test } from './helpers/accounts.ts';
import { addMainKey, balancesNow, historyNow, historySeriesNow, KEYS, usd, valueOf } from './ui-helpers.ts';

test.use({ keyring: 'gnome_libsecret' });

const Exact = Big();
Exact.DP = 30;
Exact.RM = Exact.roundHalfEven;
Exact.strict = true;

const DAY = 24 * 60 * 60 * 1000;
const updateSettings = async (page: Page, patch: Partial<Settings>) => valueOf(await page.evaluate((p) => (window as unknown as { kraken: KrakenBridge }).kraken.settings.update(p), patch));

async function refreshWithNewBalance(page: Page, fakeKraken: { setBalances(b: Record<string, string>, key?: string): void }, dot: string): Promise<void> {
  const before = (await historyNow(page)).length;
  fakeKraken.setBalances({ ...DEFAULT_BALANCES, DOT: dot }, KEYS.main.apiKey);
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect.poll(async () => (await historyNow(page)).length).toBeGreaterThan(before);
}

test('a quote change keeps the chart: converted at the rate recorded with each point, or shown as recorded and labelled', async ({ page, fakeKraken }) => {
  await addMainKey(page);
  await refreshWithNewBalance(page, fakeKraken, '3.5000000000');
  const usdPoints = await historyNow(page);
  const chart = page.getByTestId('history-chart');
  await expect(chart).toBeVisible();

  // Every USD point recorded the price of EUR (the account holds ZEUR): converted, exactly, and said so.
  await updateSettings(page, { quoteCurrency: 'EUR' });
  await expect(page.getByRole('table', { name: 'Balances of Main in EUR' })).toBeVisible();
  await expect.poll(async () => (await historySeriesNow(page)).points.length).toBe(usdPoints.length + 1);
  const eur = await historySeriesNow(page);
  expect(eur.quote).toBe('EUR');
  expect(eur.points.slice(0, usdPoints.length)).toEqual(usdPoints.map((p) => ({ at: p.at, total: new Exact(p.total).div('1.0852').toFixed(), revalued: true })));
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId('history-notes')).toContainText('Points recorded in another currency are converted to EUR at the rate recorded with them.');

  // No GBP was held, so no GBP price was recorded: the chart stays in a recorded currency, labelled, and GBP can be picked.
  await updateSettings(page, { quoteCurrency: 'GBP' });
  await expect(page.getByRole('table', { name: 'Balances of Main in GBP' })).toBeVisible();
  await expect(chart.getByTestId('history-notes')).toContainText('Shown in USD, as it was recorded: there is not enough GBP history yet.');
  const picker = chart.getByRole('combobox', { name: 'Currency of the chart' });
  await expect(picker).toHaveValue('USD');
  await expect(chart.getByRole('img')).toHaveAccessibleName(/^Portfolio value from .+: \$[\d,.]+ to \$[\d,.]+, low/);
  await picker.selectOption('GBP');
  await expect(chart.getByText('Not enough history in this range yet: a point is recorded with every refresh.')).toBeVisible();
  await expect(chart.getByTestId('history-notes')).toContainText(`${usdPoints.length + 1} points were recorded in EUR or USD with no GBP price to convert them: pick EUR or USD to see them.`);
});

test('adding an account keeps the All-accounts chart, counting the new account from when it joined', async ({ page, fakeKraken }) => {
  await addMainKey(page);
  await refreshWithNewBalance(page, fakeKraken, '3.5000000000');
  const second = valueOf(await addAccount(page, { label: 'Savings', ...KEYS.second }));
  await expect.poll(async () => (await historyNow(page, second.id)).length).toBeGreaterThanOrEqual(1);
  await page.getByRole('tab', { name: 'All accounts' }).click();
  const chart = page.getByTestId('history-chart');
  await expect(chart).toBeVisible();
  const [joined] = (await historyNow(page, second.id)).map((p) => p.at);
  const series = await historySeriesNow(page);
  expect(series.joins).toEqual([{ accountId: second.id, at: joined }]);
  await expect(chart.getByTestId('history-notes')).toContainText(/Savings is counted from \w{3} \d{1,2}, \d{1,2}:\d\d [AP]M\./);
  await expect(chart.locator('line.history-marker')).toHaveCount(1);
  const totals = (await balancesNow(page)).map((entry) => entry.portfolio?.total ?? '0');
  await expect.poll(async () => (await historySeriesNow(page)).points.at(-1)?.total).toBe(totals.reduce((sum, t) => sum.plus(t), new Exact('0')).toFixed());
});

test('ranges, the value of any point on keyboard focus and hover, and one asset’s amount and value over time', async ({ app, page, launch }) => {
  test.setTimeout(180_000);
  await addMainKey(page);
  const [main] = valueOf(await listAccounts(page));
  await app.close();
  // Older history, as weeks of use would have left it: BTC only, worth 1,000 then 2,000 USD.
  const file = path.join(test.info().outputPath('user-data'), 'history.json');
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { version: number; accounts: Record<string, unknown[]> };
  const now = Date.now();
  const old = [now - 40 * DAY, now - 3 * DAY];
  stored.accounts[main?.id ?? ''] = [[old[0], '1000', 'USD', { XXBT: '1' }, { XXBT: '1000' }], [old[1], '2000', null, null, { XXBT: '2000' }], ...(stored.accounts[main?.id ?? ''] ?? [])];
  writeFileSync(file, JSON.stringify(stored));

  const again = await appReady(await (await launch()).firstWindow());
  await expect(again.getByRole('table', { name: 'Balances of Main in USD' })).toBeVisible({ timeout: 20_000 });
  const chart = again.getByTestId('history-chart');
  const reader = chart.getByRole('slider', { name: 'Portfolio value: pick a time' });
  const readout = chart.getByTestId('history-readout');
  const when = (at: number) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(at);
  const pick = async (range: string, key: string) => {
    await chart.getByRole('button', { name: range }).click();
    await reader.focus();
    await reader.press(key);
  };

  await pick('all history', 'Home');
  await expect(readout).toHaveText(`${when(old[0] ?? 0)}: $1,000.00`);
  await expect(reader).toHaveAttribute('aria-valuetext', `${when(old[0] ?? 0)}: $1,000.00`);
  await reader.press('ArrowRight');
  await expect(readout).toHaveText(`${when(old[1] ?? 0)}: $2,000.00`);
  // 7 days: the value at its start is the last one recorded before it, carried to the start.
  await pick('last 7 days', 'Home');
  await expect(readout).toHaveText(/: \$1,000\.00$/);
  await pick('last 24 hours', 'Home');
  await expect(readout).toHaveText(/: \$2,000\.00$/);
  await expect(chart.getByRole('button', { name: 'last 24 hours' })).toHaveAttribute('aria-pressed', 'true');
  await reader.press('End');
  const total = (await balancesNow(again))[0]?.portfolio?.total ?? '';
  await expect(readout).toHaveText(new RegExp(`: ${usd(total).replace(/[$.]/g, '\\$&')}$`));

  // Hover: the point under the pointer.
  await reader.blur();
  await expect(readout).toHaveText('');
  await chart.getByRole('button', { name: 'all history' }).click();
  const box = await reader.boundingBox();
  await again.mouse.move((box?.x ?? 0) + 1, (box?.y ?? 0) + (box?.height ?? 0) / 2);
  await expect(readout).toHaveText(`${when(old[0] ?? 0)}: $1,000.00`);
  await again.mouse.move((box?.x ?? 0) + (box?.width ?? 0) - 1, (box?.y ?? 0) + (box?.height ?? 0) / 2);
  await expect(readout).toHaveText(new RegExp(`: ${usd(total).replace(/[$.]/g, '\\$&')}$`));

  // One asset from its line: amount and value over time.
  const btc = again.locator('[role="row"][data-line="row:XXBT"]');
  await btc.hover();
  await btc.getByRole('button', { name: 'History of BTC (XXBT)' }).click();
  const dialog = again.getByRole('dialog', { name: 'History of BTC' });
  const amount = dialog.getByRole('slider', { name: 'BTC amount: pick a time' });
  await amount.focus();
  await amount.press('Home');
  await expect(amount).toHaveAttribute('aria-valuetext', `${when(old[0] ?? 0)}: 1 BTC`);
  await amount.press('End');
  await expect(amount).toHaveAttribute('aria-valuetext', /: 1,011\.19088779 BTC$/);
  const value = dialog.getByRole('slider', { name: 'BTC value: pick a time' });
  await value.focus();
  await value.press('Home');
  await expect(value).toHaveAttribute('aria-valuetext', `${when(old[0] ?? 0)}: $1,000.00`);
  await value.press('Escape');
  await expect(dialog).toHaveCount(0);
  await btc.focus();
  await btc.press('Enter');
  await expect(again.getByRole('dialog', { name: 'History of BTC' })).toBeVisible();
});
