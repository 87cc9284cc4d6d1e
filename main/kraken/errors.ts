import { KRAKEN_API_SETTINGS } from '../../shared/kraken-places.ts';

// One error type for everything that can go wrong talking to Kraken, so the UI can switch on `code`
// and show `message` + `hint` without ever seeing a stack trace or a raw exception.

export type KrakenErrorCode =
  | 'invalid-key'
  | 'invalid-secret'
  | 'invalid-signature'
  | 'invalid-nonce'
  | 'permission-denied'
  | 'invalid-arguments'
  | 'unknown-asset-pair'
  | 'rate-limited'
  | 'lockout'
  | 'service-unavailable'
  | 'internal-error'
  | 'timeout'
  | 'aborted'
  | 'network'
  | 'bad-response'
  | 'http'
  | 'unknown';

interface ErrorDefaults {
  readonly message: string;
  readonly hint: string;
  readonly retryable: boolean;
}

const DEFAULTS: Readonly<Record<KrakenErrorCode, ErrorDefaults>> = {
  'invalid-key': {
    message: 'Kraken does not recognise this API key.',
    hint: `Paste the API key exactly as Kraken shows it, and check that the key has not been deleted on Kraken (${KRAKEN_API_SETTINGS}).`,
    retryable: false,
  },
  'invalid-secret': {
    message: 'The private key (API secret) is not in the format Kraken issues.',
    hint: 'Paste the private key exactly as Kraken showed it when the key was created (a base64 string).',
    retryable: false,
  },
  'invalid-signature': {
    message: 'Kraken rejected the request signature.',
    hint: 'The private key (API secret) does not match the API key. Paste both again exactly as Kraken shows them.',
    retryable: false,
  },
  'invalid-nonce': {
    message: 'Kraken rejected the request as out of order (invalid nonce).',
    hint: 'Give this app its own API key: another program using the same key makes Kraken reject this app\'s requests. A new key starts fresh.',
    retryable: false,
  },
  'permission-denied': {
    message: 'This API key is not allowed to read balances.',
    hint: `The key needs Funds permissions: Query. Edit the key on Kraken (${KRAKEN_API_SETTINGS}) and tick "Query Funds".`,
    retryable: false,
  },
  'invalid-arguments': {
    message: 'Kraken rejected the request parameters.',
    hint: 'This is a problem in the app, not with your key. Please report it.',
    retryable: false,
  },
  'unknown-asset-pair': {
    message: 'Kraken does not know one of the requested trading pairs.',
    hint: 'Prices may be missing for some assets. Refresh to reload the list of pairs.',
    retryable: true,
  },
  'rate-limited': {
    message: 'Kraken is limiting how often this key can be used.',
    hint: 'Wait a little before refreshing again, and close other programs that use the same key.',
    retryable: true,
  },
  lockout: {
    message: 'Kraken has temporarily locked this API key after too many failed requests.',
    hint: 'The app tries again on its own when the lock ends. If it happens again, check the API key and private key.',
    retryable: false,
  },
  'service-unavailable': {
    message: 'Kraken is busy or unavailable right now.',
    hint: 'The app tries again on its own. Kraken\'s status page says whether something is down or under maintenance.',
    retryable: true,
  },
  'internal-error': {
    message: 'Kraken reported an internal error.',
    hint: 'Try again in a few minutes.',
    retryable: true,
  },
  timeout: {
    message: 'Kraken did not answer in time.',
    hint: 'Check your internet connection and try again.',
    retryable: true,
  },
  aborted: {
    message: 'The request was cancelled.',
    hint: 'Refresh to try again.',
    retryable: true,
  },
  network: {
    message: 'Could not reach Kraken.',
    hint: 'Check your internet connection, VPN or firewall, then try again.',
    retryable: true,
  },
  'bad-response': {
    message: 'Kraken sent an answer the app could not read: it was cut off or garbled on the way.',
    hint: 'This is usually a short problem on Kraken\'s side or the network\'s. The app tries again on its own; Kraken\'s status page says whether something is down.',
    retryable: true,
  },
  http: {
    message: 'Kraken answered with an unexpected HTTP error.',
    hint: 'Try again in a few minutes.',
    retryable: false,
  },
  unknown: {
    message: 'Kraken reported an error the app does not know.',
    hint: 'Try again later. If it keeps happening, please report it with the error text.',
    retryable: false,
  },
};

export interface KrakenErrorDetails {
  readonly message?: string;
  readonly hint?: string;
  readonly retryable?: boolean;
  /** The raw `error` strings Kraken sent, e.g. ['EAPI:Invalid nonce']. */
  readonly krakenErrors?: readonly string[];
  readonly httpStatus?: number;
  /** Epoch ms before which calling again is pointless (lockout end, Retry-After). */
  readonly retryAt?: number;
  readonly cause?: unknown;
}

