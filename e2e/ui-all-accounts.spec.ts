// Issue 13, point 1: "All accounts" never adds the demo account's sample money to real balances (window,
// tray and the value-over-time series alike), and adding a real key beside the demo offers to remove it.
import type { TrayModel } from '../main/tray/tray-model.ts';
import { expect, test } from './helpers/accounts.ts';
import { addKeyThroughForm, balancesNow, historyNow, KEYS, openDemo, usd, valueOf } from './ui-helpers.ts';
import type { AccountSummary, KrakenBridge } from '../ipc/contract.ts';

test.use({ keyring: 'gnome_libsecret' });

test('the demo’s sample money stays out of real totals, and adding a key offers to remove it', async ({ app, page }) => {
  // A key added through the form, two refreshes and the history: over a minute on a loaded machine.
  test.slow();
  await openDemo(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add an API key…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a Kraken account' });
  await addKeyThroughForm(page, { label: 'Main', ...KEYS.main });
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Balances of Main in USD' })).toBeVisible({ timeout: 20_000 });
  const offer = page.getByTestId('demo-offer');
  await expect(offer).toContainText('Remove the demo account?');

  const accounts = valueOf(await page.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.accounts.list()));
  const main = accounts.find((account: AccountSummary) => !account.demo);
  const demo = accounts.find((account: AccountSummary) => account.demo);
  await expect.poll(async () => (await balancesNow(page)).find((entry) => entry.accountId === main?.id)?.status).toBe('fresh');
  const mainTotal = (await balancesNow(page)).find((entry) => entry.accountId === main?.id)?.portfolio?.total ?? '';

  // The window: All accounts shows the real account's total and says the demo is left out.
  await page.getByRole('tab', { name: 'All accounts' }).click();
  await expect(page.getByTestId('portfolio-total')).toHaveText(usd(mainTotal));
  await expect(page.getByTestId('demo-left-out')).toHaveText('Not counting “Demo account”: its sample balances are not real money. Remove it');
  await expect(page.getByRole('table', { name: 'Balances of All accounts in USD' }).locator('[data-line="row:ETH2"]')).toHaveCount(1);
  await expect(page.getByText(/^\d+ balances$/)).toHaveText(`${(await balancesNow(page)).find((entry) => entry.accountId === main?.id)?.portfolio?.rows.length} balances`);

  // The tray: the same total.
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as { __krakenTrayModel?: TrayModel }).__krakenTrayModel?.title)).toBe(usd(mainTotal));

  // The value over time of All accounts is the real account's alone.
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect.poll(async () => (await historyNow(page, main?.id)).length).toBeGreaterThanOrEqual(2);
  expect(await historyNow(page)).toEqual(await historyNow(page, main?.id));

  // The demo on its own tab still shows its sample money.
  await page.getByRole('tab', { name: /Demo account/ }).click();
  await expect(page.getByTestId('portfolio-total')).toHaveText('$104,502,285.75');

  await offer.getByRole('button', { name: 'Remove the demo account' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /Demo account/ })).toHaveCount(0);
  expect(valueOf(await page.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.accounts.list())).map((account) => account.id)).toEqual([main?.id]);
  expect(demo).toBeDefined();
});
