import type { IpcError } from '../../ipc/contract.ts';
import { toIpcError } from '../ipc/app-error.ts';
import { isKrakenError } from '../kraken/index.ts';

export interface DescribedError {
  readonly error: IpcError;
  /** Retrying soon can help (network, Kraken busy); false when the key or the user must change first. */
  readonly retryable: boolean;
  /** Epoch ms before which calling again is pointless (lockout end, Retry-After). */
  readonly retryAt: number | null;
}

/** Why a refresh failed, as the user sees it: message and hint only, never a stack or raw exception. */
export function describeRefreshError(thrown: unknown): DescribedError {
  if (isKrakenError(thrown)) {
    return {
      error: { code: thrown.code, message: thrown.message, hint: thrown.hint },
      retryable: thrown.retryable,
      retryAt: thrown.retryAt,
    };
  }
  const error = toIpcError(thrown);
  // An AppError (e.g. the key could not be decrypted) needs the user; anything else may be transient.
  return { error, retryable: error.code === 'internal', retryAt: null };
}
