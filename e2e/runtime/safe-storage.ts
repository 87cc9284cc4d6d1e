import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';

/** Which Linux backend to pretend to be; 'unavailable' means no encryption at all. */
export type RuntimeBackend = 'basic_text' | 'gnome_libsecret' | 'unavailable';

type SafeStorageApi = Pick<
  SafeStorage,
  | 'isEncryptionAvailable' | 'isAsyncEncryptionAvailable' | 'encryptString' | 'decryptString'
  | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/**
 * safeStorage the way Chromium's OSCrypt does it on Linux. 'basic_text' is the real scheme: AES-128-CBC
 * under a key derived from the hard-coded password "peanuts", prefix v10 — encrypted in name only, as on a
 * keyring-less Linux box. 'gnome_libsecret' stands in for a keyring: AES-256-GCM under a random key kept
 * in `keyringDir`, outside the app's data, prefix v11.
 */
export class RuntimeSafeStorage implements SafeStorageApi {
  private ready = false;
  private readonly backend: RuntimeBackend;
  private readonly keyringDir: string;

  constructor(backend: RuntimeBackend, keyringDir: string) {
    this.backend = backend;
    this.keyringDir = keyringDir;
  }

  markReady(): void {
    this.ready = true;
  }

  getSelectedStorageBackend(): ReturnType<SafeStorage['getSelectedStorageBackend']> {
    if (!this.ready) return 'unknown';
    return this.backend === 'unavailable' ? 'unknown' : this.backend;
  }

  isEncryptionAvailable(): boolean {
    return this.ready && this.backend !== 'unavailable';
  }

  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.isEncryptionAvailable());
  }

  encryptString(plainText: string): Buffer {
    if (!this.isEncryptionAvailable()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return this.backend === 'basic_text' ? encryptV10(plainText) : this.encryptV11(plainText);
  }

  decryptString(encrypted: Buffer): string {
    if (!this.isEncryptionAvailable()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    const prefix = encrypted.subarray(0, 3).toString('latin1');
    if (prefix === 'v10') return decryptV10(encrypted.subarray(3));
    if (prefix === 'v11') return this.decryptV11(encrypted.subarray(3));
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  }

  encryptStringAsync(plainText: string): Promise<Buffer> {
    return Promise.resolve().then(() => this.encryptString(plainText));
  }

  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    return Promise.resolve().then(() => ({ shouldReEncrypt: false, result: this.decryptString(encrypted) }));
  }

  private keyringKey(): Buffer {
    const file = path.join(this.keyringDir, 'safe-storage.key');
    try {
      return Buffer.from(readFileSync(file, 'utf8'), 'base64');
    } catch {
      mkdirSync(this.keyringDir, { recursive: true });
      const key = randomBytes(32);
      writeFileSync(file, key.toString('base64'), { mode: 0o600 });
      return key;
    }
  }

  private encryptV11(plainText: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyringKey(), iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11', 'latin1'), iv, cipher.getAuthTag(), body]);
  }

  private decryptV11(data: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.keyringKey(), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
  }
}

const V10_KEY = pbkdf2Sync('peanuts', 'saltysalt', 1, 16, 'sha1');
const V10_IV = Buffer.alloc(16, ' ');

function encryptV10(plainText: string): Buffer {
  const cipher = createCipheriv('aes-128-cbc', V10_KEY, V10_IV);
  return Buffer.concat([Buffer.from('v10', 'latin1'), cipher.update(plainText, 'utf8'), cipher.final()]);
}

function decryptV10(data: Buffer): string {
  const decipher = createDecipheriv('aes-128-cbc', V10_KEY, V10_IV);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
