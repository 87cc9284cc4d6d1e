import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  accountEvents,
  addAccount,
  addDemoAccount,
  appInfo,
  appReady,
  balancesNow,
  expect,
  KEYS,
  listAccounts,
  recordAccountEvents,
  removeAccount,
  renameAccount,
  secretForms,
  test,
  userDataFiles,
  valueOf,
} from './helpers/accounts.ts';
import { answerMessageBoxes } from './helpers/desktop-records.ts';

const userData = () => test.info().outputPath('user-data');

test.describe('with a system keyring', () => {
  test.use({ keyring: 'gnome_libsecret' });

  // One window for these (a launch costs seconds of every CI run); each step is what was a test of its own, in an
  // order where each starts with no account saved and, where it counts Kraken's calls, none made yet.
  test('adding keys: malformed ones refused before Kraken, one added, renamed and removed, a network failure, and what Kraken said', async ({ page, fakeKraken, app }) => {
    test.slow(); // the work of 4 tests in one: more than the default minute on a loaded machine
    await test.step('rejects malformed keys field by field, before asking Kraken', async () => {
      const cases = [
        { request: { label: 'x', apiKey: KEYS.main.apiKey.slice(0, 49), apiSecret: KEYS.main.apiSecret }, field: 'apiKey', message: 'An API key is 56 characters long; this one has 49.' },
        { request: { label: 'x', apiKey: KEYS.main.apiKey, apiSecret: `${KEYS.main.apiSecret.slice(0, 60)}-_-_-_!` }, field: 'apiSecret', message: 'The private key is not valid base64' },
        { request: { label: 'x', apiKey: KEYS.main.apiSecret, apiSecret: KEYS.main.apiKey }, field: 'apiKey', message: 'This looks like the private key, not the API key.' },
        { request: { label: 'x', apiKey: KEYS.main.apiKey, apiSecret: KEYS.main.apiSecret.slice(0, 80) }, field: 'apiSecret', message: 'this one has 80 characters' },
        { request: { label: 'x', ...KEYS.main, otp: 'x'.repeat(100) }, field: 'otp', message: 'The 2FA password is longer than 64 characters.' },
      ];
      for (const { request, field, message } of cases) {
        const result = await addAccount(page, request);
        expect(result.ok, JSON.stringify(request)).toBe(false);
        if (result.ok) continue;
        expect(result.error.field).toBe(field);
        expect(result.error.message).toContain(message);
        expect(result.error.hint).toBeTruthy();
      }
      expect(fakeKraken.calls).toEqual([]);
      expect(valueOf(await listAccounts(page))).toEqual([]);
    });

    await test.step('adds a key against the fake Kraken, lists it without the secret, renames and removes it', async () => {
      expect(valueOf(await appInfo(page)).storage).toEqual({ backend: 'gnome_libsecret', level: 'os', weakAccepted: false, weakConsent: null });
      await recordAccountEvents(page);

      const added = valueOf(await addAccount(page, { label: '  Main  ', apiKey: ` ${KEYS.main.apiKey}\n`, apiSecret: KEYS.main.apiSecret }));
      expect(added).toEqual({
        id: expect.any(String),
        label: 'Main',
        keyFingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
        addedAt: expect.any(String),
        hasOtp: false,
        demo: false,
        lastCheck: { at: added.addedAt, ok: true },
      });
      // One signed Balance call proved the key before it was saved (the refresh engine may call on after that).
      const first = fakeKraken.calls[0];
      expect([first?.path, first?.verified, first?.errors]).toEqual(['/0/private/Balance', true, []]);
      expect(fakeKraken.calls.filter((call) => call.errors.length > 0)).toEqual([]);

      const listed = valueOf(await listAccounts(page));
      expect(listed).toEqual([added]);
      const seenByPage = JSON.stringify({ listed, events: await accountEvents(page) });
      expect(seenByPage).not.toContain(KEYS.main.apiSecret);
      expect(seenByPage).not.toContain(KEYS.main.apiKey);

      expect(valueOf(await renameAccount(page, { id: added.id, label: 'Savings' }))).toMatchObject({ id: added.id, label: 'Savings' });
      // The page only asks: main removes nothing until the user confirms in a native dialog.
      const kept = await answerMessageBoxes(app, 'Keep it');
      expect(valueOf(await removeAccount(page, added.id))).toEqual({ removed: false });
      expect(valueOf(await listAccounts(page))).toEqual([{ ...added, label: 'Savings' }]);
      expect(await kept()).toEqual([{
        message: 'Remove “Savings”?',
        detail: 'Its saved API key is deleted from this computer, with its balance history. The key itself stays valid on Kraken until you delete it there.',
        buttons: ['Keep it', 'Remove'],
      }]);
      await answerMessageBoxes(app, 'Remove');
      expect(valueOf(await removeAccount(page, added.id))).toEqual({ removed: true });
      expect(valueOf(await listAccounts(page))).toEqual([]);
      await expect.poll(async () => (await accountEvents(page)).map((list) => list.map((a) => a.label))).toEqual([['Main'], ['Savings'], []]);
    });

    await test.step('says a network failure is not a problem with the key', async () => {
      fakeKraken.injectFault({ type: 'html', status: 502 }, { always: true, path: '/0/private/Balance' });
      const result = await addAccount(page, { label: 'x', ...KEYS.main });
      expect(result).toMatchObject({ ok: false, error: { code: 'key-check-unavailable', message: expect.stringContaining('This says nothing about the key itself.') } });
      expect(result.ok ? null : result.error.field).toBeUndefined();
      fakeKraken.clearFaults();
    });

    await test.step('explains what Kraken said about a key that does not work, and stores nothing', async () => {
      const wrongSecret = await addAccount(page, { label: 'x', apiKey: KEYS.main.apiKey, apiSecret: KEYS.second.apiSecret });
      expect(wrongSecret).toMatchObject({ ok: false, error: { code: 'secret-mismatch', field: 'apiSecret', message: expect.stringContaining('The private key does not match this API key.') } });
      const noFunds = await addAccount(page, { label: 'x', ...KEYS.noFunds });
      expect(noFunds).toMatchObject({ ok: false, error: { code: 'missing-permission', field: 'apiKey', message: expect.stringContaining('"Funds permissions: Query"') } });
      const unknown = await addAccount(page, { label: 'x', ...KEYS.unknown });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'key-rejected', field: 'apiKey' } });
      valueOf(await addAccount(page, { label: 'Main', ...KEYS.main }));
      expect(await addAccount(page, { label: 'Again', ...KEYS.main })).toMatchObject({ ok: false, error: { code: 'duplicate-key', field: 'apiKey' } });
      expect(valueOf(await listAccounts(page)).map((a) => a.label)).toEqual(['Main']);
    });
  });

  test('keeps one demo account without a key', async ({ page }) => {
    const demo = valueOf(await addDemoAccount(page));
    expect(valueOf(await addDemoAccount(page))).toEqual(demo);
    expect(demo).toMatchObject({ label: 'Demo account', demo: true, keyFingerprint: '' });
    expect(valueOf(await listAccounts(page))).toEqual([demo]);
  });
});

