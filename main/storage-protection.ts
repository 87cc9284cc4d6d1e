import type { StorageProtection, WeakProtectionConsent } from '../ipc/contract.ts';
import { AppError } from './app-error.ts';
import type { Question } from './native-confirm.ts';
import type { CipherStatus } from './vault/secret-cipher.ts';

/** Backends where the OS really locks the data: macOS Keychain, Windows DPAPI, a Linux keyring. */
const OS_BACKENDS = new Set(['keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'secret_service']);

/**
 * How well stored keys are protected. Linux without a keyring falls back to 'basic_text' (a password
 * hard-coded in Chromium): encrypted in name only, so it is 'weak', as is any backend not known to be real.
 * `consent` is the user's stored answer to main's native question (main/vault/weak-consent.ts); it counts
 * only for the backend it was given for.
 */
export function describeProtection(status: CipherStatus, consent: WeakProtectionConsent | null): StorageProtection {
  if (!status.available) return { backend: status.backend, level: 'unavailable', weakAccepted: false, weakConsent: consent };
  const level = OS_BACKENDS.has(status.backend) ? 'os' : 'weak';
  return { backend: status.backend, level, weakAccepted: level === 'weak' && consent?.backend === status.backend, weakConsent: consent };
}

export function storageUnavailableError(): AppError {
  return new AppError(
    'storage-unavailable',
    'This computer offers the app no way to encrypt your API key, so the app will not store it.',
    { hint: 'On Linux, install and unlock a keyring (for example gnome-keyring or KWallet), then restart the app.' },
  );
}

/** The user said no in main's dialog: nothing is stored, and the form keeps what was typed. */
export function weakProtectionDeclinedError(): AppError {
  return new AppError('weak-protection-declined', 'The key was not saved: you chose not to store it with weaker protection.', {
    hint: 'Install and unlock a keyring (for example gnome-keyring or KWallet) and restart the app, or add the key again and accept.',
  });
}

/** Main's native question before the first key is stored under weak protection on this backend. */
export function weakConsentQuestion(backend: string): Question {
  return {
    message: 'Store the key with weaker protection?',
    detail:
      `This computer has no system keyring (such as GNOME Keyring or KWallet) that the app can use (storage backend: ${backend}). ` +
      'The key can only be encrypted with a password built into the app, which anyone who can read your files could undo. ' +
      'You can withdraw this consent in Settings at any time.',
    confirm: 'Store with weaker protection',
    cancel: 'Don’t store',
  };
}

/** What withdrawing the consent will do, asked natively before anything changes. */
export function withdrawConsentQuestion(impact: { action: 'remove' | 'reseal'; labels: readonly string[] }): Question {
  const n = impact.labels.length;
  const keys = n === 1 ? `the key of “${impact.labels[0] ?? ''}”` : `${n} keys`;
  const detail =
    n === 0
      ? 'No saved key uses the weaker protection now. Adding a key on this computer will ask again.'
      : impact.action === 'remove'
        ? `There is still no system keyring, so ${keys} stored with the built-in password will be deleted from this computer. Add ${n === 1 ? 'it' : 'them'} again once a keyring is set up; the keys stay valid on Kraken.`
        : `A system keyring protects new data now: ${keys} stored with the built-in password will be sealed again by the keyring.`;
  return {
    message: 'Withdraw your consent to weaker protection?',
    detail,
    confirm: n > 0 && impact.action === 'remove' ? 'Withdraw and delete keys' : 'Withdraw',
    cancel: 'Cancel',
  };
}
