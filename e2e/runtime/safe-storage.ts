import type { SafeStorage } from 'electron';
import { FakeKeyring, keyFromSecret, openWith, sealWith, selectBackend, V10_KEY, type KeyringState } from './linux-keyring.ts';

export interface SafeStorageSetup {
  /** The --password-store switch ('' when absent). */
  passwordStore: string;
  /** The environment the desktop is read from (XDG_CURRENT_DESKTOP, DESKTOP_SESSION …). */
  env: NodeJS.ProcessEnv;
  keyring: KeyringState;
  keyringDir: string;
  /** Runtime-only: no encryption at all (Electron 45 on Linux always has at least the hard-coded key). */
  noEncryption: boolean;
  /** Names the keyring item ("<App> Safe Storage"), read when the key is first needed. */
  appName: () => string;
}

type SafeStorageApi = Pick<
  SafeStorage,
  | 'isEncryptionAvailable' | 'isAsyncEncryptionAvailable' | 'encryptString' | 'decryptString' | 'setUsePlainTextEncryption'
  | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

const NOT_READY = 'safeStorage cannot be used before app is ready';
const TEMPORARILY_UNAVAILABLE = 'safeStorage.decryptStringAsync is temporarily unavailable. Please try again.';

/**
 * Electron 45's safeStorage on Linux (shell/browser/api/electron_api_safe_storage.cc over Chromium's OSCrypt):
 * - the sync API is OSCrypt: "available" only with a v11 (keyring) key, or with setUsePlainTextEncryption
 *   under basic_text; its keyring is the one the reported backend names, and basic_text tries none;
 * - the async API is OSCryptAsync: the Freedesktop key provider tries a keyring unless --password-store=basic
 *   (even when basic_text was reported for want of a known desktop) and encrypts v11 when it got a key; the
 *   hard-coded key (v10) encrypts otherwise. Decrypting v10 while a keyring key encrypts says shouldReEncrypt;
 *   v11 data without a keyring rejects as "temporarily unavailable". The keyring is asked once per process.
 */
export class RuntimeSafeStorage implements SafeStorageApi {
  private ready = false;
  private plainTextAllowed = false;
  private keys: { sync: Buffer | null; async: Buffer | null } | null = null;
  private readonly setup: SafeStorageSetup;

  constructor(setup: SafeStorageSetup) {
    this.setup = setup;
  }

  markReady(): void {
    this.ready = true;
  }

  getSelectedStorageBackend(): ReturnType<SafeStorage['getSelectedStorageBackend']> {
    return this.ready ? selectBackend(this.setup.passwordStore, this.setup.env) : 'unknown';
  }

  setUsePlainTextEncryption(usePlainText: boolean): void {
    this.plainTextAllowed = usePlainText;
  }

  isEncryptionAvailable(): boolean {
    if (!this.ready || this.setup.noEncryption) return false;
    return this.keyring().sync !== null || (this.plainTextAllowed && this.getSelectedStorageBackend() === 'basic_text');
  }

  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.ready && !this.setup.noEncryption);
  }

  encryptString(plainText: string): Buffer {
    if (!this.isEncryptionAvailable()) {
      throw new Error(this.ready ? 'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.' : NOT_READY);
    }
    return this.syncEncrypt(plainText);
  }

  decryptString(encrypted: Buffer): string {
    if (!this.isEncryptionAvailable()) {
      throw new Error(this.ready ? 'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.' : NOT_READY);
    }
    if (!Buffer.isBuffer(encrypted)) throw new Error('Expected the first argument of decryptString() to be a buffer');
    if (encrypted.length === 0) return '';
    const prefix = encrypted.subarray(0, 3).toString('latin1');
    if (prefix !== 'v10' && prefix !== 'v11') {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Ciphertext does not appear to be encrypted.');
    }
    const plainText = this.syncDecrypt(encrypted);
    if (plainText === null) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return plainText;
  }

  encryptStringAsync(plainText: string): Promise<Buffer> {
    return Promise.resolve().then(() => {
      if (!this.ready) throw new Error(NOT_READY);
      if (this.setup.noEncryption) throw new Error('Error while encrypting the text provided to safeStorage.encryptStringAsync.');
      if (plainText === '') return Buffer.alloc(0);
      const keyring = this.keyring().async;
      return keyring ? sealWith('v11', keyring, plainText) : sealWith('v10', V10_KEY, plainText);
    });
  }

  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    return Promise.resolve().then(() => {
      if (!this.ready) throw new Error(NOT_READY);
      if (!Buffer.isBuffer(encrypted)) throw new Error('Expected the first argument of decryptStringAsync() to be a buffer');
      if (encrypted.length === 0) return { shouldReEncrypt: false, result: '' };
      return this.asyncDecrypt(encrypted);
    });
  }

  /** os_crypt_async::Encryptor::DecryptData with Electron 45's key providers (v10 always, v11 with a keyring). */
  private asyncDecrypt(encrypted: Buffer): { shouldReEncrypt: boolean; result: string } {
    const failed = 'Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.';
    if (this.setup.noEncryption) throw new Error(failed);
    const keyring = this.keyring().async;
    const encryptingWith = keyring ? 'v11' : 'v10';
    const prefix = encrypted.subarray(0, 3).toString('latin1');
    const key = prefix === 'v10' ? V10_KEY : prefix === 'v11' ? keyring : null;
    if (key) {
      const result = openWith(key, encrypted.subarray(3));
      if (result === null) throw new Error(failed); // the right key does not open it: permanent
      return { shouldReEncrypt: prefix !== encryptingWith, result };
    }
    // No provider holds a key for it: the sync OSCrypt gets a try, and says why it could not.
    const result = this.syncDecrypt(encrypted);
    if (result !== null) return { shouldReEncrypt: true, result };
    throw new Error(this.keyring().sync === null ? TEMPORARILY_UNAVAILABLE : failed);
  }

  /** OSCryptImpl::EncryptString: v11 when the reported backend's keyring gave a key, v10 otherwise. */
  private syncEncrypt(plainText: string): Buffer {
    if (plainText === '') return Buffer.alloc(0);
    const key = this.keyring().sync;
    return key ? sealWith('v11', key, plainText) : sealWith('v10', V10_KEY, plainText);
  }

  private syncDecrypt(encrypted: Buffer): string | null {
    const prefix = encrypted.subarray(0, 3).toString('latin1');
    const key = prefix === 'v10' ? V10_KEY : prefix === 'v11' ? this.keyring().sync : null;
    return key ? openWith(key, encrypted.subarray(3)) : null;
  }

  /** The keyring is asked once, at first use after ready, by both OSCrypts; its answer holds for the process. */
  private keyring(): { sync: Buffer | null; async: Buffer | null } {
    if (!this.keys) {
      const secret = new FakeKeyring(this.setup.keyringDir, this.setup.keyring).secret(`${this.setup.appName()} Safe Storage`);
      const key = secret === null ? null : keyFromSecret(secret);
      this.keys = {
        sync: this.getSelectedStorageBackend() === 'basic_text' ? null : key,
        async: this.setup.passwordStore === 'basic' ? null : key,
      };
    }
    return this.keys;
  }
}
