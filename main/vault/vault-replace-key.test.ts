import { describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '../../ipc/contract.ts';
import { AppError } from '../app-error.ts';
import { keyFingerprint } from '../kraken/index.ts';
import { redact } from '../log.ts';
import { memoryStore } from '../persistence/testing/memory-store.ts';
import type { Credentials } from './key-shape.ts';
import type { CipherStatus } from './secret-cipher.ts';
import { createFakeCipher } from './testing/fake-cipher.ts';
import { testKeyPair } from './testing/key-pair.ts';
import { Vault, type CheckedKey } from './vault.ts';

const KEYRING: CipherStatus = { backend: 'gnome_libsecret', available: true };

/** A key check that records what the vault did with the client that checked the key. */
function recordingCheck() {
  const outcomes: string[] = [];
  const checkKey = vi.fn((credentials: Credentials): Promise<CheckedKey> => {
    const name = credentials.apiKey.slice(0, 6);
    return Promise.resolve({ keep: (id) => void outcomes.push(`keep ${name} for ${id}`), discard: () => void outcomes.push(`discard ${name}`) });
  });
  return { checkKey, outcomes };
}

async function setup(status: CipherStatus = KEYRING, askWeakConsent?: (backend: string) => Promise<boolean>) {
  const store = memoryStore();
  const cipher = createFakeCipher(status);
  const { checkKey, outcomes } = recordingCheck();
  let tick = 0;
  let ids = 0;
  const vault = new Vault({ store, cipher, checkKey, ...(askWeakConsent && { askWeakConsent }), now: () => new Date(Date.UTC(2025, 0, 1, 12, 0, tick++)), newId: () => `acc-${++ids}` });
  const old = testKeyPair('old key');
  const account = await vault.add({ label: 'Main', ...old });
  outcomes.length = 0;
  checkKey.mockClear();
  // What listeners hear, in order: the key replaced first, then the list.
  const heard: string[] = [];
  vault.onKeyReplaced((id) => heard.push(`key-replaced ${id}`));
  vault.onChange((accounts: AccountSummary[]) => heard.push(`change ${accounts.map((a) => a.keyFingerprint).join(',')}`));
  return { vault, store, cipher, checkKey, outcomes, heard, account, old };
}

describe('Vault.replaceKey ("Update key")', () => {
  it('replaces the key of the same account: id, name and date kept, new key sealed, old client dropped before the list changes', async () => {
    const { vault, store, account, outcomes, heard } = await setup();
    const next = testKeyPair('new key');
    const updated = await vault.replaceKey({ id: account.id, ...next, otp: 'new-2fa-password' });

    expect(updated).toEqual({
      ...account,
      keyFingerprint: keyFingerprint(next.apiKey).slice('kraken:'.length, 'kraken:'.length + 8),
      hasOtp: true,
      lastCheck: { at: expect.any(String), ok: true },
    });
    expect(updated.keyFingerprint).not.toBe(account.keyFingerprint);
    expect(vault.list()).toEqual([updated]);
    expect(await vault.credentials(account.id)).toEqual({ ...next, otp: 'new-2fa-password' });
    expect(outcomes).toEqual([`keep ${next.apiKey.slice(0, 6)} for acc-1`]);
    expect(heard).toEqual(['key-replaced acc-1', `change ${updated.keyFingerprint}`]);
    const file = JSON.stringify(Object.fromEntries(store.data));
    for (const secret of [next.apiKey, next.apiSecret, 'new-2fa-password']) expect(file).not.toContain(secret);
    expect(redact('otp new-2fa-password')).toBe('otp [redacted]');
  });

  it('keeps the old key when Kraken refuses the new one, and says why', async () => {
    const { vault, store, account, old, checkKey, heard } = await setup();
    const before = JSON.stringify(Object.fromEntries(store.data));
    checkKey.mockRejectedValueOnce(new AppError('key-rejected', 'Kraken does not recognise this API key. The key was not saved.', { field: 'apiKey' }));

    const next = testKeyPair('refused key');
    await expect(vault.replaceKey({ id: account.id, ...next, otp: 'refused-password' })).rejects.toMatchObject({ code: 'key-rejected', field: 'apiKey' });

    expect(vault.list()).toEqual([account]);
    expect(await vault.credentials(account.id)).toEqual(old);
    expect(JSON.stringify(Object.fromEntries(store.data))).toBe(before);
    expect(heard).toEqual([]);
    // The refused key's 2FA password was registered for redaction only while it was being checked.
    expect(redact('otp refused-password')).toBe('otp refused-password');
  });

  it('checks the shape before calling Kraken: a wrong field is named and nothing is sent', async () => {
    const { vault, account, checkKey } = await setup();
    await expect(vault.replaceKey({ id: account.id, apiKey: 'short', apiSecret: testKeyPair('x').apiSecret })).rejects.toMatchObject({ field: 'apiKey' });
    await expect(vault.replaceKey({ id: account.id, apiKey: testKeyPair('x').apiKey, apiSecret: '' })).rejects.toMatchObject({ field: 'apiSecret' });
    expect(checkKey).not.toHaveBeenCalled();
  });

  it('refuses a key saved for another account, but takes the account’s own key again (a new 2FA password)', async () => {
    const { vault, account, old } = await setup();
    const other = testKeyPair('other account');
    const second = await vault.add({ label: 'Savings', ...other });
    await expect(vault.replaceKey({ id: account.id, ...other })).rejects.toMatchObject({ code: 'duplicate-key', field: 'apiKey', message: 'This API key is already saved as "Savings".' });
    expect(await vault.credentials(second.id)).toEqual(other);

    const same = await vault.replaceKey({ id: account.id, ...old, otp: 'added-later' });
    expect(same).toMatchObject({ id: account.id, keyFingerprint: account.keyFingerprint, hasOtp: true });
    expect(await vault.credentials(account.id)).toEqual({ ...old, otp: 'added-later' });
  });

  it('discards the checked key when the account was removed while Kraken answered', async () => {
    const { vault, account, checkKey, outcomes } = await setup();
    const next = testKeyPair('late key');
    checkKey.mockImplementationOnce(() => {
      vault.remove(account.id);
      return Promise.resolve({ keep: () => void outcomes.push('keep'), discard: () => void outcomes.push('discard') });
    });
    await expect(vault.replaceKey({ id: account.id, ...next })).rejects.toMatchObject({ code: 'account-not-found' });
    expect(outcomes).toEqual(['discard']);
    expect(vault.list()).toEqual([]);
  });

  it('keeps the old key when the new one cannot be sealed', async () => {
    const { vault, cipher, account, old, outcomes } = await setup();
    vi.spyOn(cipher, 'encrypt').mockRejectedValueOnce(new Error('keyring refused'));
    const next = testKeyPair('unsealed key');
    await expect(vault.replaceKey({ id: account.id, ...next })).rejects.toMatchObject({ code: 'encryption-failed' });
    expect(outcomes).toEqual([`discard ${next.apiKey.slice(0, 6)}`]);
    expect(await vault.credentials(account.id)).toEqual(old);
  });

  it('replaces a key this computer can no longer decrypt (the case its error sends the user here for)', async () => {
    const { vault, cipher, account } = await setup();
    cipher.loseKey();
    await expect(vault.credentials(account.id)).rejects.toMatchObject({ code: 'key-unreadable', hint: expect.stringContaining('Update key') });
    const next = testKeyPair('after reset');
    await vault.replaceKey({ id: account.id, ...next });
    expect(await vault.credentials(account.id)).toEqual(next);
  });

  it('asks in main about weak protection only after the key checked out, and replaces nothing when the user declines', async () => {
    const answers = [false, true];
    const asked: string[] = [];
    const ask = (backend: string) => {
      asked.push(backend);
      return Promise.resolve(answers.shift() ?? false);
    };
    const { vault, cipher, account, old, checkKey, outcomes } = await setup(KEYRING, ask);
    cipher.setStatus({ backend: 'basic_text', available: true });
    const next = testKeyPair('weak key');
    await expect(vault.replaceKey({ id: account.id, ...next })).rejects.toMatchObject({ code: 'weak-protection-declined' });
    expect(checkKey).toHaveBeenCalledTimes(1);
    expect(asked).toEqual(['basic_text']);
    expect(outcomes).toEqual([`discard ${next.apiKey.slice(0, 6)}`]);
    expect(await vault.credentials(account.id)).toEqual(old);
    await vault.replaceKey({ id: account.id, ...next });
    expect(asked).toEqual(['basic_text', 'basic_text']);
    expect(await vault.credentials(account.id)).toEqual(next);
  });

  it('has no key to update on the demo account, and no account to update that does not exist', async () => {
    const { vault, checkKey } = await setup();
    const demo = vault.addDemo();
    await expect(vault.replaceKey({ id: demo.id, ...testKeyPair('demo') })).rejects.toMatchObject({ code: 'demo-account' });
    await expect(vault.replaceKey({ id: 'gone', ...testKeyPair('gone') })).rejects.toMatchObject({ code: 'account-not-found' });
    expect(checkKey).not.toHaveBeenCalled();
  });
});
