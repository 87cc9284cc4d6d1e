// Issue 13, point 16: a shortcut sheet on `?`, Ctrl/Cmd+, for Settings, Ctrl/Cmd+1…9 for the account tabs.
import { addAccount, expect, test } from './helpers/accounts.ts';
import { KEYS, openDemo, valueOf } from './ui-helpers.ts';

test.use({ keyring: 'gnome_libsecret' });

test('? lists the shortcuts, Ctrl+, opens Settings, Ctrl+1…9 picks an account tab', async ({ page }) => {
  await openDemo(page);
  valueOf(await addAccount(page, { label: 'Main', ...KEYS.main }));
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveText(['All accounts', 'Demo accountDemo', 'Main']);

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const [keys, does] of [
    ['Ctrl+,', 'Open Settings'],
    ['Ctrl+1 … Ctrl+9', 'Show the first … ninth account tab'],
    ['R', 'Refresh the balances on screen'],
    ['/', 'Search assets'],
    ['Ctrl+C', 'Copy the exact amount of the focused balance'],
  ] as const) {
    await expect(sheet.locator('.shortcut').filter({ has: page.locator('kbd').getByText(keys, { exact: true }) })).toContainText(does);
  }
  // While a dialog is open, the window's keys wait.
  await page.keyboard.press('ControlOrMeta+2');
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+3');
  await expect(page.getByRole('tab', { name: 'Main' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Main' })).toBeVisible();
  // Even from the search field.
  await page.getByRole('searchbox', { name: 'Search assets' }).focus();
  await page.keyboard.press('ControlOrMeta+2');
  await expect(page.getByRole('tab', { name: /Demo account/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ControlOrMeta+1');
  await expect(page.getByRole('tab', { name: 'All accounts' })).toHaveAttribute('aria-selected', 'true');
  // No ninth tab: nothing happens.
  await page.keyboard.press('ControlOrMeta+9');
  await expect(page.getByRole('tab', { name: 'All accounts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Main' })).toHaveAttribute('aria-keyshortcuts', 'Control+3');

  await page.keyboard.press('ControlOrMeta+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);
});
