// Issue 14: live mode. Kraken's WebSocket v2 (the fake's, on 127.0.0.1) pushes balance changes and
// prices; the window and the tray show them within a second, exactly, and fall back to polling (saying
// why) when the stream is refused or the key lacks the optional permission.
import { DEFAULT_BALANCES } from './fake-kraken/index.ts';
import { expect, test } from './helpers/accounts.ts';
import { trayModel } from './helpers/tray.ts';
import { addMainKey, balancesNow, KEYS, shownAmount, usd } from './ui-helpers.ts';

test.use({ keyring: 'gnome_libsecret' });

const btcAmount = (page: import('@playwright/test').Page) => page.locator('[data-line="row:XXBT"] .amount-text');

// One window for the live checks (a launch costs seconds of every CI run); each step is what was a test of its
// own. Dropping the stream comes last.
test('live on one account: a balance change, a price change, and a dropped stream that catches up', async ({ app, page, fakeKraken }) => {
  test.slow(); // the work of 3 tests in one: more than the default minute on a loaded machine
  await addMainKey(page);

  await test.step('a balance change on Kraken is on screen and in the tray exactly, with no refresh asked (bench:live measures how fast)', async () => {
    await expect(page.getByTestId('update-mode')).toHaveText('Live', { timeout: 10_000 });
    await expect.poll(async () => (await trayModel(app))?.tooltip).toContain('· Live');

    const amount = '1011.1908877901';
    fakeKraken.setBalances({ ...DEFAULT_BALANCES, XXBT: amount }, KEYS.main.apiKey);
    await expect(btcAmount(page)).toHaveText(shownAmount(amount));
    const [main] = await balancesNow(page);
    expect(main?.portfolio?.rows.find((row) => row.asset === 'XXBT')?.amount).toBe(amount);
    await expect.poll(async () => (await trayModel(app))?.tooltip).toContain(usd(main?.portfolio?.total ?? ''));
    expect(fakeKraken.calls.filter((call) => call.errors.length > 0)).toEqual([]);
  });

  await test.step('a price change moves the row\'s value and the total live, without a refresh', async () => {
    await expect(page.getByTestId('update-mode')).toHaveText('Live', { timeout: 10_000 });
    const balanceCalls = fakeKraken.calls.filter((call) => call.path === '/0/private/BalanceEx').length;

    fakeKraken.setPrices({ XXBTZUSD: '123456.7' });
    await expect.poll(async () => (await balancesNow(page))[0]?.portfolio?.rows.find((row) => row.asset === 'XXBT')?.price).toBe('123456.7');
    const [main] = await balancesNow(page);
    const btc = main?.portfolio?.rows.find((row) => row.asset === 'XXBT');
    const line = page.locator('[data-line="row:XXBT"]');
    await expect(line.getByRole('cell').nth(3)).toHaveText(usd(btc?.value ?? ''));
    // The price column and its rolling 24 h change move too: the fake's price a day ago is 97,250.1.
    await expect(line.locator('.price-text')).toHaveText('$123,456.70');
    await expect(line.getByTestId('change-24h')).toHaveText('+26.95%');
    await expect(page.getByTestId('portfolio-total')).toHaveText(usd(main?.portfolio?.total ?? ''));
    expect(fakeKraken.calls.filter((call) => call.path === '/0/private/BalanceEx')).toHaveLength(balanceCalls);
  });

  await test.step('a dropped stream polls at the user\'s interval, then is live again and catches up exactly', async () => {
    const mode = page.getByTestId('update-mode');
    await expect(mode).toHaveText('Live', { timeout: 10_000 });

    // The connection drops and the next two attempts are refused (as a proxy would): backoff, then back.
    fakeKraken.injectStreamFault({ type: 'refuse-upgrade', endpoint: 'private' }, { times: 2 });
    fakeKraken.injectStreamFault({ type: 'drop', endpoint: 'private' });
    await expect(mode).toHaveText('Every 60 s');
    const amount = '171288.6159';
    fakeKraken.setBalances({ ...DEFAULT_BALANCES, ZUSD: amount }, KEYS.main.apiKey);

    await expect(mode).toHaveText('Live', { timeout: 15_000 });
    await expect(page.locator('[data-line="row:ZUSD"] .amount-text')).toHaveText(shownAmount(amount), { timeout: 5000 });
    expect(fakeKraken.streamEvents.filter((e) => e.endpoint === 'private' && e.event === 'refused')).toHaveLength(2);
  });
});

test('a key without the optional "WebSocket interface" permission polls and says how to turn it on', async ({ page, fakeKraken }) => {
  fakeKraken.setWebSocketPermission(false, KEYS.main.apiKey);
  await addMainKey(page);
  await expect(page.getByTestId('update-note')).toContainText('lacks Kraken\'s optional "WebSocket interface" permission');
  await expect(page.getByTestId('update-note')).toContainText('turn "WebSocket interface" on');
  await expect(page.getByTestId('update-mode')).toHaveText('Every 60 s');
  await expect(page.getByTestId('refresh-status')).toHaveText('Up to date');
});
