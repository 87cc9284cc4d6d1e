import { describe, expect, it, vi } from 'vitest';
import type { AccountSummary, AddAccountRequest } from '../../ipc/contract.ts';
import { AppError } from '../app-error.ts';
import { forgetSecrets, redact, registeredOwnerCount, registerSecrets } from '../log.ts';
import { memoryStore } from '../persistence/testing/memory-store.ts';
import type { Credentials } from './key-shape.ts';
import { KeyringLockedError, type CipherStatus } from './secret-cipher.ts';
import { createFakeCipher } from './testing/fake-cipher.ts';
import { testKeyPair } from './testing/key-pair.ts';
import { rejectionOf } from './testing/rejection.ts';
import { NO_CLIENT } from './testing/checked-key.ts';
import { Vault, type CheckedKey } from './vault.ts';

const KEYRING: CipherStatus = { backend: 'gnome_libsecret', available: true };

function setup(status: CipherStatus = KEYRING, store = memoryStore()) {
  const cipher = createFakeCipher(status);
  const checkKey = vi.fn<(credentials: Credentials) => Promise<CheckedKey>>(() => Promise.resolve(NO_CLIENT));
  let tick = 0;
  let ids = 0;
  const vault = new Vault({
    store,
    cipher,
    checkKey,
    now: () => new Date(Date.UTC(2025, 0, 1, 12, 0, tick++)),
    newId: () => `acc-${++ids}`,
  });
  const changes: AccountSummary[][] = [];
  vault.onChange((accounts) => changes.push(accounts));
  return { vault, store, cipher, checkKey, changes };
}

function request(seed: string, extra: Partial<AddAccountRequest> = {}): AddAccountRequest {
  return { label: `Account ${seed}`, ...testKeyPair(seed), ...extra };
}

describe('Vault.add', () => {
  it('stores the key sealed by the cipher: the file holds no key, secret or 2FA password in any form', async () => {
    const { vault, store, checkKey } = setup();
    const added = request('sealed', { otp: 'otp-password-1' });
    const summary = await vault.add(added);

    const file = JSON.stringify(Object.fromEntries(store.data));
    const secretBytes = Buffer.from(added.apiSecret, 'base64');
    for (const form of [added.apiSecret, added.apiKey, 'otp-password-1', secretBytes.toString('hex'), secretBytes.toString('base64url'), Buffer.from(added.apiSecret).toString('base64')]) {
      expect(file).not.toContain(form);
    }
    expect(summary).toEqual({
      id: 'acc-1',
      label: 'Account sealed',
      keyFingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
      addedAt: '2025-01-01T12:00:00.000Z',
      hasOtp: true,
      demo: false,
      lastCheck: { at: '2025-01-01T12:00:00.000Z', ok: true },
    });
    expect(JSON.stringify(summary)).not.toContain(added.apiKey);
    expect(checkKey).toHaveBeenCalledTimes(1);
    expect(await vault.credentials(summary.id)).toEqual({ apiKey: added.apiKey, apiSecret: added.apiSecret, otp: 'otp-password-1' });
  });

  it('scrubs the private key from logs by its shape and the 2FA password once the key is saved, until it is removed', async () => {
    const { vault } = setup();
    const added = request('redact', { otp: 'otp-password-2' });
    const line = `secret ${added.apiSecret} otp otp-password-2`;
    const summary = await vault.add(added);
    expect(redact(line)).toBe('secret [redacted] otp [redacted]');
    vault.remove(summary.id);
    expect(redact(line)).toBe('secret [redacted] otp otp-password-2');
  });

  it('a page sending common words as secrets cannot blank later log lines', async () => {
    const { vault, checkKey } = setup();
    // Refused by shape: nothing registered.
    await expect(vault.add({ ...request('words'), apiSecret: 'balance', otp: 'refresh' })).rejects.toMatchObject({ field: 'apiSecret' });
    // Shape accepted, then refused by Kraken: the password is forgotten with the failed add.
    checkKey.mockRejectedValueOnce(new AppError('secret-mismatch', 'The private key does not match this API key.', { field: 'apiSecret' }));
    await expect(vault.add(request('words', { otp: 'account' }))).rejects.toMatchObject({ code: 'secret-mismatch' });
    expect(redact('balance refresh for account acc-1')).toBe('balance refresh for account acc-1');
  });

  it('keeps the redaction registry bounded', () => {
    for (let n = 0; n < 1_000; n += 1) registerSecrets(`owner-${n}`, [`password-${n}`]);
    expect(registeredOwnerCount()).toBeLessThanOrEqual(256);
    expect(redact('password-999')).toBe('[redacted]');
    for (let n = 0; n < 1_000; n += 1) forgetSecrets(`owner-${n}`);
  });

  it('checks the shape before calling Kraken, and calls Kraken before storing anything', async () => {
    const { vault, store, checkKey, changes } = setup();
    await expect(vault.add({ ...request('shape'), apiKey: 'too-short' })).rejects.toMatchObject({ field: 'apiKey' });
    expect(checkKey).not.toHaveBeenCalled();

    checkKey.mockRejectedValueOnce(new AppError('secret-mismatch', 'The private key does not match this API key.', { field: 'apiSecret' }));
    await expect(vault.add(request('shape'))).rejects.toMatchObject({ code: 'secret-mismatch', field: 'apiSecret' });
    expect(vault.list()).toEqual([]);
    expect(store.data.get('accounts')).toBeUndefined();
    expect(changes).toEqual([]);
  });

  it('refuses a key that is already saved', async () => {
    const { vault } = setup();
    await vault.add(request('dup', { label: 'Main' }));
    const error = await rejectionOf(vault.add(request('dup', { label: 'Again' })));
    expect(error).toMatchObject({ code: 'duplicate-key', field: 'apiKey', message: 'This API key is already saved as "Main".' });
  });

  it('names unnamed accounts "Kraken account", "Kraken account 2", …', async () => {
    const { vault } = setup();
    await vault.add(request('n1', { label: '  ' }));
    await vault.add(request('n2', { label: '' }));
    expect(vault.list().map((a) => a.label)).toEqual(['Kraken account', 'Kraken account 2']);
  });
});

