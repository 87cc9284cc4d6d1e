import type { IpcError } from '../../ipc/contract.ts';
import { toIpcError } from '../ipc/ipc-error.ts';
import { isKrakenError } from '../kraken/index.ts';

export interface DescribedError {
  readonly error: IpcError;
  /** Retrying soon can help (network, Kraken busy); false when the key or the user must change first. */
  readonly retryable: boolean;
  /** Epoch ms before which calling again is pointless (lockout end, Retry-After). */
  readonly retryAt: number | null;
  /** The failure says the key itself does not work (the account list shows "last check failed"). */
  readonly aboutTheKey: boolean;
}

/**
 * Codes that say something about the key rather than the network or Kraken: Kraken's (KrakenErrorCode)
 * and the vault's (the saved key cannot be decrypted).
 */
const KEY_PROBLEMS: ReadonlySet<string> = new Set([
  'invalid-key', 'invalid-secret', 'invalid-signature', 'invalid-nonce', 'permission-denied', 'lockout', 'key-unreadable',
]);

const RETRYABLE_APP_ERRORS: ReadonlySet<string> = new Set(['internal', 'keyring-locked']);

/** Why a refresh failed, as the user sees it (message and hint only), and what that means for retrying. */
export function describeRefreshError(thrown: unknown): DescribedError {
  const error = toIpcError(thrown);
  const aboutTheKey = KEY_PROBLEMS.has(error.code);
  if (isKrakenError(thrown)) return { error, retryable: thrown.retryable, retryAt: thrown.retryAt, aboutTheKey };
  // An AppError (e.g. the key could not be decrypted) needs the user; a keyring still locked after login,
  // or anything unexpected, may pass on its own.
  return { error, retryable: RETRYABLE_APP_ERRORS.has(error.code), retryAt: null, aboutTheKey };
}