/** What crosses IPC: plain data, no stack, no cause. */
export interface KrakenErrorInfo {
  readonly name: 'KrakenError';
  readonly code: KrakenErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly retryable: boolean;
  readonly krakenErrors: readonly string[];
  readonly httpStatus: number | null;
  readonly retryAt: number | null;
}

export class KrakenError extends Error {
  override readonly name = 'KrakenError';
  readonly code: KrakenErrorCode;
  readonly hint: string;
  readonly retryable: boolean;
  readonly krakenErrors: readonly string[];
  readonly httpStatus: number | null;
  readonly retryAt: number | null;

  constructor(code: KrakenErrorCode, details: KrakenErrorDetails = {}) {
    const defaults = DEFAULTS[code];
    super(details.message ?? defaults.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.hint = details.hint ?? defaults.hint;
    this.retryable = details.retryable ?? defaults.retryable;
    this.krakenErrors = Object.freeze([...(details.krakenErrors ?? [])]);
    this.httpStatus = details.httpStatus ?? null;
    this.retryAt = details.retryAt ?? null;
  }

  toJSON(): KrakenErrorInfo {
    return {
      name: 'KrakenError',
      code: this.code,
      message: this.message,
      hint: this.hint,
      retryable: this.retryable,
      krakenErrors: this.krakenErrors,
      httpStatus: this.httpStatus,
      retryAt: this.retryAt,
    };
  }
}

export function isKrakenError(value: unknown): value is KrakenError {
  return value instanceof KrakenError;
}

// Kraken appends details after a further colon ("EGeneral:Invalid arguments:pair"), so match by prefix.
const KRAKEN_ERROR_CODES: ReadonlyArray<readonly [string, KrakenErrorCode]> = [
  ['EAPI:Invalid key', 'invalid-key'],
  ['EAPI:Invalid signature', 'invalid-signature'],
  ['EAPI:Invalid nonce', 'invalid-nonce'],
  ['EGeneral:Permission denied', 'permission-denied'],
  ['EGeneral:Invalid arguments', 'invalid-arguments'],
  ['EQuery:Unknown asset pair', 'unknown-asset-pair'],
  ['EAPI:Rate limit exceeded', 'rate-limited'],
  ['EGeneral:Too many requests', 'rate-limited'],
  ['EGeneral:Temporary lockout', 'lockout'],
  ['EService:Unavailable', 'service-unavailable'],
  ['EService:Busy', 'service-unavailable'],
  ['EGeneral:Internal error', 'internal-error'],
];

export function codeForKrakenError(raw: string): KrakenErrorCode {
  for (const [prefix, code] of KRAKEN_ERROR_CODES) {
    if (raw === prefix || raw.startsWith(prefix + ':')) return code;
  }
  return 'unknown';
}

/** Kraken prefixes failures with E and warnings with W; only E entries make a call fail. */
export function isKrakenFailure(raw: string): boolean {
  return raw.startsWith('E');
}

const MAX_RAW_ERROR_CHARS = 200;

/** Builds the error for a non-empty Kraken `error` array; the first recognised entry decides the code. */
export function krakenErrorFromStrings(errors: readonly string[], httpStatus?: number): KrakenError {
  const failures = errors.filter(isKrakenFailure).map((e) => e.slice(0, MAX_RAW_ERROR_CHARS));
  const known = failures.find((e) => codeForKrakenError(e) !== 'unknown');
  const code = known === undefined ? 'unknown' : codeForKrakenError(known);
  const message = code === 'unknown' ? `${DEFAULTS.unknown.message} (${failures.join('; ')})` : undefined;
  return new KrakenError(code, { message, krakenErrors: failures, httpStatus });
}

/** The error with `scrub` applied to every string a user or a log can see (message, hint, Kraken's own errors). */
export function redactKrakenError(error: KrakenError, scrub: (text: string) => string): KrakenError {
  const message = scrub(error.message);
  const hint = scrub(error.hint);
  const krakenErrors = error.krakenErrors.map(scrub);
  const unchanged = message === error.message && hint === error.hint && krakenErrors.every((e, i) => e === error.krakenErrors[i]);
  if (unchanged) return error;
  return new KrakenError(error.code, {
    message,
    hint,
    retryable: error.retryable,
    krakenErrors,
    httpStatus: error.httpStatus ?? undefined,
    retryAt: error.retryAt ?? undefined,
  });
}

/** Turns anything thrown into a KrakenError so callers only ever handle one type. */
export function toKrakenError(value: unknown): KrakenError {
  if (value instanceof KrakenError) return value;
  return new KrakenError('unknown', { message: 'Unexpected error while talking to Kraken.', cause: value });
}