describe('accounts', () => {
  it('renames, removes and announces every change', async () => {
    const { vault, changes } = setup();
    const a = await vault.add(request('a'));
    const b = await vault.add(request('b'));
    expect(vault.rename({ id: a.id, label: '  Savings ' })).toMatchObject({ id: a.id, label: 'Savings' });
    vault.remove(b.id);
    expect(vault.list().map((x) => x.label)).toEqual(['Savings']);
    expect(changes.map((list) => list.map((x) => x.label))).toEqual([['Account a'], ['Account a', 'Account b'], ['Savings', 'Account b'], ['Savings']]);
  });

  it('refuses an empty name and an account that no longer exists', async () => {
    const { vault } = setup();
    const a = await vault.add(request('a'));
    expect(() => vault.rename({ id: a.id, label: '   ' })).toThrow(expect.objectContaining({ code: 'invalid-label', field: 'label' }));
    expect(() => vault.rename({ id: 'gone', label: 'x' })).toThrow(expect.objectContaining({ code: 'account-not-found' }));
    expect(() => vault.remove('gone')).toThrow(expect.objectContaining({ code: 'account-not-found' }));
  });

  it('keeps at most one demo account, which has no key', async () => {
    const { vault, changes } = setup();
    const demo = vault.addDemo();
    expect(vault.addDemo()).toEqual(demo);
    expect(demo).toMatchObject({ label: 'Demo account', demo: true, keyFingerprint: '', hasOtp: false, lastCheck: null });
    expect(changes).toHaveLength(1);
    await expect(vault.credentials(demo.id)).rejects.toMatchObject({ code: 'demo-account' });
  });

  it('records the latest check of each account, announcing only a changed outcome', async () => {
    const { vault, changes } = setup();
    const a = await vault.add(request('a'));
    vault.recordCheck(a.id, { at: '2025-02-02T00:00:00.000Z', ok: true });
    expect(changes).toHaveLength(1);
    vault.recordCheck(a.id, { at: '2025-02-02T00:01:00.000Z', ok: false, message: 'Kraken is busy.' });
    vault.recordCheck(a.id, { at: '2025-02-02T00:02:00.000Z', ok: false, message: 'Kraken is busy.' });
    vault.recordCheck(a.id, { at: '2025-02-02T00:03:00.000Z', ok: false, message: 'Kraken did not answer in time.' });
    vault.recordCheck('removed-id', { at: '2025-02-02T00:04:00.000Z', ok: true });
    expect(vault.get(a.id)?.lastCheck).toEqual({ at: '2025-02-02T00:03:00.000Z', ok: false, message: 'Kraken did not answer in time.' });
    expect(changes.map((list) => list[0]?.lastCheck?.at)).toEqual(['2025-01-01T12:00:00.000Z', '2025-02-02T00:01:00.000Z', '2025-02-02T00:03:00.000Z']);
  });

  it('does not rewrite the accounts file when a working key works again', async () => {
    const { vault, store } = setup();
    const a = await vault.add(request('a'));
    const written = vi.spyOn(store, 'set');
    vault.recordCheck(a.id, { at: '2025-02-02T00:00:00.000Z', ok: true });
    expect(written).not.toHaveBeenCalled();
    expect(vault.get(a.id)?.lastCheck).toEqual({ at: '2025-01-01T12:00:00.000Z', ok: true });
    vault.recordCheck(a.id, { at: '2025-02-02T00:01:00.000Z', ok: false, message: 'Kraken does not recognise this API key.' });
    vault.recordCheck(a.id, { at: '2025-02-02T00:02:00.000Z', ok: true });
    expect(written).toHaveBeenCalledTimes(2);
  });

  it('stops announcing to a listener that unsubscribed', async () => {
    const { vault } = setup();
    const listener = vi.fn();
    const off = vault.onChange(listener);
    off();
    await vault.add(request('quiet'));
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps entries it cannot read in the file, untouched, through later changes', async () => {
    const strange = { id: 'from-the-future', label: 'New format', sealedV2: 'abc' };
    const store = memoryStore({ accounts: [strange] });
    const { vault } = setup(KEYRING, store);
    expect(vault.notice).toBe('One saved account could not be read by this version of the app. It is not shown, and it stays in the file untouched.');
    expect(vault.list()).toEqual([]);
    await vault.add(request('a'));
    expect(store.data.get('accounts')).toEqual([expect.objectContaining({ label: 'Account a' }), strange]);
  });
});

