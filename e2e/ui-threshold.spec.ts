// Issue 13, point 2: "Hide balances under" follows the quote currency (10 USD never becomes 10 BTC and
// empties the table): converted at the price on screen, or reset with a notice; and it applies as the
// user types, saved once the typing pauses.
import type { Page } from '@playwright/test';
import Big from 'big.js';
import type { KrakenBridge, Settings } from '../ipc/contract.ts';
import { expect, test } from './fixtures.ts';
import { balancesNow, openDemo, valueOf } from './ui-helpers.ts';

const settingsNow = async (page: Page): Promise<Settings> => valueOf(await page.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.settings.get()));

async function chooseQuote(page: Page, quote: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Quote currency').selectOption(quote);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('table', { name: `Balances of Demo account in ${quote}` })).toBeVisible();
}

test('the threshold applies as you type and follows a change of quote currency', async ({ page }) => {
  await openDemo(page);
  const threshold = page.getByLabel('Hide balances under');
  const count = page.getByText(/^(\d+ of )?\d+ balances$/);
  await expect(count).toHaveText('10 balances');

  // Typing filters at once, before Enter or leaving the field; the setting is saved when typing pauses.
  await threshold.pressSequentially('20');
  await expect(count).toHaveText('9 of 10 balances');
  await expect(threshold).toBeFocused();
  await expect.poll(async () => (await settingsNow(page)).hideSmallBelow).toBe('20');
  await expect(threshold).toHaveValue('20');

  // USD → BTC: 20 USD is converted at the BTC price the demo carries, not read as 10 BTC.
  const btcPrice = (await balancesNow(page))[0]?.portfolio?.rows.find((row) => row.asset === 'XXBT')?.price ?? '';
  const converted = new Big(20).div(btcPrice).prec(2).toFixed();
  await chooseQuote(page, 'BTC');
  await expect(count).toHaveText('9 of 10 balances');
  expect((await settingsNow(page)).hideSmallBelow).toBe(converted);
  await expect(threshold).toHaveValue(converted);
  await expect(page.getByTestId('threshold-change')).toContainText(`“Hide balances under” was 20 USD; at the current price that is about ${converted} BTC.`);

  // BTC → JPY: the demo holds no yen, so there is no price to convert with: reset, and said so.
  await chooseQuote(page, 'JPY');
  await expect(count).toHaveText('10 balances');
  expect((await settingsNow(page)).hideSmallBelow).toBe('0');
  await expect(threshold).toHaveValue('');
  await expect(page.getByTestId('threshold-change')).toContainText(`“Hide balances under” was ${converted} BTC; with no JPY price to convert it, it now hides nothing.`);
  await page.getByTestId('threshold-change').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('threshold-change')).toHaveCount(0);
});
