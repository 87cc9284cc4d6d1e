// Desktops people run that differ from a developer's (issue 10): no tray host, a start-up the app must
// refuse. Each runs on both runtimes where the desktop can be had (e2e/runtime/desktop-options.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { KrakenBridge, Settings } from '../ipc/contract.ts';
import { DEFAULT_BALANCES } from './fake-kraken/index.ts';
import { answerMessageBoxes } from './helpers/desktop-records.ts';
import { addAccount, appReady, expect, KEYS, test, valueOf } from './helpers/accounts.ts';
import type { AppHandle } from './runtime/launch.ts';

type Bridge = KrakenBridge;
const updateSettings = async (page: Page, patch: Partial<Settings>): Promise<Settings> =>
  valueOf(await page.evaluate((p) => (window as unknown as { kraken: Bridge }).kraken.settings.update(p), patch));
const settingsOf = async (page: Page): Promise<Settings> =>
  valueOf(await page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.settings.get()));
const windowsVisible = (app: AppHandle) => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()));
/** The user clicks the window's close button. */
const clickClose = (app: AppHandle) => app.evaluate(({ BrowserWindow }) => void BrowserWindow.getAllWindows()[0]?.close());
const showWindow = (app: AppHandle) => app.evaluate(({ BrowserWindow }) => void BrowserWindow.getAllWindows()[0]?.show());

test.describe('a Linux desktop without a tray host (stock GNOME without the AppIndicator extension)', () => {
  test.skip(process.platform !== 'linux', 'only Linux desktops can lack a tray host; Windows and macOS always show the tray icon');
  test.use({ desktop: { passwordStore: 'basic', trayHost: false } });

  test('closing the window asks first; Cancel keeps it, "Quit when closed" quits now and at every later close', async ({ app, page, launch }) => {
    test.slow(); // two launches
    await expect(page.getByTestId('app-version')).not.toBeEmpty();
    const boxes = await answerMessageBoxes(app, 'Cancel');
    await clickClose(app);
    await expect.poll(async () => (await boxes()).length).toBe(1);
    const [asked] = await boxes();
    expect(asked?.message).toBe('Keep Kraken Balances running in the tray?');
    expect(asked?.detail).toContain('click it to open the window, or choose "Quit Kraken Balances" in its menu to stop it.');
    expect(asked?.detail).toContain('If you cannot see its icon in the tray now, your desktop does not show tray icons');
    expect(asked?.buttons).toEqual(['Keep running in the tray', 'Quit when closed', 'Cancel']);
    expect(await windowsVisible(app)).toEqual([true]);

    await answerMessageBoxes(app, 'Quit when closed');
    await clickClose(app);
    expect(await app.exited()).toBe(0);

    // Remembered: the next start quits on close without asking again.
    const again = await launch();
    const secondPage = await appReady(await again.firstWindow());
    expect((await settingsOf(secondPage)).closeToTray).toBe(false);
    // Were it asked again, this answer would hide the window and the app would not exit.
    await answerMessageBoxes(again, 'Keep running in the tray');
    await clickClose(again);
    expect(await again.exited()).toBe(0);
  });

  test('"start minimised" opens the window until hiding to the tray was confirmed; after that it starts hidden', async ({ app, page, launch }) => {
    test.slow(); // three launches
    await updateSettings(page, { startMinimized: true });
    await app.close();

    // Not confirmed yet: hiding would leave the user with nothing on screen.
    const second = await launch();
    await appReady(await second.firstWindow());
    await expect.poll(() => windowsVisible(second)).toEqual([true]);

    const boxes = await answerMessageBoxes(second, 'Keep running in the tray');
    await clickClose(second);
    await expect.poll(() => windowsVisible(second)).toEqual([false]);
    // Asked once: the next close hides at once.
    await showWindow(second);
    await clickClose(second);
    await expect.poll(() => windowsVisible(second)).toEqual([false]);
    expect(await boxes()).toHaveLength(1);
    await second.close();

    const third = await launch();
    await appReady(await third.firstWindow());
    expect(await windowsVisible(third)).toEqual([false]);
  });
});

test('a relative KRAKEN_BALANCES_USER_DATA is refused in one line before anything starts', async ({ launch }) => {
  const app = await launch({ userDataDir: 'relative/user-data' });
  expect(await app.exited()).toBe(1);
  const said = app.output().split('\n').filter((line) => line.includes('KRAKEN_BALANCES_USER_DATA'));
  expect(said).toEqual([
    'KRAKEN_BALANCES_USER_DATA must be an absolute path, not "relative/user-data" (a relative one would depend on the folder the app starts in); nothing was started.',
  ]);
  expect(app.output()).not.toMatch(/^\s+at /m);
  expect(existsSync('relative')).toBe(false);
});

