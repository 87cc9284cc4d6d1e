import type { StorageProtection } from '../ipc/contract.ts';
import { AppError } from './app-error.ts';
import type { CipherStatus } from './vault/secret-cipher.ts';

/** Backends where the OS really locks the data: macOS Keychain, Windows DPAPI, a Linux keyring. */
const OS_BACKENDS = new Set(['keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'secret_service']);

/**
 * How well stored keys are protected. Linux without a keyring falls back to 'basic_text' (a password
 * hard-coded in Chromium): encrypted in name only, so it is 'weak', as is any backend not known to be real.
 * `weakAccepted` is the user's remembered choice (see Vault.acceptWeakProtection).
 */
export function describeProtection(status: CipherStatus, weakAccepted: boolean): StorageProtection {
  if (!status.available) return { backend: status.backend, level: 'unavailable', weakAccepted: false };
  return { backend: status.backend, level: OS_BACKENDS.has(status.backend) ? 'os' : 'weak', weakAccepted };
}

/** Refuses to store a key where it would not be protected, unless the user accepted weak protection. */
export function assertCanStoreKeys(protection: StorageProtection): void {
  if (protection.level === 'unavailable') throw storageUnavailableError();
  if (protection.level === 'weak' && !protection.weakAccepted) {
    throw new AppError(
      'weak-protection-not-accepted',
      'This computer has no system keyring (such as GNOME Keyring or KWallet) to lock your API key with. ' +
        'Without one, the key can only be encrypted with a password built into the app, which anyone who can read your files could undo.',
      {
        hint: 'Install and unlock a keyring (for example gnome-keyring or KWallet), then restart the app. ' +
          'Or accept the weaker protection to store the key anyway; you can only do that on purpose.',
      },
    );
  }
}

export function storageUnavailableError(): AppError {
  return new AppError(
    'storage-unavailable',
    'This computer offers the app no way to encrypt your API key, so the app will not store it.',
    { hint: 'On Linux, install and unlock a keyring (for example gnome-keyring or KWallet), then restart the app.' },
  );
}
