// Issue 13, point 8: a saved key Kraken refuses is fixed where the error is shown. "Update key" takes a new
// API key, private key and 2FA password for the same account: Kraken checks it before anything is
// replaced, and the account keeps its name and history; the live stream comes back with the new key.
import { expect, listAccounts, test } from './helpers/accounts.ts';
import { saveScreenshot } from './screenshots.ts';
import { addMainKey, historyNow, KEYS, resizeWindow, valueOf } from './ui-helpers.ts';

test.describe.configure({ timeout: 180_000 });

/** Balances the second key holds on the fake, so the table shows which key it was read with. */
const SECOND_KEY_BALANCES = { XXBT: '0.5000000000', ZUSD: '1000.0000' };

test('a key deleted on Kraken is replaced from its error: same account, name and history, balances and live updates back', async ({ app, page, fakeKraken }) => {
  await addMainKey(page);
  const [before] = valueOf(await listAccounts(page));
  if (before === undefined) throw new Error('no account');
  const historyBefore = await historyNow(page, before.id);
  expect(historyBefore.length).toBeGreaterThan(0);
  fakeKraken.setBalances(SECOND_KEY_BALANCES, KEYS.second.apiKey);

  // The key is deleted on Kraken: the next refresh says so, with the fix beside it.
  fakeKraken.deleteKey(KEYS.main.apiKey);
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Kraken does not recognise this API key' });
  await expect(alert).toHaveAttribute('data-kind', 'key', { timeout: 20_000 });
  await expect(alert).toContainText('Settings → Connections & API');
  await expect(alert).toContainText('with Update key');
  await expect(alert).not.toContainText(/paste/i);
  await alert.getByRole('button', { name: 'Update key' }).click();

  const dialog = page.getByRole('dialog', { name: 'Update key' });
  await expect(dialog.getByLabel('Account')).toHaveValue('Main');
  await expect(dialog.getByLabel('Account')).not.toBeEditable();
  await expect(dialog.getByLabel('API key', { exact: true })).toBeFocused();
  await resizeWindow(app, page, 720, 520);
  await saveScreenshot(page, 'update-key-720x520');

  // An empty form flags both required fields and sends nothing.
  const calls = fakeKraken.calls.length;
  await dialog.getByRole('button', { name: 'Update key' }).click();
  await expect(dialog.getByLabel('API key', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Private key')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Enter the private key.')).toBeVisible();
  expect(fakeKraken.calls.length).toBe(calls);

  // A key Kraken does not know: the saved key stays, and the dialog says why.
  await dialog.getByLabel('API key', { exact: true }).fill(KEYS.unknown.apiKey);
  await dialog.getByLabel('Private key').fill(KEYS.unknown.apiSecret);
  await dialog.getByRole('button', { name: 'Update key' }).click();
  await expect(dialog.getByText('Kraken does not recognise this API key. The key was not saved.')).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText('The saved key was not changed.');
  expect(valueOf(await listAccounts(page)).map((a) => [a.id, a.keyFingerprint])).toEqual([[before.id, before.keyFingerprint]]);

  // A working key: checked, saved in place of the old one, and the balances come back at once.
  await dialog.getByLabel('API key', { exact: true }).fill(KEYS.second.apiKey);
  await dialog.getByLabel('Private key').fill(KEYS.second.apiSecret);
  await dialog.getByRole('button', { name: 'Update key' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('refresh-status')).toHaveText('Up to date', { timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'API key' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Balances of Main in USD' })).toBeVisible();
  await expect(page.locator('[data-line="row:XXBT"]')).toContainText('0.5');

  const [after] = valueOf(await listAccounts(page));
  expect(after).toMatchObject({ id: before.id, label: 'Main', addedAt: before.addedAt, lastCheck: { ok: true } });
  expect(after?.keyFingerprint).not.toBe(before.keyFingerprint);
  const historyAfter = await historyNow(page, before.id);
  expect(historyAfter.slice(0, historyBefore.length)).toEqual(historyBefore);
  expect(historyAfter.length).toBeGreaterThan(historyBefore.length);

  // Live again, on a token of the new key: a change on Kraken shows without a refresh.
  await expect.poll(() => fakeKraken.calls.some((c) => c.path === '/0/private/GetWebSocketsToken' && c.apiKey === KEYS.second.apiKey && c.errors.length === 0), { timeout: 20_000 }).toBe(true);
  await expect(page.getByTestId('update-mode')).toHaveText('Live', { timeout: 20_000 });
  fakeKraken.setBalances({ ...SECOND_KEY_BALANCES, XXBT: '0.7500000000' }, KEYS.second.apiKey);
  await expect(page.locator('[data-line="row:XXBT"]')).toContainText('0.75', { timeout: 20_000 });
});
