import { describe, expect, it, vi } from 'vitest';
import type { AddAccountRequest } from '../../ipc/contract.ts';
import { AppError } from '../app-error.ts';
import { memoryStore } from '../persistence/testing/memory-store.ts';
import type { Credentials } from './key-shape.ts';
import type { CipherStatus } from './secret-cipher.ts';
import { NO_CLIENT } from './testing/checked-key.ts';
import { createFakeCipher } from './testing/fake-cipher.ts';
import { testKeyPair } from './testing/key-pair.ts';
import { rejectionOf } from './testing/rejection.ts';
import { Vault, type CheckedKey } from './vault.ts';

const KEYRING: CipherStatus = { backend: 'gnome_libsecret', available: true };
const BASIC_TEXT: CipherStatus = { backend: 'basic_text', available: true };
const NONE: CipherStatus = { backend: 'none', available: false };
const AT = '2025-01-01T12:00:00.000Z';

function setup(status: CipherStatus, answers: boolean[] = [], store = memoryStore()) {
  const cipher = createFakeCipher(status);
  const checkKey = vi.fn<(credentials: Credentials) => Promise<CheckedKey>>(() => Promise.resolve(NO_CLIENT));
  const asked: string[] = [];
  const askWeakConsent = (backend: string) => {
    asked.push(backend);
    return Promise.resolve(answers.shift() ?? false);
  };
  let ids = 0;
  const vault = new Vault({ store, cipher, checkKey, askWeakConsent, now: () => new Date(AT), newId: () => `acc-${++ids}` });
  return { vault, store, cipher, checkKey, asked };
}

const request = (seed: string): AddAccountRequest => ({ label: `Account ${seed}`, ...testKeyPair(seed) });

describe('weak protection is consented in main', () => {
  it('with a keyring: keys are stored without asking', async () => {
    const { vault, asked } = setup(KEYRING);
    expect(await vault.protection()).toEqual({ backend: 'gnome_libsecret', level: 'os', weakAccepted: false, weakConsent: null });
    await expect(vault.add(request('os'))).resolves.toMatchObject({ label: 'Account os' });
    expect(asked).toEqual([]);
  });

  it('with basic_text: a key Kraken refuses is reported before any question', async () => {
    const { vault, checkKey, asked } = setup(BASIC_TEXT, [true]);
    checkKey.mockRejectedValueOnce(new AppError('key-rejected', 'Kraken does not recognise this API key.', { field: 'apiKey' }));
    expect(await rejectionOf(vault.add(request('weak')))).toMatchObject({ code: 'key-rejected', field: 'apiKey' });
    expect(asked).toEqual([]);
  });

  it('with basic_text: asks natively once the key checked out; no stores nothing, yes stores the key and the consent for this backend', async () => {
    const { vault, store, checkKey, asked } = setup(BASIC_TEXT, [false, true]);
    const declined = await rejectionOf(vault.add(request('weak')));
    expect(declined).toMatchObject({ code: 'weak-protection-declined', message: expect.stringContaining('not saved') });
    expect(checkKey).toHaveBeenCalledTimes(1);
    expect(store.get('accounts')).toBeUndefined();
    expect(store.get('weakProtection')).toBeUndefined();

    await expect(vault.add(request('weak'))).resolves.toMatchObject({ label: 'Account weak' });
    expect(asked).toEqual(['basic_text', 'basic_text']);
    expect(store.get('weakProtection')).toEqual({ acceptedAt: AT, backend: 'basic_text' });
    await vault.add(request('second'));
    expect(asked).toHaveLength(2); // remembered for this backend
    expect(await vault.protection()).toEqual({ backend: 'basic_text', level: 'weak', weakAccepted: true, weakConsent: { acceptedAt: AT, backend: 'basic_text' } });
  });

  it('a consent given for another backend, or one that does not match the schema, is no consent', async () => {
    const store = memoryStore();
    store.set('weakProtection', { acceptedAt: AT, backend: 'kwallet_weak' });
    const { vault, asked } = setup(BASIC_TEXT, [false], store);
    expect((await vault.protection()).weakAccepted).toBe(false);
    await expect(vault.add(request('x'))).rejects.toMatchObject({ code: 'weak-protection-declined' });
    expect(asked).toEqual(['basic_text']);
    store.set('weakProtection', { acceptedAt: AT, backend: 'basic_text', by: 'renderer' });
    expect(await vault.protection()).toMatchObject({ weakAccepted: false, weakConsent: null });
  });

  it('without any encryption: refuses before the key check and never asks', async () => {
    const { vault, store, checkKey, asked } = setup(NONE, [true]);
    await expect(vault.add(request('none'))).rejects.toMatchObject({ code: 'storage-unavailable' });
    expect(checkKey).not.toHaveBeenCalled();
    expect(asked).toEqual([]);
    expect(store.data.size).toBe(0);
  });
});

describe('withdrawing the consent', () => {
  it('still without a keyring: deletes every key sealed with the built-in password, keeps the demo, forgets the consent', async () => {
    const { vault, store } = setup(BASIC_TEXT, [true]);
    await vault.add(request('a'));
    await vault.add(request('b'));
    vault.addDemo();
    const impact = await vault.weakProtectionImpact();
    expect(impact).toMatchObject({ consent: { backend: 'basic_text' }, action: 'remove', accounts: [{ label: 'Account a' }, { label: 'Account b' }] });
    await expect(vault.withdrawWeakProtection()).resolves.toEqual({ removed: 2, resealed: 0 });
    expect(vault.list().map((a) => a.label)).toEqual(['Demo account']);
    expect(store.get('weakProtection')).toBeUndefined();
    expect(await vault.protection()).toMatchObject({ weakAccepted: false, weakConsent: null });
  });

  it('with a keyring now: re-seals the weak keys with it (they open to the same key), and leaves keyring-sealed ones alone', async () => {
    const { vault, cipher, store } = setup(BASIC_TEXT, [true]);
    const weak = await vault.add(request('weak'));
    cipher.setStatus(KEYRING);
    const strong = await vault.add(request('strong'));
    const sealedBefore = JSON.stringify(store.get('accounts'));
    const impact = await vault.weakProtectionImpact();
    expect(impact).toMatchObject({ action: 'reseal', accounts: [{ id: weak.id }] });
    await expect(vault.withdrawWeakProtection()).resolves.toEqual({ removed: 0, resealed: 1 });
    expect(vault.list().map((a) => a.id)).toEqual([weak.id, strong.id]);
    expect(JSON.stringify(store.get('accounts'))).not.toBe(sealedBefore);
    expect((await vault.weakProtectionImpact()).accounts).toEqual([]);
    expect(await vault.credentials(weak.id)).toMatchObject({ apiKey: testKeyPair('weak').apiKey });
  });
});
