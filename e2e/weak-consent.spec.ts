import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddAccountRequest, KrakenBridge } from '../ipc/contract.ts';
import { addAccount, appInfo, appReady, expect, KEYS, listAccounts, test, valueOf, withdrawWeakProtection } from './helpers/accounts.ts';
import { answerMessageBoxes } from './helpers/desktop-records.ts';

// Weak protection (Linux basic_text: Chromium's hard-coded key) is consented in main, in a native dialog
// modal to the window, never on the page's word; the consent is stored per backend and withdrawn in Settings.

const accountsFile = () => JSON.parse(readFileSync(path.join(test.info().outputPath('user-data'), 'accounts.json'), 'utf8')) as { accounts?: { label: string }[]; weakProtection?: unknown };

test.describe('without a keyring, before any consent', () => {
  test.use({ weakConsentGiven: false });

  // One launch for both (a launch costs seconds of every CI run); each step is what was a test of its own. The
  // page's attempt asks nothing and stores nothing, so main's question still comes first after it.
  test('the consent is main’s question alone: the page cannot give it; main asks once Kraken accepted the key, and remembers a yes', async ({ app, page, launch, fakeKraken }) => {
    await test.step('the page cannot give the consent: the old flag is refused by the schema and no bridge function accepts it', async () => {
      const asked = await answerMessageBoxes(app, 'Don’t store');
      const flagged = { label: 'Main', ...KEYS.main, acceptWeakProtection: true } as AddAccountRequest;
      expect(await addAccount(page, flagged)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(await page.evaluate(() => Object.keys((window as unknown as { kraken: KrakenBridge }).kraken.storage))).toEqual(['withdrawWeakProtection']);
      expect(await asked()).toEqual([]);
      expect(valueOf(await listAccounts(page))).toEqual([]);
    });

    await test.step('main asks natively once Kraken accepted the key: no stores nothing, yes stores the key and the consent for this backend', async () => {
      expect(valueOf(await appInfo(page)).storage).toEqual({ backend: 'basic_text', level: 'weak', weakAccepted: false, weakConsent: null });
      const declined = await answerMessageBoxes(app, 'Don’t store');
      expect(await addAccount(page, { label: 'Main', ...KEYS.main })).toMatchObject({ ok: false, error: { code: 'weak-protection-declined', message: expect.stringContaining('not saved') } });
      expect(fakeKraken.calls.some((call) => call.verified)).toBe(true); // the key check came first
      expect(await declined()).toEqual([{ message: 'Store the key with weaker protection?', detail: expect.stringContaining('storage backend: basic_text'), buttons: ['Don’t store', 'Store with weaker protection'] }]);
      expect(valueOf(await listAccounts(page))).toEqual([]);

      await answerMessageBoxes(app, 'Store with weaker protection');
      valueOf(await addAccount(page, { label: 'Main', ...KEYS.main }));
      expect(valueOf(await appInfo(page)).storage).toMatchObject({ weakAccepted: true, weakConsent: { backend: 'basic_text' } });
      expect(accountsFile().weakProtection).toEqual({ acceptedAt: expect.any(String), backend: 'basic_text' });

      // Remembered: the next launch stores another key without asking, and the key sealed before still opens.
      await app.close();
      const again = await launch();
      const pageAgain = await appReady(await again.firstWindow());
      const askedAgain = await answerMessageBoxes(again, 'Don’t store');
      valueOf(await addAccount(pageAgain, { label: 'Second', ...KEYS.second }));
      expect(await askedAgain()).toEqual([]);
      const status = async () => valueOf(await pageAgain.evaluate(() => (window as unknown as { kraken: KrakenBridge }).kraken.balances.get())).map((b) => b.status);
      await expect.poll(status).toEqual(['fresh', 'fresh']);
    });
  });
});

test('withdrawing the consent in Settings: main confirms natively, then deletes the weakly sealed keys', async ({ app, page }) => {
  await answerMessageBoxes(app, 'Remove'); // nothing asks for this; a stray question would fail loudly
  valueOf(await addAccount(page, { label: 'Main', ...KEYS.main }));
  expect(valueOf(await appInfo(page)).storage).toMatchObject({ weakAccepted: true, weakConsent: { backend: 'basic_text' } });

  // Cancel in main's dialog: nothing changes, whatever the page asked.
  const cancelled = await answerMessageBoxes(app, 'Cancel');
  expect(valueOf(await withdrawWeakProtection(page))).toEqual({ withdrawn: false, removed: 0, resealed: 0 });
  expect(await cancelled()).toEqual([
    { message: 'Withdraw your consent to weaker protection?', detail: expect.stringContaining('the key of “Main” stored with the built-in password will be deleted'), buttons: ['Cancel', 'Withdraw and delete keys'] },
  ]);
  expect(valueOf(await listAccounts(page)).map((a) => a.label)).toEqual(['Main']);

  // Through the window: Settings shows the consent; its button asks main, which asks the user.
  await answerMessageBoxes(app, 'Withdraw and delete keys');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByTestId('weak-consent')).toContainText('You consented to weaker protection (basic_text)');
  await settings.getByRole('button', { name: 'Withdraw consent…' }).click();
  await expect(settings.getByRole('status')).toHaveText('Consent withdrawn: one key was deleted from this computer. Adding a key will ask again.');
  expect(valueOf(await listAccounts(page))).toEqual([]);
  expect(accountsFile()).toEqual({ accounts: [] });
  expect(valueOf(await appInfo(page)).storage).toMatchObject({ weakAccepted: false, weakConsent: null });
});
