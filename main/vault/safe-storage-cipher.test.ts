import { beforeEach, describe, expect, it, vi } from 'vitest';
import { describeProtection } from '../storage-protection.ts';
import { createSafeStorageCipher } from './safe-storage-cipher.ts';
import { KeyringLockedError } from './secret-cipher.ts';

// Electron's safeStorage on Linux as the notes and the runtime model it: the reported backend is decided
// from the desktop's name, while the async encryptor seals with whatever key it really got.
const electron = vi.hoisted(() => ({
  reported: 'gnome_libsecret',
  prefix: 'v11',
  decryptError: null as Error | null,
  encryptions: 0,
}));
vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    getSelectedStorageBackend: () => electron.reported,
    encryptStringAsync: (text: string) => {
      electron.encryptions += 1;
      return Promise.resolve(Buffer.concat([Buffer.from(electron.prefix, 'latin1'), Buffer.from(text)]));
    },
    decryptStringAsync: (data: Buffer) =>
      electron.decryptError ? Promise.reject(electron.decryptError) : Promise.resolve({ result: data.subarray(3).toString(), shouldReEncrypt: false }),
  },
}));

beforeEach(() => {
  Object.assign(electron, { reported: 'gnome_libsecret', prefix: 'v11', decryptError: null, encryptions: 0 });
});

describe('createSafeStorageCipher on Linux', () => {
  it('judges a reported keyring whose data the hard-coded key sealed (v10) as weak protection', async () => {
    electron.prefix = 'v10';
    const status = await createSafeStorageCipher('linux').status();
    expect(status).toEqual({ backend: 'basic_text', available: true });
    expect(describeProtection(status, null).level).toBe('weak');
  });

  it('judges data a keyring sealed (v11) as the OS\'s protection, even when no known desktop was reported', async () => {
    expect(await createSafeStorageCipher('linux').status()).toEqual({ backend: 'gnome_libsecret', available: true });
    electron.reported = 'basic_text';
    const status = await createSafeStorageCipher('linux').status();
    expect(status).toEqual({ backend: 'secret_service', available: true });
    expect(describeProtection(status, null).level).toBe('os');
  });

  it('probes once per process (the keyring answers once)', async () => {
    const cipher = createSafeStorageCipher('linux');
    await cipher.status();
    await cipher.status();
    expect(electron.encryptions).toBe(1);
  });

  it('tells a keyring still locked after login apart from data it cannot open', async () => {
    const cipher = createSafeStorageCipher('linux');
    electron.decryptError = new Error('safeStorage.decryptStringAsync is temporarily unavailable. Please try again.');
    await expect(cipher.decrypt(Buffer.from('v11x'))).rejects.toBeInstanceOf(KeyringLockedError);
    electron.decryptError = new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
    await expect(cipher.decrypt(Buffer.from('v11x'))).rejects.not.toBeInstanceOf(KeyringLockedError);
  });
});
