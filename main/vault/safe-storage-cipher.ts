import { safeStorage } from 'electron';
import type { CipherStatus, SecretCipher } from './secret-cipher.ts';

/**
 * The vault's cipher: Electron safeStorage, through its asynchronous API (the synchronous one is
 * deprecated). Keychain on macOS, DPAPI on Windows, the desktop keyring (or the weak 'basic_text'
 * fallback) on Linux.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    async status(): Promise<CipherStatus> {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return { backend: 'none', available: false };
      return { backend: backendName(platform), available: true };
    },
    encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
    async decrypt(cipherText) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipherText);
      return { plainText: result, shouldReEncrypt };
    },
  };
}

function backendName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend();
}
