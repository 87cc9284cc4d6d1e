import { safeStorage } from 'electron';
import { KeyringLockedError, type CipherStatus, type SecretCipher } from './secret-cipher.ts';

/**
 * The vault's cipher: Electron safeStorage, through its asynchronous API (the synchronous one is
 * deprecated). Keychain on macOS, DPAPI on Windows, the desktop keyring (or the weak 'basic_text'
 * fallback) on Linux.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  let linuxVerdict: Promise<CipherStatus> | null = null;
  return {
    async status(): Promise<CipherStatus> {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return { backend: 'none', available: false };
      if (platform === 'darwin') return { backend: 'keychain', available: true };
      if (platform === 'win32') return { backend: 'dpapi', available: true };
      // The keyring answers once per process, so one probe holds for the process.
      return (linuxVerdict ??= probeLinuxProtection());
    },
    encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
    // Keychain and DPAPI have no weak mode; on Linux 'v10' is Chromium's hard-coded key (probeLinuxProtection).
    sealedWeakly: (cipherText) => platform !== 'darwin' && platform !== 'win32' && cipherText.subarray(0, 3).toString('latin1') === 'v10',
    async decrypt(cipherText) {
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipherText);
        return { plainText: result, shouldReEncrypt };
      } catch (error) {
        // Electron's words when the keyring that sealed the data has not answered (still locked after login).
        if (error instanceof Error && /temporarily unavailable/i.test(error.message)) throw new KeyringLockedError(error);
        throw error;
      }
    },
  };
}

/** A keyring name for data a keyring sealed when the reported backend names none (no known desktop). */
const UNNAMED_KEYRING = 'secret_service';

/**
 * Linux: getSelectedStorageBackend() is decided from the desktop's name before any keyring is tried, and
 * the async encryptor falls back to Chromium's hard-coded key when no keyring answers. So the verdict comes
 * from what really seals data: a probe's prefix, 'v11' for a keyring's key, 'v10' for the hard-coded one.
 */
async function probeLinuxProtection(): Promise<CipherStatus> {
  const reported = safeStorage.getSelectedStorageBackend();
  const prefix = (await safeStorage.encryptStringAsync('protection probe')).subarray(0, 3).toString('latin1');
  if (prefix === 'v11') return { backend: reported === 'basic_text' || reported === 'unknown' ? UNNAMED_KEYRING : reported, available: true };
  return { backend: 'basic_text', available: true };
}
