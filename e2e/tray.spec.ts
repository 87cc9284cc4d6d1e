import type { Page } from '@playwright/test';
import type { AccountBalances, KrakenBridge, Settings } from '../ipc/contract.ts';
import type { TrayModel } from '../main/tray/tray-model.ts';
import { addAccount, expect, KEYS, test, valueOf } from './helpers/accounts.ts';
import { keepInTrayWhenAsked } from './helpers/desktop-records.ts';
import { clickTrayItem, runtimeTray, TRAY_READBACK_REASON, trayModel } from './helpers/tray.ts';

// The model main applied is checked on both runtimes; on the test runtime the recorded Tray too, to prove
// the model reached it (e2e/helpers/tray.ts). Expected texts are written out here from the fake Kraken's
// fixed balances and prices, never produced by the app's own formatter.
test.use({ keyring: 'gnome_libsecret', liveStreams: false });

/** The fake Kraken's default balances valued in USD: 104,502,285.747526007150… */
const TOTAL_USD = '$104,502,285.75';

type Bridge = KrakenBridge;

const balances = async (page: Page): Promise<AccountBalances[]> =>
  valueOf(await page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.balances.get()));

const refresh = async (page: Page): Promise<void> => {
  valueOf(await page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.balances.refresh()));
};

const updateSettings = async (page: Page, patch: Partial<Settings>): Promise<Settings> =>
  valueOf(await page.evaluate((p) => (window as unknown as { kraken: Bridge }).kraken.settings.update(p), patch));

const menuLabels = (model: TrayModel | undefined): string[] =>
  (model?.menu ?? []).map((item) => (item.kind === 'separator' ? '---' : item.label));

async function addMainAccount(page: Page): Promise<string> {
  const account = valueOf(await addAccount(page, { label: 'Main', apiKey: KEYS.main.apiKey, apiSecret: KEYS.main.apiSecret }));
  await expect.poll(async () => (await balances(page)).find((b) => b.accountId === account.id)?.status).toBe('fresh');
  return account.id;
}

// One window for these tray checks (a launch costs seconds of every CI run); each step is what was a test of its
// own, in an order where each starts from what the one before left.
test('the tray on one account: the total and top balances, a failed refresh, privacy mode, and activation showing the hidden window', async ({ app, page, fakeKraken }) => {
  test.slow(); // the work of 4 tests in one: more than the default minute on a loaded machine
  await test.step('after a refresh the tray shows the exact total, its age, and the top balances with read-only assets marked', async () => {
    await expect.poll(async () => (await trayModel(app))?.tooltip).toBe('Kraken Balances — No accounts yet');
    await addMainAccount(page);

    await expect.poll(async () => (await trayModel(app))?.tooltip).toBe(`Kraken Balances — Total ${TOTAL_USD}\nUpdated just now · Every 60 s`);
    const model = await trayModel(app);
    expect(model?.icon).toBe('normal');
    expect(model?.title).toBe(process.platform === 'win32' ? null : TOTAL_USD);
    const labels = menuLabels(model);
    // The headline is repeated as the first menu item: some Linux trays never show tooltips.
    expect(labels).toEqual([
      `Total ${TOTAL_USD}`,
      'Updated just now · Every 60 s',
      '---',
      'BTC  1,011.19088779 ≈ $98,338,414.96',
      'ETH  818.55 ≈ $2,987,912.14',
      'USD in opt-in rewards (read-only)  1,213,029.278 ≈ $1,213,029.28',
      'Staked ETH (read-only)  198.39708 ≈ $724,198.94',
      'EUR  504,861.8946 ≈ $547,876.13',
      '---',
      'Refresh now',
      'Show window',
      'Privacy mode',
      '---',
      'Quit Kraken Balances',
    ]);

    if (app.runtime === 'test-runtime') {
      const shown = await runtimeTray(app);
      expect(shown?.tooltip).toBe(model?.tooltip);
      expect(shown?.menu).toEqual(labels);
      expect(shown?.image).toMatch(/tray-(light|dark)-[\w-]+\.png$/);
    }
  });

  await test.step('a refresh that fails shows the error in the tray icon and tooltip, keeps the total, and clears on success', async () => {
    // A good refresh first, so the tray says "Updated just now" as right after the account was added.
    await refresh(page);
    fakeKraken.setPermissions(false, KEYS.main.apiKey);
    await refresh(page);
    await expect.poll(async () => (await trayModel(app))?.icon).toBe('error');
    const failed = await trayModel(app);
    expect(failed?.tooltip.split('\n')).toEqual([
      `Kraken Balances — Total ${TOTAL_USD}`,
      'Updated just now · Every 60 s',
      '⚠ Main: This API key is not allowed to read balances.',
    ]);
    expect(menuLabels(failed)).toContain('⚠ Main: This API key is not allowed to read balances.');
    if (app.runtime === 'test-runtime') expect((await runtimeTray(app))?.image).toMatch(/tray-error-(light|dark)-[\w-]+\.png$/);

    fakeKraken.setPermissions(true, KEYS.main.apiKey);
    await refresh(page);
    await expect.poll(async () => (await trayModel(app))?.icon).toBe('normal');
    expect((await trayModel(app))?.tooltip).not.toContain('⚠');
  });

  await test.step('privacy mode masks every amount in tooltip, title and menu, and the tray item toggles it', async () => {
    await updateSettings(page, { privacyMode: true });
    await expect.poll(async () => (await trayModel(app))?.tooltip).toBe('Kraken Balances — Total •••••\nUpdated just now · Every 60 s');
    const masked = await trayModel(app);
    expect(masked?.title).toBe(process.platform === 'win32' ? null : '•••••');
    const balanceLabels = (masked?.menu ?? []).filter((item) => item.kind === 'balance').map((item) => item.kind === 'balance' && item.label);
    expect(balanceLabels).toHaveLength(5);
    expect(balanceLabels.join('\n')).not.toMatch(/\d/);
    expect(masked?.menu.find((item) => item.kind === 'toggle')).toMatchObject({ label: 'Privacy mode', checked: true });

    if (app.runtime === 'test-runtime') {
      await clickTrayItem(app, 'Privacy mode');
      await expect.poll(async () => valueOf(await page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.settings.get())).privacyMode).toBe(false);
      await expect.poll(async () => (await trayModel(app))?.tooltip.split('\n')[0]).toBe(`Kraken Balances — Total ${TOTAL_USD}`);
    }
  });

  await test.step('activating the app (macOS Dock click) brings back the window hidden to the tray', async () => {
    const visible = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()));
    await keepInTrayWhenAsked(app); // the first hide asks on Linux
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect.poll(visible).toEqual([false]);
    await app.evaluate(({ app: electronApp }) => electronApp.emit('activate', {}, false));
    await expect.poll(visible).toEqual([true]);
  });
});

