import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { CipherStatus, SecretCipher } from '../secret-cipher.ts';

export interface FakeCipher extends SecretCipher {
  setStatus(status: CipherStatus): void;
  /** The next decrypts report that the OS wants the data re-encrypted. */
  askReEncrypt(value: boolean): void;
  /** Decrypting fails from now on, as after a keyring reset. */
  loseKey(): void;
  readonly encryptions: number;
}

/**
 * safeStorage stand-in for unit tests: real AES-GCM under a per-instance key, with a switchable backend. As on
 * Linux, ciphertext starts 'v10' when sealed while the backend is 'basic_text' (the built-in key), else 'v11'.
 */
export function createFakeCipher(status: CipherStatus = { backend: 'gnome_libsecret', available: true }): FakeCipher {
  let current = status;
  let reEncrypt = false;
  let key = createHash('sha256').update('fake keyring').digest();
  let encryptions = 0;
  return {
    status: () => Promise.resolve({ ...current }),
    setStatus: (next) => void (current = next),
    askReEncrypt: (value) => void (reEncrypt = value),
    loseKey: () => void (key = randomBytes(32)),
    get encryptions() {
      return encryptions;
    },
    encrypt(plainText) {
      if (!current.available) return Promise.reject(new Error('Encryption is not available.'));
      encryptions += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      const prefix = Buffer.from(current.backend === 'basic_text' ? 'v10' : 'v11', 'latin1');
      return Promise.resolve(Buffer.concat([prefix, iv, cipher.getAuthTag(), body]));
    },
    sealedWeakly: (cipherText) => cipherText.subarray(0, 3).toString('latin1') === 'v10',
    decrypt(cipherText) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, cipherText.subarray(3, 15));
        decipher.setAuthTag(cipherText.subarray(15, 31));
        const plainText = Buffer.concat([decipher.update(cipherText.subarray(31)), decipher.final()]).toString('utf8');
        return Promise.resolve({ plainText, shouldReEncrypt: reEncrypt });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}
