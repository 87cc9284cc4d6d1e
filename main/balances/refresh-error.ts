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

/** Why a refresh failed, as the user sees it (message and hint only), and what that means for retrying. */
export function describeRefreshError(thrown: unknown): DescribedError {
  const error = toIpcError(thrown);
  const aboutTheKey = KEY_PROBLEMS.has(error.code);
  if (isKrakenError(thrown)) return { error, retryable: thrown.retryable, retryAt: thrown.retryAt, aboutTheKey };
  // An AppError (e.g. the key could not be decrypted) needs the user; anything else may be transient.
  return { error, retryable: error.code === 'internal', retryAt: null, aboutTheKey };
}

/** Kraken's own words for the log, bounded: what its error strings say is what support asks for first. */
const LOGGED_DETAIL_MAX_CHARS = 200;

/**
 * The log line's detail for a failed refresh: the HTTP status and Kraken's error strings, e.g.
 * " (HTTP 500; EGeneral:Internal error)"; '' when there are none. Kraken's text comes from the network, so
 * it passes the logger's secret and amount filters like every other line (main/log.ts).
 */
export function refreshErrorDetail(thrown: unknown): string {
  if (!isKrakenError(thrown)) return '';
  const parts = [...(thrown.httpStatus === null ? [] : [`HTTP ${thrown.httpStatus}`]), ...thrown.krakenErrors];
  if (parts.length === 0) return '';
  const detail = parts.join('; ');
  return ` (${detail.length <= LOGGED_DETAIL_MAX_CHARS ? detail : `${detail.slice(0, LOGGED_DETAIL_MAX_CHARS - 1)}…`})`;
}
