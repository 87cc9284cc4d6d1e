import { AppError } from '../app-error.ts';
import type { Credentials } from './key-shape.ts';
import { KeyringLockedError, type SecretCipher } from './secret-cipher.ts';

/** A key's Credentials as the vault stores them: the base64 of the OS cipher's ciphertext of their JSON. */
export async function sealCredentials(cipher: SecretCipher, credentials: Credentials): Promise<string> {
  return (await cipher.encrypt(JSON.stringify(credentials))).toString('base64');
}

/** Sealed for a new or replaced key, or an AppError the user can act on when the keyring refuses. */
export function sealForSaving(cipher: SecretCipher, credentials: Credentials): Promise<string> {
  return sealCredentials(cipher, credentials).catch((error: unknown) => {
    throw new AppError('encryption-failed', 'The system keyring refused to encrypt the key, so it was not saved.', {
      hint: 'Unlock your keyring (it may be asking for your password), then try again.',
      cause: error,
    });
  });
}

/**
 * The Credentials of a sealed entry, or an AppError saying why not: a keyring still locked after login
 * (retried on its own) or a ciphertext this computer cannot open (the user enters the key again).
 */
export async function openCredentials(cipher: SecretCipher, sealed: string, label: string): Promise<{ credentials: Credentials; shouldReEncrypt: boolean }> {
  const unreadable = (cause?: unknown) => new AppError('key-unreadable', `The saved key of "${label}" cannot be decrypted on this computer.`, {
    hint: 'This happens when the system keyring was reset or the app data was copied from another computer. Use "Update key" to enter the key again; the account keeps its history.',
    cause,
  });
  let opened: { plainText: string; shouldReEncrypt: boolean };
  try {
    opened = await cipher.decrypt(Buffer.from(sealed, 'base64'));
  } catch (error) {
    if (error instanceof KeyringLockedError) {
      // Not the key's fault and nothing to remove: the refresh simply tries again (refresh-error.ts).
      throw new AppError('keyring-locked', 'Your system keyring is still locked, so the saved key cannot be read yet.', {
        hint: 'Unlock it (your desktop may be asking for your password); the app tries again on its own. If this stays, restart the app after unlocking.',
        cause: error,
      });
    }
    throw unreadable(error);
  }
  const credentials = parseCredentials(opened.plainText);
  if (!credentials) throw unreadable();
  return { credentials, shouldReEncrypt: opened.shouldReEncrypt };
}

function parseCredentials(plainText: string): Credentials | null {
  try {
    const value = JSON.parse(plainText) as Partial<Credentials> | null;
    if (typeof value?.apiKey !== 'string' || typeof value.apiSecret !== 'string') return null;
    return typeof value.otp === 'string' ? { apiKey: value.apiKey, apiSecret: value.apiSecret, otp: value.otp } : { apiKey: value.apiKey, apiSecret: value.apiSecret };
  } catch {
    return null;
  }
}