describe('when the keyring fails', () => {
  it('says so when it refuses to encrypt a new key, and stores nothing', async () => {
    const { vault, cipher, store } = setup();
    cipher.encrypt = () => Promise.reject(new Error('org.freedesktop.Secret.Error.IsLocked'));
    await expect(vault.add(request('locked'))).rejects.toMatchObject({ code: 'encryption-failed', message: 'The system keyring refused to encrypt the key, so it was not saved.' });
    expect(store.data.has('accounts')).toBe(false);
  });

  it('keeps a stored value that is not a list of accounts rather than overwriting it', async () => {
    const store = memoryStore({ accounts: { legacy: true } });
    const { vault } = setup(KEYRING, store);
    expect(vault.notice).toBe('One saved account could not be read by this version of the app. It is not shown, and it stays in the file untouched.');
    await vault.add(request('a'));
    expect(store.data.get('accounts')).toEqual([expect.objectContaining({ label: 'Account a' }), { legacy: true }]);
  });
});

describe('Vault.credentials', () => {
  it('re-seals a key when the OS asks for it, without announcing a change', async () => {
    const { vault, store, cipher, changes } = setup();
    const a = await vault.add(request('rotate'));
    const before = JSON.stringify(store.data.get('accounts'));
    cipher.askReEncrypt(true);
    await vault.credentials(a.id);
    expect(JSON.stringify(store.data.get('accounts'))).not.toBe(before);
    expect(changes).toHaveLength(1);
    cipher.askReEncrypt(false);
    expect((await vault.credentials(a.id)).apiKey).toBe(testKeyPair('rotate').apiKey);
  });

  it('says plainly when a key can no longer be decrypted, without the ciphertext or the secret', async () => {
    const { vault, cipher } = setup();
    const added = request('lost');
    const a = await vault.add(added);
    cipher.loseKey();
    const error = await rejectionOf(vault.credentials(a.id));
    expect(error).toMatchObject({ code: 'key-unreadable', message: 'The saved key of "Account lost" cannot be decrypted on this computer.' });
    expect(error.hint).toContain('Use "Update key" to enter the key again');
  });

  it('says calmly that a keyring still locked after login is the reason, and never to remove the account', async () => {
    const { vault, cipher } = setup();
    const a = await vault.add(request('locked-after-login'));
    vi.spyOn(cipher, 'decrypt').mockRejectedValueOnce(new KeyringLockedError(new Error('temporarily unavailable')));
    const error = await rejectionOf(vault.credentials(a.id));
    expect(error).toMatchObject({ code: 'keyring-locked', message: 'Your system keyring is still locked, so the saved key cannot be read yet.' });
    expect(error.hint).toContain('tries again on its own');
    expect(error.hint).not.toMatch(/remove/i);
    // Unlocked, the same account works again.
    await expect(vault.credentials(a.id)).resolves.toMatchObject({ apiKey: testKeyPair('locked-after-login').apiKey });
  });
});