test.describe('with no encryption at all', () => {
  test.use({ keyring: 'unavailable' });

  test.use({ weakConsentGiven: false });

  test('refuses to store any key, and asks nothing', async ({ app, page, fakeKraken }) => {
    const asked = await answerMessageBoxes(app, 'Store with weaker protection');
    expect(valueOf(await appInfo(page)).storage).toMatchObject({ level: 'unavailable', weakAccepted: false });
    expect(await addAccount(page, { label: 'Main', ...KEYS.main })).toMatchObject({ ok: false, error: { code: 'storage-unavailable' } });
    expect(await asked()).toEqual([]);
    expect(fakeKraken.calls).toEqual([]);
    expect(existsSync(path.join(userData(), 'accounts.json')) ? JSON.parse(readFileSync(path.join(userData(), 'accounts.json'), 'utf8')) : {}).toEqual({});
  });
});

for (const keyring of ['gnome_libsecret', 'basic_text'] as const) {
  test.describe(`store file (${keyring})`, () => {
    test.use({ keyring });

    test('no file in the data folder holds the key, the secret or the 2FA password in any form', async ({ page }) => {
      const otp = 'e2e-2fa-password';
      valueOf(await addAccount(page, { label: 'Main', ...KEYS.main, otp }));
      const files = userDataFiles(userData());
      expect([...files.keys()]).toContain('accounts.json');
      const accounts = JSON.parse(files.get('accounts.json') ?? '{}') as { accounts: { sealed: string }[] };
      expect(accounts.accounts[0]?.sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
      for (const [name, text] of files) {
        for (const form of [...secretForms(KEYS.main.apiSecret), KEYS.main.apiKey, otp]) {
          expect(text.includes(form), `${name} holds ${form.slice(0, 6)}…`).toBe(false);
        }
      }
    });
  });
}

test.describe('the keyring as it really sealed the data (Linux)', () => {
  test.describe('a keyring that is reported but never answers', () => {
    test.use({ keyring: 'gnome_libsecret_unanswered', weakConsentGiven: false });

    test('is judged by what sealed a probe (the hard-coded key), so the app shows weak protection and asks first', async ({ app, page, fakeKraken }) => {
      const asked = await answerMessageBoxes(app, 'Don’t store');
      expect(valueOf(await appInfo(page)).storage).toEqual({ backend: 'basic_text', level: 'weak', weakAccepted: false, weakConsent: null });
      expect(await addAccount(page, { label: 'Main', ...KEYS.main })).toMatchObject({ ok: false, error: { code: 'weak-protection-declined' } });
      // Main's question comes once Kraken accepted the key (a wrong key is fixed first), and nothing is saved.
      expect(fakeKraken.calls.some((call) => call.verified)).toBe(true);
      expect((await asked()).map((box) => box.message)).toEqual(['Store the key with weaker protection?']);
      expect(valueOf(await listAccounts(page))).toEqual([]);
    });
  });

  test.describe('a keyring still locked after login', () => {
    test.use({ keyring: 'gnome_libsecret' });

    test('says so calmly and keeps trying; it never asks to remove the account', async ({ app, page, launch }) => {
      const added = valueOf(await addAccount(page, { label: 'Main', ...KEYS.main }));
      await app.close();
      const again = await launch({ desktop: { passwordStore: 'gnome-libsecret', keyring: 'locked' } });
      const pageAgain = await appReady(await again.firstWindow());
      await expect.poll(async () => valueOf(await balancesNow(pageAgain)).find((b) => b.accountId === added.id)?.error?.code, { timeout: 20_000 }).toBe('keyring-locked');
      const { error } = valueOf(await balancesNow(pageAgain)).find((b) => b.accountId === added.id) ?? {};
      expect(error?.message).toBe('Your system keyring is still locked, so the saved key cannot be read yet.');
      expect(`${error?.message} ${error?.hint}`).not.toMatch(/remove/i);
      expect(valueOf(await listAccounts(pageAgain))[0]?.lastCheck).toEqual(added.lastCheck);
    });
  });
});

test.describe('damaged files', () => {
  test.use({ keyring: 'gnome_libsecret' });

  test('a truncated key file: the app starts, says so, keeps a copy, and recovers every complete account', async ({ app, page, launch }) => {
    valueOf(await addAccount(page, { label: 'First', ...KEYS.main }));
    valueOf(await addAccount(page, { label: 'Second', ...KEYS.second }));
    await app.close();

    const file = path.join(userData(), 'accounts.json');
    const intact = readFileSync(file, 'utf8');
    const truncated = intact.slice(0, intact.indexOf('"Second"') + 4);
    writeFileSync(file, truncated);
    writeFileSync(path.join(userData(), 'settings.json'), '{"settings": {"theme": "dark", "refreshIntervalSec": 12');

    const again = await launch();
    const pageAgain = await appReady(await again.firstWindow());
    const info = valueOf(await appInfo(pageAgain));
    expect(info.startupNotices).toEqual([
      expect.stringMatching(/^Your settings file was damaged\. The app kept a copy of it as settings\.damaged-[\dT-]+Z\.json in its data folder and kept every setting it could still read/),
      expect.stringMatching(/^The file with your saved API keys was damaged\. .* recovered 1 of the 2 saved accounts\. Add the missing key again\.$/),
    ]);
    expect(valueOf(await listAccounts(pageAgain)).map((a) => a.label)).toEqual(['First']);
    const backups = readdirSync(userData()).filter((name) => name.startsWith('accounts.damaged-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(userData(), backups[0] ?? ''), 'utf8')).toBe(truncated);
    const settings = await pageAgain.evaluate(() => (window as unknown as { kraken: { settings: { get(): Promise<{ ok: boolean; value: { theme: string } }> } } }).kraken.settings.get());
    expect(settings.value.theme).toBe('dark');
    // The recovered account is the same key (a duplicate if added again); the lost one can simply be added again.
    expect(await addAccount(pageAgain, { label: 'Again', ...KEYS.main })).toMatchObject({ ok: false, error: { code: 'duplicate-key' } });
    valueOf(await addAccount(pageAgain, { label: 'Second', ...KEYS.second }));
  });
});
