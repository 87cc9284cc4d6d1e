/** What the OS offers for encrypting secrets on this machine, as the vault needs to know it. */
export interface CipherStatus {
  /** 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet5', 'basic_text', … or 'none'. */
  backend: string;
  /** False when nothing can be encrypted at all. */
  available: boolean;
}

/**
 * Encryption of secrets by the operating system. The app's implementation is Electron safeStorage
 * (safe-storage-cipher.ts); tests use a fake, so the vault's logic runs without Electron.
 */
export interface SecretCipher {
  status(): Promise<CipherStatus>;
  encrypt(plainText: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the OS rotated its key or now offers better protection; store a fresh ciphertext. */
  decrypt(cipherText: Buffer): Promise<{ plainText: string; shouldReEncrypt: boolean }>;
  /** True for data sealed with the built-in key (Linux 'v10'), not a keyring's or the OS's. */
  sealedWeakly(cipherText: Buffer): boolean;
}

/** Decrypting failed only because the keyring that sealed the data has not answered yet (locked after login). */
export class KeyringLockedError extends Error {
  constructor(cause: unknown) {
    super('The system keyring is not unlocked yet.', { cause });
    this.name = 'KeyringLockedError';
  }
}