test('launch at login registers the running executable, not an APPIMAGE inherited from some other AppImage', async ({ launch }) => {
  test.skip(process.platform !== 'linux', 'the autostart file is the Linux way; Windows and macOS use login items');
  const configHome = test.info().outputPath('xdg-config');
  // What a terminal or launcher that is itself an AppImage leaves in the environment of what it starts.
  const foreign = { APPIMAGE: '/home/ada/Applications/Terminal.AppImage', APPDIR: '/tmp/.mount_TermAb12' };
  const app = await launch({ env: { XDG_CONFIG_HOME: configHome, ...foreign } });
  const page = await appReady(await app.firstWindow());
  const running = await app.evaluate(({ app: electronApp }) => ({ exe: electronApp.getPath('exe'), appPath: electronApp.getAppPath() }));
  expect(`${running.exe} ${running.appPath}`).toMatch(/^[\w\-./ ]+$/); // nothing the entry would need to quote
  await updateSettings(page, { launchAtLogin: true });
  const entry = path.join(configHome, 'autostart', 'kraken-balances.desktop');
  await expect.poll(() => existsSync(entry)).toBe(true);
  expect(readFileSync(entry, 'utf8')).toContain(`\nExec=${running.exe} ${running.appPath} --hidden\n`);
});

test.describe('the OS ending the session', () => {
  test.use({ keyring: 'gnome_libsecret' });

  test('a Windows logoff or shutdown (session-end, then the process ends without before-quit) folds the history first', async ({ app, page }) => {
    const userData = test.info().outputPath('user-data');
    const journal = path.join(userData, 'history.journal');
    const account = valueOf(await addAccount(page, { label: 'Main', ...KEYS.main }));
    // The refresh is recorded in the journal; the history file is only written when the journal is folded.
    await expect.poll(() => existsSync(journal) && readFileSync(journal, 'utf8').includes(account.id)).toBe(true);
    expect(existsSync(path.join(userData, 'history.json'))).toBe(false);

    await app.desktop.endSession();
    const folded = JSON.parse(readFileSync(path.join(userData, 'history.json'), 'utf8')) as { accounts: Record<string, unknown[]> };
    expect(folded.accounts[account.id]).toHaveLength(1);
    expect(existsSync(journal)).toBe(false);
  });
});

test.describe("Kraken traffic through Electron's net (system proxy, PAC, proxy authentication, OS certificates)", () => {
  // Offline as Chromium's network stack sees it; a request made any other way (Node's http) still gets through.
  test.use({ desktop: { passwordStore: 'gnome-libsecret', keyring: 'unlocked', online: false } });

  test("a key check made while net says offline fails as a network problem, and works once it is back", async ({ app, page }) => {
    const offline = await addAccount(page, { label: 'Main', ...KEYS.main });
    expect(offline.ok).toBe(false);
    expect(offline.ok ? '' : offline.error.message).toMatch(/^The key could not be checked: .* This says nothing about the key itself\. The key was not saved\.$/);
    await app.desktop.setOnline(true);
    expect((await addAccount(page, { label: 'Main', ...KEYS.main })).ok).toBe(true);
  });
});

test.describe('notifications the OS will not show (an unsigned macOS build)', () => {
  test.use({ desktop: { passwordStore: 'gnome-libsecret', keyring: 'unlocked', notificationsFail: true } });

  test('a balance change is shown in the window instead, and Settings says notifications cannot be shown', async ({ page, fakeKraken }) => {
    await updateSettings(page, { notifyOnChange: true, notifyThresholdPercent: '5' });
    const account = valueOf(await addAccount(page, { label: 'Main', ...KEYS.main }));
    await expect.poll(async () => valueOf(await page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.balances.get()))
      .find((balances) => balances.accountId === account.id)?.status).toBe('fresh');
    fakeKraken.setBalances({ ...DEFAULT_BALANCES, XXBT: '2011.1908877900' }, KEYS.main.apiKey);
    valueOf(await page.evaluate(() => (window as unknown as { kraken: Bridge }).kraken.balances.refresh()));

    await expect(page.getByRole('status').filter({ hasText: 'BTC balance increased 98.89%. Main: 1,011.19088779 → 2,011.19088779 BTC' })).toBeVisible();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('notifications-unavailable')).toContainText('This system does not show the app’s notifications');
  });
});
