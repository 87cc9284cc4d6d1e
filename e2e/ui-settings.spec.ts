// Issue 5, point 5: settings — refresh interval (bounded), quote currency, rebase_multiplier, verification
// tier, launch at login, close to tray, theme; numbers follow the OS locale.
import type { Page } from '@playwright/test';
import type { KrakenBridge, Settings } from '../ipc/contract.ts';
import { expect, test } from './helpers/accounts.ts';
import { addMainKey, balancesNow, openDemo, valueOf } from './ui-helpers.ts';

test.use({ keyring: 'gnome_libsecret' });

const settingsNow = async (page: Page): Promise<Settings> =>
  valueOf(await page.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.settings.get()));

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('every setting is saved by main and takes effect', async ({ page }) => {
  await addMainKey(page);
  const dialog = await openSettings(page);

  const intervals = await dialog.getByLabel('Refresh').locator('option').allTextContents();
  expect(intervals).toEqual(['Every 30 seconds', 'Every minute', 'Every 2 minutes', 'Every 5 minutes', 'Every 15 minutes', 'Every 30 minutes', 'Every hour']);
  await dialog.getByLabel('Refresh').selectOption({ label: 'Every 5 minutes' });
  await dialog.getByLabel('Kraken verification tier').selectOption({ label: 'Pro' });
  await dialog.getByRole('radio', { name: 'Base', exact: true }).check();
  await expect(dialog.getByText('For xStocks only: rebased counts shares of the underlying stock, base counts the issuer’s tokens.')).toBeVisible();
  await dialog.getByLabel('Launch at login').check();
  await dialog.getByLabel('Closing the window keeps the app in the tray').uncheck();
  await dialog.getByLabel('Quote currency').selectOption('EUR');
  await expect
    .poll(async () => {
      const saved = await settingsNow(page);
      return [saved.refreshIntervalSec, saved.tier, saved.rebaseMultiplier, saved.launchAtLogin, saved.closeToTray, saved.quoteCurrency];
    })
    .toEqual([300, 'pro', 'base', true, false, 'EUR']);

  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Balances of Main in EUR' })).toBeVisible();
  await expect.poll(async () => (await balancesNow(page))[0]?.portfolio?.quote).toBe('EUR');
  await expect(page.getByTestId('portfolio-total')).toHaveText(/^€[\d,]+\.\d{2}$/);
  await expect.poll(async () => Number(/(\d+):(\d{2})/.exec((await page.getByTestId('next-refresh').textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThanOrEqual(1);
});

test('the theme follows the setting, and "system" follows the OS', async ({ page }) => {
  await openDemo(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dialog = await openSettings(page);

  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).toBe('rgb(14, 17, 21)');
  await dialog.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(background).toBe('rgb(244, 245, 247)');

  await dialog.getByRole('radio', { name: 'System' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe('rgb(14, 17, 21)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe('rgb(244, 245, 247)');
  expect((await settingsNow(page)).theme).toBe('system');
});

test.describe('on a German system', () => {
  test.use({ osLocale: 'de_DE.UTF-8' });

  test('numbers are written the way the OS locale writes them, digit for digit', async ({ page }) => {
    // Main reads the OS locale (app.getSystemLocale()) and hands it to the window with the app info.
    await openDemo(page);
    await expect(page.locator('[data-line="row:XXBT"] .amount-text')).toHaveText('1.011,19088779');
    await expect(page.locator('[data-line="row:ETH2.S"] .amount-text')).toHaveText('198,39708');
    await expect(page.locator('[data-line="row:USD.M"] .amount-text')).toHaveText('1.213.029,278');
    await expect(page.getByTestId('portfolio-total')).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}\u00a0\$$/);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByText('Follows your system (de-DE): 1.234.567,89')).toBeVisible();
  });
});