// The same balances valued in EUR (96,294,464.806500…), as a German and a Japanese system write them. The tray
// (main) and the window (renderer) must agree digit for digit.
const IN_EUR = [
  {
    osLocale: 'de_DE.UTF-8',
    total: '96.294.464,81\u00a0€',
    top: [
      'BTC  1.011,19088779 ≈ 90.615.242,31\u00a0€',
      'ETH  818,55 ≈ 2.752.865,50\u00a0€',
      'USD in opt-in rewards (read-only)  1.213.029,278 ≈ 1.117.793,29\u00a0€',
      'Staked ETH (read-only)  198,39708 ≈ 667.229,22\u00a0€',
      'EUR  504.861,8946 ≈ 504.861,89\u00a0€',
    ],
    stakedAmount: '198,39708',
    stakedValue: '667.229,22\u00a0€',
  },
  {
    osLocale: 'ja_JP.UTF-8',
    total: '€96,294,464.81',
    top: [
      'BTC  1,011.19088779 ≈ €90,615,242.31',
      'ETH  818.55 ≈ €2,752,865.50',
      'USD in opt-in rewards (read-only)  1,213,029.278 ≈ €1,117,793.29',
      'Staked ETH (read-only)  198.39708 ≈ €667,229.22',
      'EUR  504,861.8946 ≈ €504,861.89',
    ],
    stakedAmount: '198.39708',
    stakedValue: '€667,229.22',
  },
] as const;

for (const expected of IN_EUR) {
  test.describe(`with the OS locale ${expected.osLocale}`, () => {
    test.use({ osLocale: expected.osLocale });

    test('tray and window write the total and the balances alike, the way the OS locale writes numbers', async ({ app, page }) => {
      await addMainAccount(page);
      await updateSettings(page, { quoteCurrency: 'EUR' });
      await expect.poll(async () => (await trayModel(app))?.tooltip.split('\n')[0]).toBe(`Kraken Balances — Total ${expected.total}`);
      expect(menuLabels(await trayModel(app)).slice(3, 8)).toEqual(expected.top);

      await expect(page.getByTestId('portfolio-total')).toHaveText(expected.total);
      const staked = page.locator('[data-line="row:ETH2.S"]').getByRole('cell');
      await expect(staked.nth(1).locator('.amount-text')).toHaveText(expected.stakedAmount);
      await expect(staked.nth(3)).toHaveText(expected.stakedValue); // after the price · 24 h column
    });
  });
}

test('closing the window hides it to the tray; Show window brings it back; Quit quits', async ({ app, page, fakeKraken }) => {
  test.skip(app.runtime !== 'test-runtime', TRAY_READBACK_REASON);
  await addMainAccount(page);
  const visible = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()));
  await keepInTrayWhenAsked(app); // the first hide asks on Linux
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await expect.poll(visible).toEqual([false]);

  // Hidden, it keeps refreshing: the tray's Refresh now reaches Kraken.
  const before = fakeKraken.calls.filter((c) => c.path === '/0/private/BalanceEx').length;
  await clickTrayItem(app, 'Refresh now');
  await expect.poll(() => fakeKraken.calls.filter((c) => c.path === '/0/private/BalanceEx').length).toBe(before + 1);

  await clickTrayItem(app, 'Show window');
  await expect.poll(visible).toEqual([true]);
  await clickTrayItem(app, 'Quit Kraken Balances');
  expect(await app.exited()).toBe(0);
});
