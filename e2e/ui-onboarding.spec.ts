// Issue 5, point 6: the first-run screen — add a read-only key (with main's native weak-protection question
// where no keyring exists) or open the offline demo account.
import { expect, listAccounts, test, valueOf } from './helpers/accounts.ts';
import { answerMessageBoxes, recordOpenedUrls } from './helpers/desktop-records.ts';
import { addKeyThroughForm, KEYS, lineNames, openDemo } from './ui-helpers.ts';

// One window for both (a launch costs seconds of every CI run); each step is what was a test of its own, both
// from the first-run screen.
test('the first-run screen: it explains the read-only key and opens the help page, and the demo account opens offline', async ({ app, page, fakeKraken }) => {
  await test.step('first run explains the read-only key and opens the help page from main', async () => {
    const opened = await recordOpenedUrls(app);
    await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await expect(page.getByText('Under Funds permissions, tick only Query.')).toBeVisible();
    await expect(page.getByText(/This app only reads your balances\. A key that cannot trade, deposit or withdraw cannot move your money/)).toBeVisible();
    await page.getByRole('button', { name: /How to create an API key/ }).click();
    await expect.poll(opened).toEqual(['https://support.kraken.com/hc/en-us/articles/360000919966-How-to-create-an-API-key']);
  });

  await test.step('the demo account opens at once, offline, on the documented sample balances', async () => {
    await openDemo(page);
    const names = await lineNames(page);
    expect(names).toContain('BTC, 1,011.19088779 BTC, 998.69088779 available, 12.5 held in open orders, price $97,250.10, +2.36% in 24 hours, 98,338,414.96 US dollars');
    expect(names).toContain('Staked ETH, read-only, 198.39708 ETH, price $3,650.25, -1.42% in 24 hours, 724,198.94 US dollars');
    expect(names).toContain('USD in opt-in rewards, read-only, 1,213,029.278 USD, price $1.00, 0.00% in 24 hours, 1,213,029.28 US dollars');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('refresh-status')).toHaveText('Up to date');
    expect(fakeKraken.calls).toEqual([]);
  });
});

test.describe('without an OS keyring', () => {
  test.use({ weakConsentGiven: false });

  test('main asks natively, once Kraken accepted the key, before storing it with weaker protection; declining saves nothing and keeps the form', async ({ app, page, fakeKraken }) => {
    const declined = await answerMessageBoxes(app, 'Don’t store');
    await addKeyThroughForm(page, { label: 'Main', ...KEYS.main }, false);
    await expect(page.getByText('The key was not saved: you chose not to store it with weaker protection.')).toBeVisible({ timeout: 20_000 });
    expect((await declined()).map((box) => box.message)).toEqual(['Store the key with weaker protection?']);
    await expect(page.getByRole('alertdialog')).toHaveCount(0); // the page draws no question of its own
    await expect(page.getByLabel('Private key')).toHaveValue(KEYS.main.apiSecret);
    // Asked only once Kraken accepted the key (issue 13, point 8): one check, and nothing saved.
    expect(fakeKraken.calls.filter((call) => call.path.startsWith('/0/private/')).map((call) => [call.path, call.status])).toEqual([['/0/private/Balance', 200]]);
    expect(valueOf(await listAccounts(page))).toEqual([]);

    await answerMessageBoxes(app, 'Store with weaker protection');
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect(page.getByRole('table', { name: 'Balances of Main in USD' })).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('storage-protection')).toHaveText('Weaker protection: no keyring was found (basic_text), so keys are encrypted with a key built into the app.');
    await expect(page.getByTestId('weak-consent')).toContainText('You consented to weaker protection (basic_text) on');
  });
});

test.describe('with an OS keyring', () => {
  test.use({ keyring: 'gnome_libsecret' });

  test('shows each problem at its field, keeps what was typed, and adds the key without asking', async ({ page, fakeKraken }) => {
    await addKeyThroughForm(page, { label: 'Main', apiKey: KEYS.main.apiSecret, apiSecret: KEYS.main.apiSecret }, false);
    const apiKey = page.getByLabel('API key', { exact: true });
    await expect(apiKey).toHaveAttribute('aria-invalid', 'true');
    await expect(apiKey).toBeFocused();
    await expect(page.getByText('This looks like the private key, not the API key.')).toBeVisible();
    await expect(page.getByLabel('Private key')).toHaveValue(KEYS.main.apiSecret);

    await apiKey.fill(KEYS.unknown.apiKey);
    await page.getByLabel('Private key').fill(KEYS.unknown.apiSecret);
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect(page.getByText('Kraken does not recognise this API key.')).toBeVisible({ timeout: 20_000 });

    await apiKey.fill(KEYS.main.apiKey);
    await page.getByLabel('Private key').fill(KEYS.main.apiSecret);
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect(page.getByRole('table', { name: 'Balances of Main in USD' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    // The secret left the page with the submission: no input holds it any more.
    expect(await page.evaluate((secret) => [...document.querySelectorAll('input')].some((input) => input.value === secret), KEYS.main.apiSecret)).toBe(false);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('storage-protection')).toHaveText('Protected by your operating system’s keyring (gnome_libsecret).');
    // A development build pointed elsewhere says so where anyone can see it.
    await expect(page.getByTestId('kraken-server')).toHaveText(new URL(fakeKraken.url).origin);
  });
});
