import type { IpcError } from '../../ipc/contract.ts';
import { KRAKEN_API_SETTINGS } from '../../shared/kraken-places.ts';
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

/** App errors that may pass on their own: a keyring still locked after login, anything unexpected. */
const RETRYABLE_APP_ERRORS: ReadonlySet<string> = new Set(['internal', 'keyring-locked']);

/**
 * What to do about a saved key Kraken refuses, where the general hint would say "paste it again" with
 * nowhere to paste: the fix is "Update key", which the window offers beside the message.
 */
const SAVED_KEY_HINTS: Readonly<Record<string, string>> = {
  'invalid-key': `The key may have been deleted on Kraken. Check it there (${KRAKEN_API_SETTINGS}), or create a new read-only key, and enter it with Update key.`,
  'invalid-secret': 'Enter the key again with Update key, with the private key exactly as Kraken showed it when the key was created.',
  'invalid-signature': 'The saved private key does not match the API key. Enter both again with Update key, exactly as Kraken shows them.',
  'permission-denied': `The key needs Funds permissions: Query. Edit the key on Kraken (${KRAKEN_API_SETTINGS}) and tick "Query Funds", or enter another key with Update key.`,
  'invalid-nonce': `Give this app its own API key: another program using the same key makes Kraken reject this app's requests. Create one on Kraken (${KRAKEN_API_SETTINGS}) and enter it with Update key.`,
};

/** Key problems that go away on their own: a lockout ends, and the app tries again then. */
const PASSING_KEY_PROBLEMS: ReadonlySet<string> = new Set(['lockout']);

/** Why a refresh failed, as the user sees it (message, hint, kind, retry time), and what that means for retrying. */
export function describeRefreshError(thrown: unknown): DescribedError {
  const described = toIpcError(thrown);
  const aboutTheKey = KEY_PROBLEMS.has(described.code);
  // An AppError (e.g. the key could not be decrypted) needs the user; a keyring still locked after login,
  // or anything unexpected, may pass on its own.
  const retryable = isKrakenError(thrown) ? thrown.retryable : RETRYABLE_APP_ERRORS.has(described.code);
  const retryAt = isKrakenError(thrown) ? thrown.retryAt : null;
  const kind = aboutTheKey && !PASSING_KEY_PROBLEMS.has(described.code) ? 'key' : retryable || retryAt !== null ? 'transient' : undefined;
  const hint = kind === 'key' ? (SAVED_KEY_HINTS[described.code] ?? described.hint) : described.hint;
  const error: IpcError = kind === undefined ? described : { ...described, kind, ...(hint === undefined ? {} : { hint }) };
  return { error, retryable, retryAt, aboutTheKey };
}

/**
 * A refresh whose balances arrived but whose prices did not (Ticker, Assets or AssetPairs failed): the
 * balances are kept, unpriced, and the error says what is missing; the app retries as for any refresh.
 */
export function describeMarketDataError(thrown: unknown): DescribedError {
  const described = describeRefreshError(thrown);
  const error: IpcError = {
    ...described.error,
    code: 'prices-unavailable',
    message: `Balances are up to date, but Kraken's prices could not be loaded, so values are missing. ${described.error.message}`,
    kind: 'transient',
  };
  return { ...described, error, retryable: true, aboutTheKey: false };
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
